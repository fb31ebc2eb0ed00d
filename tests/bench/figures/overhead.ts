/**
 * Figure 2: what Otklik costs an hh.ru page. Each page is loaded in two browsers of the same
 * build, one with the extension and one without, in alternating order; each with-extension load
 * waits until our work is on screen (panel; marks and the first card's fit figure), each without-extension load until the page's
 * own cards are drawn (or its load event). Main-thread scripting comes from CDP
 * Performance.getMetrics, load time from navigation timing; "ours" is the paired difference of
 * scripting, with and without. In separate traced loads, the most time our content-script code
 * took within one main-thread task (trace.ts).
 *
 * Measured on pages of hh.ru's real weight (sandbox `?weight=real`: ~700 KB vacancy page, ~900 KB
 * search page, a ~500 KB state template hydrated by the page's own script; hh-site.md, "Newer
 * evidence": "a performance test on a near-empty page measures the wrong thing"), where the
 * budgets apply; the light pages are kept as a second figure, to see what a page's weight changes.
 * The sandbox page's own scripting is a floor for hh.ru's: the real page also runs several
 * megabytes of bundles the sandbox does not play, so our ratio here is an upper bound.
 */
import type { Page } from '@playwright/test';
import type { Figure, Measures, RowSpec } from '../figure';
import { EXT_ORIGIN, rotate, type BenchBrowser } from '../harness';
import { PROBE_SCRIPT, moment, navTiming } from '../probe';
import { FLOOR_MOMENT } from '../floor';
import { ourScriptFrom, startTrace } from '../trace';
import { VACANCY_URL } from './panel';

/** The light 100-card search page (20 cards in the HTML, 80 drawn in stages): marks and memory use it too. */
export const SEARCH_URL = 'https://hh.ru/search/vacancy?text=&items_on_page=100';

interface PageCase {
  key: string;
  label: string;
  url: string;
  /** The moment the load is complete: with the extension, and without it. */
  done: { ext: string; bare: string | null };
}

const REAL_CASES: PageCase[] = [
  { key: 'vacancy', label: 'vacancy page (700 KB)', url: `${VACANCY_URL}?weight=real`, done: { ext: 'panelReady', bare: null } },
  // hh.ru's captured search page: 20 cards, all in the HTML.
  { key: 'search', label: 'search page (900 KB, 20 cards)', url: 'https://hh.ru/search/vacancy?text=&weight=real', done: { ext: 'searchDone', bare: 'cards' } },
  // The heavy case: 100 cards at the same weight, 80 of them drawn by the page's script after load.
  { key: 'search100', label: 'search page (900 KB, 100 cards, 80 late)', url: 'https://hh.ru/search/vacancy?text=&weight=real&items_on_page=100', done: { ext: 'searchDone', bare: 'cards' } },
];

const LIGHT_CASES: PageCase[] = [
  { key: 'vacancy', label: 'light vacancy page', url: VACANCY_URL, done: { ext: 'panelReady', bare: null } },
  { key: 'search', label: 'light search page (100 cards)', url: SEARCH_URL, done: { ext: 'searchDone', bare: 'cards' } },
];

interface Load {
  scriptMs: number;
  loadMs: number;
}

/** Waits for every moment named (`goto` has waited for the load event). */
async function settle(page: Page, names: (string | null)[]): Promise<void> {
  for (const name of names) if (name) await moment(page, name);
}

async function load(b: BenchBrowser, c: PageCase, done: (string | null)[]): Promise<Load> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(c.url);
    await settle(page, done);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { scriptMs: metric('ScriptDuration'), loadMs: (await navTiming(page)).load };
  } finally {
    await page.close();
  }
}

/** Our longest task and our whole script time in one traced load. */
async function traced(b: BenchBrowser, c: PageCase): Promise<{ longest: number; total: number }> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(c.url);
    await settle(page, [c.done.ext]);
    return ourScriptFrom(await stop(), EXT_ORIGIN);
  } finally {
    await page.close();
  }
}

function floorRows(c: PageCase): RowSpec[] {
  return [
    {
      key: `${c.key}:floorScript`,
      name: `${c.label}: main-thread scripting, floor`,
      unit: 'ms',
      about: `the same page with floor.ts's extension instead of Otklik (a content script that places one element in a shadow root once the page is parsed: the least a panel or a mark can cost); baseline: without any extension`,
    },
    {
      key: `${c.key}:floorLoad`,
      name: `${c.label}: load, floor`,
      unit: 'ms',
      about: `navigation start to the end of the load event with floor.ts's extension; baseline: without any extension`,
    },
  ];
}

