/**
 * The sandbox's vacancy and search pages in hh.ru's captured shape and weight (hh-site.md, "Newer
 * evidence", capture 2026-09-08): search cards are `article`s with absolute title links, salaries
 * in `<data value>`, the apply link with vacancy and employer ids, a state that names the same
 * cards; and with `?weight=real` pages of ~700 KB / ~900 KB whose state template is ~500 KB, most
 * of it translations, hydrated by the page's own script.
 */
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { type Reply, type SandboxClient } from '../sandbox/client';
import type { Sandbox } from '../sandbox/server';
import { withSandbox } from './with-sandbox';

let sandbox: Sandbox;
let client: SandboxClient;
withSandbox((s, c) => {
  sandbox = s;
  client = c;
});

const KB = 1000;
const CARD = 'article[data-qa="vacancy-serp__vacancy"]';

function annaCookie(): string {
  const s = sandbox.control.login('anna');
  return `hhtoken=${s.hhtoken}; _xsrf=${s.xsrf}`;
}

/** A page as Anna's browser gets it; `null`: a visitor without cookies. */
function get(path: string, cookie: string | null = annaCookie(), host = 'hh.ru'): Promise<Reply> {
  return client.request({ host, path, headers: cookie ? { cookie } : {} });
}

function templateText(html: string): string {
  const encoded = /<template id="HH-Lux-InitialState">([\s\S]*?)<\/template>/.exec(html)?.[1];
  if (encoded === undefined) throw new Error('no lux state');
  return encoded;
}

function luxState(html: string): Record<string, any> {
  const text = templateText(html).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(text) as Record<string, any>;
}

