/**
 * Figures 8-10: employers' answers and the applications Otklik keeps (issue 15).
 * - What a poll costs hh.ru when nothing changed: the answers alarm fired twice over a 300-topic list,
 *   through the API and through the hh.ru session; the sandbox's request log counts the second.
 * - The popup's first render with 300 applications held, beside the same popup with none held.
 * - The history page (applications.html) with 2,000 applications, and the service worker's heap
 *   after the poll that recorded them.
 * The long lists come from the sandbox's `/__sandbox/topics`; every poll is the alarm's own code
 * (the e2e hook `fireAlarm('answers')`), so what is measured is what a person's browser does.
 */
import type { SandboxClient } from '../../e2e/sandbox-client';
import type { Figure, Measures } from '../figure';
import { EXT_ORIGIN, frameOf, type BenchBrowser } from '../harness';
import { PROBE_SCRIPT, moment } from '../probe';

/** The popup's inbox figure: applications held. */
const INBOX_TOPICS = 300;
/** The history and memory figure: applications held (lib/store.ts keeps the newest 2,000). */
const HISTORY_TOPICS = 2000;
/** The poll's page cap times the API's page size (lib/background/applications/poll.ts PAGES_CAP, lib/hh/api/gateway.ts). */
const API_TOPICS_PER_POLL = 25 * 50;

interface Held {
  topics: Record<string, unknown>;
}

type PollOutcome = { kind: 'polled'; requests: number; swept: boolean; answers: unknown[] } | { kind: 'skipped'; why: string } | { kind: 'failed'; error: { kind: string } };

