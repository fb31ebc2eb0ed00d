/**
 * What a timer does when it fires. A raise timer re-reads the resume and raises it only if hh.ru
 * says it may be raised now, all in one operation on one gateway; the next timer follows the time
 * hh.ru answers, and the person is told what happened. The periodic `refresh` keeps the snapshot
 * and the badge current. A captcha or a lost sign-in pauses all of it until the person acts.
 */
import { stopsAutomation, toErrorInfo, type ErrorInfo } from '../../hh/errors';
import type { Resume } from '../../hh/model';
import { formatDateTime, formatTime, tr } from '../../i18n';
import { withGateway } from '../gateways';
import { currentPause, pauseAutomation } from '../automation';
import { notify } from '../notify';
import { getSettings, raiseOutcomesItem, snapshotItem, type RaiseOutcome } from '../../store';
import { RAISE_PREFIX, REFRESH_ALARM, REFUSALS_BEFORE_OFF, quietEnd, raisedThisWindow, scheduleAll, setAutoRaise } from './schedule';
import { refreshSnapshot, rememberResume } from './snapshot';
import { raiseNow, recordOutcome } from './raise';

export async function handleAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
  if (alarm.name === REFRESH_ALARM) return backgroundRefresh();
  if (alarm.name.startsWith(RAISE_PREFIX)) return autoRaise(alarm.name.slice(RAISE_PREFIX.length));
}

async function backgroundRefresh(): Promise<void> {
  // Nobody signed in yet (or signed out): nothing to keep current, nobody to bother.
  if ((await currentPause()) || !(await snapshotItem.getValue())) return;
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
  if (!settings.autoRaise[resumeId] || (await currentPause())) return;
  // Quiet hours set after this alarm was planned: move it, do not raise now.
  if (quietEnd(Date.now(), settings.quietHours) !== null) {
    await scheduleAll((await snapshotItem.getValue())?.resumes ?? [], settings);
    return;
  }
  const last = (await raiseOutcomesItem.getValue())[resumeId];
  let result: { fresh: Resume; outcome: RaiseOutcome | null };
  try {
    ({ value: result } = await withGateway(async (g) => {
      const fresh = await g.resume(resumeId);
      const snapshot = await rememberResume(fresh, resumeId);
      if (fresh.status !== 'published' || !fresh.canRaise || raisedThisWindow(fresh, last)) {
        await scheduleAll(snapshot?.resumes ?? [fresh], settings);
        return { fresh, outcome: null };
      }
      return { fresh, outcome: await raiseNow(resumeId, true, g) };
    }));
  } catch (e) {
    const error = toErrorInfo(e);
    await pauseAutomation(error);
    const kept = await recordOutcome(resumeId, { kind: 'failed', at: Date.now(), error, auto: true });
    const title = await titleOf(resumeId);
    if (!(await offAfterRefusals(resumeId, title, kept))) await notifyFailure(resumeId, title, error, last);
    return;
  }
  const { fresh, outcome } = result;
  if (outcome?.kind === 'raised') {
    const message =
      outcome.nextAt === null
        ? tr(TEXT.raised, { title: fresh.title, time: formatTime(outcome.at) })
        : tr(TEXT.raisedNext, { title: fresh.title, time: formatTime(outcome.at), next: moment(outcome.nextAt, outcome.at) });
    await notify(notificationId(resumeId), tr(TEXT.raisedTitle), message);
  } else if (outcome?.kind === 'failed') {
    if (!(await offAfterRefusals(resumeId, fresh.title, outcome))) await notifyFailure(resumeId, fresh.title, outcome.error, last);
  }
}

/**
 * hh.ru refused this resume's raise REFUSALS_BEFORE_OFF times in a row in a way waiting will not
 * fix: auto-raise goes off for it (no more background tabs for nothing) and the person is told why.
 */
async function offAfterRefusals(resumeId: string, title: string, outcome: RaiseOutcome): Promise<boolean> {
  if (outcome.kind !== 'failed' || (outcome.streak ?? 0) < REFUSALS_BEFORE_OFF) return false;
  await setAutoRaise(resumeId, false);
  const why = tr({ ru: outcome.error.ru, en: outcome.error.en });
  await notify(notificationId(resumeId), tr(TEXT.offTitle), tr(TEXT.off, { title, why, n: REFUSALS_BEFORE_OFF }));
  return true;
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
  offTitle: { ru: 'Автоподъём выключен', en: 'Auto-raise turned off' },
  off: {
    ru: '«{title}»: hh.ru {n} раза подряд отказал поднять резюме — {why} Автоподъём для него выключен; включите его снова в Отклике, когда исправите резюме.',
    en: '“{title}”: hh.ru refused to raise it {n} times in a row — {why} Auto-raise is off for it; turn it on again in Otklik once the resume is fixed.',
  },
  paused: {
    ru: 'Автоподъём остановлен: откройте Отклик, там ссылка и кнопка «Продолжить».',
    en: 'Auto-raise is stopped: open Otklik for the link and the “Continue” button.',
  },
};
