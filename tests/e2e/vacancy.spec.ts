/**
 * Anna on hh.ru vacancy pages: Otklik's panel beside hh.ru's apply button lists her resumes by fit,
 * applies once, explains every refusal, keeps her letter, and follows hh.ru's in-page navigation.
 *
 * How tests find the panel: its shadow root is closed in production; the e2e build opens it and
 * marks the host with `data-otklik="panel"` and `data-otklik-vacancy="<id>"`, so Playwright's
 * locators (which pierce open shadow roots) reach everything inside.
 */
import type { Locator, Page } from '@playwright/test';
import { resumeHash } from '../sandbox/seed';
import { expect, test, type Ext, pressApply } from './fixtures';

const APPLY_PATH = '/applicant/vacancy_response/popup';

function panelOf(page: Page): Locator {
  return page.locator('[data-otklik="panel"]');
}

async function openVacancy(ext: Ext, id: string, query = ''): Promise<{ page: Page; panel: Locator }> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/vacancy/${id}${query}`);
  const panel = panelOf(page);
  await expect(panel.getByText('Смотрим, какие резюме подходят…')).toHaveCount(0);
  await expect(panel).toHaveCount(1);
  return { page, panel };
}

/**
 * Anna's second resume, complete: the seed's lacks a mandatory section, which hh.ru's apply preflight
 * reports as incomplete (and the site gateway then refuses it).
 */
async function completeSecondResume(ext: Ext): Promise<void> {
  await ext.sandbox.patchResume({ id: '1002', progress: { percentage: 100, mandatory: [], recommended: [] } });
}

/** The application POSTs hh.ru received. */
async function applications(ext: Ext) {
  return ext.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_PATH });
}

test('the panel stands beside hh.ru’s apply button and lists Anna’s resumes by fit, with reasons, from the page alone', async ({ ext }) => {
  await ext.loginSite();
  await ext.sandbox.clearLog();
  const { page, panel } = await openVacancy(ext, '70000001');

  const radios = panel.getByRole('radio');
  await expect(radios).toHaveCount(4);
  const rows = panel.locator('li');
  await expect(rows.nth(0)).toContainText('Frontend-разработчик (React, TypeScript)');
  await expect(rows.nth(0)).toContainText(/\d+%/);
  await expect(rows.nth(1)).toContainText('Fullstack-разработчик Node.js');
  await expect(rows.nth(2)).toContainText('резюме не опубликовано');
  await expect(rows.nth(3)).toContainText('резюме заблокировано модератором');
  await expect(radios.nth(0)).toBeChecked();
  await expect(radios.nth(2)).toBeDisabled();
  await expect(radios.nth(3)).toBeDisabled();

  const beside = await page.evaluate(() => {
    const block = document.querySelector('[data-qa="vacancy-response-link-top"]')!.parentElement!;
    return (block.nextElementSibling as HTMLElement | null)?.dataset.otklik;
  });
  expect(beside).toBe('panel');

  // The page's own state answered everything: no request to hh.ru beyond the page (and its icon).
  const seen = (await ext.sandbox.log()).map((e) => `${e.method} ${e.host}${e.path}`);
  expect(seen.filter((r) => r !== 'GET hh.ru/favicon.ico')).toEqual(['GET hh.ru/vacancy/70000001']);
});

test('on a vacancy page of hh.ru’s real weight (700 KB, hydrated by its own script) the panel lists the same resumes from the page alone', async ({ ext }) => {
  await ext.loginSite();
  await ext.sandbox.clearLog();
  const { page, panel } = await openVacancy(ext, '70000001', '?weight=real');
  await expect(panel.getByRole('radio')).toHaveCount(4);
  await expect(panel.locator('li').nth(0)).toContainText('Frontend-разработчик (React, TypeScript)');
  // The page's own front end ran (it hydrated its links and buttons), and ours stood beside it.
  expect(await page.evaluate(() => (window as unknown as { __hhHydrated?: { listeners: number } }).__hhHydrated?.listeners)).toBeGreaterThan(0);
  const seen = (await ext.sandbox.log()).map((e) => `${e.method} ${e.host}${e.path}`);
  expect(seen.filter((r) => r !== 'GET hh.ru/favicon.ico')).toEqual(['GET hh.ru/vacancy/70000001']);
});

test('quick apply with the second resume and a letter: hh.ru receives exactly one application, even on a double click', async ({ ext }) => {
  await ext.loginSite();
  await completeSecondResume(ext);
  const { panel } = await openVacancy(ext, '70000001');
  await panel.getByRole('radio', { name: /Fullstack-разработчик Node\.js/ }).check();
  await panel.getByRole('textbox').fill('Здравствуйте! Меня зовут Анна, пишу на React и Node.js.');
  // As a person does: the panel counts no press right after it moved under the pointer (a scroll
  // to reach the button is a move) and asks to press again; then the double click sends once.
  await expect
    .poll(async () => {
      if (await panel.getByText('Отклик отправлен.').isVisible()) return 'sent';
      if (await panel.getByRole('button', { name: 'Откликнуться' }).isEnabled()) await pressApply(panel, 'dblclick');
      return 'pressed';
    })
    .toBe('sent');
  await expect(panel.getByRole('link', { name: 'Открыть переписку на hh.ru' })).toHaveAttribute('href', /topicId=\d+/);
  const sent = await applications(ext);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body).toContain(resumeHash('1002'));
  expect(sent[0]!.body).toContain('Здравствуйте! Меня зовут Анна, пишу на React и Node.js.');
  expect(sent[0]!.body).toContain('70000001');
  // Recorded under the resume's hash: the id the API gateway gives the same resume.
  expect(await ext.hook('ledger')).toMatchObject([{ action: 'apply', target: '70000001', resumeId: resumeHash('1002'), state: 'done' }]);
});

test('a letter-required vacancy keeps Apply disabled until a letter is typed', async ({ ext }) => {
  await ext.loginSite();
  const { panel } = await openVacancy(ext, '70000002');
  const apply = panel.getByRole('button', { name: 'Откликнуться' });
  await expect(panel.getByText('· обязательно', { exact: true })).toBeVisible();
  await expect(apply).toBeDisabled();
  await panel.getByRole('textbox').fill('   ');
  await expect(apply).toBeDisabled();
  await panel.getByRole('textbox').fill('Добрый день! Готова рассказать о проектах.');
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  expect((await applications(ext))[0]!.body).toContain('Добрый день! Готова рассказать о проектах.');
});

test('the letter draft survives a reload and is gone once sent', async ({ ext }) => {
  await ext.loginSite();
  await completeSecondResume(ext);
  const { page, panel } = await openVacancy(ext, '70000001');
  await panel.getByRole('radio', { name: /Fullstack-разработчик Node\.js/ }).check();
  await panel.getByRole('textbox').fill('Черновик письма для этой вакансии');
  await page.reload();
  await expect(panelOf(page).getByRole('textbox')).toHaveValue('Черновик письма для этой вакансии');
  await expect(panelOf(page).getByRole('radio', { name: /Fullstack-разработчик Node\.js/ })).toBeChecked();

  await pressApply(panelOf(page));
  await expect(panelOf(page).getByText('Отклик отправлен.')).toBeVisible();
  const other = await openVacancy(ext, '70000002');
  await expect(other.panel.getByRole('textbox')).toHaveValue('');
});

test.describe('each refusal shows its message', () => {
  test('archived vacancy', async ({ ext }) => {
    await ext.loginSite();
    const { panel } = await openVacancy(ext, '70000004');
    await expect(panel.getByText('Вакансия в архиве: работодатель больше не принимает отклики.')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
  });

  test('test required: a link to hh.ru’s own form', async ({ ext }) => {
    await ext.loginSite();
    const { panel } = await openVacancy(ext, '70000003');
    await expect(panel.getByText('Работодатель просит ответить на вопросы')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Открыть форму отклика на hh.ru' })).toHaveAttribute('href', /vacancyId=70000003/);
    await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
  });

  test('already applied', async ({ ext }) => {
    await ext.loginSite();
    const { panel } = await openVacancy(ext, '70000006');
    await expect(panel.getByText('Вы уже откликались на эту вакансию.')).toBeVisible();
    await expect(panel.locator('li', { hasText: 'уже откликались этим резюме' })).toHaveCount(1);
    await pressApply(panel);
    await expect(panel.getByRole('alert')).toContainText('Вы уже откликались на эту вакансию.');
    expect(await applications(ext)).toHaveLength(0);
  });

  test('daily limit, and when it resets', async ({ ext }) => {
    await ext.loginSite();
    await ext.sandbox.config({ applyLimit: 1 });
    const first = await openVacancy(ext, '70000001');
    await pressApply(first.panel);
    await expect(first.panel.getByText('Отклик отправлен.')).toBeVisible();

    const { panel } = await openVacancy(ext, '70000002');
    await panel.getByRole('textbox').fill('Добрый день!');
    await pressApply(panel);
    await expect(panel.getByRole('alert')).toContainText('Достигнут дневной лимит откликов на hh.ru.');
    // A day after the first application, in the user's own time.
    await expect(panel.getByRole('alert')).toContainText(/Лимит обновится \d+ \S+, \d\d:\d\d\./);
    expect(await applications(ext)).toHaveLength(2);
  });

  test('captcha: a link to solve it, and nothing retried', async ({ ext }) => {
    await ext.loginSite();
    await ext.sandbox.fault({ host: 'hh.ru', method: 'POST', path: APPLY_PATH, kind: 'captcha' });
    const { panel } = await openVacancy(ext, '70000001');
    await pressApply(panel);
    await expect(panel.getByRole('alert')).toContainText('не робот');
    await expect(panel.getByRole('link', { name: 'Пройти проверку на hh.ru' })).toHaveAttribute('href', /^https:\/\/hh\.ru\//);
    await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
    expect(await applications(ext)).toHaveLength(1);
  });

  test('signed out: one button to sign in', async ({ ext }) => {
    const { panel } = await openVacancy(ext, '70000001');
    await expect(panel.getByText('Отклик не видит вашего входа на hh.ru.', { exact: false })).toBeVisible();
    const options = ext.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'Войти' }).click();
    expect((await options).url()).toBe(ext.url('options.html'));
  });
});

test('an unclear answer after hh.ru got the application shows "may have been sent", and nothing is resent', async ({ ext }) => {
  await ext.connectApi();
  // hh.ru records the application but answers in a shape nobody knows ...
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'POST', path: '/negotiations', kind: 'huge' });
  // ... and cannot be asked afterwards either: the outcome stays unknown.
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/negotiations', kind: '503', times: 0 });
  const { page, panel } = await openVacancy(ext, '70000001');
  await pressApply(panel);
  await expect(panel.getByText('Возможно, отправлено: проверьте на hh.ru.', { exact: false })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Мои отклики на hh.ru' })).toBeVisible();

  await page.reload();
  await expect(panelOf(page).getByText('Возможно, отправлено', { exact: false })).toBeVisible();
  await expect(panelOf(page).getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
  expect(await ext.sandbox.log({ host: 'api.hh.ru', method: 'POST', path: '/negotiations' })).toHaveLength(1);
  expect(await ext.hook('ledger')).toMatchObject([{ target: '70000001', state: 'uncertain' }]);
});

// The sandbox cuts the answer after its status line: a socket closed with no byte of answer would
// let Chromium's network stack resend the POST by itself, which is not what this test is about.
test('a connection cut after hh.ru got the application shows "may have been sent", and nothing is resent', async ({ ext }) => {
  await ext.connectApi();
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'POST', path: '/negotiations', kind: 'drop_after' });
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'GET', path: '/negotiations', kind: '503', times: 0 });
  const { panel } = await openVacancy(ext, '70000001');
  await pressApply(panel);
  await expect(panel.getByText('Возможно, отправлено: проверьте на hh.ru.', { exact: false })).toBeVisible();
  expect(await ext.sandbox.log({ host: 'api.hh.ru', method: 'POST', path: '/negotiations' })).toHaveLength(1);

  // hh.ru answers again: asked to look, Otklik finds the application in the list, and sends nothing.
  // Chromium may hold back an extension's requests to a URL that just failed several times, as a
  // person would meet it: "hh.ru is failing"; they check again a moment later.
  await ext.sandbox.clearFaults();
  await expect(async () => {
    await panel.getByRole('button', { name: 'Проверить ещё раз' }).click();
    await expect(panel.getByText('Отклик отправлен.')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  expect(await ext.sandbox.log({ host: 'api.hh.ru', method: 'POST', path: '/negotiations' })).toHaveLength(1);
});

test('in-page navigation to another vacancy swaps the panel; back brings the first one', async ({ ext }) => {
  await ext.loginSite();
  const { page, panel } = await openVacancy(ext, '70000001');
  await expect(panel).toHaveAttribute('data-otklik-vacancy', '70000001');
  const link = page.locator('[data-spa-link]').first();
  const nextId = /\/vacancy\/(\d+)/.exec((await link.getAttribute('href'))!)![1]!;
  const nextName = (await link.textContent())!;
  await link.click();

  await expect(page).toHaveURL(new RegExp(`/vacancy/${nextId}$`));
  await expect(page.locator('h1[data-qa="vacancy-title"]')).toHaveText(nextName);
  await expect(panelOf(page)).toHaveCount(1);
  await expect(panelOf(page)).toHaveAttribute('data-otklik-vacancy', nextId);
  await expect(panelOf(page).getByRole('radio')).toHaveCount(4);
  // Standing beside the new vacancy's apply button, not left behind in the old one.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const block = document.querySelector('[data-qa="vacancy-response-link-top"]')?.parentElement;
        return (block?.nextElementSibling as HTMLElement | null)?.dataset.otklikVacancy ?? null;
      }),
    )
    .toBe(nextId);

  await page.goBack();
  await expect(panelOf(page)).toHaveAttribute('data-otklik-vacancy', '70000001');
  await expect(panelOf(page)).toHaveCount(1);
});

test('without hh.ru’s markers the panel floats in a corner instead of failing', async ({ ext }) => {
  await ext.loginSite();
  const { page, panel } = await openVacancy(ext, '70000001', '?nomarkers=1');
  await expect(panel.getByRole('radio')).toHaveCount(4);
  expect(await page.evaluate(() => document.querySelector('[data-otklik="panel"]')?.parentElement === document.body)).toBe(true);
  const box = (await panel.locator('section').boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.x + box.width).toBeGreaterThan(view.width - 40);
});

test('collapsing the panel is remembered on the next vacancy', async ({ ext }) => {
  await ext.loginSite();
  const first = await openVacancy(ext, '70000001');
  await first.panel.getByRole('button', { name: 'Свернуть панель Отклика' }).click();
  await expect(first.panel.getByRole('radio')).toHaveCount(0);
  const second = await openVacancy(ext, '70000002');
  await expect(second.panel.getByRole('button', { name: 'Развернуть панель Отклика' })).toBeVisible();
  await expect(second.panel.getByRole('radio')).toHaveCount(0);
});
