import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { loadViews, refreshSnapshot } from '../../lib/background/resumes/snapshot';
import { raiseNow } from '../../lib/background/resumes/raise';
import { setAutoRaise } from '../../lib/background/resumes/schedule';
import { getSettings, ledgerItem, pauseItem, raiseOutcomesItem, snapshotItem, type LedgerEntry } from '../../lib/store';
import { ANNA, createFakeHh, HOUR, RAISE_INTERVAL, type FakeHh } from './fake-hh-resumes';

let hh: FakeHh;
vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async () => hh.gateway,
}));

const T0 = new Date(2026, 10, 25, 14, 0).getTime();
const badge = () => browser.action.getBadgeText({});
const card = async (id: string) => (await snapshotItem.getValue())?.resumes.find((r) => r.id === id);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  hh = createFakeHh();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the snapshot the popup shows', () => {
  it('holds Анна, each resume with its completeness and moderator notes, and which gateway served', async () => {
    const snapshot = await refreshSnapshot(false);

    expect(snapshot.me).toEqual(ANNA);
    expect(snapshot.source).toBe('site');
    expect(snapshot.resumes.map((r) => [r.id, r.status, r.progress?.percentage])).toEqual([
      ['r-ready', 'published', 95],
      ['r-cooling', 'published', 80],
      ['r-hidden', 'not_published', 60],
      ['r-blocked', 'blocked', 70],
    ]);
    expect(snapshot.resumes[3]?.moderationNotes).toEqual(['В названии резюме указана не профессия']);
    expect(await snapshotItem.getValue()).toEqual(snapshot);
    expect(await badge()).toBe('4');
  });

  it('an unchanged account costs no detail reads and no storage write; a forced refresh reads details again', async () => {
    const first = await refreshSnapshot(false);
    hh.received.length = 0;
    vi.setSystemTime(T0 + 60_000);

    const second = await refreshSnapshot(false);

    expect(hh.received).toEqual(['me', 'resumes']);
    expect(second.fetchedAt).toBe(first.fetchedAt);
    expect((await snapshotItem.getValue())?.fetchedAt).toBe(first.fetchedAt);

    await refreshSnapshot(true);
    expect(hh.received.filter((r) => r.startsWith('resume:'))).toHaveLength(4);
  });

  it('a resume edited on hh.ru gets its details read again', async () => {
    await refreshSnapshot(false);
    hh.received.length = 0;
    hh.resume('r-cooling').updatedAt = T0;
    hh.resume('r-cooling').progress = { percentage: 100, mandatory: [], recommended: [] };

    await refreshSnapshot(false);

    expect(hh.received).toEqual(['me', 'resumes', 'resume:r-cooling']);
    expect((await card('r-cooling'))?.progress?.percentage).toBe(100);
  });

  it('on a captcha, keeps the last snapshot, pauses automatic work and tells the caller', async () => {
    await refreshSnapshot(false);
    hh.fail('resumes', 'captcha', { url: 'https://hh.ru/account/captcha' });

    await expect(refreshSnapshot(false)).rejects.toMatchObject({ kind: 'captcha' });

    expect(await pauseItem.getValue()).toMatchObject({ reason: { kind: 'captcha' } });
    expect((await snapshotItem.getValue())?.resumes).toHaveLength(4);
  });

  it('signed in again: the next good refresh ends a pause for a lost sign-in, but not one for a captcha', async () => {
    await pauseItem.setValue({ reason: { kind: 'no_session', ru: 'н', en: 'n' }, at: T0 });
    await refreshSnapshot(false);
    expect(await pauseItem.getValue()).toBeNull();

    await pauseItem.setValue({ reason: { kind: 'captcha', ru: 'к', en: 'c' }, at: T0 });
    await refreshSnapshot(false);
    expect(await pauseItem.getValue()).toMatchObject({ reason: { kind: 'captcha' } });
  });

  it('a network failure pauses nothing', async () => {
    hh.fail('me', 'network');
    await expect(refreshSnapshot(false)).rejects.toMatchObject({ kind: 'network' });
    expect(await pauseItem.getValue()).toBeNull();
  });
});

