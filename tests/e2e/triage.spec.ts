/**
 * Anna triages hh.ru's search: every card carries how well it fits her best resume (0-100, the
 * reason on hover and focus), the employers, stop-words and salaries she never wants fold their
 * cards to a one-line stub, and an employer she must never apply to stops the panel's apply until
 * she overrides it.
 *
 * How tests find our elements: closed shadow roots in production; the e2e build opens them and
 * marks the hosts: `data-otklik-fit="<score>"` (figure and "hide employer" button),
 * `data-otklik-stub="<why>"` (a folded card's line, standing right before the card),
 * `data-otklik-hidden="<n>"` (the page's counter).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Ext, pressApply } from './fixtures';

const CARD = '[data-qa="vacancy-serp__vacancy"]';
const APPLY_PATH = '/applicant/vacancy_response/popup';

const cardOf = (page: Page, id: string) => page.locator(CARD).filter({ has: page.locator(`[data-qa="serp-item__title"][href*="/vacancy/${id}?"]`) });
const fitOf = (page: Page, id: string) => cardOf(page, id).locator('[data-otklik-fit]');

/** Signed in on hh.ru, with her resumes known (the popup's refresh): what the figures are scored against. */
async function anna(ext: Ext): Promise<void> {
  await ext.loginSite();
  await ext.hook('refresh');
}

