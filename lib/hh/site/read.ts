/**
 * Reads through the user's hh.ru session from the background (docs hh-site.md, "JSON instead of
 * HTML"): page URLs answer their state as JSON only when sent `Accept: application/json`,
 * `X-Requested-With` and the current `X-Static-Version` build together. The build changes with
 * every deploy: a 406 or an HTML answer refreshes it once. An HTML answer still carries the page's
 * state in its (entity-encoded) template, so a page read never needs a second round for that.
 */
import { HhError, noSessionError } from '../errors';
import type { Http } from '../http';
import type { Fact } from '../memory';
import { buildFromHtml, requireApplicant, stateFromHtml } from './state';
import { at, isObj, str, type Obj } from './json';

export interface SiteReader {
  /** A page's state (JSON answer or the HTML page's template), checked: logged-in applicant, no captcha. */
  state(path: string): Promise<Obj>;
  /** A JSON route (shards, the apply preflight). */
  json(path: string): Promise<unknown>;
}

export interface ReaderOptions {
  origin: string;
  http: Http;
  /** Where the current build string is kept. */
  build: Fact<string>;
  /** Called when a page read shows a logged-in applicant on this origin. */
  onApplicant?: () => Promise<void>;
}

/** `Retry-After` in seconds or as an HTTP date -> ms epoch. */
export function retryAtOf(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const s = Number(value);
  if (Number.isFinite(s)) return now + Math.max(0, s) * 1000;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

/** A captcha answer: hh's captcha page state or a JSON body carrying `hhcaptcha`/`isBot`. */
export function captchaIn(text: string): { url: string | null } | null {
  if (!/hhcaptcha|isBot|AccountCaptcha/.test(text)) return null;
  try {
    const body: unknown = JSON.parse(text);
    if (isObj(body)) {
      const error = body['error'];
      const flagged =
        at(body, 'hhcaptcha', 'isBot') === true || body['isBot'] === true || error === 'captcha' || error === 'captcha_required';
      if (!flagged) return null;
      return {
        url:
          str(body['captchaUrl']) ??
          str(body['captcha_url']) ??
          str(at(body, 'hhcaptcha', 'captchaUrl')) ??
          str(at(body, 'hhcaptcha', 'url')),
      };
    }
  } catch {
    // Not JSON: an HTML captcha page.
  }
  return { url: null };
}

/** hh.ru's answer to a JSON ask from a guest: `403 {type: "needLogin"}`. */
export function needsLogin(text: string): boolean {
  try {
    const body: unknown = JSON.parse(text);
    return isObj(body) && (body['type'] === 'needLogin' || body['error'] === 'need-login');
  } catch {
    return false;
  }
}

/**
 * A refusal whose own page state (an HTML page's template, or the state as JSON) says nobody is
 * logged in. "Logged in" is the page state's `userType: "applicant"` (hh-site.md, "Newer evidence":
 * guests get an `hhtoken` too), so such a 403 means "log in", not "forbidden".
 * guess: hh.ru has not been seen answering a guest's page read with a 403 page; the captures show a
 * 403 `needLogin` JSON or a redirect to the login page. This only keeps such a page from reading as
 * "forbidden" (the sandbox's refusal page carries the asker's state, as hh's pages do).
 */
function guestPage(text: string): boolean {
  let state: Obj | null = null;
  try {
    state = stateFromHtml(text);
    if (!state) {
      const body: unknown = JSON.parse(text);
      state = isObj(body) ? body : null;
    }
  } catch {
    return false;
  }
  if (!state || !('userType' in state)) return false;
  return state['userType'] !== 'applicant' && state['userType'] !== 'employer';
}

/** Errors of background reads: the site's statuses -> HhError kinds. */
function readError(origin: string) {
  return (status: number, text: string, headers: Headers, now: number): HhError => {
    const captcha = captchaIn(text);
    if (captcha) return new HhError('captcha', { status, url: captcha.url ?? `${origin}/account/captcha` });
    if (status === 401 || needsLogin(text) || (status === 403 && guestPage(text))) return noSessionError(origin, status);
    if (status === 403) return new HhError('forbidden', { status });
    if (status === 404) return new HhError('not_found', { status });
    if (status === 429) return new HhError('rate', { status, retryAt: retryAtOf(headers.get('retry-after'), now) });
    if (status >= 500) return new HhError('server', { status });
    return new HhError('invalid_response', { status, value: `HTTP ${status}` });
  };
}

function isHtml(headers: Headers, text: string): boolean {
  const type = headers.get('content-type') ?? '';
  return type.includes('html') || (!type.includes('json') && /^\s*</.test(text));
}

function buildIn406(text: string): string | null {
  try {
    return str(at(JSON.parse(text), 'build'));
  } catch {
    return null;
  }
}

/**
 * hh.ru's build strings look like `26.37.2.1`. The value comes from pages (and page scripts can
 * write anything there); it becomes a request header, where a newline or a non-ASCII letter would
 * make `new Headers()` throw on every read. Anything else is no build at all.
 */
const BUILD = /^[\w.-]{1,64}$/;
export const validBuild = (value: string | null | undefined): string | null => (value && BUILD.test(value) ? value : null);

/** A page read: JSON, or an HTML page with the state cut from it (null when it has none). */
type Answer = { kind: 'json'; value: unknown } | { kind: 'html'; text: string; state: Obj | null };

export function createSiteReader(opts: ReaderOptions): SiteReader {
  const { http, build } = opts;
  const { origin } = opts;

  async function get(path: string, headers: Record<string, string>) {
    return http.request({
      url: `${origin}${path}`,
      headers,
      read: 'text',
      accept: [406],
      credentials: 'include',
      mapError: readError(origin),
    });
  }

  /** hh's build from a light page, when the answer at hand did not carry it. */
  async function freshBuild(): Promise<string | null> {
    const res = await get('/', {});
    return validBuild(buildFromHtml(res.data));
  }

  /** `wantJson`: a JSON route, where an HTML page (even with a state) means the build is stale. */
  async function answer(path: string, wantJson: boolean): Promise<Answer> {
    let current = validBuild(await build.get());
    for (let retried = false; ; retried = true) {
      const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
      if (current) headers['X-Static-Version'] = current;
      const res = await get(path, headers);
      const stale = res.status === 406;
      if (!stale && !isHtml(res.headers, res.data)) {
        try {
          return { kind: 'json', value: JSON.parse(res.data) as unknown };
        } catch {
          throw new HhError('invalid_response', { value: `not JSON from ${path}` });
        }
      }
      const seen = validBuild(stale ? buildIn406(res.data) : buildFromHtml(res.data));
      if (seen && seen !== current) await build.set(seen);
      const page = stale ? null : { kind: 'html' as const, text: res.data, state: stateFromHtml(res.data) };
      // A page read takes the HTML page's own state; a JSON route retries with the fresh build,
      // unless the page already says why it cannot answer (logged out, captcha).
      const says = page?.state != null && (!wantJson || page.state['userType'] !== 'applicant');
      if (page && (says || retried)) return page;
      const next = retried ? null : (seen ?? (await freshBuild()));
      if (!next || next === current) {
        throw new HhError('invalid_response', { status: res.status, value: `hh.ru refused build ${current ?? '(none)'}` });
      }
      if (!seen) await build.set(next);
      current = next;
    }
  }

  return {
    async state(path) {
      const a = await answer(path, false);
      const state = a.kind === 'json' ? (isObj(a.value) ? a.value : null) : a.state;
      if (!state) {
        if (a.kind === 'html' && captchaIn(a.text)) throw new HhError('captcha', { url: `${origin}/account/captcha` });
        throw new HhError('invalid_response', { value: `no page state at ${path}` });
      }
      requireApplicant(state, origin);
      await opts.onApplicant?.();
      return state;
    },
    async json(path) {
      const a = await answer(path, true);
      if (a.kind === 'json') {
        const captcha = captchaIn(JSON.stringify(a.value));
        if (captcha) throw new HhError('captcha', { url: captcha.url ?? `${origin}/account/captcha` });
        return a.value;
      }
      if (a.state) requireApplicant(a.state, origin);
      throw new HhError('invalid_response', { value: `HTML instead of JSON at ${path}` });
    },
  };
}