function rowsOf(cases: PageCase[], budgeted: boolean): RowSpec[] {
  const ratioBudget = budgeted ? { budget: 'pageOverheadRatio' as const } : {};
  return cases.flatMap((c): RowSpec[] => [
    {
      key: `${c.key}:script`,
      name: `${c.label}: main-thread scripting`,
      unit: 'ms',
      ...ratioBudget,
      about: `JavaScript time on the page's main thread (CDP ScriptDuration) with Otklik; baseline: the same page without it (the page's own)`,
    },
    {
      key: `${c.key}:ours`,
      name: `${c.label}: scripting that is ours`,
      unit: 'ms',
      about: `main-thread scripting with Otklik minus without, per run pair (ScriptDuration misses the code that runs on the background's replies: the traced row counts it)`,
    },
    {
      key: `${c.key}:traced`,
      name: `${c.label}: scripting that is ours, traced`,
      unit: 'ms',
      about: `all the time our content-script code ran on the page's main thread in a traced load (Chromium trace, an upper bound: tracing slows code); unlike ScriptDuration it counts the code that runs on the background's replies`,
    },
    {
      key: `${c.key}:load`,
      name: `${c.label}: load`,
      unit: 'ms',
      ...ratioBudget,
      about: `navigation start to the end of the load event, with Otklik; baseline: without it`,
    },
    {
      key: `${c.key}:task`,
      name: `${c.label}: longest task from us`,
      unit: 'ms',
      budget: 'longestTaskMs',
      about: `the most time Otklik's content-script code took within one main-thread task (Chromium trace; the page's own work in a task where our observer's callback also ran is not counted)`,
    },
    ...(budgeted ? floorRows(c) : []),
  ]);
}

async function measureCase(n: number, smoke: boolean, ext: BenchBrowser, bare: BenchBrowser, floor: BenchBrowser | null, c: PageCase): Promise<Measures> {
  const script = { value: [] as number[], baseline: [] as number[] };
  const loadTime = { value: [] as number[], baseline: [] as number[] };
  const floorScript = { value: [] as number[], baseline: [] as number[] };
  const floorLoad = { value: [] as number[], baseline: [] as number[] };
  const ours: number[] = [];
  // Round -1 warms every browser (not in a smoke run: it only shows the figure runs); then the
  // order rotates so none always goes first.
  for (let i = smoke ? 0 : -1; i < n; i++) {
    const got = new Map<BenchBrowser, Load>();
    for (const b of rotate([ext, bare, ...(floor ? [floor] : [])], i)) {
      // The floor waits for the page's own cards too, as the bare load does.
      got.set(b, await load(b, c, b === ext ? [c.done.ext] : b === floor ? [FLOOR_MOMENT, c.done.bare] : [c.done.bare]));
    }
    if (i < 0) continue;
    const withExt = got.get(ext)!;
    const without = got.get(bare)!;
    script.value.push(withExt.scriptMs);
    script.baseline.push(without.scriptMs);
    ours.push(withExt.scriptMs - without.scriptMs);
    loadTime.value.push(withExt.loadMs);
    loadTime.baseline.push(without.loadMs);
    const least = floor && got.get(floor);
    if (least) {
      floorScript.value.push(least.scriptMs);
      floorScript.baseline.push(without.scriptMs);
      floorLoad.value.push(least.loadMs);
      floorLoad.baseline.push(without.loadMs);
    }
  }
  const tasks: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = await traced(ext, c);
    tasks.push(t.longest);
    total.push(t.total);
  }
  return {
    [`${c.key}:script`]: script,
    [`${c.key}:ours`]: { value: ours },
    [`${c.key}:traced`]: { value: total },
    [`${c.key}:load`]: loadTime,
    [`${c.key}:task`]: { value: tasks },
    ...(floor ? { [`${c.key}:floorScript`]: floorScript, [`${c.key}:floorLoad`]: floorLoad } : {}),
  };
}

function overhead(id: string, title: string, cases: PageCase[], budgeted: boolean): Figure {
  return {
    id,
    title,
    rows: rowsOf(cases, budgeted),
    // Real-weight pages load several times slower than the light ones, and there are more cases.
    timeScale: budgeted ? 2 : 1,
    async run(bench): Promise<Measures> {
      const ext = await bench.launch({ extension: true });
      const bare = await bench.launch({ extension: false });
      // The floor beside the budgeted pages only: it says what those budgets can ask.
      const floor = budgeted ? await bench.launch({ extension: 'floor' }) : null;
      for (const b of [ext, bare, ...(floor ? [floor] : [])]) {
        await b.context.addInitScript(PROBE_SCRIPT);
        await b.loginSite();
      }
      // Resumes known, as after the popup's first look: search cards then get their fit figures too.
      await ext.hook('refresh');
      const out: Measures = {};
      for (const c of cases) {
        bench.log(c.label);
        try {
          Object.assign(out, await measureCase(bench.opts.n, bench.opts.smoke, ext, bare, floor, c));
        } catch (e) {
          const na = { na: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
          for (const k of ['script', 'ours', 'traced', 'load', 'task', 'floorScript', 'floorLoad']) out[`${c.key}:${k}`] = na;
        }
      }
      return out;
    },
  };
}

/** The budgeted figure: hh.ru's pages at their captured weight. */
export const overheadFigure = overhead('overhead', 'Page overhead, pages of real weight', REAL_CASES, true);
/** The same on the sandbox's light pages: reported, not budgeted. */
export const overheadLightFigure = overhead('overhead-light', 'Page overhead, light pages', LIGHT_CASES, false);
