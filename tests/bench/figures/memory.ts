/**
 * Figure 7: the service worker's JS heap (CDP on its own target, after a forced GC): once it is
 * signed in and idle, after a popup session (cards, refresh, a view history), and after 50
 * vacancy pages each showing the panel (different vacancies, as a person browsing). One browser,
 * one pass: 50 pages per run would make N runs take longer than the whole bench may.
 */
import type { Figure, Measures } from '../figure';
import { EXT_ORIGIN, type BenchBrowser } from '../harness';
import { PROBE_SCRIPT, moment } from '../probe';
import { SEARCH_URL } from './overhead';

const PAGES = 50;

async function heapMb(b: BenchBrowser, session: string): Promise<number> {
  await b.cdp.send('HeapProfiler.collectGarbage', {}, session);
  const { usedSize } = await b.cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, session);
  return usedSize / 2 ** 20;
}

async function vacancyIds(b: BenchBrowser, count: number): Promise<string[]> {
  const page = await b.context.newPage();
  try {
    await page.goto(SEARCH_URL);
    await moment(page, 'cards');
    const hrefs = await page.locator('[data-qa="serp-item__title"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const ids = hrefs.map((h) => /\/vacancy\/(\d+)/.exec(h)?.[1]).filter((id): id is string => !!id);
    return Array.from({ length: count }, (_, i) => ids[i % ids.length]!);
  } finally {
    await page.close();
  }
}

async function popupSession(b: BenchBrowser): Promise<void> {
  const popup = await b.context.newPage();
  try {
    await popup.goto(`${EXT_ORIGIN}/popup.html`);
    await moment(popup, 'popup');
    await popup.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
    await popup.locator('[data-testid="views-open"]').first().click();
    await popup.locator('[data-testid="view-item"]').first().waitFor({ timeout: 20_000 });
  } finally {
    await popup.close();
  }
}

export const memoryFigure: Figure = {
  id: 'memory',
  title: 'Service worker memory',
  rows: [
    { key: 'idle', name: 'SW heap, signed in and idle', unit: 'MB', about: 'used JS heap of the service worker after sign-in and one refresh, after a forced GC' },
    {
      key: 'popup',
      name: 'SW heap after a popup session',
      unit: 'MB',
      about: "the same after the popup was opened, refreshed and a resume's view history read; baseline: idle",
    },
    {
      key: 'pages',
      name: `SW heap after ${PAGES} vacancy pages`,
      unit: 'MB',
      about: `the same after ${PAGES} vacancy pages (different vacancies) each showed the panel; baseline: idle`,
    },
  ],
  async run(bench): Promise<Measures> {
    const b = await bench.launch({ extension: true });
    await b.context.addInitScript(PROBE_SCRIPT);
    await b.loginSite();
    await b.connectApi();
    await b.hook('refresh');
    // Attached DevTools also keep the worker from being stopped for idleness mid-measure.
    const session = await b.cdp.attach('service_worker', `${EXT_ORIGIN}/`);
    const idle = await heapMb(b, session);

    let afterPopup: Measures[string];
    try {
      await popupSession(b);
      afterPopup = { value: [await heapMb(b, session)], baseline: [idle] };
    } catch (e) {
      afterPopup = { na: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
    }

    const pages = bench.opts.smoke ? 10 : PAGES;
    bench.log(`${pages} vacancy pages`);
    for (const id of await vacancyIds(b, pages)) {
      const page = await b.context.newPage();
      await page.goto(`https://hh.ru/vacancy/${id}`);
      await moment(page, 'panel');
      await page.close();
    }
    const afterPages = await heapMb(b, session);
    return {
      idle: { value: [idle] },
      popup: afterPopup,
      pages: { value: [afterPages], baseline: [idle], ...(pages < PAGES ? { note: `${pages} pages (smoke)` } : {}) },
    };
  },
};
