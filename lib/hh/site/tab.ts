/**
 * Writes through the user's own hh.ru session run inside an hh.ru page (docs hh-site.md, "Where to
 * send from"): there a request carries hh.ru's Origin and Referer and the page's `_xsrf` cookie is
 * readable. The user's open tab on that site is used when there is one, otherwise a background tab
 * is opened for the job and closed after. The injected functions are self-contained (they are
 * serialized into the page's isolated world) and never touch the page's own fetch/XHR or its modals.
 */
import { browser, type Browser } from 'wxt/browser';
import { HhError, noSessionError, notSent } from '../errors';
import { isSiteUrl } from '../sites';

/** One write, described as data so it can cross into the page. */
export interface PageCall {
  /** A path on the tab's own origin (hh.ru may have moved the tab to spb.hh.ru), or an absolute URL. */
  url: string;
  /** Form fields (sent multipart, plus `_xsrf`) or a JSON value. */
  body: { type: 'form'; fields: Array<[string, string]> } | { type: 'json'; value: unknown };
  /** Path on the tab's own origin to send as Referer (hh's page this write belongs to). */
  referrerPath?: string;
}

export interface PageAnswer {
  /** 0: the request failed in flight (it may have reached hh.ru); -1: not sent (`error`: 'offline', or no `_xsrf` cookie). */
  status: number;
  contentType: string;
  text: string;
  /** `Retry-After` when hh.ru sent one. */
  retryAfter: string | null;
  error?: string;
}

/** What pressing hh's own «Поднять» on /applicant/resumes did. */
export type ButtonOutcome = 'clicked' | 'cooling' | 'no_card' | 'no_button';

/** Where a write runs: a page path on the site's origin; `tabId` when a specific tab is preferred. */
export interface PageTarget {
  origin: string;
  path: string;
  tabId?: number;
}

export interface PageContext {
  /** Exactly one request from inside an hh.ru page; never retried. */
  send(call: PageCall, target: PageTarget): Promise<PageAnswer>;
  /** Press hh's own raise button for the resume with this hash on the resume list page. */
  pressRaise(hash: string, origin: string): Promise<ButtonOutcome>;
}

const LOAD_TIMEOUT_MS = 30_000;
const BUTTON_WAIT_MS = 8_000;

// ---------- functions that run inside the hh.ru page ----------

async function pageSend(call: PageCall): Promise<PageAnswer> {
  // Offline, a fetch fails before sending: say so rather than "failed in flight" (status 0).
  if (navigator.onLine === false) return { status: -1, contentType: '', text: '', retryAfter: null, error: 'offline' };
  const m = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/);
  const xsrf = m ? decodeURIComponent(m[1]!) : '';
  if (!xsrf) return { status: -1, contentType: '', text: '', retryAfter: null, error: 'no _xsrf cookie' };
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Requested-With': 'XMLHttpRequest',
    'X-Xsrftoken': xsrf,
  };
  let body: BodyInit;
  if (call.body.type === 'json') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.body.value);
  } else {
    const form = new FormData();
    for (const [k, v] of call.body.fields) form.append(k, v);
    form.append('_xsrf', xsrf);
    body = form;
  }
  // Firefox: `content.fetch` sends as the page (its Origin and cookies); Chrome's isolated world already does.
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const send: typeof fetch = page?.fetch ? page.fetch.bind(page) : fetch;
  try {
    const res = await send(new URL(call.url, location.origin).href, {
      method: 'POST',
      headers,
      body,
      credentials: 'include',
      referrer: call.referrerPath ? new URL(call.referrerPath, location.origin).href : location.href,
    });
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text: text.slice(0, 100_000),
      retryAfter: res.headers.get('retry-after'),
    };
  } catch (e) {
    return { status: 0, contentType: '', text: '', retryAfter: null, error: String(e) };
  }
}

