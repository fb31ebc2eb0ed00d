/**
 * Launching Debian's Chromium with the built extension, pointed at the sandbox under the real
 * host names. Every other name is unresolvable, so nothing here can reach the internet.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.env.OTKLIK_EXTENSION_DIR ?? '.output/chrome-mv3-e2e');
/** Fixed by the e2e build's manifest `key` (wxt.config.ts). */
export const EXTENSION_ID = 'mlmfmijdoifemilgnkcpapbabjlkldgo';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The hosts the sandbox answers for (hh family). */
export const SANDBOX_HOSTS = [
  'hh.ru',
  '*.hh.ru',
  'hh.kz',
  '*.hh.kz',
  'rabota.by',
  '*.rabota.by',
  'hh.uz',
  'hh1.az',
  'headhunter.ge',
  'headhunter.kg',
];

export function chromiumArgs(opts: { port: number; spki: string; extension?: string | null }): string[] {
  const rules = [...SANDBOX_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'];
  const ext = opts.extension === undefined ? EXTENSION_DIR : opts.extension;
  return [
    ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--host-resolver-rules=${rules.join(', ')}`,
    `--ignore-certificate-errors-spki-list=${opts.spki}`,
  ];
}

/** The first-run page (lib/background/welcome.ts) a fresh install opens. */
export const WELCOME_URL = `chrome-extension://${EXTENSION_ID}/welcome.html`;

/**
 * The first-run page the extension opened by itself; fails if it does not open within `timeoutMs`.
 * A tab the extension creates shows up as a page whose URL may still be blank when the event fires,
 * so each new page is looked at once it has loaded.
 */
export async function firstRunPage(context: BrowserContext, timeoutMs = 20_000): Promise<Page> {
  const isWelcome = (p: Page) => p.url().startsWith(WELCOME_URL);
  const open = context.pages().find(isWelcome);
  if (open) return open;
  return new Promise<Page>((resolve, reject) => {
    const look = (p: Page) => {
      void p.waitForLoadState('domcontentloaded').then(
        () => isWelcome(p) && done(p),
        () => undefined,
      );
    };
    const timer = setTimeout(() => {
      context.off('page', look);
      reject(new Error(`the extension did not open its first-run page (${WELCOME_URL}) within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (p: Page) => {
      clearTimeout(timer);
      context.off('page', look);
      resolve(p);
    };
    context.on('page', look);
    context.pages().forEach(look);
  });
}

/** The first-run page has answered its login check: the background's requests for it are over. */
export async function firstRunSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="welcome-status"]:not([data-state="checking"])').waitFor();
}

export interface Launched {
  context: BrowserContext;
  userDataDir: string;
  /** The first-run page, when launched with `firstRun: 'keep'`. */
  welcome: Page | null;
  close(): Promise<void>;
}

export async function launchChromium(opts: {
  port: number;
  spki: string;
  headless?: boolean;
  extension?: string | null;
  userDataDir?: string;
  /**
   * A fresh profile with the extension gets the first-run page (a real install). 'close' (the
   * default) waits for it, which proves it opened, lets its login check finish and closes it, so
   * tests start from a browser with no extension tab; 'keep' hands it over. A profile used before
   * is a restart: nothing is waited for.
   */
  firstRun?: 'close' | 'keep';
  /** The browser's language (the extension's pages follow it); Russian unless told. */
  locale?: string;
}): Promise<Launched> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'otklik-chromium-'));
  // An empty profile is a fresh install; one used before is a restart.
  const fresh = !existsSync(userDataDir) || readdirSync(userDataDir).length === 0;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: chromiumArgs(opts),
    viewport: { width: 1280, height: 900 },
    locale: opts.locale ?? 'ru-RU',
  });
  let welcome: Page | null = null;
  if (opts.extension !== null && fresh) {
    try {
      welcome = await firstRunPage(context);
      if ((opts.firstRun ?? 'close') === 'close') {
        await firstRunSettled(welcome);
        await welcome.close();
        welcome = null;
      }
    } catch (e) {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      throw e;
    }
  }
  return {
    context,
    userDataDir,
    welcome,
    async close() {
      await context.close().catch(() => undefined);
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
