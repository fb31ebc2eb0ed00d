/**
 * hh.ru answers in every way it is known to: rate limits with and without Retry-After, a captcha,
 * an expired and a revoked token, the API closed to applicants, deleted resumes and vacancies,
 * broken, odd, huge and unfamiliar bodies, Russian with emoji, markup in employer names. Anna
 * always learns what happened and what to do; nothing is retried that must not be.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Ext, pressApply } from './fixtures';
import { stored, type Alarm } from './faults-support';

const ANNA = '73514208';

interface SandboxResume {
  id: string;
  hash: string;
  userId: string;
  nextPublishAt: number;
}

async function hashOf(ext: Ext, id: string): Promise<string> {
  const { resumes } = (await ext.sandbox.state()) as { resumes: SandboxResume[] };
  return resumes.find((r) => r.userId === ANNA && r.id === id)!.hash;
}

async function popupWithResumes(ext: Ext): Promise<Page> {
  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  await expect(popup.locator('main')).toHaveAttribute('aria-busy', 'false');
  return popup;
}

const card = (popup: Page, id: string) => popup.locator(`[data-testid="resume-card"][data-resume-id="${id}"]`);
const raiseAlarms = async (ext: Ext) => (await ext.hook<Alarm[]>('alarms')).filter((a) => a.name.startsWith('raise:'));
const publishes = (ext: Ext, hash: string) => ext.sandbox.log({ host: 'api.hh.ru', method: 'POST', path: `/resumes/${hash}/publish` });

/** Anna signed in through the API with auto-raise on for one resume; its timer is set. */
async function autoRaiseOn(ext: Ext, id: string): Promise<string> {
  await ext.connectApi();
  const hash = await hashOf(ext, id);
  await ext.hook('patchSettings', { autoRaise: { [hash]: true } });
  await ext.hook('refresh');
  await expect.poll(async () => (await raiseAlarms(ext)).map((a) => a.name)).toEqual([`raise:${hash}`]);
  return hash;
}

test.describe('hh.ru asks for a captcha', () => {
  test('during an automatic raise: all automatic work stops, Anna gets the link, nothing is retried until she says she solved it', async ({ ext }) => {
    const hash = await autoRaiseOn(ext, '1001');
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'POST', path: `/resumes/${hash}/publish`, kind: 'captcha' });

    await ext.hook('fireAlarm', `raise:${hash}`);

    expect(await publishes(ext, hash)).toHaveLength(1);
    expect(await raiseAlarms(ext)).toEqual([]);
    const popup = await ext.openPopup();
    const pause = popup.getByTestId('error-note').filter({ hasText: 'не робот' }).first();
    await expect(pause).toHaveAttribute('data-kind', 'captcha');
    await expect(pause.getByRole('link', { name: 'Пройти проверку на hh.ru' })).toHaveAttribute(
      'href',
      /^https:\/\/hh\.ru\/account\/captcha\?.*backurl=/,
    );

    // The timer is delivered anyway (a stale alarm): nothing goes to hh.ru.
    await ext.hook('fireAlarm', `raise:${hash}`);
    expect(await publishes(ext, hash)).toHaveLength(1);

    await pause.getByTestId('pause-continue').click();
    await expect(popup.getByTestId('pause-continue')).toHaveCount(0);
    await expect.poll(async () => (await raiseAlarms(ext)).map((a) => a.name)).toEqual([`raise:${hash}`]);
  });

  test('on a page read through the hh.ru session: the popup says so, with the link', async ({ ext }) => {
    await ext.loginSite();
    await ext.sandbox.fault({ host: 'hh.ru', method: 'GET', path: '/applicant/resumes', kind: 'captcha' });

    const popup = await ext.openPopup();

    const pause = popup.getByTestId('error-note').filter({ hasText: 'не робот' }).first();
    await expect(pause.getByRole('link', { name: 'Пройти проверку на hh.ru' })).toHaveAttribute('href', /^https:\/\/hh\.ru\//);
    expect(await ext.sandbox.log({ host: 'hh.ru', method: 'GET', path: '/applicant/resumes' })).toHaveLength(1);
    expect(await stored(await ext.sw(), 'automationPause')).toMatchObject({ reason: { kind: 'captcha' } });
  });
});

