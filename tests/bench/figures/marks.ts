/**
 * Figure 3: a 100-card search page, signed in on hh.ru: how soon every card whose vacancy has an
 * application carries our mark, and what it cost hh.ru in requests. hh.ru draws the cards in
 * stages (20 in the HTML, the rest by its script), so the budgeted figure is the lag behind the
 * last card; the time from the page becoming interactive is shown beside the page's own drawing.
 * Every run is a first visit: the marks cache (storage `marksCache`, lib/store.ts) is emptied.
 */
import type { Figure, Measures } from '../figure';
import { PROBE_SCRIPT, moment, navTiming } from '../probe';
import { SEARCH_URL } from './overhead';

interface ChromeStorage {
  chrome: { storage: { local: { remove(key: string): Promise<void> } } };
}

export const marksFigure: Figure = {
  id: 'marks',
  title: 'Search page marks',
  rows: [
    {
      key: 'lag',
      name: 'all 100 cards marked, after the last card',
      unit: 'ms',
      budget: 'marksMs',
      about: 'from the moment the last of the 100 cards is in the DOM to the moment every card with an application carries our mark',
    },
    {
      key: 'after',
      name: 'all 100 cards marked, after interactive',
      unit: 'ms',
      about: "from domInteractive to all marks; baseline: domInteractive to the last card hh.ru's own script draws",
    },
    {
      key: 'requests',
      name: 'requests for the marks',
      unit: 'count',
      budget: 'marksRequests',
      about: 'requests the sandbox hh.ru/api.hh.ru saw for a first visit, beyond the page and its favicon',
    },
  ],
  async run(bench): Promise<Measures> {
    const b = await bench.launch({ extension: true });
    await b.context.addInitScript(PROBE_SCRIPT);
    await b.loginSite();
    // Resumes known: every card also gets its fit figure (the search triage), measured with the marks.
    await b.hook('refresh');
    const lag: number[] = [];
    const after = { value: [] as number[], baseline: [] as number[] };
    const requests: number[] = [];
    let expected = 0;
    for (let i = -1; i < bench.opts.n; i++) {
      await (await b.sw()).evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.local.remove('marksCache'));
      await bench.sandbox.clearLog();
      const page = await b.context.newPage();
      try {
        await page.goto(SEARCH_URL);
        const t = await moment(page, 'marks');
        const nav = await navTiming(page);
        const log = await bench.sandbox.log();
        if (i < 0) continue;
        expected = t.expectedMarks ?? 0;
        lag.push(t.marks! - t.cards!);
        after.value.push(t.marks! - nav.interactive);
        after.baseline.push(t.cards! - nav.interactive);
        requests.push(log.filter((e) => !['document', 'image'].includes(e.headers['sec-fetch-dest'] ?? '')).length);
      } finally {
        await page.close();
      }
    }
    return {
      lag: expected ? { value: lag, note: `${expected} marks` } : { na: 'no card on the page has an application' },
      after,
      requests: { value: requests },
    };
  },
};
