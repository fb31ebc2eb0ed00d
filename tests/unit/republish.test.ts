import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { setLang } from '../../lib/i18n';
import {
  JITTER_MAX_MS,
  JITTER_MIN_MS,
  RETRY_AFTER_FAILURE_MS,
  planRaiseAt,
  quietEnd,
  restoreSchedule,
  resumeAutomation,
  setAutoRaise,
  type QuietHours,
} from '../../lib/background/resumes/schedule';
import { refreshSnapshot } from '../../lib/background/resumes/snapshot';
import { handleAlarm } from '../../lib/background/resumes/auto-raise';
import { pauseItem, patchSettings, raiseOutcomesItem, snapshotItem } from '../../lib/store';
import { createFakeHh, HOUR, MIN, RAISE_INTERVAL, type FakeHh } from './fake-hh-resumes';

let hh: FakeHh;
vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async () => hh.gateway,
}));

/** 25 Nov 2026, 14:00 local time. */
const T0 = new Date(2026, 10, 25, 14, 0).getTime();
const at = (day: number, h: number, m = 0) => new Date(2026, 10, day, h, m).getTime();
const NO_QUIET: QuietHours = { enabled: false, from: '23:00', to: '08:00' };
const NIGHT: QuietHours = { enabled: true, from: '23:00', to: '08:00' };

const alarmAt = async (name: string) => (await browser.alarms.get(name))?.scheduledTime;
const fire = (name: string) => handleAlarm({ name, scheduledTime: Date.now() });
const notifications = () => Object.values(fakeBrowser.notifications.getAllCreateOptions());
const outcome = async (id: string) => (await raiseOutcomesItem.getValue())[id];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  setLang('ru');
  hh = createFakeHh();
  // Анна opened the popup once: the snapshot exists, as in real use.
  await refreshSnapshot(true);
  hh.received.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
  setLang(undefined);
});

describe('when an auto-raise alarm is set', () => {
  it('waits 3 to 30 seconds past the moment hh.ru allows, never less', () => {
    const next = at(25, 16, 14);
    expect(planRaiseAt(next, T0, () => 0, NO_QUIET)).toBe(next + JITTER_MIN_MS);
    expect(planRaiseAt(next, T0, () => 0.999999, NO_QUIET)).toBeLessThan(next + JITTER_MAX_MS);
    for (let i = 0; i < 200; i++) {
      const r = Math.random();
      const t = planRaiseAt(next, T0, () => r, NO_QUIET);
      expect(t).toBeGreaterThanOrEqual(next + JITTER_MIN_MS);
      expect(t).toBeLessThan(next + JITTER_MAX_MS);
    }
  });

  it('moves a raise that falls in quiet hours to their end, the next morning if need be', () => {
    expect(planRaiseAt(at(25, 23, 30), T0, () => 0, NIGHT)).toBe(at(26, 8) + JITTER_MIN_MS);
    expect(planRaiseAt(at(26, 3, 0), T0, () => 0, NIGHT)).toBe(at(26, 8) + JITTER_MIN_MS);
    // The delay itself may tip a raise into the night.
    expect(planRaiseAt(at(25, 23) - 10_000, T0, () => 0.999, NIGHT)).toBeGreaterThanOrEqual(at(26, 8));
    expect(planRaiseAt(at(25, 16, 14), T0, () => 0, NIGHT)).toBe(at(25, 16, 14) + JITTER_MIN_MS);
  });

  it('knows day-time quiet hours and leaves times outside them alone', () => {
    const lunch: QuietHours = { enabled: true, from: '13:00', to: '14:30' };
    expect(quietEnd(at(25, 13, 10), lunch)).toBe(at(25, 14, 30));
    expect(quietEnd(at(25, 14, 30), lunch)).toBeNull();
    expect(quietEnd(at(25, 12, 59), lunch)).toBeNull();
    expect(quietEnd(at(25, 13, 10), { ...lunch, enabled: false })).toBeNull();
  });

  it('never plans a raise before the time hh.ru gave, whatever the clock and the dice say', () => {
    for (let i = 0; i < 300; i++) {
      const next = T0 + Math.floor((Math.random() - 0.3) * 48 * HOUR);
      const now = T0 + Math.floor(Math.random() * HOUR);
      expect(planRaiseAt(next, now, Math.random, NIGHT)).toBeGreaterThan(Math.max(next, now));
    }
  });
});

