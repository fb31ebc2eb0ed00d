/**
 * Анна on hh.ru vacancy pages in Firefox, logged in on hh.ru only: the panel (its content script, and
 * the apply POST it sends from the page) in both page-state shapes, and the refusals it must explain.
 * The e2e build opens the panel's shadow root; `>>>` pierces it.
 */
import type { Page } from 'puppeteer-core';
import { resumeHash } from '../../sandbox/seed';
import { applications, dump } from './hh';
import { byText, check, element, equal, journey, until, waitFor, type Ff } from './harness';

const PANEL = '[data-otklik="panel"]';
const inPanel = (selector: string) => `${PANEL} >>> ${selector}`;
const LETTER = 'Здравствуйте! Меня зовут Анна, пишу на React и Node.js.';

async function openVacancy(ff: Ff, id: string): Promise<Page> {
  const page = await ff.open(`https://hh.ru/vacancy/${id}`);
  await waitFor('the panel’s resume list or its message', async () => (await page.$(inPanel('input[type="radio"], [role="alert"], a, p'))) !== null);
  return page;
}

/** The resume titles in the order the panel lists them. */
const listed = (page: Page) => page.$$eval(inPanel('li .title'), (els) => els.map((e) => e.textContent ?? ''));

/** Picks the second resume, types a letter, double-clicks Apply: exactly one application must reach hh.ru. */
async function applyWithLetter(ff: Ff, page: Page): Promise<void> {
  // The seed's second resume lacks a mandatory section, which hh.ru's apply preflight would refuse.
  const second = resumeHash('1002');
  await (await element(page, inPanel(`input[type="radio"][value="${second}"]`))).click();
  await (await element(page, inPanel('textarea'))).type(LETTER);
  await pressApply(page, 2);

  await waitFor('«Отклик отправлен.»', async () => (await textIn(page)).includes('Отклик отправлен.'));
  const sent = await applications(ff);
  equal(sent.length, 1, 'applications hh.ru received');
  const body = sent[0]!.body;
  check(body.includes(second) && body.includes(LETTER) && body.includes('70000001'), `the application sent: ${body.slice(0, 300)}`);
  // Sent from the page, as hh.ru's own: its Origin and the _xsrf cookie echoed.
  equal(sent[0]!.headers['origin'], 'https://hh.ru', 'Origin of the application');
  check(sent[0]!.headers['x-xsrftoken'], 'no X-Xsrftoken on the application');
  equal(
    (await dump(ff)).applications.map((a) => `${a.vacancyId} ${a.via}`),
    ['70000001 site'],
    'applications hh.ru recorded',
  );
  equal(
    (await ff.hook<Array<{ target: string; state: string }>>('ledger')).map((e) => `${e.target} ${e.state}`),
    ['70000001 done'],
    'the ledger',
  );
}

/** Everything the panel shows, as text. */
const textIn = (page: Page) => page.$eval(PANEL, (host) => host.shadowRoot?.textContent ?? '').catch(() => '');

/**
 * Presses Apply as a person does. The panel counts a click only once it has stood still for half a
 * second (the click guard); puppeteer scrolls the button into view as it clicks, and a click right
 * after a scroll is refused with "the panel has just moved, press again". A person then presses
 * again, and so does this: at most a few times, only on that answer.
 */
async function pressApply(page: Page, count = 1): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const apply = await byText(page, PANEL, 'button', /^Откликнуться$/);
    await until('Apply ready (the panel stood still)', () => apply.evaluate((b) => b.getAttribute('aria-disabled')), null);
    await apply.click({ count });
    const answer = await waitFor('the panel’s answer to the click', async () => {
      const text = await textIn(page);
      if (/Отправляем|Отклик отправлен\.|Возможно, отправлено/.test(text)) return 'answered';
      return text.includes('панель только что сдвинулась') ? 'moved' : null;
    });
    if (answer === 'answered') return;
    check(attempt < 4, 'the panel kept saying it had just moved');
  }
}