test.describe('hh.ru says "too many requests" (429)', () => {
  test('with Retry-After on a read: waits that long, once, then shows the resumes', async ({ ext }) => {
    await ext.connectApi();
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine', kind: '429', retryAfter: 1 });

    const popup = await popupWithResumes(ext);

    await expect(popup.getByTestId('error-note')).toHaveCount(0);
    const asked = await ext.sandbox.log({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine' });
    expect(asked.map((e) => e.status)).toEqual([429, 200]);
    expect(asked[1]!.t - asked[0]!.t).toBeGreaterThanOrEqual(1000);
  });

  test('without Retry-After, again and again: 3 tries, then the popup asks to wait', async ({ ext }) => {
    await ext.connectApi();
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine', kind: '429', times: 0 });

    const popup = await ext.openPopup();

    await expect(popup.getByTestId('error-note')).toContainText('Слишком много запросов к hh.ru. Подождите немного');
    expect(await ext.sandbox.log({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine' })).toHaveLength(3);
  });

  test('with a far Retry-After on an automatic raise: not retried, the timer moves past the server’s time', async ({ ext }) => {
    const hash = await autoRaiseOn(ext, '1001');
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'POST', path: `/resumes/${hash}/publish`, kind: '429', retryAfter: 600 });
    const before = Date.now();

    await ext.hook('fireAlarm', `raise:${hash}`);

    expect(await publishes(ext, hash)).toHaveLength(1);
    const [timer] = await raiseAlarms(ext);
    expect(timer!.scheduledTime).toBeGreaterThanOrEqual(before + 600_000);
    expect(await stored(await ext.sw(), 'automationPause')).toBeUndefined();
  });
});

test('the token expires mid-session: refreshed once, the request replayed once, Anna notices nothing', async ({ ext }) => {
  await ext.connectApi();
  const hash = await hashOf(ext, '1001');
  const popup = await popupWithResumes(ext);
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: `/resumes/${hash}/views`, kind: 'token_expired' });
  await ext.sandbox.clearLog();

  await card(popup, hash).getByTestId('views-open').click();

  await expect(card(popup, hash).getByTestId('view-item')).toHaveCount(20);
  const calls = (await ext.sandbox.log({ host: 'api.hh.ru' }))
    .filter((e) => e.path === '/token' || e.path.endsWith('/views'))
    .map((e) => `${e.method} ${e.path.replace(hash, 'H')} ${e.status}`);
  // HH refuses to refresh a token it still considers valid: the same token is replayed.
  expect(calls).toEqual(['GET /resumes/H/views 403', 'POST /token 400', 'GET /resumes/H/views 200']);
});

test('the token is revoked mid-session: signed out, told how to sign in again, nothing retried', async ({ ext }) => {
  await ext.connectApi();
  await ext.hook('patchSettings', { gateway: 'api' });
  const popup = await popupWithResumes(ext);
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine', kind: 'token_revoked', times: 0 });
  await ext.sandbox.clearLog();

  await popup.getByRole('button', { name: 'Обновить' }).click();

  await expect(popup.getByTestId('sign-in')).toBeVisible();
  // Said once, where the way back in is.
  await expect(popup.getByText(/нажмите «Войти», чтобы войти снова/)).toHaveCount(1);
  await expect(popup.getByRole('region').getByText(/нажмите «Войти», чтобы войти снова/)).toBeVisible();
  await expect(popup.getByTestId('resume-card')).toHaveCount(0);
  expect(await ext.hook('getTokens')).toBeNull();
  expect(await ext.sandbox.log({ host: 'api.hh.ru', path: '/resumes/mine' })).toHaveLength(1);
  expect(await ext.sandbox.log({ host: 'api.hh.ru', path: '/token' })).toEqual([]);
});

test('the API refuses applicant methods (403): the application goes through the hh.ru session, exactly once', async ({ ext }) => {
  await ext.sandbox.config({ applicantApiRefused: true });
  await ext.loginSite();
  await ext.connectApi();
  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/vacancy/70000001');
  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel.getByText('через ваш вход на hh.ru')).toBeVisible();

  await pressApply(panel);

  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  const { applications } = (await ext.sandbox.state()) as { applications: Array<{ vacancyId: string; via: string }> };
  expect(applications).toEqual([expect.objectContaining({ vacancyId: '70000001', via: 'site' })]);
  expect(await ext.hook('ledger')).toMatchObject([{ target: '70000001', state: 'done', gateway: 'site' }]);
});