async function openSearch(ext: Ext, query: string, cards: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/search/vacancy?${query}`);
  await expect(page.locator(CARD)).toHaveCount(cards);
  return page;
}

/**
 * Scrolls the page to its end a screen at a time with the mouse wheel, as a person reads a list:
 * the figures come to cards as they near the screen, so a test that wants them all goes there.
 */
async function scrollThrough(page: Page): Promise<void> {
  const { height } = page.viewportSize()!;
  await page.mouse.move(640, height / 2);
  const atEnd = () => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
  while (!(await atEnd())) {
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, height);
    // The wheel scrolls in frames: the step is done when the page has moved.
    await page.waitForFunction((y) => scrollY > y, before);
  }
}

/** Until the next frame has been drawn and the tasks it queued (an observer's reports) have run. */
async function nextFrameSettled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))));
}

/** The reason a card's figure gives on hover. */
async function reasonOnHover(page: Page, id: string): Promise<Locator> {
  const fit = fitOf(page, id);
  await fit.getByRole('img').hover();
  const tip = fit.getByRole('tooltip');
  await expect(tip).toBeVisible();
  return tip;
}

/** Ids of the cards folded away, each read from the card its stub stands for. */
async function foldedIds(page: Page): Promise<string[]> {
  return page.locator('[data-otklik-stub]').evaluateAll((stubs) =>
    stubs.map((s) => /\/vacancy\/(\d+)/.exec(s.nextElementSibling?.querySelector('[data-qa="serp-item__title"]')?.getAttribute('href') ?? '')?.[1] ?? ''),
  );
}

/** The page's own cards (its state), as the test reads them to know what a filter should fold. */
async function stateCards(page: Page) {
  return page.evaluate(() => {
    const text = document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState')!.content.textContent!;
    const items = JSON.parse(text).vacancySearchResult.vacancies as Array<{
      vacancyId: number;
      name: string;
      company: { id: number; visibleName: string };
      compensation: { from?: number | null; to?: number | null; currencyCode?: string; gross?: boolean; noCompensation?: boolean };
    }>;
    return items.map((v) => ({ id: String(v.vacancyId), name: v.name, employerId: String(v.company.id), employer: v.company.visibleName, pay: v.compensation }));
  });
}

test('every card of a 100-card page shows how well it fits as Anna scrolls to it, late cards and the next page too, with the reason on hover and focus', async ({ ext }) => {
  await anna(ext);
  // hh.ru's real weight and markup; 20 cards in the HTML and the other 80 drawn in stages after load.
  const page = await openSearch(ext, 'weight=real&items_on_page=100&late=80', 100);
  await scrollThrough(page);
  await expect(page.locator('[data-otklik-fit]')).toHaveCount(100);
  await expect(page.locator('[data-otklik-hidden]')).not.toContainText('откройте Отклик');
  const scores = await page.locator('[data-otklik-fit]').evaluateAll((h) => h.map((x) => Number(x.getAttribute('data-otklik-fit'))));
  expect(scores.every((s) => s >= 0 && s <= 100)).toBe(true);
  expect(new Set(scores).size, 'figures differ from card to card').toBeGreaterThan(10);

  // Three known cards: the seed's vacancies against Anna's two published resumes.
  await expect(fitOf(page, '70000001')).toHaveAttribute('data-otklik-fit', '100');
  await expect(await reasonOnHover(page, '70000001')).toHaveText(
    'Frontend-разработчик (React, TypeScript): 8 из 8 навыков, зарплата в вилке, должность совпадает',
  );
  await expect(await reasonOnHover(page, '70000002')).toHaveText('Frontend-разработчик (React, TypeScript): 3 из 4 навыков, зарплата в вилке');
  // 400 000 at most, on hand; her Node.js resume shares 3 of the 4 skills and the JavaScript title.
  await expect(await reasonOnHover(page, '70000003')).toHaveText(
    'Fullstack-разработчик Node.js: 3 из 4 навыков, зарплата в вилке, должность совпадает',
  );
  // The keyboard gets the same line.
  await page.mouse.move(0, 0);
  await fitOf(page, '70000002').getByRole('img').focus();
  await expect(fitOf(page, '70000002').getByRole('tooltip')).toBeVisible();
  await expect(fitOf(page, '70000002').getByRole('img')).toHaveAttribute('aria-label', /^Подходит на \d+ из 100: Frontend/);

  await page.locator('[data-qa="pager-next"]').click();
  await page.waitForURL(/page=1/);
  // The next page draws its cards in stages too: how many it has is in its state, not in a first count.
  const next = await page.evaluate(() => {
    const state = JSON.parse(document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState')!.content.textContent ?? '{}');
    return (state.vacancySearchResult?.vacancies ?? []).length as number;
  });
  expect(next).toBeGreaterThan(0);
  await expect(page.locator(CARD)).toHaveCount(next);
  await scrollThrough(page);
  await expect(page.locator('[data-otklik-fit]')).toHaveCount(next);
});

test('a card far below the screen carries its mark at once and gets its figure when Anna scrolls to it', async ({ ext }) => {
  await anna(ext);
  const page = await openSearch(ext, 'weight=real&items_on_page=100&late=80', 100);
  // 70000024: rejected (Anna's seed), the 24th card, drawn by hh.ru's script after load, screens below the top.
  const far = cardOf(page, '70000024');
  await expect(far.locator('[data-otklik-mark]')).toHaveAttribute('data-otklik-mark', 'discard');
  await expect(fitOf(page, '70000001')).toHaveAttribute('data-otklik-fit', '100');
  const farTop = await far.evaluate((c) => c.getBoundingClientRect().top / innerHeight);
  expect(farTop, 'the card starts more than two screens down').toBeGreaterThan(2);
  // The page has drawn since the card came: an observer's word on it is in. Near the top only.
  await nextFrameSettled(page);
  await expect(fitOf(page, '70000024')).toHaveCount(0);
  const before = await page.locator('[data-otklik-fit]').count();
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(24);

  await far.scrollIntoViewIfNeeded();
  await expect(fitOf(page, '70000024')).toHaveAttribute('data-otklik-fit', /^\d{1,3}$/);
  const reason = await reasonOnHover(page, '70000024');
  await expect(reason).toHaveText(/^(Frontend-разработчик \(React, TypeScript\)|Fullstack-разработчик Node\.js): /);
  const score = await fitOf(page, '70000024').getAttribute('data-otklik-fit');
  await expect(fitOf(page, '70000024').getByRole('img')).toHaveAttribute('aria-label', `Подходит на ${score} из 100: ${await reason.textContent()}`);
});

test('a card without key skills says it was judged by what it had', async ({ ext }) => {
  await anna(ext);
  // hh.ru's captured cards carry no key skills (hh-site.md, "search page").
  const page = await openSearch(ext, 'items_on_page=20&card_skills=0', 20);
  await expect(await reasonOnHover(page, '70000001')).toHaveText(
    'Frontend-разработчик (React, TypeScript): зарплата в вилке, должность совпадает (по названию, зарплате, опыту и городу)',
  );
});

test('hiding an employer from a card folds its cards on this page and the next, and it stays hidden after a restart', async ({ ext }) => {
  await anna(ext);
  const page = await openSearch(ext, 'items_on_page=20', 20);
  const cards = await stateCards(page);
  const target = cards.find((c) => c.id === '70000001')!;
  const theirs = cards.filter((c) => c.employerId === target.employerId).map((c) => c.id);
  expect(theirs.length).toBeGreaterThan(1);
  await expect(page.locator('[data-otklik-stub]')).toHaveCount(0);

  await fitOf(page, '70000001').getByRole('button', { name: `Скрыть работодателя «${target.employer}»` }).click();
  await expect(page.locator('[data-otklik-stub]')).toHaveCount(theirs.length);
  expect((await foldedIds(page)).sort()).toEqual([...theirs].sort());
  for (const id of theirs) await expect(cardOf(page, id)).toBeHidden();
  await expect(page.locator('[data-otklik-stub="employer"]').first()).toContainText(`скрытый работодатель «${target.employer}»`);
  await expect(page.locator('[data-otklik-hidden]')).toHaveAttribute('data-otklik-hidden', String(theirs.length));
  await expect(page.locator('[data-otklik-hidden]')).toContainText(`Отклик скрыл на этой странице ${theirs.length}`);
  const settings = await ext.hook<{ triage: { hiddenEmployers: unknown[] } }>('getSettings');
  expect(settings.triage.hiddenEmployers).toEqual([{ id: target.employerId, name: target.employer }]);

  // "Show" brings one card back, for this page view.
  await page.locator('[data-otklik-stub]').first().getByRole('button', { name: 'Показать' }).click();
  await expect(page.locator('[data-otklik-stub]')).toHaveCount(theirs.length - 1);

  // The next page: the same employer's cards fold there too.
  await page.locator('[data-qa="pager-next"]').click();
  await page.waitForURL(/page=1/);
  await expect(page.locator(CARD)).toHaveCount(20);
  const onNext = (await stateCards(page)).filter((c) => c.employerId === target.employerId).map((c) => c.id);
  expect(onNext.length).toBeGreaterThan(0);
  await expect(page.locator('[data-otklik-stub]')).toHaveCount(onNext.length);
  expect((await foldedIds(page)).sort()).toEqual([...onNext].sort());

  // A worker restart and a fresh page load: the list is in storage, not in memory.
  await ext.stopServiceWorker();
  await page.reload();
  await expect(page.locator(CARD)).toHaveCount(20);
  await expect(page.locator('[data-otklik-stub]')).toHaveCount(onNext.length);
  expect((await foldedIds(page)).sort()).toEqual([...onNext].sort());
});

test('a stop-word and a minimum salary set in the options fold exactly the cards they speak of', async ({ ext }) => {
  await anna(ext);
  const options = await ext.openOptions();
  const triage = options.getByTestId('triage');
  await triage.getByTestId('triage-words').fill('1С');
  await triage.getByTestId('triage-salary').fill('250000');
  await triage.getByTestId('triage-salary').blur();
  await triage.getByTestId('triage-salary-net').selectOption('net');
  await expect
    .poll(async () => (await ext.hook<{ triage: { stopWords: string[]; minSalary: { amount: number | null } } }>('getSettings')).triage)
    .toMatchObject({ stopWords: ['1С'], minSalary: { amount: 250_000, net: true } });

  const page = await openSearch(ext, 'items_on_page=100', 100);
  const cards = await stateCards(page);
  // What should fold, read from the page's own cards: "1С" as a word of the title, or the best
  // figure below 250 000 on hand (a gross figure counts as 87 % of itself); no salary: stays.
  const word = /(^|[^\p{L}\p{N}])1с($|[^\p{L}\p{N}])/iu;
  const low = (p: (typeof cards)[number]['pay']) => {
    const top = p.to ?? p.from;
    return !p.noCompensation && top != null && p.currencyCode === 'RUR' && top * (p.gross ? 0.87 : 1) < 250_000;
  };
  const byWord = cards.filter((c) => word.test(c.name)).map((c) => c.id);
  const bySalary = cards.filter((c) => !word.test(c.name) && low(c.pay)).map((c) => c.id);
  expect(byWord.length).toBeGreaterThan(0);
  expect(bySalary.length).toBeGreaterThan(0);

  await expect(page.locator('[data-otklik-stub]')).toHaveCount(byWord.length + bySalary.length);
  expect((await foldedIds(page)).sort()).toEqual([...byWord, ...bySalary].sort());
  await expect(page.locator('[data-otklik-stub="stopword"]')).toHaveCount(byWord.length);
  await expect(page.locator('[data-otklik-stub="salary"]')).toHaveCount(bySalary.length);
  // Known cards: 250-350k on hand stays; "от 200 000 до вычета" (174 000 on hand) folds; no salary stays.
  await expect(cardOf(page, '70000001')).toBeVisible();
  expect(bySalary).toContain('70000002');
  await expect(cardOf(page, '70000002')).toBeHidden();
  const unpaid = cards.find((c) => c.pay.noCompensation && !word.test(c.name));
  expect(unpaid, 'the page has a card without a salary').toBeDefined();
  await expect(cardOf(page, unpaid!.id)).toBeVisible();
});

test('an employer on the never-apply list stops the panel’s apply until Anna overrides it', async ({ ext }) => {
  await ext.loginSite();
  await ext.sandbox.clearLog();
  const page = await ext.context.newPage();
  await page.goto('https://hh.ru/vacancy/70000001');
  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel.getByRole('button', { name: 'Откликнуться' })).toBeVisible();
  const employer = (await page.locator('[data-qa="vacancy-company-name"]').first().innerText()).trim();

  await panel.getByRole('checkbox', { name: `Не откликаться в «${employer}»` }).check();
  await expect(panel.getByText(`«${employer}» в вашем списке «не откликаться»`)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);

  // A fresh load reads the list from storage: still stopped.
  await page.reload();
  await expect(panel.getByText(`«${employer}» в вашем списке «не откликаться»`)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
  expect(await ext.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_PATH })).toHaveLength(0);

  await panel.getByRole('checkbox', { name: 'Откликнуться всё равно' }).check();
  await pressApply(panel);
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  expect(await ext.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_PATH })).toHaveLength(1);
});

test('the first search page after install learns hh.ru’s build from itself: one list read, no home-page read', async ({ ext }) => {
  await ext.loginSite();
  await ext.sandbox.clearLog();
  const page = await openSearch(ext, 'items_on_page=20', 20);
  // Her resumes are not known yet (no popup opened): no figures, and the page says how to get them.
  await expect(page.locator('[data-otklik-hidden]')).toContainText('откройте Отклик');
  await expect(page.locator('[data-otklik-fit]')).toHaveCount(0);
  const log = (await ext.sandbox.log({ host: 'hh.ru' })).filter((e) => e.path !== '/favicon.ico');
  expect(log.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /search/vacancy', 'GET /applicant/negotiations']);
  const build = await page.evaluate(() => /"build"\s*:\s*"([^"]+)"/.exec(document.getElementById('js-script-global-vars')!.textContent!)![1]);
  expect(log[1]!.headers['x-static-version']).toBe(build);
  expect(log[1]!.status).toBe(200);
});

test('the lists go to a JSON file and come back from it on the options page', async ({ ext }) => {
  const options = await ext.openOptions();
  const triage = options.getByTestId('triage');
  const never = triage.getByTestId('triage-never');
  await never.getByRole('textbox', { name: 'Название работодателя' }).fill('Цифровые решения');
  await never.getByRole('button', { name: 'Добавить' }).click();
  await triage.getByTestId('triage-words').fill('стаж*\n1С');
  await triage.getByTestId('triage-words').blur();
  await expect.poll(async () => (await ext.hook<{ triage: { stopWords: string[] } }>('getSettings')).triage.stopWords).toEqual(['стаж*', '1С']);

  const downloading = options.waitForEvent('download');
  await triage.getByTestId('triage-export').click();
  const file = await (await downloading).path();

  // Emptied, then loaded back from the file.
  await never.getByRole('button', { name: 'Убрать «Цифровые решения»' }).click();
  await triage.getByTestId('triage-words').fill('');
  await triage.getByTestId('triage-words').blur();
  await expect.poll(async () => (await ext.hook<{ triage: { stopWords: string[]; neverApply: unknown[] } }>('getSettings')).triage).toMatchObject({ stopWords: [], neverApply: [] });
  await triage.getByTestId('triage-import').setInputFiles(file);
  await expect(triage.getByRole('status')).toHaveText('Загружено работодателей: 1, стоп-слов: 2.');
  await expect(never.getByText('Цифровые решения')).toBeVisible();
  await expect
    .poll(async () => (await ext.hook<{ triage: { stopWords: string[]; neverApply: unknown[] } }>('getSettings')).triage)
    .toMatchObject({ stopWords: ['стаж*', '1С'], neverApply: [{ id: null, name: 'Цифровые решения' }] });

  // Not our file: nothing changes, and the page says so.
  await triage.getByTestId('triage-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(triage.getByRole('status')).toHaveText('Это не файл списков Отклика (или он повреждён). Ничего не изменено.');
  expect((await ext.hook<{ triage: { stopWords: string[] } }>('getSettings')).triage.stopWords).toEqual(['стаж*', '1С']);
});

test('vacancies already applied to dim and rejected ones fold, when Anna chooses so', async ({ ext }) => {
  await ext.loginSite();
  const options = await ext.openOptions();
  await options.getByTestId('triage-applied').selectOption('dim');
  await options.getByTestId('triage-rejected').selectOption('hide');
  await expect.poll(async () => (await ext.hook<{ triage: { applied: string; rejected: string } }>('getSettings')).triage).toMatchObject({ applied: 'dim', rejected: 'hide' });

  const page = await openSearch(ext, 'items_on_page=100', 100);
  // Anna's seed: rejected on 70000024 and 70000027; the cards' own marks say which she applied to.
  await expect(page.locator('[data-otklik-stub="rejected"]')).toHaveCount(2);
  expect((await foldedIds(page)).sort()).toEqual(['70000024', '70000027']);
  const applied = await page.locator(CARD).evaluateAll((cards) =>
    cards
      .filter((c) => ['response', 'invitation', 'interview'].includes(c.querySelector('[data-otklik-mark]')?.getAttribute('data-otklik-mark') ?? ''))
      .map((c) => /\/vacancy\/(\d+)/.exec(c.querySelector('[data-qa="serp-item__title"]')!.getAttribute('href')!)![1]!),
  );
  expect(applied.length).toBeGreaterThan(1);
  for (const id of applied) await expect(cardOf(page, id)).toHaveCSS('opacity', '0.45');
  await expect(cardOf(page, '70000001')).toHaveCSS('opacity', '1');
});
