/**
 * Raise timers. One alarm per auto-raised resume at the server's next raise time plus a small random
 * delay (so extensions do not all knock on hh.ru in the same second), moved past quiet hours; none
 * while automatic work is paused. What happens when one fires is auto-raise.ts's.
 */
import { browser } from 'wxt/browser';
import type { Resume } from '../../hh/model';
import type { ErrorInfo } from '../../hh/errors';
import { getSettings, patchSettings, pauseItem, raiseOutcomesItem, snapshotItem, type RaiseOutcome, type Settings } from '../../store';
import { updateBadge } from './badge';
import { clearPause } from '../automation';

export const RAISE_PREFIX = 'raise:';
export const REFRESH_ALARM = 'refresh';
export const REFRESH_PERIOD_MIN = 30;
/**
 * A small random delay past hh's time, so raises don't all land on the same second; kept under
 * 30 s so that with a packed extension's alarm lateness (up to ~30 s) a raise lands within a minute.
 */
export const JITTER_MIN_MS = 3_000;
export const JITTER_MAX_MS = 30_000;
/** A failed raise that came without a time from hh.ru is tried again this much later. */
export const RETRY_AFTER_FAILURE_MS = 30 * 60_000;
/** After this many refusals in a row that waiting will not fix, auto-raise is turned off for the resume. */
export const REFUSALS_BEFORE_OFF = 3;

/**
 * hh.ru refused the raise in a way that waiting will not fix (the resume cannot be raised as it
 * is, or hh.ru takes none of the known forms): each retry opens a background tab for nothing.
 */
export function refusedForGood(error: ErrorInfo): boolean {
  return (
    error.kind === 'forbidden' ||
    error.kind === 'bad_argument' ||
    error.kind === 'not_found' ||
    (error.kind === 'invalid_response' && error.value === 'no-raise-variant')
  );
}

/** How long after a failure the next try waits: doubling with each refusal in a row that waiting will not fix. */
export function retryDelay(last: Extract<RaiseOutcome, { kind: 'failed' }>): number {
  const streak = refusedForGood(last.error) ? Math.max(1, last.streak ?? 1) : 1;
  return RETRY_AFTER_FAILURE_MS * 2 ** (streak - 1);
}

export type QuietHours = Settings['quietHours'];

export function jitter(random: () => number): number {
  return JITTER_MIN_MS + Math.floor(random() * (JITTER_MAX_MS - JITTER_MIN_MS));
}

function minutesOfDay(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** When the quiet period that `at` falls in ends (local time), or null when `at` is not quiet. */
export function quietEnd(at: number, quiet: QuietHours): number | null {
  if (!quiet.enabled) return null;
  const from = minutesOfDay(quiet.from);
  const to = minutesOfDay(quiet.to);
  if (from === null || to === null || from === to) return null;
  const d = new Date(at);
  const m = d.getHours() * 60 + d.getMinutes();
  const quietNow = from < to ? m >= from && m < to : m >= from || m < to;
  if (!quietNow) return null;
  const end = new Date(at);
  end.setHours(Math.floor(to / 60), to % 60, 0, 0);
  if (end.getTime() <= at) end.setDate(end.getDate() + 1);
  return end.getTime();
}

/** The alarm time for a raise allowed from `notBefore`: never earlier, a little later, never in quiet hours. */
export function planRaiseAt(notBefore: number, now: number, random: () => number, quiet: QuietHours): number {
  const at = Math.max(notBefore, now) + jitter(random);
  const end = quietEnd(at, quiet);
  return end === null ? at : end + jitter(random);
}

/**
 * From when an auto-raise may be tried, per the server's data and the last outcome; null when the
 * resume cannot be raised at all (not published, or hh.ru gave no time). Raising a resume that is
 * not published would publish it: never done on the person's behalf.
 */
export function raiseNotBefore(resume: Resume, last: RaiseOutcome | undefined, now: number): number | null {
  if (resume.status !== 'published') return null;
  let at = resume.canRaise ? now : resume.nextRaiseAt;
  if (at === null) return null;
  if (last?.kind === 'failed') return Math.max(at, last.error.retryAt ?? last.at + retryDelay(last));
  // hh.ru has not caught up with our raise yet: look again later rather than every minute.
  if (raisedThisWindow(resume, last)) return Math.max(at, last!.at + RETRY_AFTER_FAILURE_MS);
  return last && last.nextAt !== null ? Math.max(at, last.nextAt) : at;
}

/** hh.ru still shows the window a raise of ours already used (its reads lag): one raise per window. */
export function raisedThisWindow(fresh: Resume, last: RaiseOutcome | undefined): boolean {
  return last?.kind === 'raised' && last.window != null && fresh.nextRaiseAt === last.window;
}

function keepsPlan(scheduled: number, notBefore: number, now: number, quiet: QuietHours): boolean {
  const base = Math.max(notBefore, now);
  return scheduled >= base && scheduled <= (quietEnd(base, quiet) ?? base) + JITTER_MAX_MS && quietEnd(scheduled, quiet) === null;
}

/** One alarm per resume that is set to auto-raise; none while automation is paused. */
export async function scheduleAll(resumes: Resume[], settings: Settings): Promise<void> {
  const now = Date.now();
  const [outcomes, pause, existing] = await Promise.all([
    raiseOutcomesItem.getValue(),
    pauseItem.getValue(),
    browser.alarms.getAll(),
  ]);
  const wanted = new Map<string, number>();
  for (const r of pause ? [] : resumes) {
    if (!settings.autoRaise[r.id]) continue;
    const notBefore = raiseNotBefore(r, outcomes[r.id], now);
    if (notBefore !== null) wanted.set(RAISE_PREFIX + r.id, notBefore);
  }
  for (const alarm of existing) {
    if (alarm.name.startsWith(RAISE_PREFIX) && !wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  for (const [name, notBefore] of wanted) {
    const current = existing.find((a) => a.name === name);
    // Re-rolling the delay on every refresh could keep pushing a due raise away.
    if (current && keepsPlan(current.scheduledTime, notBefore, now, settings.quietHours)) continue;
    await browser.alarms.create(name, { when: planRaiseAt(notBefore, now, Math.random, settings.quietHours) });
  }
}

/** On browser start and install: the periodic refresh, the raise timers (a missed one fires soon) and the badge. */
export async function restoreSchedule(): Promise<void> {
  if (!(await browser.alarms.get(REFRESH_ALARM))) {
    await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: REFRESH_PERIOD_MIN });
  }
  const [snapshot, settings] = await Promise.all([snapshotItem.getValue(), getSettings()]);
  await scheduleAll(snapshot?.resumes ?? [], settings);
  await updateBadge(snapshot);
}

/** Turns auto-raise on or off for one resume and (re)sets its timer. */
export async function setAutoRaise(resumeId: string, on: boolean): Promise<void> {
  const { autoRaise } = await getSettings();
  const settings = await patchSettings({ autoRaise: { ...autoRaise, [resumeId]: on } });
  await scheduleAll((await snapshotItem.getValue())?.resumes ?? [], settings);
}

/** The person solved the captcha or signed in again: automatic work goes on, timers re-planned. */
export async function resumeAutomation(): Promise<void> {
  await clearPause();
  const [snapshot, settings] = await Promise.all([snapshotItem.getValue(), getSettings()]);
  await scheduleAll(snapshot?.resumes ?? [], settings);
}
