/**
 * What every figure gets: the options, one sandbox hh.ru, and a way to launch Chromium with the
 * built extension or without it (same browser build, same flags), each with a browser-level CDP
 * connection for the service worker's target.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR, EXTENSION_ID, chromiumArgs, firstRunPage, firstRunSettled } from '../e2e/browser';
import type { SandboxClient } from '../e2e/sandbox-client';
import { connectCdp, type Cdp } from './cdp';
import { writeFloorPage } from './floor';
import { moment } from './probe';

const SANDBOX_APP = { clientId: 'OTKLIK-SANDBOX-CLIENT', clientSecret: 'otklik-sandbox-secret' };
export const EXT_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

export interface Options {
  /** Runs per figure. */
  n: number;
  smoke: boolean;
  json: string | null;
  /** Write the table into README's bench section. */
  readme: boolean;
  /** Figure ids to run (all when empty). */
  only: string[];
  /** Rebuild the extension before measuring. */
  build: boolean;
}

export interface BenchBrowser {
  context: BrowserContext;
  cdp: Cdp;
  /** Calls the background's e2e hook `otklikTest[fn](...args)` in the service worker. */
  hook<T>(fn: string, ...args: unknown[]): Promise<T>;
  sw(): Promise<Worker>;
  /** Signs in to sandbox hh.ru (the site session's cookies). */
  loginSite(user?: string): Promise<void>;
  /** Stores an OAuth app and a fresh token pair in the extension, as after an API sign-in. */
  connectApi(user?: string): Promise<void>;
  close(): Promise<void>;
}

export interface Bench {
  opts: Options;
  sandbox: SandboxClient;
  /** `floor`: floor.ts's one-element extension instead of Otklik. */
  launch(opts: { extension: boolean | 'floor' }): Promise<BenchBrowser>;
  log(msg: string): void;
}

/** The e2e build plus an empty page, the baseline an extension page is compared with, and floor.ts's one-script page. */
export function prepareExtension(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'empty.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body><p>.</p></body></html>\n');
  writeFloorPage(dir);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launchBrowser(opts: {
  port: number;
  spki: string;
  extensionDir: string | null;
  /** The extension has Otklik's service worker and first-run page (floor.ts's has neither). */
  otklik?: boolean;
  sandbox: SandboxClient;
}): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs({ port: opts.port, spki: opts.spki, extension: opts.extensionDir }), '--remote-debugging-port=0'],
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
  });
  const cdp = await connectCdp(userDataDir);

  const sw = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`${EXT_ORIGIN}/`));
    if (live) return live;
    const waiting = context.waitForEvent('serviceworker', { timeout: 15_000 });
    const page = await context.newPage();
    await page.goto(`${EXT_ORIGIN}/empty.html`).catch(() => undefined);
    const w = await waiting;
    await page.close();
    return w;
  };
  if (opts.extensionDir && opts.otklik !== false) {
    await sw();
    // A fresh profile is an install: the first-run page opens and checks the login; measure after it.
    const welcome = await firstRunPage(context);
    await firstRunSettled(welcome);
    await welcome.close();
  }

  const hook = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
    const worker = await sw();
    return worker.evaluate(
      async ([name, a]) => {
        const h = (globalThis as unknown as { otklikTest?: Record<string, (...x: unknown[]) => unknown> }).otklikTest;
        const f = h?.[name as string];
        if (!f) throw new Error(`no e2e hook otklikTest.${name as string}`);
        return f(...(a as unknown[]));
      },
      [fn, args] as const,
    ) as Promise<T>;
  };

  return {
    context,
    cdp,
    hook,
    sw,
    async loginSite(user = 'anna') {
      const page = await context.newPage();
      await page.goto(`https://hh.ru/__sandbox/login?user=${user}&next=/`);
      await page.close();
    },
    async connectApi(user = 'anna') {
      const t = await opts.sandbox.token(user);
      await hook('setOAuthApp', SANDBOX_APP);
      await hook('setTokens', {
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        expiresAt: Date.now() + t.expires_in * 1000,
        site: 'hh.ru',
      });
    },
    async close() {
      cdp.close();
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Moves the background's periodic alarms (the answers poll, the resume refresh: due a minute after
 * install) a day ahead, so nothing asks hh.ru or fills the heap on its own while a figure measures;
 * resolves with the alarms still due within the hour (one-shot ones, such as raise timers).
 */
export async function quietAlarms(b: BenchBrowser): Promise<string[]> {
  const sw = await b.sw();
  return sw.evaluate(async () => {
    type Alarm = { name: string; scheduledTime: number; periodInMinutes?: number };
    const alarms = (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<Alarm[]>; create(name: string, info: object): Promise<void> } } }).chrome.alarms;
    for (const a of await alarms.getAll()) {
      if (a.periodInMinutes) await alarms.create(a.name, { delayInMinutes: 24 * 60, periodInMinutes: a.periodInMinutes });
    }
    return (await alarms.getAll()).filter((a) => a.scheduledTime < Date.now() + 3_600_000).map((a) => a.name);
  });
}

/** `list` starting at its `round`-th item (round -1: the last), so no item always goes first. */
export function rotate<T>(list: T[], round: number): T[] {
  const first = ((round % list.length) + list.length) % list.length;
  return [...list.slice(first), ...list.slice(0, first)];
}

/** Opens `url` in a new tab of `b` and returns when moment `name` first reached the screen (`name:frame`). */
export async function frameOf(b: BenchBrowser, url: string, name: string): Promise<number> {
  const page = await b.context.newPage();
  try {
    await page.goto(url);
    return (await moment(page, name))[`${name}:frame`]!;
  } finally {
    await page.close();
  }
}
