/**
 * Figure 7: the service worker's JS heap (CDP on its own target, after a forced GC): once it is
 * signed in and idle, after a popup session (cards, refresh, a view history), after 50 vacancy
 * pages each showing the panel (different vacancies, as a person browsing, a few applied to), and
 * after a whole day of use in that same worker (issue #17: <= 10 MB, nothing grows without bound):
 * 2,000 applications recorded by the answers alarm and polled again with employers answering,
 * 10 auto-raise timers fired, search pages with marks, the popup and its inbox opened a few times.
 * One browser, one pass: a day per run would make N runs take longer than the whole bench may.
 */
import type { Page } from '@playwright/test';
import { SETTLE_MS } from '../../../components/panel/guard';
import type { SandboxClient } from '../../e2e/sandbox-client';
import type { Figure, Measures } from '../figure';
import { EXT_ORIGIN, quietAlarms, type Bench, type BenchBrowser } from '../harness';
import { PROBE_SCRIPT, moment } from '../probe';
import { SEARCH_URL } from './overhead';

const PAGES = 50;
/** Of the vacancy pages, every APPLY_EVERY-th is applied to from its panel. */
const APPLY_EVERY = 10;
/** Applications on hh.ru's list (lib/store.ts keeps the newest 2,000). */
const APPLICATIONS = 2000;
/** The poll's page cap times the API's page size (lib/background/applications/poll.ts PAGES_CAP, lib/hh/api/gateway.ts). */
const API_TOPICS_PER_POLL = 25 * 50;
/** Auto-raise timers fired over the day (the "10 timers"). */
const TIMERS = 10;
/** Answers polls after the list is learned, each with an employer's answer or two to tell. */
const POLLS = 6;
const SEARCH_PAGES = 5;
const POPUPS = 3;
/** After the day, more of the same, to see whether the heap grows with use. */
const MORE_PAGES = 10;
const MORE_POLLS = 5;

async function heapMb(b: BenchBrowser, session: string): Promise<number> {
  // Twice: what the first collection's finalizers let go is collected by the second.
  await b.cdp.send('HeapProfiler.collectGarbage', {}, session);
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

async function popupSession(b: BenchBrowser, opts: { views: boolean; inbox: boolean }): Promise<void> {
  const popup = await b.context.newPage();
  try {
    await popup.goto(`${EXT_ORIGIN}/popup.html`);
    await moment(popup, 'popup');
    await popup.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
    if (opts.views) {
      await popup.locator('[data-testid="views-open"]').first().click();
      await popup.locator('[data-testid="view-item"]').first().waitFor({ timeout: 20_000 });
    }
    if (opts.inbox && (await popup.locator('[data-testid="inbox-open"]').count()) > 0) {
      await popup.locator('[data-testid="inbox-open"]').click();
      await moment(popup, 'inbox');
      // Opened, so seen: the worker rewrites the applications after the list is drawn. Until that
      // write landed it holds all 2,000 of them, and the heap read next would count them.
      await until(async () => unseen(b).then((n) => n === 0), 'the inbox marked its answers seen');
    }
  } finally {
    await popup.close();
  }
}

/** Stored answers not seen yet in the popup. */
async function unseen(b: BenchBrowser): Promise<number> {
  const { topics } = await b.hook<{ topics: Record<string, { unseen: string | null }> }>('applications');
  return Object.values(topics).filter((r) => r.unseen).length;
}

/** Asks again until `done`, at most 20 s. */
async function until(done: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`not within 20 s: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Presses the panel's Apply as a person does (tests/e2e/fixtures.ts pressApply): a press the click
 * guard refused because the panel had just moved is repeated once it stood still. True when the
 * panel said the application was sent.
 */
async function applyFromPanel(page: Page): Promise<boolean> {
  const panel = page.locator('[data-otklik="panel"]');
  const sent = panel.getByText('Отклик отправлен.');
  const moved = panel.getByText('панель только что сдвинулась');
  for (let attempt = 1; attempt <= 3; attempt++) {
    const button = panel.getByRole('button', { name: 'Откликнуться' });
    if ((await button.count()) === 0) return false;
    await button.first().click();
    const answer = await Promise.race([
      sent.waitFor({ timeout: 10_000 }).then(() => 'sent' as const),
      moved.waitFor({ timeout: 10_000 }).then(() => 'moved' as const),
    ]).catch(() => 'other' as const);
    if (answer !== 'moved') return answer === 'sent';
    await page.waitForTimeout(SETTLE_MS + 200);
  }
  return false;
}

/**
 * Vacancy pages, each until its panel lists resumes; with `apply`, every APPLY_EVERY-th is applied
 * to. `from`: where in the search's list to start. Resolves with the applications sent.
 */
async function vacancyPages(b: BenchBrowser, count: number, opts: { from?: number; apply?: boolean } = {}): Promise<number> {
  let applied = 0;
  const ids = (await vacancyIds(b, (opts.from ?? 0) + count)).slice(opts.from ?? 0);
  for (const [i, id] of ids.entries()) {
    const page = await b.context.newPage();
    try {
      await page.goto(`https://hh.ru/vacancy/${id}`);
      await moment(page, 'panelReady');
      if (opts.apply && i % APPLY_EVERY === APPLY_EVERY - 1 && (await applyFromPanel(page))) applied++;
    } finally {
      await page.close();
    }
  }
  return applied;
}

