/**
 * Signing in and out through hh.ru's OAuth consent page (the sandbox plays it), and the token's
 * life afterwards: refreshed once when expired, signed out when revoked.
 */
import type { Page } from '@playwright/test';
import { expect, SANDBOX_APP, test, type Ext } from './fixtures';

const DAY = 86_400_000;

async function openOptions(ext: Ext): Promise<Page> {
  const page = await ext.openOptions();
  await expect(page.getByTestId('account-status')).not.toHaveText(/Проверяем/);
  return page;
}

/** Presses "Sign in" and returns hh.ru's sign-in window once it shows the login or consent page. */
async function startSignIn(ext: Ext, options: Page): Promise<Page> {
  const opened = ext.context.waitForEvent('page');
  await options.getByTestId('sign-in').click();
  const hh = await opened;
  await hh.waitForURL(/^https:\/\/hh\.ru\/oauth\/authorize/);
  return hh;
}

/** On hh.ru's window: log in as Anna, reaching the consent page. */
async function logInOnConsent(hh: Page): Promise<void> {
  await hh.locator('#user').selectOption('anna');
  await hh.locator('#login').click();
  await expect(hh.locator('[data-qa="oauth-user-name"]')).toHaveText('Анна Смирнова');
}

/** Entries in the IndexedDB store where Otklik keeps hh's cached answers. */
function cachedAnswers(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('otklik-http-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('kv', 'readonly').objectStore('kv').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test('a job seeker signs in through hh.ru’s consent page and sees their name', async ({ ext }) => {
  await ext.hook('setOAuthApp', SANDBOX_APP);
  const options = await openOptions(ext);
  await expect(options.getByTestId('account-status')).toHaveText('Вы не вошли.');

  const hh = await startSignIn(ext, options);
  await logInOnConsent(hh);
  await hh.locator('#allow').click();

  await expect(options.getByTestId('account-status')).toHaveText('Вы вошли как Анна Смирнова через API hh.ru.');
  await expect(options.getByTestId('sign-out')).toBeVisible();
  expect(await ext.hook('getTokens')).toMatchObject({ site: 'hh.ru' });

  const consent = await ext.sandbox.log({ host: 'hh.ru', path: '/oauth/authorize', method: 'GET' });
  expect(consent[0]!.query).toMatchObject({
    response_type: 'code',
    client_id: SANDBOX_APP.clientId,
    redirect_uri: `https://${ext.id}.chromiumapp.org/`,
  });
});

test('signing out revokes the token at hh.ru and forgets the account’s data', async ({ ext }) => {
  await ext.connectApi();
  await ext.hook('refresh');
  const options = await openOptions(ext);
  await expect(options.getByTestId('account-status')).toContainText('Анна Смирнова');
  expect(await cachedAnswers(options)).toBeGreaterThan(0);

  await options.getByTestId('sign-out').click();

  await expect(options.getByTestId('account-note')).toHaveText(/Вы вышли/);
  await expect(options.getByTestId('sign-in')).toBeVisible();
  const { tokens } = (await ext.sandbox.state()) as { tokens: Array<{ revoked: boolean }> };
  expect(tokens.map((t) => t.revoked)).toEqual([true]);
  expect(await ext.hook('getTokens')).toBeNull();
  expect(await cachedAnswers(options)).toBe(0);
});

test.describe('a sign-in that does not finish stores nothing and says why', () => {
  const cases: Array<[string, (hh: Page) => Promise<void>, RegExp]> = [
    [
      'an answer for another attempt (state mismatch)',
      async (hh) => {
        await logInOnConsent(hh);
        await hh.locator('input[name="state"]').evaluate((el) => ((el as HTMLInputElement).value = 'forged'));
        await hh.locator('#allow').click();
      },
      /проверка state не прошла.*Ничего не сохранено/,
    ],
    [
      'a denied consent',
      async (hh) => {
        await logInOnConsent(hh);
        await hh.locator('#deny').click();
      },
      /Вы не разрешили Отклику доступ к hh\.ru/,
    ],
    ['a closed window', (hh) => hh.close(), /Окно входа закрыто до завершения входа/],
  ];

  for (const [name, finish, message] of cases) {
    test(name, async ({ ext }) => {
      await ext.hook('setOAuthApp', SANDBOX_APP);
      const options = await openOptions(ext);
      const hh = await startSignIn(ext, options);
      await finish(hh);

      await expect(options.getByTestId('account-error')).toHaveText(message);
      await expect(options.getByTestId('sign-in')).toBeEnabled();
      await expect(options.getByTestId('account-status')).toHaveText('Вы не вошли.');
      expect(await ext.hook('getTokens')).toBeNull();
      expect(await ext.sandbox.log({ host: 'api.hh.ru', path: '/token' })).toEqual([]);
    });
  }
});

