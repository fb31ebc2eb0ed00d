/**
 * Figure 2: what Otklik costs an hh.ru page. The same vacancy page and 100-card search page are
 * loaded in two browsers of the same build, one with the extension and one without, in alternating
 * order; each with-extension load waits until our work is on screen (panel, marks), each
 * without-extension load until the page's own cards are drawn. Main-thread scripting comes from
 * CDP Performance.getMetrics, load time from navigation timing. In separate traced loads, the
 * longest main-thread task that ran our content-script code.
 */
import type { Page } from '@playwright/test';
import type { Figure, Measures, RowSpec } from '../figure';
import { EXT_ORIGIN, type BenchBrowser } from '../harness';
import { PROBE_SCRIPT, moment, navTiming } from '../probe';
import { longestTaskFrom, startTrace } from '../trace';
import { VACANCY_URL } from './panel';

export const SEARCH_URL = 'https://hh.ru/search/vacancy?text=';

interface PageCase {
  key: 'vacancy' | 'search';
  label: string;
  url: string;
  /** The moment the load is complete: with the extension, and without it. */
  done: { ext: string; bare: string | null };
}

const CASES: PageCase[] = [
  { key: 'vacancy', label: 'vacancy page', url: VACANCY_URL, done: { ext: 'panel', bare: null } },
  { key: 'search', label: 'search page (100 cards)', url: SEARCH_URL, done: { ext: 'marks', bare: 'cards' } },
];

interface Load {
  scriptMs: number;
  loadMs: number;
}

async function settle(page: Page, name: string | null): Promise<void> {
  if (name) await moment(page, name);
  else await page.waitForLoadState('load');
}

async function load(b: BenchBrowser, c: PageCase, done: string | null): Promise<Load> {
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

async function longestTask(b: BenchBrowser, c: PageCase): Promise<number> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(c.url);
    await settle(page, c.done.ext);
    return longestTaskFrom(await stop(), EXT_ORIGIN);
  } finally {
    await page.close();
  }
}

const rows = CASES.flatMap((c): RowSpec[] => [
  {
    key: `${c.key}:script`,
    name: `${c.label}: main-thread scripting`,
    unit: 'ms',
    budget: 'pageOverheadRatio',
    about: `JavaScript time on the page's main thread (CDP ScriptDuration) with Otklik; baseline: the same page without it`,
  },
  {
    key: `${c.key}:load`,
    name: `${c.label}: load`,
    unit: 'ms',
    budget: 'pageOverheadRatio',
    about: `navigation start to the end of the load event, with Otklik; baseline: without it`,
  },
  {
    key: `${c.key}:task`,
    name: `${c.label}: longest task from us`,
    unit: 'ms',
    budget: 'longestTaskMs',
    about: `the longest main-thread task that ran Otklik's content-script code (Chromium trace)`,
  },
]);

async function measureCase(n: number, ext: BenchBrowser, bare: BenchBrowser, c: PageCase): Promise<Measures> {
  const script = { value: [] as number[], baseline: [] as number[] };
  const loadTime = { value: [] as number[], baseline: [] as number[] };
  // Round -1 warms both browsers; then the order alternates so neither always goes first.
  for (let i = -1; i < n; i++) {
    const withFirst = i % 2 === 0;
    const a = withFirst ? await load(ext, c, c.done.ext) : null;
    const without = await load(bare, c, c.done.bare);
    const withExt = a ?? (await load(ext, c, c.done.ext));
    if (i < 0) continue;
    script.value.push(withExt.scriptMs);
    script.baseline.push(without.scriptMs);
    loadTime.value.push(withExt.loadMs);
    loadTime.baseline.push(without.loadMs);
  }
  const tasks: number[] = [];
  for (let i = 0; i < n; i++) tasks.push(await longestTask(ext, c));
  return { [`${c.key}:script`]: script, [`${c.key}:load`]: loadTime, [`${c.key}:task`]: { value: tasks } };
}

export const overheadFigure: Figure = {
  id: 'overhead',
  title: 'Page overhead',
  rows,
  async run(bench): Promise<Measures> {
    const ext = await bench.launch({ extension: true });
    const bare = await bench.launch({ extension: false });
    for (const b of [ext, bare]) {
      await b.context.addInitScript(PROBE_SCRIPT);
      await b.loginSite();
    }
    const out: Measures = {};
    for (const c of CASES) {
      bench.log(c.label);
      try {
        Object.assign(out, await measureCase(bench.opts.n, ext, bare, c));
      } catch (e) {
        const na = { na: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
        for (const k of ['script', 'load', 'task']) out[`${c.key}:${k}`] = na;
      }
    }
    return out;
  },
};
