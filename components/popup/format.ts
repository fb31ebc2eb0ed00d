/** The popup's words for what the background knows: statuses, counts, timers and raise outcomes. */
import type { Employer, Resume, ResumeStatus } from '../../lib/hh/model';
import { formatDateTime, formatTime, plural, tr } from '../../lib/i18n';
import type { RaiseOutcome } from '../../lib/store';
import { safeUrl } from '../ui/safeUrl';
import { NEW_VIEWS, S, VIEWS } from './strings';
import { clockText, sameDay } from './timer';

export { clockText, countdownText, timerClock } from './timer';

export const statusText = (status: ResumeStatus): string => tr(S.status[status]);

export function accessText(access: string | null | undefined): string | null {
  return access && access in S.access ? tr(S.access[access as keyof typeof S.access]) : null;
}

export const viewsTotalText = (n: number): string => plural(n, VIEWS);
export const viewsNewText = (n: number): string => plural(n, NEW_VIEWS);

/** A moment in the person's own time zone: "в 14:02" today, "26 нояб., 08:01" otherwise. */
export function whenText(at: number, now: number): string {
  return sameDay(at, now) ? tr(S.timeToday, { time: formatTime(at) }) : tr(S.timeOther, { time: formatDateTime(at) });
}

export function outcomeText(outcome: RaiseOutcome, now: number): string {
  switch (outcome.kind) {
    case 'raised':
      return tr(outcome.auto ? S.raisedAuto : S.raised, { time: clockText(outcome.at, now) });
    case 'too_early':
      return outcome.nextAt === null ? tr(S.tooEarly) : tr(S.tooEarlyAt, { time: whenText(outcome.nextAt, now) });
    case 'failed':
      return tr(S.refused, { why: tr({ ru: outcome.error.ru, en: outcome.error.en }) });
  }
}

/** The resume on hh.ru: the link hh gave, else the public resume page by hash. */
export function resumeHref(resume: Resume, site: string): string {
  return safeUrl(resume.url) ?? `https://${site}/resume/${resume.hash ?? resume.id}`;
}

const isApiHost = (url: string) => /^https?:\/\/api\./i.test(url);

/**
 * Links to an employer on the site (never api.hh.ru, which the API's records may point to): its page
 * and its open vacancies.
 */
export function employerLinks(
  employer: Employer,
  site: string,
): { page: string | undefined; vacancies: string | undefined } {
  const own = (url: string | null | undefined) => {
    const safe = safeUrl(url);
    return safe && !isApiHost(safe) ? safe : undefined;
  };
  const id = employer.id && /^\d+$/.test(employer.id) ? employer.id : null;
  return {
    page: own(employer.url) ?? (id ? `https://${site}/employer/${id}` : undefined),
    vacancies: own(employer.vacanciesUrl) ?? (id ? `https://${site}/search/vacancy?employer_id=${id}` : undefined),
  };
}
