/**
 * Faults and latency that tests put in front of hh.ru / api.hh.ru (`forbidden` on the site: its
 * 403 HTML page, what a refused write gets): outages, captcha, expired
 * tokens, broken or odd bodies, dropped and hanging connections.
 */

const FAULT_KINDS = [
  '500',
  '502',
  '503',
  '429',
  'captcha',
  'token_expired',
  'token_revoked',
  'forbidden',
  'not_found',
  'malformed',
  'wrong_shape',
  'huge',
  'drop',
  'drop_after',
  'hang',
  'html200',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  host?: string;
  method?: string;
  /** A path prefix, or a regular expression written as `/.../flags` (with at least one metacharacter). */
  path: string;
  kind: FaultKind;
  /** How many matching requests it hits: default 1; 0 = until cleared. */
  times?: number;
  /** Seconds, for 429. */
  retryAfter?: number;
}

interface Fault extends FaultSpec {
  matchPath: (path: string) => boolean;
  remaining: number;
}

export interface LatencySpec {
  ms: number;
  host?: string;
  /** Path prefix. */
  path?: string;
}

/**
 * `/.../flags` is a regular expression only when it holds a regex metacharacter: `/resumes/mine`
 * and `/applicant/` stay plain path prefixes.
 */
function pathMatcher(pattern: string): (path: string) => boolean {
  const re = /^\/(.+)\/([dgimsuy]*)$/.exec(pattern);
  if (re && /[\\^$*+?()[\]{}|]/.test(re[1]!)) {
    const regex = new RegExp(re[1]!, re[2]);
    return (p) => regex.test(p);
  }
  return (p) => p.startsWith(pattern);
}

export function isFaultKind(kind: unknown): kind is FaultKind {
  return typeof kind === 'string' && (FAULT_KINDS as readonly string[]).includes(kind);
}

export function createFaults() {
  let faults: Fault[] = [];
  let latencies: LatencySpec[] = [];
  return {
    add(spec: FaultSpec): void {
      const times = spec.times ?? 1;
      faults.push({ ...spec, matchPath: pathMatcher(spec.path), remaining: times === 0 ? Infinity : times });
    },
    /** The first live fault for this request, consumed by one. */
    take(host: string, method: string, path: string): FaultSpec | null {
      const f = faults.find(
        (x) =>
          x.remaining > 0 &&
          (!x.host || x.host.toLowerCase() === host) &&
          (!x.method || x.method.toUpperCase() === method) &&
          x.matchPath(path),
      );
      if (!f) return null;
      f.remaining -= 1;
      const { matchPath: _m, remaining: _r, ...spec } = f;
      return spec;
    },
    clear(): void {
      faults = [];
    },
    /** ms = 0 clears every latency rule. */
    setLatency(spec: LatencySpec): void {
      latencies = spec.ms > 0 ? [...latencies, spec] : [];
    },
    latencyFor(host: string, path: string): number {
      return latencies
        .filter((l) => (!l.host || l.host.toLowerCase() === host) && (!l.path || path.startsWith(l.path)))
        .reduce((max, l) => Math.max(max, l.ms), 0);
    },
    clearLatency(): void {
      latencies = [];
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