/** The served document as a browser parses it, scripts not run. */
async function parsed<T>(html: string, url: string, read: (doc: Document) => T): Promise<T> {
  const window = new Window({ url });
  try {
    return read(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

interface Card {
  tag: string;
  qa: string | null;
  href: string;
  title: string;
  employer: string;
  employerHref: string;
  salary: number[];
  apply: string | null;
}

function cardsOf(doc: Document): Card[] {
  return [...doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')].map((c) => ({
    tag: c.tagName.toLowerCase(),
    qa: c.getAttribute('data-qa'),
    href: c.querySelector('[data-qa="serp-item__title"]')?.getAttribute('href') ?? '',
    title: c.querySelector('[data-qa="serp-item__title"]')?.textContent ?? '',
    employer: c.querySelector('[data-qa="vacancy-serp__vacancy-employer"]')?.textContent ?? '',
    employerHref: c.querySelector('[data-qa="vacancy-serp__vacancy-employer"]')?.getAttribute('href') ?? '',
    salary: [...c.querySelectorAll('data[value]')].map((d) => Number(d.getAttribute('value'))),
    apply: c.querySelector('[data-qa="vacancy-serp__vacancy_response"]')?.getAttribute('href') ?? null,
  }));
}

describe('search cards in the shape of the 2026-09-08 capture', () => {
  for (const weight of ['light', 'real'] as const) {
    it(`${weight}: every card is an article with an absolute title link, <data value> salary and the apply link, matching the state`, async () => {
      const reply = await get(`/search/vacancy?text=react&weight=${weight}`, annaCookie(), 'spb.hh.ru');
      const state = luxState(reply.text)['vacancySearchResult'];
      const cards = await parsed(reply.text, 'https://spb.hh.ru/search/vacancy?text=react', cardsOf);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards).toHaveLength(state.vacancies.length);
      cards.forEach((card, i) => {
        const v = state.vacancies[i];
        expect(card.tag).toBe('article');
        expect(card.qa).toBe('vacancy-serp__vacancy');
        // Absolute, on the host the page came from, with hh.ru's query string.
        expect(card.href).toBe(`https://spb.hh.ru/vacancy/${v.vacancyId}?query=react&hhtmFrom=vacancy_search_list`);
        expect(card.title).toBe(v.name);
        expect(card.employer).toBe(v.company.visibleName);
        expect(card.employerHref).toMatch(new RegExp(`^/employer/${v.company.id}\\b`));
        const pay = v.compensation;
        expect(card.salary).toEqual(pay.noCompensation ? [] : [pay.from, pay.to].filter((x: number | null) => x != null));
        const applied = v.userLabels.length > 0;
        expect(card.apply).toBe(applied ? null : `/applicant/vacancy_response?vacancyId=${v.vacancyId}&employerId=${v.company.id}`);
      });
      expect(cards.some((c) => c.salary.length === 2)).toBe(true);
    });
  }

  it('the state carries what search triage needs for each card', async () => {
    const reply = await get('/search/vacancy?items_on_page=100');
    const state = luxState(reply.text);
    const vacancies = state['vacancySearchResult'].vacancies as any[];
    expect(vacancies).toHaveLength(100);
    for (const v of vacancies) {
      const seed = sandbox.state.vacancy(String(v.vacancyId))!;
      expect(v).toMatchObject({
        name: seed.name,
        company: { id: Number(seed.employerId), name: expect.any(String) },
        area: { name: seed.area.name },
        '@responseLetterRequired': seed.letterRequired,
        links: { desktop: `https://hh.ru/vacancy/${seed.id}` },
        snippet: { requirement: expect.any(String), responsibility: expect.any(String) },
        userLabels: expect.any(Array),
      });
      expect(v.workFormats).toEqual([expect.stringMatching(/^(REMOTE|HYBRID|ON_SITE)$/)]);
      if (seed.salary) expect(v.compensation).toMatchObject({ from: seed.salary.from, to: seed.salary.to, currencyCode: seed.salary.currency, gross: seed.salary.gross });
      expect(v.keySkills?.keySkill ?? []).toEqual(seed.keySkills);
    }
    // Anna's applications label their cards, in the card and in userLabelsForVacancies alike.
    const labelled = vacancies.filter((v) => v.userLabels.length > 0);
    expect(labelled.length).toBeGreaterThan(0);
    for (const v of labelled) expect(state['userLabelsForVacancies'][v.vacancyId]).toEqual(v.userLabels);
  });

  it('shows 20 cards a page by default, all in the HTML, and the pager leads to the next 20 with &page=N', async () => {
    const first = await get('/search/vacancy?text=&weight=real');
    const s0 = luxState(first.text)['vacancySearchResult'];
    expect(s0.vacancies).toHaveLength(20);
    expect(s0.paging).toMatchObject({ page: 0, itemsOnPage: 20, pagesCount: Math.ceil(s0.totalResults / 20) });
    const pager = await parsed(first.text, 'https://hh.ru/search/vacancy', (doc) => ({
      cards: doc.querySelectorAll(CARD).length,
      pages: [...doc.querySelectorAll('a[data-qa="pager-page"]')].map((a) => a.getAttribute('href')!),
    }));
    expect(pager.cards).toBe(20);
    const next = pager.pages.find((h) => new URL(h, 'https://hh.ru').searchParams.get('page') === '1')!;
    expect(new URL(next, 'https://hh.ru').searchParams.get('weight')).toBe('real');
    const s1 = luxState((await get(next)).text)['vacancySearchResult'];
    expect(s1.paging.page).toBe(1);
    const ids0 = new Set(s0.vacancies.map((v: any) => v.vacancyId));
    expect(s1.vacancies.length).toBe(20);
    expect(s1.vacancies.some((v: any) => ids0.has(v.vacancyId))).toBe(false);
  });

  it('late=N: the page script appends the last N cards after load, in the same shape', async () => {
    const reply = await get('/search/vacancy?late=5', null);
    const window = new Window({
      url: 'https://hh.ru/search/vacancy?late=5',
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    try {
      window.document.write(reply.text);
      const count = () => window.document.querySelectorAll(CARD).length;
      expect(count()).toBe(15);
      await vi.waitFor(() => expect(count()).toBe(20), { timeout: 3000, interval: 20 });
      const cards = cardsOf(window.document as unknown as Document);
      const state = luxState(reply.text)['vacancySearchResult'];
      expect(cards.map((c) => c.href)).toEqual(state.vacancies.map((v: any) => `https://hh.ru/vacancy/${v.vacancyId}?hhtmFrom=vacancy_search_list`));
    } finally {
      await window.happyDOM.close();
    }
  });
});

describe('pages at hh.ru’s real weight', () => {
  const within = (bytes: number, lo: number, hi: number) => {
    expect(bytes).toBeGreaterThanOrEqual(lo * KB);
    expect(bytes).toBeLessThanOrEqual(hi * KB);
  };

  it('the vacancy page is ~700 KB with a ~500 KB state template, ~400 KB of it translations', async () => {
    for (const shape of ['classic', 'full'] as const) {
      sandbox.control.config({ vacancyShape: shape });
      const reply = await get('/vacancy/70000001?weight=real');
      within(Buffer.byteLength(reply.text), 650, 750);
      within(Buffer.byteLength(templateText(reply.text)), 450, 550);
      const state = luxState(reply.text);
      // Entity-encoded as served: the dictionary's share of the template.
      const translations = Buffer.byteLength(JSON.stringify(state['translations']).replace(/"/g, '&quot;'));
      within(translations, 350, 450);
      // The page's own state is intact under the weight.
      expect(state['vacancyView']).toBeTruthy();
      expect(state['applicantVacancyResponseStatuses']['70000001']).toBeTruthy();
    }
  });

  it('the search page is ~900 KB, 20 cards, a ~500 KB template; the light pages stay small', async () => {
    const real = await get('/search/vacancy?weight=real');
    within(Buffer.byteLength(real.text), 850, 950);
    within(Buffer.byteLength(templateText(real.text)), 450, 600);
    const light = await get('/search/vacancy');
    expect(Buffer.byteLength(light.text)).toBeLessThan(100 * KB);
    expect(Buffer.byteLength((await get('/vacancy/70000001')).text)).toBeLessThan(100 * KB);
  });

  it('the dictionary holds the texts of every application state: page text says nothing about this vacancy', async () => {
    const reply = await get('/vacancy/70000001?weight=real');
    const words = Object.values(luxState(reply.text)['translations'] as Record<string, string>);
    for (const text of ['Вы откликнулись', 'Приглашение', 'Отказ']) expect(words).toContain(text);
    // Anna has not applied to 70000001: the page offers the apply button all the same.
    expect(reply.text).toContain('data-qa="vacancy-response-link-top"');
  });

  it('the pageWeight setting picks the default weight, and ?weight=light still asks for the light page', async () => {
    sandbox.control.config({ pageWeight: 'real' });
    within(Buffer.byteLength((await get('/search/vacancy')).text), 850, 950);
    expect(Buffer.byteLength((await get('/search/vacancy?weight=light')).text)).toBeLessThan(100 * KB);
    // Only the two captured pages have a real weight.
    expect(Buffer.byteLength((await get('/applicant/negotiations')).text)).toBeLessThan(100 * KB);
  });

  it("the real page's own script parses the state and hydrates every link and button before our scripts", async () => {
    const reply = await get('/search/vacancy?weight=real');
    const window = new Window({
      url: 'https://hh.ru/search/vacancy?weight=real',
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    try {
      window.document.write(reply.text);
      const hydrated = (window as unknown as { __hhHydrated?: { listeners: number; translations: number; fibers: number; rendered: number } }).__hhHydrated;
      const root = window.document.getElementById('HH-React-Root')!;
      expect(hydrated).toBeTruthy();
      expect(hydrated!.listeners).toBe(root.querySelectorAll('a, button, input').length);
      // A fiber for the root, every element in it and their texts; every card's vacancy checked from the state.
      expect(hydrated!.fibers).toBeGreaterThan(root.querySelectorAll('*').length);
      expect(hydrated!.rendered).toBe(20);
      expect(hydrated!.translations).toBe(Object.keys(luxState(reply.text)['translations']).length);
    } finally {
      await window.happyDOM.close();
    }
  });
});
