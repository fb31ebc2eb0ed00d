/**
 * Raise timers. One alarm per auto-raised resume at the server's next raise time plus a small random
 * delay (so extensions do not all knock on hh.ru in the same second), moved past quiet hours. When
 * it fires the resume is re-read first and raised only if hh.ru says it may be raised now; the next
 * alarm follows the time hh.ru answers. A captcha or a lost sign-in pauses all of it until the
 * person acts. A periodic `refresh` alarm keeps the snapshot and the badge current.
 */
import { browser } from 'wxt/browser';
import { stopsAutomation, toErrorInfo, type ErrorInfo } from '../../hh/errors';
import type { Resume } from '../../hh/model';
import { formatDateTime, formatTime, tr } from '../../i18n';
import { withGateway } from '../gateways';
import { getSettings, pauseItem, raiseOutcomesItem, snapshotItem, type RaiseOutcome, type Settings } from '../../store';
import { pauseAutomation, raiseNow, recordOutcome, refreshSnapshot, rememberResume } from './snapshot';
import { updateBadge } from './badge';

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
  if (last?.kind === 'failed') return Math.max(at, last.error.retryAt ?? last.at + RETRY_AFTER_FAILURE_MS);
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

export async function handleAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
  if (alarm.name === REFRESH_ALARM) return backgroundRefresh();
  if (alarm.name.startsWith(RAISE_PREFIX)) return autoRaise(alarm.name.slice(RAISE_PREFIX.length));
}

async function backgroundRefresh(): Promise<void> {
  // Nobody signed in yet (or signed out): nothing to keep current, nobody to bother.
  if ((await pauseItem.getValue()) || !(await snapshotItem.getValue())) return;
  try {
    await refreshSnapshot(false);
  } catch (e) {
    const error = toErrorInfo(e);
    if (stopsAutomation(error.kind)) await notify('otklik-pause', tr(TEXT.pausedTitle), whatToDo(error));
  }
}

const autoRunning = new Set<string>();

async function autoRaise(resumeId: string): Promise<void> {
  if (autoRunning.has(resumeId)) return;
  autoRunning.add(resumeId);
  try {
    await autoRaiseOnce(resumeId);
  } finally {
    autoRunning.delete(resumeId);
  }
}

async function autoRaiseOnce(resumeId: string): Promise<void> {
  const settings = await getSettings();
  if (!settings.autoRaise[resumeId] || (await pauseItem.getValue())) return;
  // Quiet hours set after this alarm was planned: move it, do not raise now.
  if (quietEnd(Date.now(), settings.quietHours) !== null) {
    await scheduleAll((await snapshotItem.getValue())?.resumes ?? [], settings);
    return;
  }
  const last = (await raiseOutcomesItem.getValue())[resumeId];
  let fresh: Resume;
  try {
    fresh = (await withGateway((g) => g.resume(resumeId))).value;
  } catch (e) {
    const error = toErrorInfo(e);
    await pauseAutomation(error);
    await recordOutcome(resumeId, { kind: 'failed', at: Date.now(), error, auto: true });
    await notifyFailure(resumeId, await titleOf(resumeId), error, last);
    return;
  }
  const snapshot = await rememberResume(fresh, resumeId);
  if (fresh.status !== 'published' || !fresh.canRaise || raisedThisWindow(fresh, last)) {
    await scheduleAll(snapshot?.resumes ?? [fresh], settings);
    return;
  }
  const outcome = await raiseNow(resumeId, true);
  if (outcome.kind === 'raised') {
    const message =
      outcome.nextAt === null
        ? tr(TEXT.raised, { title: fresh.title, time: formatTime(outcome.at) })
        : tr(TEXT.raisedNext, { title: fresh.title, time: formatTime(outcome.at), next: moment(outcome.nextAt, outcome.at) });
    await notify(notificationId(resumeId), tr(TEXT.raisedTitle), message);
  } else if (outcome.kind === 'failed') {
    await notifyFailure(resumeId, fresh.title, outcome.error, last);
  }
}

/** A clock time, with the date when it is not today. */
function moment(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? formatTime(at) : formatDateTime(at);
}

async function titleOf(resumeId: string): Promise<string> {
  return (await snapshotItem.getValue())?.resumes.find((r) => r.id === resumeId)?.title ?? resumeId;
}

/** Says why and what to do; the same failure again (still offline, say) is not repeated. */
async function notifyFailure(resumeId: string, title: string, error: ErrorInfo, last: RaiseOutcome | undefined) {
  if (last?.kind === 'failed' && last.error.kind === error.kind) return;
  await notify(notificationId(resumeId), tr(TEXT.failedTitle), tr(TEXT.failed, { title, why: whatToDo(error) }));
}

function whatToDo(error: ErrorInfo): string {
  const text = tr({ ru: error.ru, en: error.en });
  return stopsAutomation(error.kind) ? `${text} ${tr(TEXT.paused)}` : text;
}

const notificationId = (resumeId: string) => `otklik-raise-${resumeId}`;

async function notify(id: string, title: string, message: string): Promise<void> {
  try {
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    await browser.notifications.create(id, { type: 'basic', iconUrl, title, message });
  } catch (e) {
    // A notification that cannot be shown must not undo the raise that happened.
    console.warn('Otklik: notification not shown', e);
  }
}

const TEXT = {
  raisedTitle: { ru: 'Резюме поднято', en: 'Resume raised' },
  raised: { ru: '«{title}» поднято в поиске в {time}.', en: '“{title}” was raised in search at {time}.' },
  raisedNext: {
    ru: '«{title}» поднято в поиске в {time}. Следующий раз — после {next}.',
    en: '“{title}” was raised in search at {time}. Next time after {next}.',
  },
  failedTitle: { ru: 'Не удалось поднять резюме', en: 'Could not raise the resume' },
  failed: { ru: '«{title}»: {why}', en: '“{title}”: {why}' },
  pausedTitle: { ru: 'Отклик остановил автоподъём', en: 'Otklik stopped auto-raise' },
  paused: {
    ru: 'Автоподъём остановлен: откройте Отклик, там ссылка и кнопка «Продолжить».',
    en: 'Auto-raise is stopped: open Otklik for the link and the “Continue” button.',
  },
};
