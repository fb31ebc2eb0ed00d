/**
 * Applying through the user's hh.ru session (docs hh-site.md, "apply"): the preflight first (no side
 * effects), then exactly one POST from an hh.ru page, then the outcome read back. An answer that
 * does not say clearly what happened is confirmed through hh.ru's own view of the vacancy; what
 * stays unclear is `uncertain` and is never sent again.
 */
import { HhError, noSessionError, notSent, siteNameOf, type ErrorKind } from '../errors';
import type { ApplyRequest, ApplyResult } from '../model';
import type { ApplicationSeen } from '../gateway';
import type { PageAnswer, PageContext } from './tab';
import type { SiteReader } from './read';
import { captchaIn, needsLogin, retryAtOf } from './read';
import { applyFormUrl, preflightFrom, vacancyFromState, type Preflight, type SiteIds } from './state';
import { arr, at, isObj, str } from './json';

type Refusal = { kind: ErrorKind; ru?: string; en?: string };

const NOT_PUBLISHED: Refusal = {
  kind: 'forbidden',
  ru: 'Это резюме не опубликовано: откликнуться им нельзя. Опубликуйте его на {site} или выберите другое.',
  en: 'This resume is not published, so it cannot apply. Publish it on {site} or pick another one.',
};

/** A refusal's words with `{site}` naming the site applied on (hh.kz for an hh.kz page). */
const named = (text: string | undefined, origin: string): string | undefined => text?.replaceAll('{site}', siteNameOf(origin));

const REFUSALS: Record<string, Refusal> = {
  'negotiations-limit-exceeded': { kind: 'limit' },
  'limit-exceeded': { kind: 'limit' },
  'test-required': { kind: 'test_required' },
  'letter-required': { kind: 'letter_required' },
  'letter-too-long': { kind: 'letter_too_long' },
  'too-long-letter': { kind: 'letter_too_long' },
  'already-applied': { kind: 'already_applied' },
  already_responded: { kind: 'already_applied' },
  'already-responded': { kind: 'already_applied' },
  'vacancy-archived': { kind: 'archived' },
  'vacancy-not-found': { kind: 'not_found' },
  'resume-not-found': { kind: 'not_found' },
  'resume-not-published': NOT_PUBLISHED,
  // hh-site.md "Newer evidence" [S, 2026-08]: a bad resume hash or vacancy id answers 400 {"error":"unknown"}.
  unknown: {
    kind: 'bad_argument',
    ru: 'hh.ru не узнал эту вакансию или резюме. Ничего не отправлено: обновите страницу и попробуйте снова.',
    en: 'hh.ru did not recognise this vacancy or resume. Nothing was sent: reload the page and try again.',
  },
};

/** How one apply POST's answer reads, before any confirmation. */
export type ApplyAnswer =
  | { kind: 'sent'; topicId: string | null; chatId: string | null; followUp: string[] }
  | { kind: 'refused'; error: HhError }
  /** The employer takes applications on its own site. */
  | { kind: 'redirect'; url: string }
  /** hh.ru may or may not have taken it: confirm. `refusal`: an error value we do not know. */
  | { kind: 'unclear'; detail: string; refusal?: string };

export interface ApplyPlace {
  origin: string;
  vacancyId: string;
  now: number;
}

function jsonOf(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return isObj(v) ? v : null;
  } catch {
    return null;
  }
}

