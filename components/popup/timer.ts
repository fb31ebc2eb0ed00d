/** A raise countdown's words (RaiseBlock's Timer, and the kept first frame's rewording of it). */
import { formatDateTime, formatDuration, formatTime, tr } from '../../lib/i18n';
import { TIMER } from './strings';

export function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** A clock time alone for today ("14:02"), with the date otherwise. */
export function clockText(at: number, now: number): string {
  return sameDay(at, now) ? formatTime(at) : formatDateTime(at);
}

/** "можно поднять через 2 ч 14 мин". */
export function countdownText(nextAt: number, now: number): string {
  return nextAt - now < 60_000 ? tr(TIMER.raiseSoon) : tr(TIMER.raiseIn, { d: formatDuration(nextAt - now) });
}

/** The clock time beside a raise countdown: "(в 18:02)", the same as its title without brackets. */
export function timerClock(nextAt: number, now: number): { text: string; title: string } {
  const title = clockText(nextAt, now);
  return { text: `(${tr(TIMER.raiseAtTime, { time: title })})`, title };
}
