/**
 * The Firefox harness: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
 * built MV2 e2e add-on, pointed at the sandbox hh.ru through a CONNECT proxy (proxy.ts).
 *
 * Where Firefox differs from Chromium, and how this file handles it (once, here):
 * - BiDi refuses to navigate to moz-extension:// pages, and puppeteer does not track such tabs' URLs.
 *   The e2e background opens a blank extension page on install (entrypoints/e2e.html): the "control
 *   page". From it the harness calls `browser.*` (tabs.create for the popup and options, alarms,
 *   notifications, browserAction) and the background's e2e hooks through `runtime.getBackgroundPage()`
 *   (an MV2 background is a page, not a service worker). Extension tabs are found by `location.href`.
 * - The add-on's moz-extension UUID is random per profile; a pref pins it, so URLs are known.
 * - The toolbar button is `browserAction` (MV2), not `action`.
 * - Firefox's UI language follows `intl.accept_languages`: set to Russian, like the Chromium suite.
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { sandboxClient, type SandboxClient } from '../sandbox-client';
import { startHhProxy } from './proxy';

export const EXT_DIR = resolve(process.env.OTKLIK_FIREFOX_DIR ?? '.output/firefox-mv2-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's gecko id (wxt.config.ts): fixed, so the OAuth redirect URL is too. */
export const GECKO_ID = 'otklik@otklik.dev';
const UUID = '0e2e0e2e-0710-4c1c-8000-0000000f1e1d';
export const EXT_ORIGIN = `moz-extension://${UUID}`;
export const SANDBOX_APP = { clientId: 'OTKLIK-SANDBOX-CLIENT', clientSecret: 'otklik-sandbox-secret' };

/** Firefox's `identity.getRedirectURL()`: the SHA-1 of the add-on id, in hex, under extensions.allizom.org. */
export const REDIRECT_URL = `https://${createHash('sha1').update(GECKO_ID).digest('hex')}.extensions.allizom.org/`;

/**
 * Firefox catches the OAuth redirect for launchWebAuthFlow, but first opens a connection to its host
 * (Chromium does not); the proxy refuses it, so nothing leaves the machine. Only this host is let pass.
 */
const REDIRECT_HOST = new URL(REDIRECT_URL).hostname;

/** Firefox's own services knock too (remote settings, telemetry); the proxy refuses them like everything else. */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

export interface Ff {
  browser: Browser;
  sandbox: SandboxClient;
  /** The blank extension page with the `browser.*` API. */
  control: Page;
  /** Runs `fn` in the control page, where `browser` is the WebExtension API. */
  ext<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Calls the background's e2e hook `otklikTest[name]` (lib/background.ts). */
  hook<T>(name: string, ...args: unknown[]): Promise<T>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** A new tab on an ordinary (https) page. */
  open(url: string): Promise<Page>;
  /** Logs in on sandbox hh.ru through its test shortcut (sets the hhtoken and _xsrf cookies). */
  loginSite(user?: string): Promise<void>;
  /** Configures the sandbox OAuth app and stores a valid token pair, as after a sign-in. */
  connectApi(user?: string): Promise<void>;
  /** Hosts outside the hh family that the add-on tried to reach (Firefox's own services left out). */
  foreignHosts(): string[];
}

export interface Env {
  sandbox: SandboxClient;
  proxyPort: number;
  refused: string[];
}