/**
 * hh's raise button on the resume card: `[data-qa~='resume-update-button']` (a word of data-qa);
 * an element whose only word is `resume-update-button_actions` is the paid «Поднять автоматически».
 * The page's scripts may render the button late, so it is awaited by observing the DOM.
 */
function pagePressRaise(hash: string, waitMs: number): Promise<ButtonOutcome> {
  const isRaise = (el: Element) => (el.getAttribute('data-qa') ?? '').split(/\s+/).includes('resume-update-button');
  const find = () => {
    const link = document.querySelector(`a[data-qa="resume-card-link-${CSS.escape(hash)}"]`);
    const card = link?.closest('[data-qa="resume"]') ?? null;
    const button = card ? [...card.querySelectorAll('[data-qa~="resume-update-button"]')].find(isRaise) : undefined;
    const cooling = !!card?.querySelector('[data-qa="title-description"]');
    return { card, button: button as HTMLElement | undefined, cooling };
  };
  const until = (done: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (done()) finish();
      });
      const timer = setTimeout(finish, waitMs);
      function finish() {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
      observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    });
  return (async () => {
    await until(() => !!find().button);
    const found = find();
    if (!found.button) return found.card ? (found.cooling ? 'cooling' : 'no_button') : 'no_card';
    const button = found.button;
    button.click();
    // Resolve once hh's page redrew the card (its request finished), so the re-read sees the raise.
    await until(() => !button.isConnected || !find().button);
    return 'clicked';
  })();
}

// ---------- tabs ----------

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

function pathOf(url: string | undefined): string {
  try {
    return url ? new URL(url).pathname : '';
  } catch {
    return '';
  }
}

function waitForLoad(tabId: number): Promise<Browser.tabs.Tab> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new HhError('network', { value: 'hh.ru tab did not load' }));
    }, LOAD_TIMEOUT_MS);
    // A fresh tab is briefly a complete about:blank: wait for the hh page itself.
    const loaded = (tab: Browser.tabs.Tab) => tab.status === 'complete' && isSiteUrl(tab.url);
    const onUpdated = (id: number, _change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      if (id === tabId && loaded(tab)) {
        cleanup();
        resolve(tab);
      }
    };
    const onRemoved = (id: number) => {
      if (id !== tabId) return;
      cleanup();
      reject(new HhError('network', { value: 'hh.ru tab was closed' }));
    };
    function cleanup() {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    }
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    // It may have finished before the listener was added.
    browser.tabs.get(tabId).then(
      (tab) => {
        if (loaded(tab)) {
          cleanup();
          resolve(tab);
        }
      },
      () => undefined,
    );
  });
}

/** A page the tab ended up on that is not the one asked for: hh's captcha or login. */
function checkLanded(tab: Browser.tabs.Tab, origin: string): void {
  const path = pathOf(tab.url);
  if (path.startsWith('/account/captcha')) throw new HhError('captcha', { url: tab.url ?? `${origin}/account/captcha` });
  if (path.startsWith('/account/login')) throw noSessionError(origin);
}

/** Firefox's default cookie store; Chrome's tabs carry no `cookieStoreId`. */
const DEFAULT_COOKIE_STORE = 'firefox-default';

/**
 * The tab's cookies are the ones the background's reads use: not a private (incognito) window,
 * not a Firefox container. A write from another cookie store would act as another hh.ru account
 * (or none) than the one Otklik read and checked.
 */
export function sameCookieStore(t: { incognito?: boolean; cookieStoreId?: string }): boolean {
  return t.incognito !== true && (t.cookieStoreId === undefined || t.cookieStoreId === DEFAULT_COOKIE_STORE);
}