describe('Анна turns auto-raise on for her resumes', () => {
  it('sets one alarm per resume she chose, at the server time plus a little, and none for the others', async () => {
    await setAutoRaise('r-cooling', true);

    const alarms = await browser.alarms.getAll();
    expect(alarms.map((a) => a.name)).toEqual(['raise:r-cooling']);
    const when = alarms[0]!.scheduledTime;
    expect(when).toBeGreaterThanOrEqual(hh.resume('r-cooling').nextRaiseAt! + JITTER_MIN_MS);
    expect(when).toBeLessThan(hh.resume('r-cooling').nextRaiseAt! + JITTER_MAX_MS);

    await setAutoRaise('r-cooling', false);
    expect(await browser.alarms.getAll()).toEqual([]);
  });

  it('never sets a timer that would publish a hidden resume', async () => {
    await setAutoRaise('r-hidden', true);
    await setAutoRaise('r-blocked', true);
    expect(await browser.alarms.getAll()).toEqual([]);
  });

  it('raises once when the alarm fires after hh.ru allows it, then follows the server’s new time', async () => {
    await setAutoRaise('r-cooling', true);
    vi.setSystemTime((await alarmAt('raise:r-cooling'))!);

    await fire('raise:r-cooling');

    expect(hh.raises()).toEqual(['raise:r-cooling']);
    const serverNext = hh.resume('r-cooling').nextRaiseAt!;
    expect(serverNext).toBe(Date.now() + RAISE_INTERVAL);
    expect(await outcome('r-cooling')).toMatchObject({ kind: 'raised', nextAt: serverNext, auto: true });
    expect(await alarmAt('raise:r-cooling')).toBeGreaterThanOrEqual(serverNext + JITTER_MIN_MS);
    const snapshot = await snapshotItem.getValue();
    expect(snapshot?.resumes.find((r) => r.id === 'r-cooling')).toMatchObject({ canRaise: false, nextRaiseAt: serverNext });
    expect(notifications()).toEqual([
      expect.objectContaining({ title: 'Резюме поднято', message: expect.stringContaining('«Fullstack-разработчик Node.js» поднято') }),
    ]);

    // The same alarm delivered twice (or a test firing it again) in the same window raises nothing.
    await fire('raise:r-cooling');
    expect(hh.raises()).toEqual(['raise:r-cooling']);
  });

  it('re-reads the resume first: an early alarm raises nothing and waits for the server’s time', async () => {
    await setAutoRaise('r-cooling', true);
    vi.setSystemTime(at(25, 16, 0));

    await fire('raise:r-cooling');

    expect(hh.raises()).toEqual([]);
    expect(hh.received).toContain('resume:r-cooling');
    expect(await alarmAt('raise:r-cooling')).toBeGreaterThanOrEqual(hh.resume('r-cooling').nextRaiseAt!);
  });

  it('raises once per window even when hh.ru’s reads lag behind the raise', async () => {
    await setAutoRaise('r-ready', true);
    hh.freezeReads();
    await fire('raise:r-ready');
    expect(hh.raises()).toEqual(['raise:r-ready']);

    // hh.ru still says "can raise" with the old time: that window is used up; look again later.
    await fire('raise:r-ready');
    expect(hh.raises()).toEqual(['raise:r-ready']);
    expect(await alarmAt('raise:r-ready')).toBeGreaterThanOrEqual(Date.now() + RETRY_AFTER_FAILURE_MS);

    // Once hh.ru has caught up and the next window opens, the next raise goes out.
    hh.thawReads();
    vi.setSystemTime(Date.now() + RAISE_INTERVAL + MIN);
    await fire('raise:r-ready');
    expect(hh.raises()).toEqual(['raise:r-ready', 'raise:r-ready']);
  });

  it('an alarm that comes during quiet hours set meanwhile raises nothing and moves to their end', async () => {
    await setAutoRaise('r-ready', true);
    await patchSettings({ quietHours: { enabled: true, from: '13:00', to: '15:00' } });

    await fire('raise:r-ready');

    expect(hh.raises()).toEqual([]);
    expect(await alarmAt('raise:r-ready')).toBeGreaterThanOrEqual(at(25, 15) + JITTER_MIN_MS);
  });

  it('raises nothing for a resume she left off, even when its alarm is delivered', async () => {
    await setAutoRaise('r-cooling', true);
    await fire('raise:r-ready');
    expect(hh.raises()).toEqual([]);
    expect(hh.received.filter((r) => r.includes('r-ready'))).toEqual([]);
  });

  it('on a too-early answer, reschedules from the time the server gave', async () => {
    await setAutoRaise('r-ready', true);
    const serverTime = Date.now() + 40 * MIN;
    hh.fail('raise', 'too_early', { retryAt: serverTime });

    await fire('raise:r-ready');

    expect(await outcome('r-ready')).toMatchObject({ kind: 'too_early', nextAt: serverTime });
    expect(await alarmAt('raise:r-ready')).toBeGreaterThanOrEqual(serverTime + JITTER_MIN_MS);
    expect(notifications()).toEqual([]);
  });

  it('after a refusal, says why and what to do, tries again later and does not repeat the same complaint', async () => {
    await setAutoRaise('r-ready', true);
    hh.fail('raise', 'bad_argument');

    await fire('raise:r-ready');

    expect(notifications()).toEqual([
      expect.objectContaining({
        title: 'Не удалось поднять резюме',
        message: expect.stringContaining('hh.ru не принял запрос. Обновите страницу и попробуйте снова.'),
      }),
    ]);
    expect(await alarmAt('raise:r-ready')).toBeGreaterThanOrEqual(Date.now() + RETRY_AFTER_FAILURE_MS);

    await fakeBrowser.notifications.clear('otklik-raise-r-ready');
    vi.setSystemTime(Date.now() + RETRY_AFTER_FAILURE_MS + JITTER_MAX_MS);
    hh.fail('raise', 'bad_argument');
    await fire('raise:r-ready');
    expect(hh.raises()).toEqual(['raise:r-ready', 'raise:r-ready']);
    expect(notifications()).toEqual([]);
  });

  it('a refusal waiting will not fix is retried later and later, and after three in a row auto-raise goes off with the reason', async () => {
    await setAutoRaise('r-ready', true);
    const { getSettings } = await import('../../lib/store');

    hh.fail('raise', 'bad_argument');
    await fire('raise:r-ready');
    expect(await outcome('r-ready')).toMatchObject({ kind: 'failed', streak: 1 });
    const first = (await alarmAt('raise:r-ready'))! - Date.now();
    expect(first).toBeGreaterThanOrEqual(RETRY_AFTER_FAILURE_MS);
    expect(first).toBeLessThan(2 * RETRY_AFTER_FAILURE_MS);

    vi.setSystemTime((await alarmAt('raise:r-ready'))!);
    hh.fail('raise', 'bad_argument');
    await fire('raise:r-ready');
    expect(await outcome('r-ready')).toMatchObject({ kind: 'failed', streak: 2 });
    // Doubled: a tab opened every 30 minutes forever is what this stops.
    expect((await alarmAt('raise:r-ready'))! - Date.now()).toBeGreaterThanOrEqual(2 * RETRY_AFTER_FAILURE_MS);

    await fakeBrowser.notifications.clear('otklik-raise-r-ready');
    vi.setSystemTime((await alarmAt('raise:r-ready'))!);
    hh.fail('raise', 'bad_argument');
    await fire('raise:r-ready');
    expect(hh.raises()).toHaveLength(3);
    expect((await getSettings()).autoRaise['r-ready']).toBe(false);
    expect(await alarmAt('raise:r-ready')).toBeUndefined();
    expect(notifications()).toEqual([
      expect.objectContaining({
        title: 'Автоподъём выключен',
        message: expect.stringContaining('hh.ru 3 раза подряд отказал поднять резюме — hh.ru не принял запрос.'),
      }),
    ]);
  });

  it('a failure that waiting may fix (no connection) does not count toward turning auto-raise off', async () => {
    await setAutoRaise('r-ready', true);
    for (let i = 0; i < 4; i++) {
      hh.fail('raise', i === 2 ? 'network' : 'bad_argument');
      await fire('raise:r-ready');
      vi.setSystemTime((await alarmAt('raise:r-ready'))!);
    }
    expect(await outcome('r-ready')).toMatchObject({ kind: 'failed', streak: 1 });
    expect((await import('../../lib/store').then((m) => m.getSettings())).autoRaise['r-ready']).toBe(true);
  });

  it('on a captcha, stops all automatic raising, tells her, and goes on only once she says she solved it', async () => {
    await setAutoRaise('r-ready', true);
    await setAutoRaise('r-cooling', true);
    hh.fail('resume', 'captcha', { url: 'https://hh.ru/account/captcha?state=x' });

    await fire('raise:r-ready');

    expect(hh.raises()).toEqual([]);
    expect(await pauseItem.getValue()).toMatchObject({ reason: { kind: 'captcha', url: 'https://hh.ru/account/captcha?state=x' } });
    expect(notifications()).toEqual([
      expect.objectContaining({ message: expect.stringContaining('hh.ru просит подтвердить, что вы не робот') }),
    ]);
    expect((await browser.alarms.getAll()).filter((a) => a.name.startsWith('raise:'))).toEqual([]);

    await fire('raise:r-ready');
    expect(hh.received.filter((r) => r === 'resume:r-ready')).toHaveLength(1);

    await resumeAutomation();
    expect((await browser.alarms.getAll()).map((a) => a.name).sort()).toEqual(['raise:r-cooling', 'raise:r-ready']);
    await fire('raise:r-ready');
    expect(hh.raises()).toEqual(['raise:r-ready']);
  });

  it('stops when the sign-in is lost during a raise', async () => {
    await setAutoRaise('r-ready', true);
    hh.fail('raise', 'no_session');

    await fire('raise:r-ready');

    expect(await pauseItem.getValue()).toMatchObject({ reason: { kind: 'no_session' } });
    expect(notifications()[0]?.message).toContain('Вы не вошли на hh.ru');
    expect(await browser.alarms.getAll()).toEqual([]);
  });
});