/** Starts Firefox with the add-on installed and the control page open. */
export async function launchFirefox(env: Env): Promise<{ ff: Ff; close(): Promise<void> }> {
  const refusedBefore = env.refused.length;
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': env.proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': env.proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.restrictedDomains': '',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'intl.accept_languages': 'ru-RU, ru',
      // Headless Firefox closes system notifications at once (notifications.getAll() stays empty);
      // its own alert windows stay, as a person would see them.
      'alerts.useSystemBackend': false,
      'alerts.disableSlidingEffect': true,
    },
  });
  try {
    await firefox.installExtension(EXT_DIR);
    const control = await extensionPage(firefox, '/e2e.html', []);
    // A fresh install opens the first-run page too: it must open, and its login check must be over
    // (and out of the request log) before a journey starts.
    const welcome = await extensionPage(firefox, '/welcome.html', []);
    await waitFor('the first-run page’s login check', () => welcome.$('[data-testid="welcome-status"]:not([data-state="checking"])'));
    await welcome.close();
    await env.sandbox.clearLog();
    const ext: Ff['ext'] = (fn, ...args) => control.evaluate(fn as never, ...(args as unknown as never[])) as never;
    const hook: Ff['hook'] = (name, ...args) =>
      control.evaluate(
        async (n: string, a: unknown[]) => {
          // `browser` here is the control page's WebExtension API (the evaluated function runs there).
          const bg = (await browser.runtime.getBackgroundPage()) as unknown as { otklikTest?: Record<string, (...x: unknown[]) => unknown> };
          const f = bg.otklikTest?.[n];
          if (!f) throw new Error(`no e2e hook ${n}`);
          // Through JSON: the answer is the background's object, which BiDi cannot always serialise from here.
          return JSON.parse(JSON.stringify((await f(...a)) ?? null)) as unknown;
        },
        name,
        args,
      ) as never;
    const openExtensionPage = async (path: string): Promise<Page> => {
      const before = await firefox.pages();
      await ext((url) => browser.tabs.create({ url }).then(() => undefined), `${EXT_ORIGIN}${path}`);
      return extensionPage(firefox, path, before);
    };
    const ff: Ff = {
      browser: firefox,
      sandbox: env.sandbox,
      control,
      ext,
      hook,
      openPopup: () => openExtensionPage('/popup.html'),
      openOptions: () => openExtensionPage('/options.html'),
      async open(url) {
        const page = await firefox.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async loginSite(user = 'anna') {
        const page = await firefox.newPage();
        await page.goto(`https://hh.ru/__sandbox/login?user=${user}&next=/`, { waitUntil: 'load' });
        await page.close();
      },
      async connectApi(user = 'anna') {
        const t = await env.sandbox.token(user);
        await hook('setOAuthApp', SANDBOX_APP);
        await hook('setTokens', {
          accessToken: t.access_token,
          refreshToken: t.refresh_token,
          expiresAt: Date.now() + t.expires_in * 1000,
          site: 'hh.ru',
        });
      },
      foreignHosts: () => env.refused.slice(refusedBefore).filter((h) => !FIREFOX_OWN.test(h) && h !== REDIRECT_HOST),
    };
    return { ff, close: () => firefox.close().catch(() => undefined) };
  } catch (e) {
    await firefox.close().catch(() => undefined);
    throw e;
  }
}

/**
 * The toolbar button's badge and title. Firefox's MV2 build names the API `browserAction` (MV3:
 * `action`); the add-on handles it in lib/background/resumes/badge.ts, the harness here.
 */
