/**
 * Playwright fixtures: each worker runs its own sandbox hh.ru; each test gets a fresh Chromium
 * with the built e2e extension, pointed at that sandbox. After every test we check that the
 * browser asked nothing of any host outside the hh family.
 */
import { test as base, expect, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import { startSandbox } from '../sandbox/server';
import { SETTLE_MS } from '../../components/panel/guard';
import { EXTENSION_ID, launchChromium } from './browser';
import { sandboxClient, type SandboxClient } from './sandbox-client';

export const SANDBOX_APP = { clientId: 'OTKLIK-SANDBOX-CLIENT', clientSecret: 'otklik-sandbox-secret' };

interface SandboxWorker {
  port: number;
  spki: string;
  client: SandboxClient;
}

export interface Ext {
  context: BrowserContext;
  id: string;
  /** The sandbox's control client (reset, clock, faults, log, config). */
  sandbox: SandboxClient;
  port: number;
  /** The extension's service worker (a fresh handle if it was restarted). */
  sw(): Promise<Worker>;
  /** Runs in the service worker, against the e2e hook `otklikTest` (lib/background.ts, e2e builds only). */
  hook<T>(fn: string, ...args: unknown[]): Promise<T>;
  url(path: string): string;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Logs in on a sandbox site (hh.ru unless named: `hh.kz` logs in there only) through its test shortcut (sets hhtoken and _xsrf cookies). */
  loginSite(user?: string, site?: string): Promise<void>;
  /** Configures the sandbox OAuth app and stores a valid token pair, as after a sign-in. */
  connectApi(user?: string): Promise<void>;
  /** Every URL the browser requested during the test. */
  requests: string[];
  /** Stops the service worker the way Chrome does when idle (CDP). */
  stopServiceWorker(): Promise<void>;
  /** The first-run page the install opened, with `test.use({ firstRun: 'keep' })`; else it was closed. */
  welcome: Page | null;
  /** Where the profile lives, to start the browser again on it. */
  userDataDir: string;
}

const ALLOWED_HOST = /(^|\.)(hh\.ru|hh\.kz|rabota\.by|hh\.uz|hh1\.az|headhunter\.ge|headhunter\.kg)$/;

export function isAllowedRequest(url: string): boolean {
  const u = new URL(url);
  if (['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(u.protocol)) return true;
  if (u.hostname === '127.0.0.1' && u.pathname.startsWith('/__sandbox/')) return true;
  // The OAuth redirect target: Chrome catches it for launchWebAuthFlow, it never leaves the browser.
  if (u.hostname === `${EXTENSION_ID}.chromiumapp.org`) return true;
  return ALLOWED_HOST.test(u.hostname);
}

export const test = base.extend<{ ext: Ext; firstRun: 'close' | 'keep'; browserLocale: string }, { sandboxWorker: SandboxWorker }>({
  /** The first-run page each fresh install opens: closed before the test (after its login check), or kept. */
  firstRun: ['close', { option: true }],
  /** The browser's language: the extension's pages follow it. */
  browserLocale: ['ru-RU', { option: true }],
  sandboxWorker: [
    async ({}, use) => {
      const sb = await startSandbox({ port: 0 });
      await use({ port: sb.port, spki: sb.spki, client: sandboxClient(sb.port) });
      await sb.close();
    },
    { scope: 'worker' },
  ],
  ext: async ({ sandboxWorker, firstRun, browserLocale }, use) => {
    const { client, port, spki } = sandboxWorker;
    await client.reset();
    const launched = await launchChromium({ port, spki, firstRun, locale: browserLocale });
    const { context } = launched;
    // The closed first-run page checked the login: its requests are not the test's.
    if (!launched.welcome) await client.clearLog();
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));

    const sw = async (): Promise<Worker> => {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
      if (live) return live;
      // A stopped worker is woken by any extension event; opening an extension page is the simplest.
      const page = await context.newPage();
      const waiting = context.waitForEvent('serviceworker', { timeout: 10_000 });
      await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`).catch(() => undefined);
      const w = await waiting;
      await page.close();
      return w;
    };
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    expect(first.url()).toContain(EXTENSION_ID);

    const hook = async <T,>(fn: string, ...args: unknown[]): Promise<T> => {
      const worker = await sw();
      return worker.evaluate(
        async ([name, a]) => {
          const h = (globalThis as unknown as { otklikTest: Record<string, (...x: unknown[]) => unknown> }).otklikTest;
          const f = h[name as string];
          if (!f) throw new Error(`no e2e hook ${String(name)}`);
          return f(...(a as unknown[]));
        },
        [fn, args] as const,
      ) as Promise<T>;
    };

    const ext: Ext = {
      context,
      id: EXTENSION_ID,
      sandbox: client,
      port,
      sw,
      hook,
      url: (path) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
      async openPopup() {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
        return page;
      },
      async openOptions() {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
        return page;
      },
      async loginSite(user = 'anna', site = 'hh.ru') {
        const page = await context.newPage();
        await page.goto(`https://${site}/__sandbox/login?user=${user}&next=/`);
        await page.close();
      },
      async connectApi(user = 'anna') {
        const t = await client.token(user);
        await hook('setOAuthApp', SANDBOX_APP);
        await hook('setTokens', {
          accessToken: t.access_token,
          refreshToken: t.refresh_token,
          expiresAt: Date.now() + t.expires_in * 1000,
          site: 'hh.ru',
        });
      },
      requests,
      welcome: launched.welcome,
      userDataDir: launched.userDataDir,
      async stopServiceWorker() {
        const page = context.pages()[0] ?? (await context.newPage());
        const cdp = await context.newCDPSession(page);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
      },
    };
    await use(ext);
    const foreign = requests.filter((u) => !isAllowedRequest(u));
    await launched.close();
    expect(foreign, 'the browser asked hosts outside the hh family').toEqual([]);
  },
});

/**
 * Presses the panel's Apply as a person does. The click guard counts no press while the panel has
 * just moved on screen (reaching the button may scroll the page) and says "press again": then the
 * press is repeated, a few times at most. Any other answer is the test's to read.
 */
export async function pressApply(panel: Locator, how: 'click' | 'dblclick' = 'click'): Promise<void> {
  const moved = panel.getByText('панель только что сдвинулась');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await panel.getByRole('button', { name: 'Откликнуться' })[how]();
    const refused = await moved.waitFor({ state: 'visible', timeout: 400 }).then(
      () => true,
      () => false,
    );
    if (!refused) return;
    // Told the panel just moved, a person reads that and presses again once it stood still.
    await panel.page().waitForTimeout(SETTLE_MS + 200);
  }
}

export { expect };
