/**
 * What the fault suite needs beyond the `ext` fixture: a browser profile that outlives one browser
 * (a restart with alarms pending), a browser whose hh hosts lead nowhere (hh.ru down, DNS failing),
 * and small readers of the extension's own storage.
 */
import { chromium, expect, type BrowserContext, type Route, type Worker } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumArgs, EXTENSION_ID, firstRunPage, firstRunSettled } from './browser';
import { isAllowedRequest } from './fixtures';

/** Where the browser's hh hosts lead: the sandbox, a port nobody listens on, or no address at all. */
export type Reach = 'sandbox' | 'refused' | 'nxdomain';

export interface Session {
  context: BrowserContext;
  /** Every URL this browser requested. */
  requests: string[];
  sw(): Promise<Worker>;
  hook<T>(name: string, ...args: unknown[]): Promise<T>;
  url(path: string): string;
  /** Closes the browser and checks it asked no host outside the hh family. The profile stays. */
  close(): Promise<void>;
}

/** A port that refuses connections: taken from the system, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

async function argsFor(opts: { port: number; spki: string; reach: Reach }): Promise<string[]> {
  if (opts.reach === 'sandbox') return chromiumArgs(opts);
  if (opts.reach === 'refused') return chromiumArgs({ ...opts, port: await deadPort() });
  // Every name unresolvable, hh.ru's included: what a broken DNS looks like to the extension.
  return chromiumArgs(opts).map((a) => (a.startsWith('--host-resolver-rules=') ? '--host-resolver-rules=MAP * ~NOTFOUND' : a));
}

export function newProfile(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-faults-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openSession(opts: { port: number; spki: string; profile: string; reach?: Reach }): Promise<Session> {
  const fresh = readdirSync(opts.profile).length === 0;
  const context = await chromium.launchPersistentContext(opts.profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: await argsFor({ port: opts.port, spki: opts.spki, reach: opts.reach ?? 'sandbox' }),
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
  });
  // A fresh profile is an install: the first-run page opens; let its login check end, then close it.
  if (fresh) {
    const welcome = await firstRunPage(context);
    await firstRunSettled(welcome);
    await welcome.close();
  }
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const url = (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`;

  const sw = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
    if (live) return live;
    const waiting = context.waitForEvent('serviceworker', { timeout: 10_000 });
    const page = await context.newPage();
    await page.goto(url('options.html')).catch(() => undefined);
    const worker = await waiting;
    await page.close();
    return worker;
  };

  const hook = async <T>(name: string, ...args: unknown[]): Promise<T> =>
    (await sw()).evaluate(
      async ([fn, a]) => {
        const hooks = (globalThis as unknown as { otklikTest: Record<string, (...x: unknown[]) => unknown> }).otklikTest;
        return hooks[fn as string]!(...(a as unknown[]));
      },
      [name, args] as const,
    ) as Promise<T>;

  return {
    context,
    requests,
    sw,
    hook,
    url,
    async close() {
      await context.close().catch(() => undefined);
      expect(requests.filter((u) => !isAllowedRequest(u)), 'the browser asked hosts outside the hh family').toEqual([]);
    },
  };
}

/** The few extension APIs the fault suite calls inside the service worker (`sw.evaluate`). */
export interface ExtensionGlobal {
  chrome: {
    alarms: { create(name: string, info: { when: number }): Promise<void>; clearAll(): Promise<boolean> };
    storage: {
      local: {
        QUOTA_BYTES: number;
        get(key: string | null): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        clear(): Promise<void>;
        getBytesInUse(key: string | null): Promise<number>;
      };
    };
    runtime: { getManifest(): Record<string, unknown> };
  };
}

/** One key of the extension's storage.local, read in the service worker. */
export async function stored<T>(sw: Worker, key: string): Promise<T | undefined> {
  return sw.evaluate(async (k) => (await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(k))[k], key) as Promise<
    T | undefined
  >;
}

export interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/**
 * Hands an intercepted request to the sandbox itself (Playwright's own `route.fetch` would resolve
 * hh.ru through real DNS), so hh.ru receives it while the browser's side can still be cut.
 */
export function deliver(route: Route, port: number): Promise<number> {
  const req = route.request();
  const url = new URL(req.url());
  const body = req.postDataBuffer() ?? undefined;
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method(),
        path: url.pathname + url.search,
        servername: url.hostname,
        headers: { ...req.headers(), host: url.hostname, ...(body ? { 'content-length': String(body.length) } : {}) },
        rejectUnauthorized: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}
