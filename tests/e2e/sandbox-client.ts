/** Talks to a running sandbox's control endpoint (`/__sandbox/*`) over HTTPS on loopback. */
import { request } from 'node:https';

export interface LogEntry {
  t: number;
  host: string;
  method: string;
  path: string;
  query: Record<string, string> | string;
  headers: Record<string, string>;
  body: string;
  status?: number;
}

export interface Fault {
  host?: string;
  method?: string;
  path: string;
  kind: string;
  times?: number;
  retryAfter?: number;
}

export function sandboxClient(port: number) {
  function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return new Promise((resolveCall, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: `/__sandbox/${path}`,
          servername: 'hh.ru',
          headers: { host: 'hh.ru', 'content-type': 'application/json', ...(data ? { 'content-length': Buffer.byteLength(data) } : {}) },
          rejectUnauthorized: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 400) return reject(new Error(`sandbox ${path}: ${res.statusCode} ${text}`));
            try {
              resolveCall((text ? JSON.parse(text) : null) as T);
            } catch {
              resolveCall(text as T);
            }
          });
        },
      );
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
  }
  return {
    reset: () => call<unknown>('POST', 'reset', {}),
    clock: (c: { now?: number; advance?: number }) => call<{ now: number }>('POST', 'clock', c),
    latency: (l: { ms: number; host?: string; path?: string }) => call<unknown>('POST', 'latency', l),
    fault: (f: Fault) => call<unknown>('POST', 'fault', f),
    clearFaults: () => call<unknown>('DELETE', 'fault'),
    log: async (filter: { host?: string; path?: string; method?: string } = {}) => {
      const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
      return call<LogEntry[]>('GET', `log${q ? `?${q}` : ''}`);
    },
    clearLog: () => call<unknown>('DELETE', 'log'),
    config: (c: Record<string, unknown>) => call<Record<string, unknown>>('POST', 'config', c),
    token: (user = 'anna') =>
      call<{ access_token: string; refresh_token: string; expires_in: number }>('POST', 'token', { user }),
    patchResume: (patch: { id: string } & Record<string, unknown>) => call<unknown>('POST', 'resume', patch),
    state: () => call<Record<string, unknown>>('GET', 'state'),
    /** An employer answers a topic (by topic id, or by vacancy for anna): state, unread message. */
    answer: (a: { topic?: string; vacancy?: string; user?: string; state?: string; rawState?: string | null; message?: boolean }) =>
      call<{ id: string; vacancyId: string; state: string; rawState: string | null; hasUpdates: boolean; updatedAt: number }>('POST', 'answer', a),
    captcha: (c: { user?: string; required: boolean }) => call<unknown>('POST', 'captcha', c),
    /** Adds `count` topics to a user's list (default anna), newer than every earlier one. */
    topics: (t: { count: number; user?: string }) => call<{ added: number; total: number }>('POST', 'topics', t),
  };
}

export type SandboxClient = ReturnType<typeof sandboxClient>;
