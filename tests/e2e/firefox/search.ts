/** Search results in Firefox: Анна's applied, invited and rejected vacancies carry marks, on cards hh.ru draws late too. */
import { check, equal, journey, until, waitFor } from './harness';

const CARD = '[data-qa="vacancy-serp__vacancy"]';

/** Анна's applications in the seed, by vacancy id (as in tests/e2e/search.spec.ts). */
const ANNA: Record<string, string> = {
  '70000006': 'response',
  '70000009': 'response',
  '70000012': 'response',
  '70000015': 'invitation',
  '70000018': 'invitation',
  '70000021': 'interview',
  '70000024': 'discard',
  '70000027': 'discard',
};

export const searchJourneys = [
  journey('search: applied, invited and rejected cards carry marks, cards drawn later too, for at most 2 requests', async (ff) => {
    await ff.loginSite();
    await ff.sandbox.clearLog();
    const page = await ff.open('https://hh.ru/search/vacancy?items_on_page=100');
    // hh.ru draws the first 20 cards in the HTML and the rest in stages.
    await until('cards on the page', async () => (await page.$$(CARD)).length, 100);
    // hh.ru's cards carry their vacancy only in the title link (absolute, with a query string).
    const ids = await page.$$eval(CARD, (cards) =>
      cards.map((c) => /\/vacancy\/(\d+)/.exec(c.querySelector('[data-qa="serp-item__title"]')?.getAttribute('href') ?? '')?.[1] ?? ''),
    );
    const mine = ids.filter((id) => id in ANNA);
    check(ids.slice(20).some((id) => id in ANNA), 'no marked card arrives after the first render');

    const marks = () =>
      page.$$eval(`${CARD} [data-otklik-mark]`, (ms) =>
        ms.map((m) => [
          /\/vacancy\/(\d+)/.exec(m.closest('[data-qa="vacancy-serp__vacancy"]')?.querySelector('[data-qa="serp-item__title"]')?.getAttribute('href') ?? '')?.[1] ?? '?',
          m.getAttribute('data-otklik-mark'),
          (m.shadowRoot ?? m).querySelector('span')?.textContent,
          // Our stylesheet reached the mark's root (Firefox content scripts cannot adopt a constructed sheet: a <style> then).
          getComputedStyle((m.shadowRoot ?? m).querySelector('span') ?? m).borderTopLeftRadius,
        ]),
      );
    await waitFor('a mark on every card of Анна’s', async () => (await marks()).length === mine.length);
    const got = await marks();
    equal(
      got.map(([id, state]) => `${id} ${state}`).sort(),
      mine.map((id) => `${id} ${ANNA[id]}`).sort(),
      'marks by vacancy',
    );
    const texts = new Map(got.map(([, state, text]) => [state, (text ?? '').trim()]));
    equal([texts.get('response'), texts.get('invitation'), texts.get('discard')], ['Вы откликнулись', 'Приглашение', 'Отказ'], 'mark texts');
    equal([...new Set(got.map(([, , , radius]) => radius))], ['10px'], 'marks styled by our stylesheet');

    const requests = (await ff.sandbox.log()).map((e) => `${e.method} ${e.host}${e.path}`).filter((r) => r !== 'GET hh.ru/favicon.ico');
    check(requests.length <= 2 && requests[0]?.startsWith('GET hh.ru/search/vacancy'), `requests: ${requests.join(', ')}`);
  }),
];
