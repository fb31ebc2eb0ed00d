/**
 * Launching Debian's Chromium with the built extension, pointed at the sandbox under the real
 * host names. Every other name is unresolvable, so nothing here can reach the internet.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
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

export interface Launched {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchChromium(opts: {
  port: number;
  spki: string;
  headless?: boolean;
  extension?: string | null;
  userDataDir?: string;
}): Promise<Launched> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'otklik-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: chromiumArgs(opts),
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