describe('after the browser was closed', () => {
  it('recreates the timers on start, and a window missed meanwhile is raised soon after', async () => {
    await patchSettings({ autoRaise: { 'r-cooling': true } });
    vi.setSystemTime(at(25, 22, 0));
    await fakeBrowser.alarms.clearAll();

    await restoreSchedule();

    const raiseAt = await alarmAt('raise:r-cooling');
    expect(raiseAt).toBeGreaterThanOrEqual(Date.now() + JITTER_MIN_MS);
    expect(raiseAt).toBeLessThan(Date.now() + JITTER_MAX_MS);
    expect(await browser.alarms.get('refresh')).toMatchObject({ periodInMinutes: 30 });
  });

  it('keeps a timer that is already right instead of pushing it further each time', async () => {
    await setAutoRaise('r-cooling', true);
    const first = await alarmAt('raise:r-cooling');
    await refreshSnapshot(false);
    await restoreSchedule();
    expect(await alarmAt('raise:r-cooling')).toBe(first);
  });
});

describe('the periodic refresh', () => {
  it('keeps the badge at the number of new views across resumes', async () => {
    await (browser.action ?? browser.browserAction).setBadgeText({ text: '' });
    hh.resume('r-cooling').newViews = 5;

    await fire('refresh');

    expect(await browser.action.getBadgeText({})).toBe('8');
  });

  it('does nothing while automation is paused, and bothers nobody who never signed in', async () => {
    await pauseItem.setValue({ reason: { kind: 'captcha', ru: 'к', en: 'c' }, at: Date.now() });
    const before = hh.received.length;
    await fire('refresh');
    await pauseItem.setValue(null);
    await snapshotItem.setValue(null);
    await fire('refresh');
    expect(hh.received.length).toBe(before);
  });
});