export async function toolbar(ff: Ff): Promise<{ badge: string; title: string }> {
  return ff.ext(async () => {
    const action = browser.browserAction as unknown as typeof browser.action;
    return { badge: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}

/** The tab (not among `before`) that shows our extension page `path`; puppeteer reports such tabs as about:blank. */
async function extensionPage(browser: Browser, path: string, before: Page[]): Promise<Page> {
  return waitFor(`the extension page ${path}`, async () => {
    for (const page of await browser.pages()) {
      if (before.includes(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${EXT_ORIGIN}${path}`)) return page;
    }
    return null;
  });
}

/** Polls `probe` until it gives a truthy value; the error names what never came, with the last value seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false | ''>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `read()` equals `expected` (compared as JSON) and fails with the last value otherwise. */
export async function until<T>(what: string, read: () => Promise<T>, expected: T, ms = 15_000): Promise<void> {
  const want = JSON.stringify(expected);
  let last = '';
  try {
    await waitFor(what, async () => (last = JSON.stringify(await read())) === want, ms);
  } catch {
    throw new Error(`${what}: expected ${want}, got ${last}`);
  }
}

// ---------- reading and acting on pages ----------

/**
 * An element in `page` by CSS selector, piercing the open shadow roots of the e2e build (the panel's,
 * the marks'): `a >>> b` finds b inside a's shadow root.
 */
export async function element(page: Page, selector: string, what = selector): Promise<ElementHandle<Element>> {
  return waitFor(what, () => page.$(selector));
}

/** Text of the first element matching `selector` (shadow roots pierced), '' when there is none. */
async function textOf(page: Page, selector: string): Promise<string> {
  const el = await page.$(selector);
  return el ? ((await el.evaluate((e) => (e as HTMLElement).innerText ?? e.textContent ?? '')) as string).trim() : '';
}

/** Waits until the text of `selector` matches `re`. */
export async function expectText(page: Page, selector: string, re: RegExp, ms = 15_000): Promise<string> {
  let last = '';
  try {
    return await waitFor(`${selector} to say ${re}`, async () => ((last = await textOf(page, selector)), re.test(last) && last), ms);
  } catch {
    throw new Error(`${selector}: expected text ${re}, got ${JSON.stringify(last)}`);
  }
}

/** A button (or link) whose visible text matches `re`, inside `scope` (a selector, shadow roots pierced). */
export async function byText(page: Page, scope: string, tag: string, re: RegExp): Promise<ElementHandle<Element>> {
  return waitFor(`${tag} «${re.source}» in ${scope}`, async () => {
    for (const el of await page.$$(`${scope} >>> ${tag}`)) {
      const text = (await el.evaluate((e) => (e as HTMLElement).innerText ?? e.textContent ?? '')) as string;
      if (re.test(text.trim())) return el;
    }
    return null;
  });
}

export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

// ---------- the suite runner ----------

export interface Journey {
  name: string;
  run(ff: Ff): Promise<void>;
}

const JOURNEY_TIMEOUT_MS = 120_000;

export const journey = (name: string, run: (ff: Ff) => Promise<void>): Journey => ({ name, run });

/**
 * Runs each journey in a fresh Firefox profile against the one sandbox, reset in between, so one
 * failure cannot leak into the next. Prints `N passed, M failed` and returns whether all passed.
 */
export async function runJourneys(journeys: Journey[], env: Env, only?: RegExp): Promise<boolean> {
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  for (const j of journeys) {
    if (only && !only.test(j.name)) continue;
    const t0 = Date.now();
    let launched: Awaited<ReturnType<typeof launchFirefox>> | undefined;
    try {
      await env.sandbox.reset();
      launched = await launchFirefox(env);
      const ff = launched.ff;
      // A hung browser call must not stall the journeys after it: the browser is closed in `finally`.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no outcome after ${JOURNEY_TIMEOUT_MS / 1000} s`)), JOURNEY_TIMEOUT_MS);
      });
      await Promise.race([j.run(ff), timeout]).finally(() => clearTimeout(timer));
      const foreign = launched.ff.foreignHosts();
      if (foreign.length) throw new Error(`the add-on tried hosts outside the hh family: ${foreign.join(', ')}`);
      passed += 1;
      console.log(`  ✓ ${j.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed += 1;
      console.log(`  ✗ ${j.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      console.log(`      ${(e instanceof Error ? (e.stack ?? e.message) : String(e)).split('\n').slice(0, 6).join('\n      ')}`);
    } finally {
      await launched?.close();
    }
  }
  if (passed + failed === 0) console.log(`  no journey's name matches ${String(only)}`);
  console.log(`firefox e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return failed === 0 && passed > 0;
}

export async function startEnv(port: number): Promise<Env & { close(): void }> {
  const sandbox = sandboxClient(port);
  const proxy = await startHhProxy(port);
  return { sandbox, proxyPort: proxy.port, refused: proxy.refused, close: () => proxy.server.close() };
}
