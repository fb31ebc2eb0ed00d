/**
 * A small scripted hh.ru for site-gateway tests: page URLs answer their state as JSON only with the
 * three headers and the current build (406 for an old one, the HTML page otherwise), JSON routes
 * answer 406 without them; every request is remembered. Writes go through a fake page context.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHttp, type Http } from '../../lib/hh/http';
import type { ButtonOutcome, PageAnswer, PageCall, PageContext, PageTarget } from '../../lib/hh/site/tab';

export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
export const ORIGIN = 'https://hh.ru';
export const BUILD = '26.47.1.2';
export const HASH_1001 = 'cc31aaf5b93daa7cd26483dedfcb123c8bed34';
export const HASH_1002 = 'c1505f6ff0ad973eb7772ae81fb5e9a88036ea';
export const HASH_1003 = '846aee7e59578362ef13433c985bf0f7a77f2c';
export const HASH_1004 = 'ecbefbc5d9b50eff1c4c4d0c620c03e5f43eac';

const dir = fileURLToPath(new URL('./fixtures/site/', import.meta.url));

/** A fresh copy of a fixture (tests may change it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as T;
}

export function encodeState(state: unknown): string {
  return JSON.stringify(state).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function pageHtml(state: unknown, build: string): string {
  return `<!DOCTYPE html><html><head><script id="js-script-global-vars">window.globalVars = ${JSON.stringify({ build, lang: 'RU' })};</script></head>
<body><div id="HH-React-Root"></div><template id="HH-Lux-InitialState">${encodeState(state)}</template></body></html>`;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

export const htmlAnswer = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });

export interface Seen {
  url: string;
  /** path + search */
  path: string;
  headers: Headers;
}

type Route = unknown | (() => unknown);

export interface FakeHhOptions {
  build?: string;
  /** Page URLs (path, or path + search) -> their state. */
  pages?: Record<string, Route>;
  /** JSON routes -> body, or a Response for odd answers. */
  routes?: Record<string, Route>;
}

export function fakeHh(opts: FakeHhOptions) {
  let build = opts.build ?? BUILD;
  const seen: Seen[] = [];
  const pages = { ...opts.pages };
  const routes = { ...opts.routes };
  const value = (r: Route) => (typeof r === 'function' ? (r as () => unknown)() : r);

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname + url.search;
    const headers = new Headers(init?.headers);
    seen.push({ url: url.href, path, headers });
    const three =
      (headers.get('accept') ?? '').includes('application/json') &&
      headers.get('x-requested-with') === 'XMLHttpRequest' &&
      headers.has('x-static-version');
    const current = headers.get('x-static-version') === build;
    const page = pages[path] ?? pages[url.pathname];
    if (page !== undefined) {
      const state = value(page);
      if (state instanceof Response) return state;
      if (three && current) return json(200, state);
      if (three) return json(406, { error: 'static-version-mismatch', build });
      return htmlAnswer(200, pageHtml(state, build));
    }
    const route = routes[path] ?? routes[url.pathname];
    if (route !== undefined) {
      if (!three || !current) return json(406, { error: 'not-acceptable', build });
      const body = value(route);
      return body instanceof Response ? body : json(200, body);
    }
    return htmlAnswer(404, '<!DOCTYPE html><title>404</title>');
  };

  const http: Http = createHttp({ fetch, sleep: async () => undefined, random: () => 0, now: () => NOW });
  return {
    http,
    seen,
    pages,
    routes,
    /** A deploy: the build string changes. */
    deploy(next: string) {
      build = next;
    },
  };
}

export interface PageCallSeen {
  call: PageCall;
  target: PageTarget;
}

/** The hh.ru tab: `answer` plays hh's reply to each write, `press` its raise button. */
export function fakePage(
  answer: (call: PageCall) => PageAnswer | Promise<PageAnswer>,
  press: (hash: string) => ButtonOutcome = () => 'no_button',
) {
  const calls: PageCallSeen[] = [];
  const presses: string[] = [];
  const page: PageContext = {
    async send(call, target) {
      calls.push({ call, target });
      return answer(call);
    },
    async pressRaise(hash) {
      presses.push(hash);
      return press(hash);
    },
  };
  return { page, calls, presses };
}

export const pageJson = (status: number, body: unknown, retryAfter: string | null = null): PageAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  text: JSON.stringify(body),
  retryAfter,
});

export const pageHtmlAnswer = (status: number, text = '<!DOCTYPE html><html><body>Страница</body></html>'): PageAnswer => ({
  status,
  contentType: 'text/html; charset=utf-8',
  text,
  retryAfter: null,
});

/** Form fields of a page call as an object (last value wins). */
export function fieldsOf(call: PageCall): Record<string, string> {
  return call.body.type === 'form' ? Object.fromEntries(call.body.fields) : {};
}
