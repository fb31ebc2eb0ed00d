/**
 * The first minute after install: the extension opens its first-run page once, by itself; it
 * says live whether the person is logged in on hh.ru as a job seeker, and it never opens again on
 * an update or a browser restart. Settings link back to it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_DIR, EXTENSION_ID, WELCOME_URL, launchChromium } from './browser';
import { expect, test } from './fixtures';

const status = (page: import('@playwright/test').Page) => page.getByTestId('welcome-status');

test.describe('a fresh install', () => {
  test.use({ firstRun: 'keep' });

  test('opens the first-run page by itself, which follows the hh.ru login live', async ({ ext }) => {
    const welcome = ext.welcome!;
    expect(welcome, 'the install opened no first-run page').toBeTruthy();
    expect(welcome.url()).toBe(WELCOME_URL);
    // The tab may render before the test browser's Russian locale reaches it (a test artefact: a
    // person's browser speaks their language from its start); a reload reads it as they would.
    await welcome.reload();
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Отклик установлен');
    // Nobody is logged in on the sandbox hh.ru yet (hh-site.md: no hhtoken cookie, the site asks to log in).
    await expect(status(welcome)).toHaveAttribute('data-state', 'signed-out');
    await expect(status(welcome)).toContainText('Вы не вошли на hh.ru как соискатель');
    await expect(welcome.getByTestId('log-in')).toHaveAttribute('href', 'https://hh.ru/account/login');
    // The two ways and the promises are there.
    await expect(welcome.getByTestId('way-site')).toContainText('по умолчанию');
    await expect(welcome.getByTestId('way-api')).toContainText('dev.hh.ru');
    await expect(welcome.getByTestId('never')).toContainText('капчу');

    // The person logs in on hh.ru in another tab and comes back: the page looks again by itself.
    await ext.loginSite('anna');
    // Headless Chromium never takes focus from a tab, so coming back is the event a headed browser
    // sends the page when its tab is selected again.
    await welcome.bringToFront();
    await welcome.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
    await expect(status(welcome)).toHaveAttribute('data-state', 'applicant');
    await expect(status(welcome)).toContainText('Вы вошли на hh.ru как соискатель: Анна Смирнова');

    // "Try it" opens hh.ru's vacancy search.
    const opened = ext.context.waitForEvent('page');
    await welcome.getByTestId('try').click();
    const search = await opened;
    await search.waitForLoadState('domcontentloaded');
    expect(search.url()).toMatch(/^https:\/\/hh\.ru\/search\/vacancy\/?$/);

    // Settings are one click away.
    const options = ext.context.waitForEvent('page');
    await welcome.getByTestId('open-settings').click();
    await expect.poll(async () => (await options).url()).toContain(`chrome-extension://${EXTENSION_ID}/options.html`);
  });

  test('an employer login is not a job seeker’s', async ({ ext }) => {
    const welcome = ext.welcome!;
    await expect(status(welcome)).toHaveAttribute('data-state', 'signed-out');
    // olga is an employer in the sandbox (hh-site.md: a non-applicant's pages carry userType other than applicant).
    await ext.loginSite('olga');
    await welcome.reload();
    await expect(status(welcome)).toHaveAttribute('data-state', 'signed-out');
    await expect(status(welcome)).not.toContainText('Ольга');
  });
});

test.describe('in English', () => {
  test.use({ firstRun: 'keep', browserLocale: 'en-US' });

  test('the first-run page follows the browser’s language', async ({ ext }) => {
    const welcome = ext.welcome!;
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Otklik is installed');
    await expect(status(welcome)).toContainText('You are not logged in on hh.ru as a job seeker');
  });
});

test('settings link to the first-run page, which shows a login made before it opened', async ({ ext }) => {
  await ext.loginSite('anna');
  const options = await ext.openOptions();
  await options.getByTestId('welcome-link').click();
  await expect(options).toHaveURL(WELCOME_URL);
  await expect(status(options)).toHaveAttribute('data-state', 'applicant');
  await expect(status(options)).toContainText('Анна Смирнова');
});

/** Extension pages of ours that are open now. */
const welcomePages = (context: BrowserContext) => context.pages().filter((p) => p.url().startsWith(WELCOME_URL));

/**
 * A point after which a first-run tab would already be open: the options page has asked the
 * background for the status and shown the answer, so the worker has run its start-up and its
 * install/update listeners (registered in its first turn) long before.
 */
async function backgroundAnswered(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(page.getByTestId('account-status')).not.toHaveText(/Проверяем вход/);
  await page.close();
}

test('the first-run page opens once: not after a restart, not after an update', async ({ sandboxWorker }) => {
  const { port, spki, client } = sandboxWorker;
  await client.reset();
  const profile = mkdtempSync(join(tmpdir(), 'otklik-welcome-'));
  // A copy of the build, so the "update" can change its version the way a store update does.
  const extension = mkdtempSync(join(tmpdir(), 'otklik-welcome-ext-'));
  cpSync(EXTENSION_DIR, extension, { recursive: true });
  const version = async (context: BrowserContext) => {
    const sw = context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID)) ?? (await context.waitForEvent('serviceworker'));
    return sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);
  };
  try {
    const install = await launchChromium({ port, spki, userDataDir: profile, extension, firstRun: 'keep' });
    try {
      expect(install.welcome?.url()).toBe(WELCOME_URL);
    } finally {
      await install.close();
    }

    // The same profile again: a browser restart (onStartup; no install).
    const restart = await launchChromium({ port, spki, userDataDir: profile, extension });
    try {
      expect(restart.welcome).toBeNull();
      await backgroundAnswered(restart.context);
      expect(welcomePages(restart.context)).toEqual([]);
    } finally {
      await restart.close();
    }

    // A new version in the same place: Chrome updates the extension (onInstalled, reason 'update').
    const manifestPath = join(extension, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const bumped = manifest.version.replace(/\d+$/, (n) => String(Number(n) + 1));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: bumped }));
    const update = await launchChromium({ port, spki, userDataDir: profile, extension });
    try {
      expect(await version(update.context)).toBe(bumped);
      await backgroundAnswered(update.context);
      expect(welcomePages(update.context)).toEqual([]);
    } finally {
      await update.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
});