async function completeSecondResume(ff: Ff): Promise<void> {
  await ff.sandbox.patchResume({ id: '1002', progress: { percentage: 100, mandatory: [], recommended: [] } });
}

export const vacancyJourneys = [
  journey('vacancy panel (classic page state): resumes by fit, one application with a letter from the page', async (ff) => {
    await ff.loginSite();
    await completeSecondResume(ff);
    await ff.sandbox.clearLog();
    const page = await openVacancy(ff, '70000001');

    await until('radios in the panel', async () => (await page.$$(inPanel('input[type="radio"]'))).length, 4);
    const titles = await listed(page);
    check(titles[0] === 'Frontend-разработчик (React, TypeScript)' && titles[1] === 'Fullstack-разработчик Node.js', `order: ${titles.join(' | ')}`);
    // The page's own state answered: no request to hh.ru beyond the page (and its icon).
    const seen = (await ff.sandbox.log()).map((e) => `${e.method} ${e.host}${e.path}`).filter((r) => r !== 'GET hh.ru/favicon.ico');
    equal(seen, ['GET hh.ru/vacancy/70000001'], 'requests before applying');

    await applyWithLetter(ff, page);
  }),

  journey('vacancy panel (2026-09 “vacancyFull” page state): the same resumes, one application with a letter', async (ff) => {
    await ff.sandbox.config({ vacancyShape: 'full' });
    await ff.loginSite();
    await completeSecondResume(ff);
    const page = await openVacancy(ff, '70000001');

    await until('radios in the panel', async () => (await page.$$(inPanel('input[type="radio"]'))).length, 4);
    const titles = await listed(page);
    check(titles.includes('Frontend-разработчик (React, TypeScript)'), `listed: ${titles.join(' | ')}`);

    await applyWithLetter(ff, page);
  }),

  journey('vacancy panel: a letter-required vacancy keeps Apply disabled until a letter is typed', async (ff) => {
    await ff.loginSite();
    const page = await openVacancy(ff, '70000002');
    await waitFor('«обязательно» by the letter', async () => (await textIn(page)).includes('· обязательно'));
    const apply = await byText(page, PANEL, 'button', /^Откликнуться$/);
    const disabled = () => apply.evaluate((b) => (b as HTMLButtonElement).disabled);
    equal(await disabled(), true, 'Apply disabled with no letter');
    await (await element(page, inPanel('textarea'))).type('   ');
    equal(await disabled(), true, 'Apply disabled with a blank letter');
    await (await element(page, inPanel('textarea'))).type('Добрый день! Готова рассказать о проектах.');
    await until('Apply enabled', disabled, false);
    await pressApply(page);
    await waitFor('«Отклик отправлен.»', async () => (await textIn(page)).includes('Отклик отправлен.'));
    const sent = await applications(ff);
    check(sent.length === 1 && sent[0]!.body.includes('Готова рассказать о проектах.'), `applications: ${sent.length}`);
  }),

  journey('vacancy panel: a test-required vacancy says so and links to hh.ru’s own form; nothing is sent', async (ff) => {
    await ff.loginSite();
    const page = await openVacancy(ff, '70000003');
    await waitFor('«ответить на вопросы»', async () => (await textIn(page)).includes('Работодатель просит ответить на вопросы'));
    const link = await byText(page, PANEL, 'a', /^Открыть форму отклика на hh\.ru$/);
    const href = await link.evaluate((a) => a.getAttribute('href') ?? '');
    check(/^https:\/\/hh\.ru\/.*vacancyId=70000003/.test(href), `form link ${href}`);
    equal(await buttonsNamed(page, 'Откликнуться'), 0, 'Apply buttons');
    equal((await applications(ff)).length, 0, 'applications hh.ru received');
  }),
];

async function buttonsNamed(page: Page, name: string): Promise<number> {
  return page.$$eval(inPanel('button'), (bs, n) => bs.filter((b) => b.textContent?.trim() === n).length, name);
}