interface ChromeStorage {
  chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void>; remove(k: string): Promise<void> } } };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * Anna's topics on the sandbox hh.ru, grown to `total` (the seed has a few). The first call adds one
 * topic to learn the count (the sandbox's dump leaves seeded topics out): it is one of the `total`.
 */
async function topicsUpTo(sandbox: SandboxClient, total: number): Promise<number> {
  const { total: now } = await sandbox.topics({ count: 1 });
  return now >= total ? now : (await sandbox.topics({ count: total - now })).total;
}

/** Fires the answers alarm; a poll that did not reach hh.ru is an error, not a figure. */
async function poll(b: BenchBrowser): Promise<Extract<PollOutcome, { kind: 'polled' }>> {
  const out = await b.hook<PollOutcome>('fireAlarm', 'answers');
  if (out.kind === 'skipped') throw new Error(`the answers poll was skipped: ${out.why}`);
  if (out.kind === 'failed') throw new Error(`the answers poll failed: ${out.error.kind}`);
  return out;
}

const heldCount = async (b: BenchBrowser) => Object.keys((await b.hook<Held>('applications')).topics).length;

/** Requests hh.ru and api.hh.ru answered while `during` ran (the sandbox's log). */
async function requestsDuring(sandbox: SandboxClient, during: () => Promise<unknown>): Promise<number> {
  await sandbox.clearLog();
  await during();
  return (await sandbox.log()).filter((e) => e.status != null).length;
}

type Gateway = 'api' | 'site';
const GATEWAYS: { key: Gateway; label: string }[] = [
  { key: 'api', label: 'API' },
  { key: 'site', label: 'hh.ru session' },
];

export const answersPollFigure: Figure = {
  id: 'answers',
  title: 'Answers poll',
  rows: [
    ...GATEWAYS.map(({ key, label }) => ({
      key,
      name: `poll with nothing changed, ${label} (${INBOX_TOPICS} applications)`,
      unit: 'count',
      budget: 'answersPollRequests' as const,
      about: `requests hh.ru received for an answers poll after an earlier one learned the list and nothing changed since, through the ${label}; baseline: the first poll, which reads every page`,
    })),
    {
      key: 'told',
      name: 'answers told by polls with nothing changed',
      unit: 'count',
      about: 'answers the same polls (both gateways) reported as news, though no employer answered anything: each is a notification about an old answer',
    },
  ],
  async run(bench): Promise<Measures> {
    await topicsUpTo(bench.sandbox, INBOX_TOPICS);
    const out: Measures = {};
    let told = 0;
    for (const { key } of GATEWAYS) {
      // A fresh browser per gateway: the first poll is a first look at the list (it learns, tells nothing).
      const b = await bench.launch({ extension: true });
      try {
        if (key === 'api') await b.connectApi();
        else await b.loginSite();
        await b.hook('patchSettings', { gateway: key });
        await b.hook('refresh');
        const first = await requestsDuring(bench.sandbox, () => poll(b).then((o) => (told += o.answers.length)));
        // hh.ru's list shifts between requests (poll.ts): one sweep through the site's pages of 20 can
        // miss a few topics; the next polls find them, at a cost this figure shows.
        const held = await heldCount(b);
        if (held === 0) throw new Error('the first poll recorded no application');
        const value: number[] = [];
        const baseline: number[] = [];
        for (let i = 0; i < bench.opts.n; i++) {
          value.push(await requestsDuring(bench.sandbox, () => poll(b).then((o) => (told += o.answers.length))));
          baseline.push(first);
        }
        out[key] = { value, baseline, ...(held < INBOX_TOPICS ? { note: `the first poll recorded ${held} of ${INBOX_TOPICS}` } : {}) };
      } catch (e) {
        out[key] = { na: errorText(e) };
      } finally {
        await b.close();
      }
    }
    out['told'] = { value: [told] };
    return out;
  },
};

export const inboxFigure: Figure = {
  id: 'inbox',
  title: 'Popup inbox',
  // Three popups a run, each waiting for its refresh to settle.
  timeScale: 2,
  rows: [
    {
      key: 'render',
      name: `popup with ${INBOX_TOPICS} applications held`,
      unit: 'ms',
      about: `navigation start to the first frame with resume cards, ${INBOX_TOPICS} applications held (recorded by a poll); baseline: the same popup with none held`,
    },
    {
      key: 'open',
      name: `inbox opened, ${INBOX_TOPICS} applications held`,
      unit: 'ms',
      about: 'from the click on the inbox toggle to the first frame listing its applications (the newest 100)',
    },
  ],
  async run(bench): Promise<Measures> {
    const total = await topicsUpTo(bench.sandbox, INBOX_TOPICS);
    const b = await bench.launch({ extension: true });
    await b.context.addInitScript(PROBE_SCRIPT);
    await b.connectApi();
    await b.hook('refresh');
    await poll(b);
    const held = await heldCount(b);
    if (held < INBOX_TOPICS) throw new Error(`the poll recorded ${held} of ${total} applications`);
    const sw = await b.sw();
    const saved = await sw.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.local.get('applications'));
    const hold = (on: boolean) =>
      sw.evaluate(
        ([keep, value]) => {
          const local = (globalThis as unknown as ChromeStorage).chrome.storage.local;
          // Read back: the write is done (and its change event sent) before the popup opens.
          return (keep ? local.set(value) : local.remove('applications')).then(() => local.get('applications')).then(() => undefined);
        },
        [on, saved] as const,
      );
    /** Opens the popup; `openInbox`: then the inbox too (with none held it lists nothing to wait for). */
    const popup = async (openInbox: boolean): Promise<{ cards: number; open?: number }> => {
      const page = await b.context.newPage();
      try {
        await page.goto(`${EXT_ORIGIN}/popup.html`);
        const cards = (await moment(page, 'popup'))['popup:frame']!;
        // Settled before the next run: its refresh must not overlap the next popup's first render.
        await page.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
        if (!openInbox || (await page.locator('[data-testid="inbox-open"]').count()) === 0) return { cards };
        // Clicked inside the page, so the start is the page's own clock, not a round trip's.
        const clicked = await page.evaluate(() => {
          const t = performance.now();
          (document.querySelector('[data-testid="inbox-open"]') as HTMLElement).click();
          return t;
        });
        const listed = await moment(page, 'inbox').catch(() => null);
        return { cards, ...(listed ? { open: listed['inbox:frame']! - clicked } : {}) };
      } finally {
        await page.close();
      }
    };
    const render = { value: [] as number[], baseline: [] as number[] };
    const open: number[] = [];
    // Round -1 warms the code caches; then the order alternates.
    for (let i = -1; i < bench.opts.n; i++) {
      const withoutFirst = i % 2 === 0;
      let without = 0;
      if (withoutFirst) {
        await hold(false);
        without = (await popup(false)).cards;
      }
      await hold(true);
      const withInbox = await popup(true);
      if (!withoutFirst) {
        await hold(false);
        without = (await popup(false)).cards;
      }
      if (i < 0) continue;
      render.value.push(withInbox.cards);
      render.baseline.push(without);
      if (withInbox.open !== undefined) open.push(withInbox.open);
    }
    return {
      render: { ...render, note: `${held} held` },
      open: open.length ? { value: open } : { na: 'the inbox listed nothing' },
    };
  },
};

