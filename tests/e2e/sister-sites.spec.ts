/**
 * A person who works on hh.kz only and never opens Otklik's settings (issue 14): the popup, the
 * vacancy panel and the search marks all read from hh.kz, apply there, and name hh.kz; a person
 * logged in nowhere is told to log in (on hh.ru, the default), never that something is forbidden.
 * The sandbox plays hh.kz on the same engine as hh.ru (hh-site.md: sister sites run the same engine),
 * with cookies per site root: a login on hh.kz is not a login on hh.ru.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Ext, pressApply } from './fixtures';

const APPLY = '/applicant/vacancy_response/popup';
const CARD = '[data-qa="vacancy-serp__vacancy"]';

/** Anna's applications in the seed, by vacancy id (the same list search.spec.ts marks on hh.ru). */
const ANNA_MARKS: Record<string, string> = {
  '70000006': 'response',
  '70000009': 'response',
  '70000012': 'response',
  '70000015': 'invitation',
  '70000018': 'invitation',
  '70000021': 'interview',
  '70000024': 'discard',
  '70000027': 'discard',
};

/** `METHOD host/path` of what the sites received (the browser's favicon requests aside). */
async function received(ext: Ext): Promise<string[]> {
  return (await ext.sandbox.log())
    .filter((e) => e.path !== '/favicon.ico' && !e.path.startsWith('/__sandbox'))
    .map((e) => `${e.method} ${e.host}${e.path}`);
}

async function loginOnKzOnly(ext: Ext): Promise<void> {
  await ext.loginSite('anna', 'hh.kz');
  const kz = await ext.context.cookies('https://hh.kz/');
  const ru = await ext.context.cookies('https://hh.ru/');
  expect(kz.map((c) => c.name)).toContain('hhtoken');
  expect(ru.map((c) => c.name)).not.toContain('hhtoken');
  // Settings untouched: the site choice is the default.
  expect((await ext.hook<{ site: string }>('getSettings')).site).toBe('auto');
  await ext.sandbox.clearLog();
}

function panelOf(page: Page): Locator {
  return page.locator('[data-otklik="panel"]');
}

test('logged in on hh.kz only: the popup lists the resumes read from hh.kz and names hh.kz', async ({ ext }) => {
  await loginOnKzOnly(ext);
  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  await expect(popup.getByTestId('user-name')).toHaveText('Анна Смирнова');
  await expect(popup.getByTestId('gateway-label')).toHaveText('через ваш вход на hh.kz');
  // Links lead to the site the resumes came from.
  const links = await popup.getByTestId('resume-card').locator('a[href*="/resume/"]').evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).href),
  );
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(/^https:\/\/hh\.kz\/resume\//);

  const seen = await received(ext);
  expect(seen).toContain('GET hh.kz/applicant/resumes');
  // Of hh.ru only the look that found nobody logged in there (the resume list, and the login page it leads a guest to).
  const onRu = seen.filter((r) => r.includes(' hh.ru/'));
  for (const r of onRu) expect(r).toMatch(/^GET hh\.ru\/(applicant\/resumes|account\/login)$/);
  expect(seen.filter((r) => r.startsWith('POST'))).toEqual([]);
  expect(await popup.getByText(/запретил|refused|forbid/i).count()).toBe(0);

  // Remembered: the next popup reads hh.kz straight away, nothing from hh.ru.
  await popup.close();
  await ext.sandbox.clearLog();
  const again = await ext.openPopup();
  await expect(again.getByTestId('resume-card')).toHaveCount(4);
  await expect.poll(async () => (await received(ext)).filter((r) => r.startsWith('GET hh.kz/applicant/resumes')).length).toBeGreaterThan(0);
  expect((await received(ext)).filter((r) => r.includes(' hh.ru/'))).toEqual([]);
});

test('logged in on hh.kz only: the panel on an hh.kz vacancy lists the resumes and applies once, on hh.kz', async ({ ext }) => {
  await loginOnKzOnly(ext);
  const page = await ext.context.newPage();
  await page.goto('https://hh.kz/vacancy/70000001');
  const panel = panelOf(page);
  await expect(panel.getByRole('radio')).toHaveCount(4);
  await expect(panel.getByRole('radio').first()).toBeChecked();
  await expect(panel).toContainText('через ваш вход на hh.kz');

  await panel.getByRole('textbox').fill('Здравствуйте! Пишу с hh.kz.');
  await pressApply(panel, 'dblclick');
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Открыть переписку на hh.kz' })).toHaveAttribute('href', /^https:\/\/hh\.kz\//);

  const applies = await ext.sandbox.log({ method: 'POST', path: APPLY });
  expect(applies.map((e) => e.host)).toEqual(['hh.kz']);
  expect(applies[0]!.body).toContain('Здравствуйте! Пишу с hh.kz.');
  expect((await received(ext)).filter((r) => r.includes(' hh.ru/'))).toEqual([]);

  // The page showed Anna logged in on hh.kz: the popup now reads hh.kz without looking anywhere else.
  await ext.sandbox.clearLog();
  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  expect((await received(ext)).filter((r) => r.includes(' hh.ru/'))).toEqual([]);
});