interface SandboxDump {
  now: number;
  resumes: { id: string; hash: string; userId: string; status: string; nextPublishAt: number }[];
  applications: { id: string; vacancyId: string }[];
}

type PollOutcome = { kind: 'polled'; answers: unknown[] } | { kind: 'skipped'; why: string } | { kind: 'failed'; error: { kind: string } };

async function poll(b: BenchBrowser): Promise<Extract<PollOutcome, { kind: 'polled' }>> {
  const out = await b.hook<PollOutcome>('fireAlarm', 'answers');
  if (out.kind === 'skipped') throw new Error(`the answers poll was skipped: ${out.why}`);
  if (out.kind === 'failed') throw new Error(`the answers poll failed: ${out.error.kind}`);
  return out;
}

/**
 * `count` applications recorded by the answers alarm over the API, as figures/applications.ts does:
 * the older part first, then a newer batch (the sandbox clock moved on) that the next poll records.
 */
async function recordApplications(sandbox: SandboxClient, b: BenchBrowser, count: number): Promise<number> {
  const seeded = (await sandbox.topics({ count: 1 })).total;
  const later = Math.min(API_TOPICS_PER_POLL, count - seeded);
  if (count - later > seeded) await sandbox.topics({ count: count - later - seeded });
  await poll(b);
  await sandbox.clock({ advance: (later + 1) * 60_000 });
  if (later > 0) await sandbox.topics({ count: later });
  await poll(b);
  return Object.keys((await b.hook<{ topics: Record<string, unknown> }>('applications')).topics).length;
}

/**
 * Auto-raise timers as figures/raise.ts sets them, over the API: auto-raise on for every published
 * resume of Anna's, and `count` times in turn one resume's raise window is set a while ahead, the
 * extension plans its alarm, the sandbox clock moves to the alarm's time and the alarm fires.
 * The "10 resumes with timers" become 10 timers over the resumes Anna has published (the
 * sandbox seeds two and has no way to add more); each timer is a full plan-fire-raise round.
 * Resolves with the raises hh.ru recorded.
 */
async function raiseTimers(bench: Bench, b: BenchBrowser, count: number): Promise<number> {
  await b.hook('patchSettings', { gateway: 'api' });
  const snapshot = await b.hook<{ resumes: { id: string; hash?: string | null; status: string }[] }>('refresh');
  const dump = (await bench.sandbox.state()) as unknown as SandboxDump;
  const published = dump.resumes.filter((r) => r.status === 'published' && snapshot.resumes.some((s) => s.id === r.hash || s.id === r.id));
  if (published.length === 0) throw new Error('no published resume to raise');
  const ours = (r: SandboxDump['resumes'][number]) => snapshot.resumes.find((s) => s.id === r.hash || s.id === r.id)!.id;
  await b.hook('patchSettings', { autoRaise: Object.fromEntries(published.map((r) => [ours(r), true])) });
  const raisesBefore = ((await bench.sandbox.state()) as unknown as { raises: unknown[] }).raises.length;
  for (let i = 0; i < count; i++) {
    const target = published[i % published.length]!;
    const before = (await bench.sandbox.state()) as unknown as SandboxDump;
    const current = before.resumes.find((r) => r.id === target.id)!;
    await bench.sandbox.patchResume({ id: target.id, nextPublishAt: Math.max(before.now, current.nextPublishAt) + 60_000 + i * 7_000 });
    await b.hook('refresh');
    const alarm = (await b.hook<{ name: string; scheduledTime: number }[]>('alarms')).find((a) => a.name === `raise:${ours(target)}`);
    if (!alarm) throw new Error(`timer ${i}: no alarm for resume ${target.id}`);
    await bench.sandbox.clock({ now: Math.max(alarm.scheduledTime, (await bench.sandbox.clock({})).now) });
    await b.hook('fireAlarm', alarm.name);
  }
  return ((await bench.sandbox.state()) as unknown as { raises: unknown[] }).raises.length - raisesBefore;
}

/** Answers polls, each after an employer answered one or two of the applications. Resolves with the answers told. */
async function answeredPolls(sandbox: SandboxClient, b: BenchBrowser, polls: number): Promise<number> {
  const { applications } = (await sandbox.state()) as unknown as SandboxDump;
  let told = 0;
  for (let i = 0; i < polls; i++) {
    const states = ['invitation', 'discard', 'interview'];
    for (let k = 0; k <= i % 2; k++) {
      const topic = applications[(i * 2 + k) * 37 % applications.length]!;
      await sandbox.answer({ topic: topic.id, state: states[(i + k) % states.length]!, message: k === 1 });
    }
    await sandbox.clock({ advance: 20 * 60_000 });
    told += (await poll(b)).answers.length;
  }
  return told;
}