/** The service worker's used JS heap after a forced GC, MB (as figures/memory.ts). */
async function heapMb(b: BenchBrowser, session: string): Promise<number> {
  await b.cdp.send('HeapProfiler.collectGarbage', {}, session);
  const { usedSize } = await b.cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, session);
  return usedSize / 2 ** 20;
}

/**
 * `count` applications recorded by polls through the API. One poll reads at most 25 pages (1,250
 * topics): the first learns the older part of the list, then the rest arrives newer than it (the
 * sandbox clock moved on, as when months of applications pile up) and the second poll, reading
 * while pages show news, records it. The heap is read after that second poll.
 */
async function recordApplications(bench: { sandbox: SandboxClient }, b: BenchBrowser, count: number): Promise<number> {
  // As topicsUpTo: one topic added to learn how many there are.
  const seeded = (await bench.sandbox.topics({ count: 1 })).total;
  const later = Math.min(API_TOPICS_PER_POLL, count - seeded);
  if (count - later > seeded) await bench.sandbox.topics({ count: count - later - seeded });
  await poll(b);
  // The newer batch sits above everything the first poll saw.
  await bench.sandbox.clock({ advance: (later + 1) * 60_000 });
  if (later > 0) await bench.sandbox.topics({ count: later });
  await poll(b);
  return heldCount(b);
}

export const historyFigure: Figure = {
  id: 'history',
  title: 'Applications history',
  timeScale: 2,
  rows: [
    {
      key: 'screen',
      name: `history page with ${HISTORY_TOPICS} applications`,
      unit: 'ms',
      about: `navigation start to the first frame showing the first rows of applications.html, ${HISTORY_TOPICS} applications held; baseline: the first frame with text of an empty page of the extension`,
    },
    {
      key: 'heap',
      name: `SW heap after ${HISTORY_TOPICS} applications`,
      unit: 'MB',
      budget: 'applicationsHeapMb',
      about: `used JS heap of the service worker after the poll that recorded ${HISTORY_TOPICS} applications, after a forced GC; baseline: signed in and idle, none held`,
    },
  ],
  async run(bench): Promise<Measures> {
    // The full 2,000 in a smoke run too: seeding them and the two polls take about a second.
    const count = HISTORY_TOPICS;
    const b = await bench.launch({ extension: true });
    await b.context.addInitScript(PROBE_SCRIPT);
    await b.connectApi();
    await b.hook('refresh');
    // Attached DevTools also keep the worker from being stopped for idleness mid-measure.
    const session = await b.cdp.attach('service_worker', `${EXT_ORIGIN}/`);
    const idle = await heapMb(b, session);
    const t0 = Date.now();
    const held = await recordApplications(bench, b, count);
    bench.log(`${held} applications recorded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (held < count) throw new Error(`the polls recorded ${held} of ${count} applications`);
    const heap = await heapMb(b, session);

    const timed = (path: string, name: string) => frameOf(b, `${EXT_ORIGIN}/${path}`, name);
    const screen = { value: [] as number[], baseline: [] as number[] };
    for (let i = -1; i < bench.opts.n; i++) {
      const emptyFirst = i % 2 === 0 ? await timed('empty.html', 'empty') : null;
      const history = await timed('applications.html', 'history');
      const empty = emptyFirst ?? (await timed('empty.html', 'empty'));
      if (i < 0) continue;
      screen.value.push(history);
      screen.baseline.push(empty);
    }
    return {
      screen,
      heap: { value: [heap], baseline: [idle] },
    };
  },
};