/** One apply POST's answer -> what it says (docs hh-site.md: success, refusals, captcha, 403 HTML, 429, HTML 200). */
export function readApplyAnswer(a: PageAnswer, place: ApplyPlace): ApplyAnswer {
  const vacancyUrl = `${place.origin}/vacancy/${place.vacancyId}`;
  if (a.status === -1) {
    // Nothing left the page (site/tab.ts): offline, or no session cookie to send with.
    if (a.error === 'offline') return { kind: 'refused', error: notSent(new HhError('network', { value: 'offline' })) };
    return { kind: 'refused', error: new HhError('xsrf', { value: a.error ?? 'no _xsrf cookie' }) };
  }
  if (a.status === 0) return { kind: 'unclear', detail: `connection lost: ${a.error ?? ''}`.trim() };
  const captcha = captchaIn(a.text);
  if (captcha) return { kind: 'refused', error: new HhError('captcha', { status: a.status, url: captcha.url ?? vacancyUrl }) };
  if (a.status === 429) {
    return { kind: 'refused', error: new HhError('rate', { status: 429, retryAt: retryAtOf(a.retryAfter, place.now) }) };
  }
  if (needsLogin(a.text)) {
    return { kind: 'refused', error: noSessionError(place.origin, a.status) };
  }
  const body = a.contentType.includes('json') || /^\s*\{/.test(a.text) ? jsonOf(a.text) : null;
  if (!body) {
    if (a.status === 403) return { kind: 'refused', error: new HhError('xsrf', { status: 403 }) };
    return { kind: 'unclear', detail: `HTTP ${a.status} ${a.contentType.split(';')[0] || 'no type'}` };
  }
  const success = body['success'];
  if (a.status >= 200 && a.status < 300 && (success === true || success === 'true')) {
    // hh-site.md "Newer evidence" [S, 2026-08]: a success may ask for more (`requiredAdditionalData`).
    const followUp = arr(body['requiredAdditionalData']).filter((x): x is string => typeof x === 'string');
    return { kind: 'sent', topicId: str(body['topic_id']) ?? str(body['topicId']), chatId: str(body['chat_id']) ?? str(body['chatId']), followUp };
  }
  const value = str(body['error']) ?? str(at(body, 'error', 'type')) ?? str(at(body, 'errors', '0', 'value'));
  const redirectUrl = str(body['redirectUrl']);
  if (value === 'vacancy-direct' && redirectUrl) return { kind: 'redirect', url: redirectUrl };
  if (value) {
    const refusal = REFUSALS[value];
    if (!refusal) return { kind: 'unclear', detail: `hh.ru: ${value}`, refusal: value };
    const url = refusal.kind === 'test_required' ? applyFormUrl(place.origin, place.vacancyId, true) : undefined;
    const words = { ru: named(refusal.ru, place.origin), en: named(refusal.en, place.origin) };
    return { kind: 'refused', error: new HhError(refusal.kind, { status: a.status, value, url, ...words }) };
  }
  if (a.status === 403) return { kind: 'refused', error: new HhError('xsrf', { status: 403 }) };
  return { kind: 'unclear', detail: `HTTP ${a.status}: unknown answer` };
}

export interface ApplyDeps {
  origin: string;
  read: SiteReader;
  page: PageContext;
  /** The tab the user applies from (the vacancy page), preferred for the POST. */
  tabId?: number;
  now: () => number;
}

const preflightPath = (vacancyId: string) => `/applicant/vacancy_response/popup?vacancyId=${encodeURIComponent(vacancyId)}`;

/** `known`: numeric resume ids already mapped (the vacancy page's), for lists the answer does not map itself. */
export async function preflight(read: SiteReader, vacancyId: string, known?: SiteIds): Promise<Preflight> {
  return preflightFrom(await read.json(preflightPath(vacancyId)), known);
}

/** Refusals known before anything is sent. */
function checkBeforeSend(pre: Preflight, req: ApplyRequest, origin: string, letterRequired: boolean): { hash: string; id: string } {
  const s = pre.status;
  const site = siteNameOf(origin);
  if (pre.type === 'needLogin') throw noSessionError(origin);
  if (pre.type === 'alreadyApplied' || s.alreadyApplied) throw new HhError('already_applied');
  if (s.closed) throw new HhError('archived');
  if (s.responseImpossible) {
    throw new HhError('forbidden', {
      value: 'responseImpossible',
      ru: `${site} не принимает отклики на эту вакансию.`,
      en: `${site} does not take applications to this vacancy.`,
    });
  }
  if (pre.type === 'testRequired' || s.testRequired) {
    throw new HhError('test_required', { url: pre.testUrl ?? applyFormUrl(origin, req.vacancyId, true) });
  }
  if (pre.type === 'noResumes') {
    throw new HhError('forbidden', {
      value: 'noResumes',
      ru: `На ${site} нет резюме, которым можно откликнуться на эту вакансию.`,
      en: `${site} has no resume you can apply to this vacancy with.`,
    });
  }
  const offered = s.resumes ?? [];
  const r = offered.find((o) => o.id === req.resumeId || o.hash === req.resumeId || o.siteId === req.resumeId);
  if (!r || !r.hash) {
    throw new HhError('bad_argument', {
      value: 'resume-not-offered',
      ru: `${site} не предлагает это резюме для отклика на вакансию. Выберите другое.`,
      en: `${site} does not offer this resume for this vacancy. Pick another one.`,
    });
  }
  if (s.unfinished.includes(r.id)) throw new HhError('forbidden', { value: 'resume-not-published', ru: named(NOT_PUBLISHED.ru, origin), en: named(NOT_PUBLISHED.en, origin) });
  if (r.forbidden || r.incomplete || s.hidden.includes(r.id)) {
    throw new HhError('forbidden', {
      value: 'resume-cannot-apply',
      ru: `С этим резюме откликнуться на вакансию нельзя: проверьте его на ${site}.`,
      en: `This resume cannot apply to this vacancy: check it on ${site}.`,
    });
  }
  if ((letterRequired || s.letterRequired) && req.letter.trim() === '') throw new HhError('letter_required');
  if (s.letterMaxLength !== null && req.letter.length > s.letterMaxLength) throw new HhError('letter_too_long');
  return { hash: r.hash, id: r.id };
}

/** hh.ru's own view after the POST: applied (true), not applied (false), or unknown (null). */
async function confirm(read: SiteReader, vacancyId: string, resumeId: string): Promise<boolean | null> {
  try {
    const s = (await preflight(read, vacancyId)).status;
    return s.alreadyApplied || s.used.includes(resumeId);
  } catch {
    return null;
  }
}

/**
 * hh.ru's own view of one vacancy, for settling an unclear apply (docs hh-site.md, "vacancy: can I
 * apply", "apply preflight"): applied = `alreadyApplied`, a used resume or a listed topic, in the
 * preflight or in the vacancy page's state. A preflight that describes no response status (needs
 * a login, an unknown shape) says nothing, so it throws rather than answer "no".
 */
export async function applicationOnSite(read: SiteReader, origin: string, vacancyId: string): Promise<ApplicationSeen> {
  const pre = await preflight(read, vacancyId);
  if (pre.type === 'needLogin') throw new HhError('no_session', { url: `${origin}/account/login` });
  const s = pre.status;
  if (pre.type === 'alreadyApplied' || s.alreadyApplied) return { applied: true, negotiationId: s.topicIds[0] ?? null };
  if (!pre.hasStatus) throw new HhError('invalid_response', { value: `preflight ${pre.type} without responseStatus` });
  // The page's state is a second, independent witness (the sparse 2026-09 shape carries only `alreadyApplied`).
  const page = await read
    .state(`/vacancy/${encodeURIComponent(vacancyId)}`)
    .then((state) => vacancyFromState(state, vacancyId, origin).status)
    .catch(() => null);
  if (page?.alreadyApplied) return { applied: true, negotiationId: page.topicIds[0] ?? null };
  return { applied: false };
}

function topicUrl(origin: string, topicId: string | null): string | null {
  return topicId ? `${origin}/applicant/negotiations/item?topicId=${encodeURIComponent(topicId)}` : null;
}

/**
 * Exactly one POST. `letterRequired` is what the vacancy page said (the preflight may not say it).
 * Refusals throw HhError; an outcome that cannot be confirmed resolves `uncertain`.
 */
export async function applyOnSite(deps: ApplyDeps, req: ApplyRequest, letterRequired: boolean): Promise<ApplyResult> {
  const { origin, read, page } = deps;
  // Nothing is sent until the POST: a preflight that failed is "not sent", never "may have been".
  const pre = await preflight(read, req.vacancyId).catch((e: unknown) => {
    throw notSent(e);
  });
  if (pre.redirectUrl) return { kind: 'redirect', url: pre.redirectUrl };
  const resume = checkBeforeSend(pre, req, origin, letterRequired);
  const fields: Array<[string, string]> = [
    ['vacancy_id', req.vacancyId],
    ['resume_hash', resume.hash],
    ['letter', req.letter],
    ['lux', 'true'],
    ['ignore_postponed', 'true'],
    ['incomplete', 'false'],
    ['withoutTest', 'no'],
    ['mark_applicant_visible_in_vacancy_country', 'false'],
    ['country_ids', '[]'],
  ];
  const vacancyPath = `/vacancy/${req.vacancyId}`;
  const answer = await page.send(
    { url: '/applicant/vacancy_response/popup', body: { type: 'form', fields }, referrerPath: vacancyPath },
    { origin, path: vacancyPath, tabId: deps.tabId },
  );
  const read1 = readApplyAnswer(answer, { origin, vacancyId: req.vacancyId, now: deps.now() });
  if (read1.kind === 'redirect') return read1;
  if (read1.kind === 'refused') throw read1.error;
  const applied = await confirm(read, req.vacancyId, resume.id);
  if (read1.kind === 'sent') {
    if (applied === false) return { kind: 'uncertain', detail: 'hh.ru said sent, but the vacancy does not show the application' };
    const followUp = read1.followUp.length ? { followUp: read1.followUp } : {};
    return { kind: 'sent', negotiationId: read1.topicId, chatUrl: topicUrl(origin, read1.topicId), ...followUp };
  }
  if (applied) return { kind: 'sent', negotiationId: null, chatUrl: null };
  if (applied === false && read1.refusal) {
    throw new HhError('invalid_response', {
      value: read1.refusal,
      ru: `${siteNameOf(origin)} не принял отклик по причине, которую Отклик пока не знает. Отклик не отправлен: откликнитесь кнопкой ${siteNameOf(origin)} на этой странице.`,
      en: `${siteNameOf(origin)} did not take the application, for a reason Otklik does not know yet. Nothing was sent: apply with ${siteNameOf(origin)}’s own button on this page.`,
    });
  }
  return { kind: 'uncertain', detail: read1.detail };
}