describe('Raise now', () => {
  beforeEach(async () => {
    await refreshSnapshot(false);
  });

  it('records the raise before sending it, then shows the server’s next time', async () => {
    let ledgerWhileSending: LedgerEntry[] = [];
    const raise = hh.gateway.raise.bind(hh.gateway);
    hh.gateway.raise = async (id) => {
      ledgerWhileSending = await ledgerItem.getValue();
      return raise(id);
    };

    const outcome = await raiseNow('r-ready', false);

    expect(hh.raises()).toEqual(['raise:r-ready']);
    expect(ledgerWhileSending).toMatchObject([{ action: 'raise', target: 'r-ready', state: 'pending' }]);
    expect(await ledgerItem.getValue()).toMatchObject([{ action: 'raise', target: 'r-ready', state: 'done', gateway: 'site' }]);
    expect(outcome).toEqual({ kind: 'raised', at: T0, nextAt: T0 + RAISE_INTERVAL, auto: false, window: T0 - 25 * 60_000 });
    expect((await raiseOutcomesItem.getValue())['r-ready']).toEqual(outcome);
    expect(await card('r-ready')).toMatchObject({ canRaise: false, nextRaiseAt: T0 + RAISE_INTERVAL });
  });

  it('two presses while the first is on its way send one raise', async () => {
    const [a, b] = await Promise.all([raiseNow('r-ready', false), raiseNow('r-ready', false)]);
    expect(hh.raises()).toEqual(['raise:r-ready']);
    expect(a).toEqual(b);
  });

  it('too early: shows the time hh.ru gave, asking hh.ru when the answer had none', async () => {
    hh.fail('raise', 'too_early');

    const outcome = await raiseNow('r-cooling', false);

    const serverNext = hh.resume('r-cooling').nextRaiseAt;
    expect(outcome).toMatchObject({ kind: 'too_early', nextAt: serverNext });
    expect(await ledgerItem.getValue()).toMatchObject([{ state: 'failed', error: { kind: 'too_early' } }]);
    expect(await card('r-cooling')).toMatchObject({ canRaise: false, nextRaiseAt: serverNext });
  });

  it('refused: says why, and a captcha pauses automatic work', async () => {
    hh.fail('raise', 'captcha', { url: 'https://hh.ru/account/captcha?state=1' });

    const outcome = await raiseNow('r-ready', false);

    expect(outcome).toMatchObject({ kind: 'failed', error: { kind: 'captcha', url: 'https://hh.ru/account/captcha?state=1' } });
    expect(await pauseItem.getValue()).toMatchObject({ reason: { kind: 'captcha' } });
  });

  it('an unclear answer is kept as uncertain in the ledger, never as failed', async () => {
    hh.fail('raise', 'uncertain');
    await raiseNow('r-ready', false);
    expect(await ledgerItem.getValue()).toMatchObject([{ state: 'uncertain' }]);
  });
});

describe('who viewed', () => {
  it('opening the history clears that resume’s new views and the badge follows', async () => {
    await refreshSnapshot(false);
    expect(await badge()).toBe('4');

    const page = await loadViews('r-ready', 0);

    expect(page).toMatchObject({ page: 0, pages: 2, found: 30 });
    expect(page.items).toHaveLength(20);
    expect((await card('r-ready'))?.newViews).toBe(0);
    expect(await badge()).toBe('1');

    await loadViews('r-cooling', 1);
    expect((await card('r-cooling'))?.newViews).toBe(1);
    expect(await badge()).toBe('1');
  });
});

describe('the auto-raise switch', () => {
  it('is remembered per resume and sets or removes that resume’s timer', async () => {
    await refreshSnapshot(false);

    await setAutoRaise('r-cooling', true);
    expect((await getSettings()).autoRaise).toEqual({ 'r-cooling': true });
    expect((await browser.alarms.get('raise:r-cooling'))?.scheduledTime).toBeGreaterThan(T0 + 2 * HOUR);

    await setAutoRaise('r-cooling', false);
    expect((await getSettings()).autoRaise).toEqual({ 'r-cooling': false });
    expect(await browser.alarms.get('raise:r-cooling')).toBeUndefined();
  });
});
