/**
 * The options page in Firefox: the redirect URL to register at dev.hh.ru (Firefox's, not Chrome's),
 * signing in through hh.ru's consent page with `identity.launchWebAuthFlow`, and signing out.
 */
import type { Browser, Page } from 'puppeteer-core';
import { dump } from './hh';
import { REDIRECT_URL, SANDBOX_APP, check, element, equal, expectText, journey, waitFor, type Ff } from './harness';

async function openOptions(ff: Ff): Promise<Page> {
  const page = await ff.openOptions();
  await waitFor('the account status', async () => {
    const text = await page.$eval('[data-testid="account-status"]', (e) => e.textContent ?? '').catch(() => '');
    return text && !/Проверяем/.test(text);
  });
  return page;
}

/** The window Firefox opens for launchWebAuthFlow, once it shows hh.ru's login page. */
async function signInWindow(browser: Browser): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.url().startsWith('https://hh.ru/oauth/authorize'), { timeout: 15_000 });
  return (await target.page())!;
}

/** Entries in the IndexedDB store where Otklik keeps hh's cached answers (the add-on's own origin). */
function cachedAnswers(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('otklik-http-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('kv', 'readonly').objectStore('kv').count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

export const optionsJourneys = [
  journey('options: sign in through hh.ru’s consent page (launchWebAuthFlow, Firefox’s redirect URL) and see the name', async (ff) => {
    await ff.hook('setOAuthApp', SANDBOX_APP);
    const options = await openOptions(ff);
    await expectText(options, '[data-testid="account-status"]', /^Вы не вошли\.$/);
    // What a person registers at dev.hh.ru: Firefox's address for this add-on id.
    const shown = await (await element(options, '[data-testid="redirect-url"]')).evaluate((e) => (e as HTMLInputElement).value);
    equal(shown, REDIRECT_URL, 'the redirect URL shown in the settings');

    await (await element(options, '[data-testid="sign-in"]')).click();
    const hh = await signInWindow(ff.browser);
    await hh.waitForSelector('#user');
    await hh.select('#user', 'anna');
    await (await element(hh, '#login')).click();
    await expectText(hh, '[data-qa="oauth-user-name"]', /^Анна Смирнова$/);
    await (await element(hh, '#allow')).click();

    await expectText(options, '[data-testid="account-status"]', /^Вы вошли как Анна Смирнова через API hh\.ru\.$/);
    await element(options, '[data-testid="sign-out"]');
    const tokens = await ff.hook<{ site: string } | null>('getTokens');
    equal(tokens?.site, 'hh.ru', 'stored token pair');
    const consent = await ff.sandbox.log({ host: 'hh.ru', path: '/oauth/authorize', method: 'GET' });
    const query = consent[0]?.query as Record<string, string>;
    equal([query.client_id, query.redirect_uri], [SANDBOX_APP.clientId, REDIRECT_URL], 'client id and redirect URI sent to hh.ru');
  }),

  journey('options: signing out revokes the token at hh.ru and forgets the cached answers', async (ff) => {
    await ff.connectApi();
    await ff.hook('refresh');
    const options = await openOptions(ff);
    await expectText(options, '[data-testid="account-status"]', /Анна Смирнова/);
    check((await cachedAnswers(options)) > 0, 'nothing cached in IndexedDB after a refresh');

    await (await element(options, '[data-testid="sign-out"]')).click();

    await expectText(options, '[data-testid="account-note"]', /Вы вышли/);
    await element(options, '[data-testid="sign-in"]');
    equal((await dump(ff)).tokens.map((t) => t.revoked), [true], 'tokens revoked at hh.ru');
    equal(await ff.hook('getTokens'), null, 'stored token pair');
    equal(await cachedAnswers(options), 0, 'cached answers left');
  }),
];