/**
 * Search pages until their cards are drawn and marked. Not every card hh.ru labels is awaited (the
 * probe's `marks`): with 2,000 applications some labelled vacancies lie past the newest topics the
 * marks read (lib/hh/api/gateway.ts NEGOTIATION_PAGES), so the first mark is the background's answer.
 */
async function searchPages(b: BenchBrowser, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const page = await b.context.newPage();
    try {
      await page.goto(`${SEARCH_URL}&page=${i}`);
      await moment(page, 'cards');
      await page.locator('[data-qa="vacancy-serp__vacancy"] [data-otklik-mark]').first().waitFor({ timeout: 20_000 });
    } finally {
      await page.close();
    }
  }
}

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

export const memoryFigure: Figure = {
  id: 'memory',
  title: 'Service worker memory',
  // A day of use in one worker: 50 pages, 2,000 applications, 10 timers (about a minute).
  timeScale: 2,
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
      about: `the same after ${PAGES} vacancy pages (different vacancies) each showed the panel, every ${APPLY_EVERY}th applied to; baseline: idle`,
    },
    {
      key: 'day',
      name: 'SW heap after a day of use',
      unit: 'MB',
      budget: 'dayHeapMb',
      about: `the same worker after the ${PAGES} pages and then ${APPLICATIONS} applications recorded by the answers alarm and ${POLLS} more polls with employers' answers, ${TIMERS} auto-raise timers fired, ${SEARCH_PAGES} search pages marked and the popup opened ${POPUPS} times (inbox too); baseline: idle; the note says how much the heap moved over ${MORE_PAGES} more pages, ${MORE_POLLS} polls and a popup after that`,
    },
  ],
  async run(bench): Promise<Measures> {
    const b = await bench.launch({ extension: true });
    await b.context.addInitScript(PROBE_SCRIPT);
    await b.loginSite();
    await b.connectApi();
    await b.hook('refresh');
    // The periodic alarms (answers poll, refresh) come due a minute after install, and a poll of 2,000
    // applications that happens to run while the heap is read counts its pages as held. This figure fires
    // every alarm itself (the hook runs the alarm's own code), so the browser's are moved a day ahead
    // (harness.ts quietAlarms): nothing runs on its own while the heap is read.
    await quietAlarms(b);
    // Attached DevTools also keep the worker from being stopped for idleness mid-measure: what is
    // measured is one long-lived worker, as Firefox's background page always is.
    const session = await b.cdp.attach('service_worker', `${EXT_ORIGIN}/`);
    const idle = await heapMb(b, session);

    let afterPopup: Measures[string];
    try {
      await popupSession(b, { views: true, inbox: false });
      afterPopup = { value: [await heapMb(b, session)], baseline: [idle] };
    } catch (e) {
      afterPopup = { na: errorText(e) };
    }

    const t0 = Date.now();
    bench.log(`${PAGES} vacancy pages`);
    const applied = await vacancyPages(b, PAGES, { apply: true });
    const afterPages = await heapMb(b, session);
    const pages = { value: [afterPages], baseline: [idle], note: `${applied} applied` };

    let day: Measures[string];
    try {
      const held = await recordApplications(bench.sandbox, b, APPLICATIONS);
      if (held < APPLICATIONS) throw new Error(`the polls recorded ${held} of ${APPLICATIONS} applications`);
      const raised = await raiseTimers(bench, b, TIMERS);
      const told = await answeredPolls(bench.sandbox, b, POLLS);
      await searchPages(b, SEARCH_PAGES);
      for (let i = 0; i < POPUPS; i++) await popupSession(b, { views: i === 0, inbox: i === POPUPS - 1 });
      const heap = await heapMb(b, session);
      bench.log(`a day in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${held} applications, ${raised} raises, ${told} answers told`);
      // More of the same after the day: what a worker holds must not grow with use (issue #17).
      await vacancyPages(b, MORE_PAGES, { from: PAGES });
      for (let i = 0; i < MORE_POLLS; i++) await poll(b);
      await popupSession(b, { views: false, inbox: true });
      const more = (await heapMb(b, session)) - heap;
      const sign = more <= -0.005 ? '−' : '+';
      day = {
        value: [heap],
        baseline: [idle],
        note: `${held} held, ${raised} raised, ${told} told; then ${sign}${Math.abs(more).toFixed(2)} MB after ${MORE_PAGES} pages, ${MORE_POLLS} polls, a popup more`,
      };
    } catch (e) {
      day = { na: errorText(e) };
    }
    return { idle: { value: [idle] }, popup: afterPopup, pages, day };
  },
};