test('logged in on hh.kz only: search marks appear on hh.kz’s search page, read from hh.kz', async ({ ext }) => {
  await loginOnKzOnly(ext);
  const page = await ext.context.newPage();
  await page.goto('https://hh.kz/search/vacancy?items_on_page=100');
  await expect(page.locator(CARD)).toHaveCount(100);
  // hh.ru's cards name their vacancy only in the (absolute) title link.
  const ids = await page
    .locator(`${CARD} [data-qa="serp-item__title"]`)
    .evaluateAll((links) => links.map((a) => /\/vacancy\/(\d+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''));
  const mine = ids.filter((id) => id in ANNA_MARKS);
  expect(mine.length).toBeGreaterThan(0);
  for (const id of mine) {
    const card = page.locator(CARD).filter({ has: page.locator(`[data-qa="serp-item__title"][href*="/vacancy/${id}?"]`) });
    await expect(card.locator('[data-otklik-mark]')).toHaveAttribute('data-otklik-mark', ANNA_MARKS[id]!);
  }
  await expect(page.locator('[data-otklik-mark]')).toHaveCount(mine.length);
  const seen = await received(ext);
  expect(seen.some((r) => r.startsWith('GET hh.kz/applicant/negotiations'))).toBe(true);
  expect(seen.filter((r) => r.includes(' hh.ru/'))).toEqual([]);
});

test('logged in nowhere: the popup says to log in on hh.ru, never that something is forbidden', async ({ ext }) => {
  const popup = await ext.openPopup();
  const login = popup.getByRole('link', { name: 'Войти на hh.ru' });
  await expect(login).toBeVisible();
  await expect(login).toHaveAttribute('href', 'https://hh.ru/account/login');
  await expect(popup.getByText(/Вы не вошли на hh\.ru/)).toBeVisible();
  await expect(popup.getByText(/запретил|refused|forbid/i)).toHaveCount(0);
  await expect(popup.getByTestId('resume-card')).toHaveCount(0);
});

test('a guest on an hh.kz vacancy page is told to log in on hh.kz, not hh.ru', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://hh.kz/vacancy/70000001');
  const panel = panelOf(page);
  await expect(panel.getByText('Отклик не видит вашего входа на hh.kz. Войдите, чтобы откликаться в один клик.')).toBeVisible();
  await expect(panel.getByText(/запретил|forbid/i)).toHaveCount(0);
  expect(await ext.sandbox.log({ method: 'POST', path: APPLY })).toEqual([]);
});

test('the settings’ site is an override: "auto" by default; a chosen site is the one read', async ({ ext }) => {
  await loginOnKzOnly(ext);
  const options = await ext.openOptions();
  const select = options.getByTestId('site-select');
  await expect(select).toHaveValue('auto');
  await expect(select.locator('option').first()).toHaveText('Автоматически: где вы вошли');
  // On auto the options page finds Anna on hh.kz and says so.
  await expect(options.getByTestId('account-status')).toHaveText('Отклик работает через ваш вход на hh.kz: Анна Смирнова.');

  await select.selectOption('hh.ru');
  await expect.poll(async () => (await ext.hook<{ site: string }>('getSettings')).site).toBe('hh.ru');
  await ext.sandbox.clearLog();
  const popup = await ext.openPopup();
  await expect(popup.getByRole('link', { name: 'Войти на hh.ru' })).toHaveAttribute('href', 'https://hh.ru/account/login');
  await expect(popup.getByTestId('resume-card')).toHaveCount(0);
  // The override is obeyed: hh.kz is not looked at behind the person's back.
  expect((await received(ext)).filter((r) => r.includes(' hh.kz/'))).toEqual([]);
  await popup.close();

  await select.selectOption('auto');
  await expect.poll(async () => (await ext.hook<{ site: string }>('getSettings')).site).toBe('auto');
  const again = await ext.openPopup();
  await expect(again.getByTestId('resume-card')).toHaveCount(4);
  await expect(again.getByTestId('gateway-label')).toHaveText('через ваш вход на hh.kz');
});
