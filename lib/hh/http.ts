/**
 * The one fetch wrapper for everything that talks to hh: identification headers, bearer, lenient
 * zod parsing, error bodies -> HhError, ETag revalidation with the persistent cache, and bounded
 * retries with backoff and full jitter for safe (GET) requests only.
 */
import { browser } from 'wxt/browser';
import { z, type ZodType } from '../zod';
import { HhError } from './errors';
import { ERROR_POLICY } from './policy';
import { apiError } from './api/parse';

export const CONTACT = 'otklik@otklik.dev';
const API_HOST = 'api.hh.ru';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** How a successful body is read: a zod schema for JSON, raw text, or not at all. */
export type Read = ZodType | 'text' | 'none';
export type DataOf<R extends Read> = R extends ZodType ? z.output<R> : R extends 'text' ? string : undefined;

/** Maps an error answer to an HhError; the default knows api.hh.ru's error bodies. */
export type ErrorMapper = (status: number, bodyText: string, headers: Headers, now: number) => HhError;

export interface RequestSpec<R extends Read = Read> {
  url: string;
  method?: Method;
  headers?: Record<string, string>;
  /** FormData goes multipart, URLSearchParams form-encoded, a plain object as JSON. */
  body?: FormData | URLSearchParams | string | Record<string, unknown> | null;
  read?: R;
  /** Sent as `Authorization: Bearer`. lib/auth's `authorizedRequest` fills it. */
  bearer?: string | null;
  /** GET only: revalidate with If-None-Match against the persistent cache under this key. */
  cacheKey?: string;
  /** GET only: total attempts (default 3). Other methods are sent exactly once. */
  attempts?: number;
  /** Non-2xx statuses that are answers rather than errors (e.g. 303 for an apply). */
  accept?: readonly number[];
  redirect?: RequestRedirect;
  credentials?: RequestCredentials;
  /** An applicant API method: a plain 403 `forbidden` means HH refused this app (`app_refused`). */
  applicant?: boolean;
  /** Where hh.ru sends the person back after solving a captcha. */
  backUrl?: string;
  mapError?: ErrorMapper;
  timeoutMs?: number;
}

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  data: T;
  /** A 304: `data` is the cached body and nothing changed since, so callers can skip re-rendering. */
  unchanged: boolean;
  /** `redirect: 'manual'` in a browser: the redirect happened but its target is hidden. */
  opaqueRedirect: boolean;
}

export interface CachedResponse {
  etag: string;
  body: unknown;
  at: number;
}

/** Where ETag-revalidated answers are kept between requests (and worker restarts). */
export interface HttpCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
}

export interface HttpDeps {
  fetch: typeof fetch;
  /** Without one, `cacheKey` is ignored and every GET is answered in full. */
  cache: HttpCache | null;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export interface Http {
  request<R extends Read = 'none'>(spec: RequestSpec<R>): Promise<HttpResult<DataOf<R>>>;
}

export const RETRY = {
  attempts: 3,
  baseMs: 500,
  capMs: 8_000,
  /** A Retry-After further away than this is not waited for: the caller gets `rate` with retryAt. */
  maxRetryAfterMs: 30_000,
  timeoutMs: 30_000,
} as const;

let cachedAgent: string | undefined;

/** `Otklik/<version> (<contact>)`: HH reads HH-User-Agent because browsers own User-Agent. */
export function userAgent(): string {
  if (cachedAgent) return cachedAgent;
  let version = 'dev';
  try {
    version = browser.runtime.getManifest().version;
  } catch {
    // Outside an extension (unit tests, scripts) there is no manifest.
  }
  return (cachedAgent = `Otklik/${version} (${CONTACT})`);
}

function isApiHost(url: string): boolean {
  try {
    return new URL(url).hostname === API_HOST;
  } catch {
    return false;
  }
}

function encodeBody(body: RequestSpec['body'], headers: Headers): BodyInit | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string' || body instanceof FormData || body instanceof URLSearchParams) return body;
  headers.set('Content-Type', 'application/json');
  return JSON.stringify(body);
}

const defaultMapper = (spec: RequestSpec): ErrorMapper => (status, text, headers, now) =>
  apiError(status, text, headers, { applicant: spec.applicant, backUrl: spec.backUrl, now });

function parse<R extends Read>(read: R | undefined, text: string): DataOf<R> {
  if (read === undefined || read === 'none') return undefined as DataOf<R>;
  if (read === 'text') return text as DataOf<R>;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HhError('invalid_response', { value: `not JSON: ${text.slice(0, 80)}` });
  }
  return validate(read, json) as DataOf<R>;
}

function validate(schema: ZodType, json: unknown): unknown {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new HhError('invalid_response', { value: where });
}

