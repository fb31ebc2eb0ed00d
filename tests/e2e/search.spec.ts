/**
 * Anna on hh.ru's search page: the cards of vacancies she applied to, was invited on or rejected on
 * carry a small mark, including the cards hh.ru draws later, for one negotiations request per few
 * minutes.
 *
 * How tests find marks: each mark is our own element after the card's title link, with a closed
 * shadow root in production; the e2e build opens it and puts the state on the host as
 * `data-otklik-mark="response|invitation|interview|discard"`.
 */
import type { Page } from '@playwright/test';
import { expect, test, pressApply } from './fixtures';

const CARD = '[data-qa="vacancy-serp__vacancy"]';

/** Anna's applications in the seed, by vacancy id. */
const ANNA: Record<string, { state: string; text: string }> = {
  '70000006': { state: 'response', text: 'Вы откликнулись' },
  '70000009': { state: 'response', text: 'Вы откликнулись' },
  '70000012': { state: 'response', text: 'Вы откликнулись' },
  '70000015': { state: 'invitation', text: 'Приглашение' },
  '70000018': { state: 'invitation', text: 'Приглашение' },
  '70000021': { state: 'interview', text: 'Приглашение' },
  '70000024': { state: 'discard', text: 'Отказ' },
  '70000027': { state: 'discard', text: 'Отказ' },
};

/** hh.ru's cards carry their vacancy id only in the title link (absolute, with a query string). */
async function cardIds(page: Page): Promise<string[]> {
  return page.locator(CARD).evaluateAll((cards) =>
    cards.map((c) => /\/vacancy\/(\d+)/.exec(c.querySelector('[data-qa="serp-item__title"]')?.getAttribute('href') ?? '')?.[1] ?? ''),
  );
}

/** The card whose title links to the vacancy. */
const cardOf = (page: Page, id: string) => page.locator(CARD).filter({ has: page.locator(`[data-qa="serp-item__title"][href*="/vacancy/${id}?"]`) });

async function expectMarks(page: Page): Promise<void> {
  const ids = await cardIds(page);
  const mine = ids.filter((id) => id in ANNA);
  for (const id of mine) {
    const mark = cardOf(page, id).locator('[data-otklik-mark]');
    await expect(mark).toHaveAttribute('data-otklik-mark', ANNA[id]!.state);
    await expect(mark).toHaveText(ANNA[id]!.text);
    // Styled by our one shared stylesheet, adopted by every mark's shadow root.
    await expect(mark.locator('span')).toHaveCSS('border-top-left-radius', '10px');
  }
  await expect(page.locator('[data-otklik-mark]')).toHaveCount(mine.length);
}

const hhRequests = async (ext: { sandbox: { log: () => Promise<Array<{ method: string; host: string; path: string }>> } }) =>
  (await ext.sandbox.log()).map((e) => `${e.method} ${e.host}${e.path}`).filter((r) => r !== 'GET hh.ru/favicon.ico');

test('applied, invited and rejected cards carry their marks, cards drawn later too, for at most 2 requests', async ({ ext }) => {
  await ext.loginSite();
  await ext.sandbox.clearLog();
  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/search/vacancy?items_on_page=100');
  // hh.ru draws the first 20 cards in the HTML and the rest in stages.
  await expect(page.locator(CARD)).toHaveCount(100);

  await expectMarks(page);
  const shown = await page.locator('[data-otklik-mark]').evaluateAll((m) => m.map((x) => x.getAttribute('data-otklik-mark')));
  expect(new Set(shown)).toEqual(new Set(['response', 'invitation', 'interview', 'discard']));
  const ids = await cardIds(page);
  expect(ids.slice(20).some((id) => id in ANNA), 'some marked cards arrive after the first render').toBe(true);

  const requests = await hhRequests(ext);
  expect(requests.length).toBeLessThanOrEqual(2);
  expect(requests[0]).toBe('GET hh.ru/search/vacancy');
});

test('on a search page of hh.ru’s real weight and markup, every card gets its mark, late cards too', async ({ ext }) => {
  await ext.loginSite();
  const page = await ext.context.newPage();
  // ~900 KB, deep card markup, a hydrating page script; the last 40 cards arrive after load.
  await page.goto('https://hh.ru/search/vacancy?weight=real&items_on_page=60&late=40');
  await expect(page.locator(CARD)).toHaveCount(60);
  await expectMarks(page);
  const ids = await cardIds(page);
  expect(ids.filter((id) => id in ANNA).length).toBeGreaterThan(0);
  expect(ids.slice(20).some((id) => id in ANNA), 'some marked cards arrive after load').toBe(true);
});

test('the next search page reuses the cached list: no request beyond the page itself', async ({ ext }) => {
  await ext.loginSite();
  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/search/vacancy?items_on_page=20');
  await expect(page.locator(CARD)).toHaveCount(20);
  await expectMarks(page);

  await ext.sandbox.clearLog();
  await page.locator('[data-qa="pager-next"]').click();
  await page.waitForURL(/page=1/);
  await expect(page.locator(CARD)).toHaveCount(20);
  await expectMarks(page);
  expect(await hhRequests(ext)).toEqual(['GET hh.ru/search/vacancy']);
});

test('a vacancy applied to from the panel is marked on the search page', async ({ ext }) => {
  await ext.loginSite();
  const vacancy = await ext.context.newPage();
  await vacancy.goto('https://hh.ru/vacancy/70000001');
  const panel = vacancy.locator('[data-otklik="panel"]');
  await pressApply(panel);
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();

  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/search/vacancy?text=React');
  const card = cardOf(page, '70000001');
  await expect(card.locator('[data-otklik-mark]')).toHaveAttribute('data-otklik-mark', 'response');
});

test('signed out, the search page stays as hh.ru made it', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/search/vacancy?items_on_page=100');
  await expect(page.locator(CARD)).toHaveCount(100);
  await expect(page.locator('[data-otklik-mark]')).toHaveCount(0);
});