async function usableTab(target: PageTarget, wantPath: (path: string) => boolean): Promise<number | null> {
  const ready = (t: Browser.tabs.Tab | undefined): t is Browser.tabs.Tab & { id: number } =>
    !!t &&
    t.id !== undefined &&
    t.status === 'complete' &&
    !t.discarded &&
    originOf(t.url) === target.origin &&
    sameCookieStore(t as Browser.tabs.Tab & { cookieStoreId?: string });
  if (target.tabId !== undefined) {
    const tab = await browser.tabs.get(target.tabId).catch(() => undefined);
    if (ready(tab) && wantPath(pathOf(tab.url))) return tab.id;
  }
  const tabs = (await browser.tabs.query({ url: `${target.origin}/*` }).catch(() => [] as Browser.tabs.Tab[])).filter(ready);
  const best =
    tabs.find((t) => pathOf(t.url) === target.path && t.active) ??
    tabs.find((t) => pathOf(t.url) === target.path) ??
    tabs.find((t) => wantPath(pathOf(t.url)) && t.active) ??
    tabs.find((t) => wantPath(pathOf(t.url)));
  return best?.id ?? null;
}

/**
 * A background tab for a job, in a normal window: a tab created without a window goes to the last
 * focused one, which may be a private window with its own cookies. Firefox opens it in the default
 * container unless told otherwise.
 */
async function openTab(url: string): Promise<Browser.tabs.Tab> {
  const windows = await browser.windows.getAll({ windowTypes: ['normal'] }).catch(() => [] as Browser.windows.Window[]);
  const normal = windows.find((w) => !w.incognito && w.id !== undefined);
  if (normal) return browser.tabs.create({ url, active: false, windowId: normal.id });
  // Only private windows are open: a new normal window, not focused, for the job.
  const win = await browser.windows.create({ url, focused: false, incognito: false });
  const tab = win?.tabs?.[0];
  if (!tab) throw new HhError('internal', { value: 'window without a tab' });
  return tab;
}

/** Runs `job` in a tab on the target's origin: the user's own when one fits, else one opened (and closed) for it. */
async function inTab<T>(target: PageTarget, wantPath: (path: string) => boolean, job: (tabId: number) => Promise<T>): Promise<T> {
  const existing = await usableTab(target, wantPath);
  if (existing !== null) return job(existing);
  // Until the job runs nothing has left the browser: a tab that did not open or load is "not sent".
  const created = await openTab(`${target.origin}${target.path}`).catch((e: unknown) => {
    throw notSent(e);
  });
  if (created.id === undefined) throw notSent(new HhError('internal', { value: 'tab without id' }));
  try {
    const tab = await waitForLoad(created.id).catch((e: unknown) => {
      throw notSent(e);
    });
    if (!sameCookieStore(tab as Browser.tabs.Tab & { cookieStoreId?: string })) {
      throw notSent(new HhError('internal', { value: 'hh.ru tab opened in another cookie store' }));
    }
    checkLanded(tab, target.origin);
    return await job(created.id);
  } finally {
    await browser.tabs.remove(created.id).catch(() => undefined);
  }
}

const NOT_INJECTED = /Cannot access|Missing host permission|No tab with id|Cannot script|extensions gallery cannot be scripted/i;

async function run<A extends unknown[], R>(tabId: number, func: (...args: A) => Promise<R>, args: A): Promise<R> {
  let results;
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, func, args });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const error = new HhError('network', { value: `cannot run in the hh.ru tab: ${text}` });
    // guess (Chromium's wording): these refuse the injection itself, so our script never ran and
    // nothing was sent. Others ("Frame ... was removed", "The tab was closed") can come while a
    // request is in flight: those stay unclear.
    throw NOT_INJECTED.test(text) ? notSent(error) : error;
  }
  const first = results[0];
  if (!first || first.result === undefined) throw new HhError('internal', { value: 'no result from the hh.ru tab' });
  return first.result as R;
}

export function createPageContext(): PageContext {
  return {
    send(call, target) {
      return inTab(target, () => true, (tabId) => run(tabId, pageSend, [call]));
    },
    pressRaise(hash, origin) {
      const target = { origin, path: '/applicant/resumes' };
      return inTab(target, (p) => p === '/applicant/resumes', (tabId) => run(tabId, pagePressRaise, [hash, BUTTON_WAIT_MS]));
    },
  };
}