test('an expired token is refreshed once and the request replayed once', async ({ ext }) => {
  await ext.connectApi();
  // HH ends the token's life on its side; the extension learns it from the 403.
  await ext.sandbox.clock({ advance: 15 * DAY });
  await ext.sandbox.clearLog();

  const options = await openOptions(ext);
  await expect(options.getByTestId('account-status')).toHaveText('Вы вошли как Анна Смирнова через API hh.ru.');

  const calls = (await ext.sandbox.log({ host: 'api.hh.ru' }))
    .filter((e) => e.path === '/me' || e.path === '/token')
    .map((e) => `${e.method} ${e.path} ${e.status}`);
  expect(calls).toEqual(['GET /me 403', 'POST /token 200', 'GET /me 200']);
});

test('a revoked token leads to signed-out, with how to sign in again', async ({ ext }) => {
  await ext.connectApi();
  await ext.hook('patchSettings', { gateway: 'api' });
  const { accessToken } = await ext.hook<{ accessToken: string }>('getTokens');
  // The user revoked Otklik's access on hh.ru's side.
  const sw = await ext.sw();
  const revoked = await sw.evaluate(
    async (token) =>
      (await fetch('https://api.hh.ru/oauth/token', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).status,
    accessToken,
  );
  expect(revoked).toBe(204);

  const options = await openOptions(ext);
  await expect(options.getByTestId('account-status')).toHaveText('Вы не вошли.');
  await expect(options.getByTestId('account-error')).toHaveText(/нажмите «Войти», чтобы войти снова/);
  await expect(options.getByTestId('sign-in')).toBeVisible();
  expect(await ext.hook('getTokens')).toBeNull();
  expect(await ext.sandbox.log({ host: 'api.hh.ru', path: '/token' })).toEqual([]);
});

test('the settings page sets up the hh.ru app and keeps the person’s preferences', async ({ ext }) => {
  const options = await openOptions(ext);
  await expect(options.getByTestId('app-missing')).toHaveText('Client id не указан: вход через API невозможен.');
  await expect(options.getByTestId('redirect-url')).toHaveValue(`https://${ext.id}.chromiumapp.org/`);
  await expect(options.getByTestId('secret-warning')).toContainText('client secret внутри расширения не является секретом');

  await options.getByTestId('app-client-id').fill(SANDBOX_APP.clientId);
  await options.getByTestId('app-client-secret').fill(SANDBOX_APP.clientSecret);
  await options.getByTestId('app-save').click();
  await expect(options.getByTestId('app-saved')).toHaveText('Сохранено.');
  await expect(options.getByTestId('app-missing')).toBeHidden();

  await options.getByTestId('gateway-site').check();
  await options.getByTestId('site-select').selectOption('hh.kz');
  await options.getByTestId('quiet-enabled').check();
  await options.getByTestId('quiet-from').fill('22:30');
  await options.getByTestId('dim-hidden').check();
  await options.getByTestId('template-add').click();
  await options.getByTestId('template-name').last().fill('Для стартапов');
  await options.getByTestId('template-text').last().fill('Добрый день! Вакансия «{vacancy}» в {company} мне очень интересна.\n{name}');
  await options.getByTestId('template-delete').first().click();
  await expect(options.getByTestId('template')).toHaveCount(1);

  await expect
    .poll(() => ext.hook('getSettings'))
    .toMatchObject({
      gateway: 'site',
      site: 'hh.kz',
      quietHours: { enabled: true, from: '22:30', to: '08:00' },
      dimHidden: true,
      templates: [{ name: 'Для стартапов', text: 'Добрый день! Вакансия «{vacancy}» в {company} мне очень интересна.\n{name}' }],
    });

  await options.reload();
  await expect(options.getByTestId('app-client-id')).toHaveValue(SANDBOX_APP.clientId);
  await expect(options.getByTestId('gateway-site')).toBeChecked();
  await expect(options.getByTestId('template-name')).toHaveValue('Для стартапов');
});