/** A success body cut off (timeout, dropped connection) is a network failure; an error body is optional. */
async function readBody(res: Response, ok: boolean): Promise<string> {
  try {
    return await res.text();
  } catch (e) {
    if (!ok) return '';
    throw new HhError('network', { value: `body: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * After a few 5xx in a row Chrome refuses an extension's requests to that URL for a while (its
 * anti-DDoS throttling, https://www.chromium.org/throttling): the fetch fails as if offline. For
 * this long after hh.ru answered a URL with 5xx, such a failure is hh.ru failing, not the network.
 */
const HELD_BACK_MS = 10 * 60_000;
/**
 * URLs remembered for that at most: a client lives as long as the worker (Firefox's background page
 * for the whole session), and every vacancy is its own URL. The oldest 5xx is forgotten first.
 */
export const HELD_BACK_URLS = 200;

function urlKey(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url;
  }
}

function retriable(e: unknown): e is HhError {
  return e instanceof HhError && ERROR_POLICY[e.kind].transient;
}

export function createHttp(overrides: Partial<HttpDeps> = {}): Http {
  const deps: HttpDeps = {
    fetch: (input, init) => globalThis.fetch(input, init),
    cache: null,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now,
    ...overrides,
  };
  const lastServerError = new Map<string, number>();

  /** Oldest first (a URL noted again moves to the end): what expired or is past the cap goes from the front. */
  function noteStatus(url: string, status: number): void {
    const key = urlKey(url);
    lastServerError.delete(key);
    if (status < 500) return;
    const now = deps.now();
    for (const [old, at] of lastServerError) {
      if (lastServerError.size < HELD_BACK_URLS && now - at <= HELD_BACK_MS) break;
      lastServerError.delete(old);
    }
    lastServerError.set(key, now);
  }

  function heldBack(url: string, e: unknown): unknown {
    const at = lastServerError.get(urlKey(url));
    if (!(e instanceof HhError) || e.kind !== 'network' || at === undefined || deps.now() - at > HELD_BACK_MS) return e;
    return new HhError('server', { value: `held back after hh.ru errors: ${e.info.value ?? ''}`.trim() });
  }

  /** Full jitter: a random wait up to the exponential step; Retry-After wins when it says more. */
  function delayBefore(attempt: number, e: HhError): number | null {
    const jitter = deps.random() * Math.min(RETRY.capMs, RETRY.baseMs * 2 ** (attempt - 1));
    if (e.kind !== 'rate' || e.info.retryAt == null) return jitter;
    const wait = e.info.retryAt - deps.now();
    if (wait > RETRY.maxRetryAfterMs) return null;
    return Math.max(wait, jitter);
  }

  /** Sends; the timeout stays armed until `release`, so a stalled body cannot hang the worker either. */
  async function send(spec: RequestSpec, method: Method): Promise<{ res: Response; release: () => void }> {
    const headers = new Headers(spec.headers);
    if (isApiHost(spec.url)) {
      headers.set('HH-User-Agent', userAgent());
      // Chrome drops a script-set User-Agent silently; Firefox sends it.
      headers.set('User-Agent', userAgent());
    }
    if (spec.bearer) headers.set('Authorization', `Bearer ${spec.bearer}`);
    if (spec.read && spec.read !== 'text' && spec.read !== 'none' && !headers.has('Accept')) {
      headers.set('Accept', 'application/json');
    }
    const body = encodeBody(spec.body, headers);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), spec.timeoutMs ?? RETRY.timeoutMs);
    try {
      const res = await deps.fetch(spec.url, {
        method,
        headers,
        body,
        redirect: spec.redirect,
        credentials: spec.credentials,
        signal: controller.signal,
      });
      return { res, release: () => clearTimeout(timer) };
    } catch (e) {
      clearTimeout(timer);
      const timedOut = controller.signal.aborted;
      throw new HhError('network', { value: timedOut ? 'timeout' : e instanceof Error ? e.message : String(e) });
    }
  }

  async function once<R extends Read>(spec: RequestSpec<R>, method: Method): Promise<HttpResult<DataOf<R>>> {
    const cached = method === 'GET' && spec.cacheKey ? await deps.cache?.get(spec.cacheKey) : undefined;
    const withTag: RequestSpec<R> = cached
      ? { ...spec, headers: { ...spec.headers, 'If-None-Match': cached.etag } }
      : spec;
    const { res, release } = await send(withTag, method).catch((e: unknown) => {
      throw heldBack(spec.url, e);
    });
    noteStatus(spec.url, res.status);
    try {
      return await answer(spec, method, res, cached);
    } finally {
      release();
    }
  }

  async function answer<R extends Read>(
    spec: RequestSpec<R>,
    method: Method,
    res: Response,
    cached: CachedResponse | undefined,
  ): Promise<HttpResult<DataOf<R>>> {
    const base = { status: res.status, headers: res.headers, unchanged: false, opaqueRedirect: false };

    if (res.type === 'opaqueredirect') return { ...base, data: undefined as DataOf<R>, opaqueRedirect: true };
    if (res.status === 304 && cached) {
      const data = spec.read && spec.read !== 'text' && spec.read !== 'none' ? validate(spec.read, cached.body) : cached.body;
      return { ...base, data: data as DataOf<R>, unchanged: true };
    }
    const ok = (res.status >= 200 && res.status < 300) || (spec.accept ?? []).includes(res.status);
    const text = spec.read === 'none' && ok ? '' : await readBody(res, ok);
    if (!ok) throw (spec.mapError ?? defaultMapper(spec))(res.status, text, res.headers, deps.now());

    const data = parse(spec.read, text);
    const etag = res.headers.get('etag');
    if (method === 'GET' && spec.cacheKey && etag && spec.read !== 'text' && spec.read !== 'none') {
      await deps.cache?.set(spec.cacheKey, { etag, body: JSON.parse(text), at: deps.now() });
    }
    return { ...base, data };
  }

  async function request<R extends Read = 'none'>(spec: RequestSpec<R>): Promise<HttpResult<DataOf<R>>> {
    const method = spec.method ?? 'GET';
    const attempts = method === 'GET' ? Math.max(1, spec.attempts ?? RETRY.attempts) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(spec, method);
      } catch (e) {
        if (!retriable(e) || attempt >= attempts) throw e;
        const wait = delayBefore(attempt, e);
        if (wait === null) throw e;
        await deps.sleep(wait);
      }
    }
  }

  return { request };
}