test.describe('deleted on hh.ru (404)', () => {
  const NOT_FOUND = 'Не найдено на hh.ru: возможно, резюме или вакансия удалены.';

  test('a vacancy page that no longer exists: the panel says so instead of breaking', async ({ ext }) => {
    await ext.loginSite();
    const page = await ext.context.newPage();
    await page.goto('https://hh.ru/vacancy/79999999');
    const panel = page.locator('[data-otklik="panel"]');
    await expect(panel.getByRole('alert')).toContainText(NOT_FOUND);
    await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
    expect(await ext.sandbox.log({ method: 'POST' })).toEqual([]);
  });

  test('a resume deleted since the popup last looked: its views say so', async ({ ext }) => {
    await ext.connectApi();
    const hash = await hashOf(ext, '1001');
    const popup = await popupWithResumes(ext);
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: `/resumes/${hash}/views`, kind: 'not_found' });

    await card(popup, hash).getByTestId('views-open').click();

    await expect(card(popup, hash).getByTestId('error-note')).toContainText(NOT_FOUND);
  });

  test('a resume deleted before its automatic raise: nothing is sent, Anna is told, automation goes on for the rest', async ({ ext }) => {
    const hash = await autoRaiseOn(ext, '1001');
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: `/resumes/${hash}`, kind: 'not_found', times: 0 });

    await ext.hook('fireAlarm', `raise:${hash}`);

    expect(await publishes(ext, hash)).toEqual([]);
    const popup = await ext.openPopup();
    await expect(card(popup, hash).getByTestId('raise-outcome')).toContainText(NOT_FOUND);
    expect(await stored(await ext.sw(), 'automationPause')).toBeUndefined();
  });
});

test.describe('answers of a shape nobody knows', () => {
  for (const kind of ['malformed', 'wrong_shape'] as const) {
    test(`${kind === 'malformed' ? 'broken JSON' : 'valid JSON of the wrong shape'}: the last known resumes stay, the popup says hh.ru answered oddly, no retry`, async ({ ext }) => {
      await ext.connectApi();
      const popup = await popupWithResumes(ext);
      await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine', kind, times: 0 });
      await ext.sandbox.clearLog();

      await popup.getByRole('button', { name: 'Обновить' }).click();

      await expect(popup.getByTestId('error-note')).toContainText('hh.ru ответил так, как Отклик пока не умеет читать');
      await expect(popup.getByTestId('resume-card')).toHaveCount(4);
      expect(await ext.sandbox.log({ host: 'api.hh.ru', path: '/resumes/mine' })).toHaveLength(1);
    });
  }

  test('a huge answer full of fields nobody knows (5 MB): the resumes show as usual', async ({ ext }) => {
    await ext.connectApi();
    await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/resumes/mine', kind: 'huge' });

    const popup = await popupWithResumes(ext);

    await expect(popup.getByTestId('error-note')).toHaveCount(0);
    await expect(card(popup, await hashOf(ext, '1001')).getByTestId('resume-views-total')).toHaveText('30 просмотров');
  });
});

test('Russian and emoji travel intact: a resume title in the popup, a letter to hh.ru', async ({ ext }) => {
  await ext.loginSite();
  const title = 'Фронтенд-разработчица 👩‍💻 «React» — ёлки-палки 🚀';
  await ext.sandbox.patchResume({ id: '1001', title });
  const popup = await ext.openPopup();
  await expect(card(popup, await hashOf(ext, '1001'))).toContainText(title);

  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/vacancy/70000001');
  const panel = page.locator('[data-otklik="panel"]');
  const letter = 'Здравствуйте! Пишу на TypeScript 💙, люблю «чистый» код — и ёжиков 🦔.\nС уважением, Анна';
  await panel.getByRole('textbox').fill(letter);
  await pressApply(panel);

  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  const { applications } = (await ext.sandbox.state()) as { applications: Array<{ message: string }> };
  // Forms carry line breaks as CRLF, as hh.ru's own form sends them.
  expect(applications.map((a) => a.message.replaceAll('\r\n', '\n'))).toEqual([letter]);
});

test('markup in an employer’s name stays text: in the panel, its letter template, and who viewed', async ({ ext }) => {
  await ext.loginSite();
  const page = await ext.context.newPage();
  // Its employer is «ООО «Ромашка» <b>IT</b>».
  await page.goto('https://hh.ru/vacancy/70000002');
  const panel = page.locator('[data-otklik="panel"]');
  await panel.getByRole('combobox', { name: 'Вставить шаблон письма' }).selectOption({ label: 'Коротко' });

  await expect(panel.getByRole('textbox')).toHaveValue(/в ООО «Ромашка» <b>IT<\/b>\./);
  await expect(panel.locator('b')).toHaveCount(0);

  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  await card(popup, await hashOf(ext, '1001')).getByTestId('views-open').click();
  await expect(popup.getByTestId('view-item').filter({ hasText: 'ООО «Ромашка» <b>IT</b>' }).first()).toBeVisible();
  await expect(popup.getByTestId('view-item').locator('b')).toHaveCount(0);
});
