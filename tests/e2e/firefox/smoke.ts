/**
 * Firefox smoke test (puppeteer-core over WebDriver BiDi, Debian's firefox-esr): the add-on
 * installs and opens its first-run page, its content scripts run on sandbox hh.ru pages, and its
 * background reaches the sandbox.
 */
import puppeteer, { type Page } from 'puppeteer-core';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startSandbox } from '../../sandbox/server';
import { sandboxClient } from '../sandbox-client';
import { startHhProxy } from './proxy';

const EXT = resolve(process.env.OTKLIK_FIREFOX_DIR ?? '.output/firefox-mv2-e2e');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  const control = sandboxClient(sandbox.port);
  const proxy = await startHhProxy(sandbox.port);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.restrictedDomains': '',
    },
  });
  let ok = 0;
  const check = async (name: string, fn: () => Promise<void>) => {
    await fn();
    ok += 1;
    console.log(`  ✓ ${name}`);
  };
  try {
    await check('the add-on installs', async () => {
      const id = await browser.installExtension(EXT);
      assert.ok(id, 'no add-on id');
    });
    await check('the install opens the first-run page, which renders', async () => {
      // BiDi keeps reporting about:blank for a tab the add-on opened; the page itself knows where it is.
      const where = (p: Page) =>
        p.evaluate(() => `${location.href} ${document.querySelector('h1')?.textContent ?? ''}`).catch(() => '');
      await waitFor('the first-run tab', async () =>
        (await Promise.all((await browser.pages()).map(where))).some((w) =>
          /^moz-extension:\/\/[^/]+\/welcome\.html (Отклик установлен|Otklik is installed)$/.test(w),
        ),
      );
    });
    const page = await browser.newPage();
    await page.goto('https://hh.ru/__sandbox/login?user=anna&next=/', { waitUntil: 'load' });

    await check('the vacancy content script mounts its panel', async () => {
      await page.goto('https://hh.ru/vacancy/70000001', { waitUntil: 'load' });
      await waitFor('panel host', () => page.evaluate(() => document.querySelector('[data-otklik="panel"]') !== null));
    });

    await check('quick apply from the vacancy page reaches hh.ru as the page’s own write (its Origin, the _xsrf echo)', async () => {
      // The sandbox refuses a write with another Origin or without the host's _xsrf, as hh.ru does.
      await control.clearLog();
      const button = await waitFor('the panel’s apply button', async () => {
        const handle = await page.evaluateHandle(() => {
          const root = document.querySelector('[data-otklik="panel"]')?.shadowRoot;
          if (!root?.querySelector('input[type="radio"]')) return null;
          // The panel speaks the browser's language: Russian or English.
          return [...root.querySelectorAll('button')].find((b) => /^(Откликнуться|Apply)$/.test(b.textContent?.trim() ?? '')) ?? null;
        });
        const el = handle.asElement();
        return el ?? null;
      });
      // A real click: the panel acts on the person's own click only.
      await (button as import('puppeteer-core').ElementHandle<Element>).click();
      const posts = await waitFor('the apply POST', async () => {
        const log = await control.log({ path: '/applicant/vacancy_response/popup', method: 'POST' });
        return log.length > 0 && log.every((e) => e.status) ? log : null;
      });
      assert.equal(posts.length, 1, 'exactly one application');
      assert.equal(posts[0]!.headers['origin'], 'https://hh.ru');
      assert.equal(posts[0]!.status, 200, `hh.ru answered ${posts[0]!.status}`);
    });

    await check('the search content script runs and the background reaches the sandbox', async () => {
      await control.clearLog();
      await page.goto('https://hh.ru/search/vacancy?text=react', { waitUntil: 'load' });
      await waitFor('a mark on a card', () =>
        page.evaluate(() => document.querySelector('[data-otklik-mark]') !== null),
      );
      const log = await control.log({ path: '/applicant/negotiations' });
      assert.ok(log.length >= 1, 'the background did not fetch negotiations from the sandbox');
    });
    // Firefox's own services (remote settings, telemetry) also knock; the proxy refuses them like
    // everything else. Anything beyond those would be ours.
    const ours = proxy.refused.filter((h) => !/(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/.test(h));
    assert.deepEqual(ours, [], `the add-on tried hosts outside the hh family: ${ours.join(', ')}`);
    console.log(`firefox smoke: ${ok} passed, 0 failed`);
  } finally {
    await browser.close().catch(() => undefined);
    proxy.server.close();
    await sandbox.close();
  }
}

main().catch((e) => {
  console.error(e);
  console.log('firefox smoke: 0 passed, 1 failed');
  process.exit(1);
});
