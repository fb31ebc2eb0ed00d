/**
 * hh.ru's page state and JSON routes -> the domain model (docs hh-site.md). Pure: no I/O.
 * hh.ru changes these shapes without notice, so each parser reads the few fields it needs from
 * the places they have been seen, and reports a shape it does not know as `invalid_response`
 * instead of guessing.
 */
import { HhError, noSessionError, siteNameOf } from '../errors';
import type {
  ApplyOption,
  CannotApplyReason,
  Me,
  Negotiation,
  NegotiationState,
  Resume,
  ResumeStatus,
  ResumeView,
  Vacancy,
} from '../model';
import { isSiteUrl } from '../sites';
import { arr, at, bool, first, ids, isObj, num, obj, str, text, type Obj } from './json';

// ---------- the state itself ----------

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

/** One pass, so `&amp;quot;` becomes `&quot;` (text), not `"`. */
export function unescapeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** A page state or answer Otklik cannot read: only reads lead here, so nothing was sent. */
function unknownShape(what: string): HhError {
  return new HhError('invalid_response', { value: what });
}

/**
 * The page state handed over by a content script (`template.content.textContent`: plain JSON) or
 * cut from fetched HTML (entity-encoded).
 */
export function parseStateText(raw: string): Obj {
  for (const candidate of [raw, unescapeEntities(raw)]) {
    try {
      const v: unknown = JSON.parse(candidate);
      if (isObj(v)) return v;
    } catch {
      // The entity-encoded form is tried next.
    }
  }
  throw unknownShape('page state is not JSON');
}

const STATE_TEMPLATE = /<template\b[^>]*\bid\s*=\s*["']?HH-Lux-InitialState["']?[^>]*>([\s\S]*?)<\/template>/i;

/** The page state of a fetched HTML page, or null when the page has none. */
export function stateFromHtml(html: string): Obj | null {
  const m = STATE_TEMPLATE.exec(html);
  return m ? parseStateText(m[1]!) : null;
}

const GLOBAL_VARS = /<script\b[^>]*\bid\s*=\s*["']?js-script-global-vars["']?[^>]*>([\s\S]*?)<\/script>/i;
const BUILD = /(?:"|&quot;|&#34;)build(?:"|&quot;|&#34;)\s*:\s*(?:"|&quot;|&#34;)([\w.-]{1,64}?)(?:"|&quot;|&#34;)/;

/** hh.ru's build string from `window.globalVars` of a fetched page. */
export function buildFromHtml(html: string): string | null {
  const vars = GLOBAL_VARS.exec(html)?.[1] ?? /window\.globalVars\s*=\s*(\{[\s\S]*?\});/.exec(html)?.[1] ?? null;
  return vars ? (BUILD.exec(vars)?.[1] ?? null) : null;
}

// ---------- who is looking ----------

/** hh.ru's captcha page, or an account flagged as a bot. */
function captchaOf(state: Obj): boolean {
  return at(state, 'request', 'luxPageName') === 'AccountCaptcha' || bool(at(state, 'hhcaptcha', 'isBot')) === true;
}

/**
 * Throws unless the state is an ordinary page seen by a logged-in applicant: `captcha` on hh's
 * captcha page, `no_session` when logged out, `forbidden` for an employer account.
 */
export function requireApplicant(state: Obj, origin: string): void {
  if (captchaOf(state)) throw new HhError('captcha', { url: `${origin}/account/captcha` });
  const userType = str(state['userType']);
  if (userType === 'applicant') return;
  if (userType === 'employer') {
    const site = siteNameOf(origin);
    throw new HhError('forbidden', {
      value: 'employer',
      url: `${origin}/account/login`,
      ru: `На ${site} вы вошли как работодатель. Войдите как соискатель, чтобы Отклик мог работать.`,
      en: `You are logged in to ${site} as an employer. Log in as a job seeker for Otklik to work.`,
    });
  }
  if (userType === null && !('userType' in state)) throw unknownShape('page state without userType');
  throw noSessionError(origin);
}

export function meFromState(state: Obj): Me {
  const account = first(obj(state['account']), obj(state['applicant']), obj(state['user'])) ?? {};
  const firstName = str(account['firstName']);
  const lastName = str(account['lastName']);
  const id = first(str(account['userId']), str(account['id']), str(state['userId']));
  // hh-site.md "Newer evidence" [S, 2026-09-08]: the name is optional display data, and the state
  // carries no user id; a logged-in applicant (checked before) is enough.
  return {
    id: id ?? '',
    firstName: firstName ?? '',
    lastName: lastName ?? '',
    email: str(account['email']),
    newResumeViews: num(at(state, 'userStats', 'new-resumes-views')),
  };
}

// ---------- resumes ----------

const STATUSES: Record<string, ResumeStatus> = {
  published: 'published',
  not_published: 'not_published',
  blocked: 'blocked',
  on_moderation: 'on_moderation',
  moderation: 'on_moderation',
};

/** A resume as the shards and pages carry it: `{_attributes:{id, hash, ...}, title:[{string}], ...}`. */
function resumeAttrs(entry: unknown): Obj | null {
  const e = obj(entry);
  if (!e) return null;
  return obj(e['_attributes']) ?? e;
}

/**
 * hh.ru's numeric resume id -> the resume's domain id. The site keys statistics, the apply lists and
 * topics by the number; everything else (api.hh.ru, resume URLs, our own storage) by the hash.
 */
export type SiteIds = ReadonlyMap<string, string>;

/** The domain id both gateways give a resume: its hash; the numeric id only when hh gives no hash. */
function domainId(siteId: string | null, hash: string | null): string {
  return hash ?? siteId ?? '';
}

/** The user's resumes and how hh's numeric ids map onto them. */
export interface ResumeList {
  resumes: Resume[];
  siteIds: SiteIds;
}

interface SiteResume {
  resume: Resume;
  siteId: string | null;
}

function siteIdsOf(entries: Array<{ siteId: string | null; id: string }>, known?: SiteIds): Map<string, string> {
  const out = new Map(known);
  for (const e of entries) if (e.siteId) out.set(e.siteId, e.id);
  return out;
}

function listOf(parsed: SiteResume[]): ResumeList {
  const siteIds = siteIdsOf(parsed.map((p) => ({ siteId: p.siteId, id: p.resume.id })));
  return { resumes: parsed.map((p) => p.resume), siteIds };
}

interface Stats {
  views?: number | null;
  newViews?: number | null;
  searchShows?: number | null;
  invitations?: number | null;
}

/** `applicantResumesStatistics.resumes["<numeric id>"].statistics` (or the same without `.statistics`). */
function statisticsOf(source: unknown, resumeId: string): Stats {
  const byId = obj(at(source, 'resumes', resumeId)) ?? obj(at(source, resumeId));
  if (!byId) return {};
  const s = obj(byId['statistics']) ?? byId;
  return {
    views: num(at(s, 'views', 'count')),
    newViews: num(at(s, 'views', 'countNew')),
    searchShows: num(at(s, 'searchShows', 'count')),
    invitations: num(at(s, 'invitations', 'count')),
  };
}

/** One resume entry -> Resume; null when it has neither a numeric id nor a hash. */
function resumeFromEntry(entry: unknown, stats: unknown, origin: string): SiteResume | null {
  const a = resumeAttrs(entry);
  const e = obj(entry) ?? {};
  if (!a) return null;
  const siteId = str(a['id']);
  const hash = str(a['hash']);
  if (!siteId && !hash) return null;
  const status = STATUSES[str(a['status']) ?? ''] ?? 'unknown';
  const s = siteId ? statisticsOf(stats, siteId) : {};
  const canTouch = bool(a['canTouch']) ?? bool(a['canPublishOrUpdate']);
  const skills = arr(e['keySkills'])
    .map(text)
    .filter((x): x is string => !!x);
  const salary = obj(arr(e['salary'])[0]) ?? obj(e['salary']);
  const resume: Resume = {
    id: domainId(siteId, hash),
    hash,
    title: text(e['title']) ?? text(a['title']) ?? '',
    status,
    access: text(e['accessType']),
    searchable: bool(a['isSearchable']),
    totalViews: s.views ?? null,
    newViews: s.newViews ?? null,
    searchShows: s.searchShows ?? null,
    invitations: s.invitations ?? null,
    canRaise: canTouch === true && status === 'published',
    nextRaiseAt: num(a['nextTouchAt']),
    updatedAt: num(a['updated']),
    skills: skills.length > 0 ? skills : null,
    salary: salary ? { amount: num(salary['amount']), currency: str(salary['currency']) } : null,
    area: text(e['area']),
    experienceMonths: num(at(arr(e['totalExperience'])[0], 'months')),
    url: hash ? `${origin}/resume/${hash}` : null,
  };
  return { resume, siteId };
}

/** A list of resume entries (an array, or an object keyed by id). */
function resumesFromList(list: unknown, stats: unknown, origin: string): SiteResume[] {
  const entries = Array.isArray(list) ? list : isObj(list) ? Object.values(list) : [];
  return entries.map((e) => resumeFromEntry(e, stats, origin)).filter((r): r is SiteResume => r !== null);
}

/** A page state that lists the user's resumes with titles (profile, resume list, vacancy page). */
export function resumesFromState(state: Obj, origin: string): ResumeList | null {
  const list = state['applicantResumes'];
  if (!Array.isArray(list)) return null;
  return listOf(resumesFromList(list, state['applicantResumesStatistics'], origin));
}

/**
 * The shards: `/shards/applicant/resumes` has the raise fields but no titles; header_resumes has the
 * titles (and sometimes statistics). Joined by numeric id, else by hash.
 */
export function resumesFromShards(touch: unknown, titled: unknown, origin: string): ResumeList {
  const base = resumesFromList(at(touch, 'resumes') ?? touch, null, origin);
  const titledList = at(titled, 'resumes') ?? at(titled, 'applicantResumes') ?? titled;
  const stats = at(titled, 'statistics') ?? at(titled, 'applicantResumesStatistics');
  const named = resumesFromList(titledList, stats, origin);
  if (base.length === 0 && named.length === 0) throw unknownShape('no resumes in the resume shards');
  return listOf(
    base.map((b) => {
      const t = named.find(
        (n) => (b.siteId !== null && n.siteId === b.siteId) || (!!b.resume.hash && n.resume.hash === b.resume.hash),
      );
      if (!t) return b;
      // Either shard may be the one that carries the hash.
      const siteId = b.siteId ?? t.siteId;
      const hash = b.resume.hash ?? t.resume.hash ?? null;
      const { status, canRaise, nextRaiseAt, searchable } = b.resume;
      const url = t.resume.url ?? b.resume.url;
      return { siteId, resume: { ...t.resume, id: domainId(siteId, hash), hash, url, status, canRaise, nextRaiseAt, searchable } };
    }),
  );
}

// ---------- who viewed ----------

/**
 * `applicantResumeViewHistory.historyViews.years[].days[].companies[].views[]` flattened into one
 * entry per view, newest first. A company with an empty name stayed anonymous.
 */
export function viewsFromState(state: Obj): ResumeView[] {
  const history = obj(at(state, 'applicantResumeViewHistory', 'historyViews')) ?? obj(at(state, 'historyViews'));
  if (!history) throw unknownShape('no view history in page state');
  const out: ResumeView[] = [];
  for (const year of arr(history['years'])) {
    for (const day of arr(at(year, 'days'))) {
      for (const company of arr(at(day, 'companies'))) {
        const name = str(at(company, 'name')) ?? '';
        const id = str(at(company, 'id'));
        const employer = name.trim() ? { id, name } : null;
        const viewed = bool(at(company, 'viewed')) ?? true;
        for (const when of arr(at(company, 'views'))) {
          const t = num(when) ?? num(at(when, 'date')) ?? num(at(when, 'time'));
          if (t !== null) out.push({ at: t, employer, viewed });
        }
      }
    }
  }
  return out.sort((a, b) => b.at - a.at);
}

// ---------- vacancy page and the apply preflight ----------

/** A resume the apply popup offers. `id` is the domain id; `siteId` the number hh keys its lists by. */
export interface OfferedResume {
  id: string;
  siteId: string | null;
  hash: string | null;
  title: string;
  incomplete: boolean;
  forbidden: boolean;
}

/**
 * What hh.ru says about applying to one vacancy: the page's response status or the preflight's.
 * Every resume id in it is a domain id, so it compares with Resume.id.
 */
export interface ResponseStatus {
  /** Resumes offered in the apply popup. */
  resumes: OfferedResume[] | null;
  used: string[];
  unused: string[];
  unfinished: string[];
  hidden: string[];
  hasTest: boolean | null;
  testRequired: boolean | null;
  letterRequired: boolean | null;
  letterMaxLength: number | null;
  responseImpossible: boolean;
  /** The vacancy no longer takes applications (`shortVacancy.closedForApplicants`). */
  closed: boolean | null;
  alreadyApplied: boolean;
  /** The conversations hh.ru lists for this vacancy (`negotiations.topicList[].id`). */
  topicIds: string[];
}

/**
 * `applicantVacancyResponseStatuses[id]` or the preflight's `responseStatus` -> ResponseStatus.
 * `known`: numeric ids the same page (or an earlier read) already mapped; the offered list adds its own.
 */
export function responseStatusFrom(raw: unknown, known?: SiteIds): ResponseStatus {
  const s = obj(raw) ?? {};
  const resumesRaw = s['resumes'];
  const resumes =
    resumesRaw === undefined
      ? null
      : (Array.isArray(resumesRaw) ? resumesRaw : isObj(resumesRaw) ? Object.values(resumesRaw) : [])
          .map((e): OfferedResume | null => {
            const a = resumeAttrs(e) ?? {};
            const siteId = str(a['id']) ?? str(at(e, 'id'));
            const hash = str(a['hash']) ?? str(at(e, 'hash'));
            if (!siteId && !hash) return null;
            return {
              id: domainId(siteId, hash),
              siteId,
              hash,
              title: text(at(e, 'title')) ?? text(a['title']) ?? '',
              incomplete: bool(at(e, 'isIncomplete')) ?? bool(a['isIncomplete']) ?? false,
              forbidden: bool(at(e, 'forbidden')) ?? bool(a['forbidden']) ?? false,
            };
          })
          .filter((r): r is OfferedResume => r !== null);
  const aliases = siteIdsOf(resumes ?? [], known);
  const idsAt = (key: string) => ids(s[key]).map((id) => aliases.get(id) ?? id);
  const negotiations = obj(s['negotiations']);
  const topicIds = arr(negotiations?.['topicList'])
    .map((t) => str(at(t, 'id')))
    .filter((id): id is string => id !== null);
  const topics = arr(negotiations?.['topicList']).length;
  const used = idsAt('usedResumeIds');
  const letterFlag = first(
    bool(at(s, 'shortVacancy', '@responseLetterRequired')),
    bool(at(s, 'shortVacancy', 'responseLetterRequired')),
    bool(s['letterRequired']),
  );
  return {
    resumes,
    used,
    unused: idsAt('unusedResumeIds'),
    unfinished: idsAt('unfinishedResumeIds'),
    hidden: idsAt('hiddenResumeIds'),
    hasTest: bool(at(s, 'test', 'hasTests')),
    testRequired: bool(at(s, 'test', 'required')),
    letterRequired: letterFlag,
    letterMaxLength: num(s['letterMaxLength']),
    responseImpossible: bool(s['responseImpossible']) === true,
    closed: bool(at(s, 'shortVacancy', 'closedForApplicants')),
    alreadyApplied:
      bool(s['alreadyApplied']) === true || (num(negotiations?.['total']) ?? 0) > 0 || topics > 0 || used.length > 0,
    topicIds,
  };
}

export type PreflightType = 'quickResponse' | 'modal' | 'alreadyApplied' | 'needLogin' | 'noResumes' | 'testRequired' | 'other';

export interface Preflight {
  type: PreflightType;
  status: ResponseStatus;
  /** A vacancy that takes applications on the employer's own site. */
  redirectUrl: string | null;
  /** hh.ru's own form for the test, when the answer names it (an hh-family page only). */
  testUrl: string | null;
  /** hh.ru described this vacancy's response status: only then does "not applied" mean no. */
  hasStatus: boolean;
}

const PREFLIGHT_TYPES: readonly string[] = ['quickResponse', 'modal', 'alreadyApplied', 'needLogin', 'noResumes', 'testRequired'];

/** `GET /applicant/vacancy_response/popup?vacancyId=`: `responseStatus` under `body` since 2026-09-08, at the top before. */
export function preflightFrom(json: unknown, known?: SiteIds): Preflight {
  const root = obj(json);
  if (!root) throw unknownShape('apply preflight is not an object');
  const raw = at(root, 'body', 'responseStatus') ?? root['responseStatus'];
  // hh-site.md "Newer evidence" [S, 2026-08]: a vacancy with a test may answer only
  // `{type: "test-required", redirect_uri}`, with no body at all.
  const rawType = str(root['type']) ?? '';
  const type = rawType === 'test-required' ? 'testRequired' : rawType;
  if (!isObj(raw) && !PREFLIGHT_TYPES.includes(type)) throw unknownShape('apply preflight without responseStatus');
  const testUrl = str(root['redirect_uri']);
  return {
    type: PREFLIGHT_TYPES.includes(type) ? (type as PreflightType) : type === '' ? 'modal' : 'other',
    status: responseStatusFrom(raw, known),
    redirectUrl: str(at(root, 'body', 'redirectUrl')) ?? str(root['redirectUrl']),
    testUrl: testUrl && isSiteUrl(testUrl) ? testUrl : null,
    hasStatus: isObj(raw),
  };
}

/** The classic `vacancyView` or, since 2026-09-25, `vacancyView.vacancyFull.vacancy`. */
function vacancyNode(state: Obj): { v: Obj; full: boolean } | null {
  const view = obj(state['vacancyView']);
  const full = obj(at(view, 'vacancyFull', 'vacancy')) ?? obj(at(state, 'vacancyFull', 'vacancy'));
  if (full) return { v: full, full: true };
  return view ? { v: view, full: false } : null;
}

function salaryOf(c: unknown): Vacancy['salary'] {
  const s = obj(c);
  if (!s) return null;
  const from = num(s['from']);
  const to = num(s['to']);
  if (from === null && to === null) return null;
  return { from, to, currency: str(s['currencyCode']) ?? str(s['currency']), gross: bool(s['gross']) };
}

function skillsOf(v: Obj): string[] {
  const raw = at(v, 'keySkills', 'keySkill') ?? v['keySkills'];
  return arr(raw)
    .map((k) => text(k))
    .filter((k): k is string => !!k);
}

export function applyFormUrl(origin: string, vacancyId: string, startedWithQuestion: boolean): string {
  const q = new URLSearchParams({ vacancyId });
  if (startedWithQuestion) q.set('startedWithQuestion', 'true');
  return `${origin}/applicant/vacancy_response?${q}`;
}

export interface VacancyPage {
  vacancy: Vacancy;
  /** The 2026-09 shape: test, letter and negotiations are not in the page and need the preflight. */
  sparse: boolean;
  status: ResponseStatus;
  /** The user's resumes with titles and skills, when the page lists them. */
  resumes: Resume[] | null;
  /** Numeric ids the page maps to domain ids: the preflight's lists use the numbers too. */
  siteIds: SiteIds;
}

/** A vacancy page's state -> the vacancy, its needs and the user's resumes (both shapes). */
export function vacancyFromState(state: Obj, vacancyId: string, origin: string): VacancyPage {
  const node = vacancyNode(state);
  if (!node) throw unknownShape('no vacancy in page state');
  const { v, full } = node;
  const id = str(v['vacancyId']) ?? str(v['id']);
  if (id !== vacancyId) throw unknownShape(`page state describes vacancy ${id ?? '?'}`);
  const listed = resumesFromState(state, origin);
  const status = responseStatusFrom(at(state, 'applicantVacancyResponseStatuses', vacancyId), listed?.siteIds);
  const sparse = full || (status.resumes === null && status.hasTest === null);
  const company = obj(v['company']);
  const archived =
    bool(at(v, 'status', 'archived')) === true ||
    bool(at(v, 'status', 'disabled')) === true ||
    bool(v['archived']) === true ||
    bool(v['closedForApplicants']) === true;
  const letterRequired = first(status.letterRequired, bool(v['@responseLetterRequired']), bool(v['responseLetterRequired']));
  const testRequired = status.testRequired ?? status.hasTest ?? false;
  const direct = str(v['type']) === 'direct' ? str(v['responseUrl']) : null;
  return {
    sparse,
    status,
    resumes: listed?.resumes ?? null,
    siteIds: siteIdsOf(status.resumes ?? [], listed?.siteIds),
    vacancy: {
      id: vacancyId,
      name: str(v['name']) ?? '',
      employer: company
        ? {
            id: str(company['id']),
            name: str(company['visibleName']) ?? str(company['name']) ?? '',
            url: str(company['id']) ? `${origin}/employer/${str(company['id'])}` : null,
          }
        : null,
      keySkills: skillsOf(v),
      salary: salaryOf(v['compensation']),
      experience: text(v['workExperience']),
      area: text(v['area']),
      archived,
      hasTest: status.hasTest ?? testRequired,
      testRequired,
      letterRequired: letterRequired ?? false,
      letterMaxLength: status.letterMaxLength,
      applyUrl: direct ?? applyFormUrl(origin, vacancyId, testRequired),
      url: `${origin}/vacancy/${vacancyId}`,
    },
  };
}

/** The vacancy page and the preflight merged: the preflight knows test, letter and negotiations. */
export function withPreflight(page: VacancyPage, pre: Preflight, origin: string): VacancyPage {
  const s = pre.status;
  const testRequired = pre.type === 'testRequired' || (s.testRequired ?? page.vacancy.testRequired);
  const status: ResponseStatus = {
    ...s,
    resumes: s.resumes ?? page.status.resumes,
    letterRequired: first(s.letterRequired, page.status.letterRequired),
    alreadyApplied: s.alreadyApplied || page.status.alreadyApplied || pre.type === 'alreadyApplied',
  };
  return {
    ...page,
    sparse: false,
    status,
    vacancy: {
      ...page.vacancy,
      hasTest: s.hasTest ?? page.vacancy.hasTest ?? testRequired,
      testRequired,
      letterRequired: status.letterRequired ?? page.vacancy.letterRequired,
      letterMaxLength: s.letterMaxLength ?? page.vacancy.letterMaxLength,
      archived: page.vacancy.archived || s.closed === true,
      applyUrl: pre.redirectUrl ?? (testRequired ? (pre.testUrl ?? applyFormUrl(origin, page.vacancy.id, true)) : page.vacancy.applyUrl),
    },
  };
}

/**
 * Which resumes can apply. The popup's list decides which resumes are offered; the page's own list
 * (titles, skills, statuses) fills in the rest, so unpublished resumes show with their reason.
 */
export function applyOptions(page: VacancyPage): ApplyOption[] {
  const s = page.status;
  const known = page.resumes ?? [];
  const offered = s.resumes ?? [];
  const byId = new Map<string, ApplyOption>();
  const reasonFor = (id: string, r: Resume | null, o: (typeof offered)[number] | null): CannotApplyReason | null => {
    if (s.used.includes(id)) return 'already_applied';
    if (r?.status === 'blocked') return 'blocked';
    if (s.hidden.includes(id) || (r && r.status !== 'published' && r.status !== 'unknown')) return 'not_published';
    if (o?.incomplete || s.unfinished.includes(id)) return 'incomplete';
    if (o?.forbidden || (s.resumes !== null && !o) || s.responseImpossible) return 'unavailable';
    return null;
  };
  for (const o of offered) {
    const r = known.find((k) => k.id === o.id || (o.hash && k.hash === o.hash)) ?? null;
    const resume: Resume = r ?? {
      id: o.id,
      hash: o.hash,
      title: o.title,
      status: 'unknown',
      canRaise: false,
      nextRaiseAt: null,
    };
    const reason = reasonFor(o.id, r, o);
    byId.set(o.id, { resume: { ...resume, hash: resume.hash ?? o.hash }, canApply: reason === null, reason });
  }
  for (const r of known) {
    if (byId.has(r.id)) continue;
    const reason = reasonFor(r.id, r, null);
    byId.set(r.id, { resume: r, canApply: reason === null, reason });
  }
  return [...byId.values()];
}

// ---------- negotiations ----------

const NEGOTIATION_STATES: Record<string, NegotiationState> = {
  RESPONSE: 'response',
  INVITATION: 'invitation',
  INTERVIEW: 'interview',
  DISCARD: 'discard',
};

function negotiationState(raw: string | null): NegotiationState {
  const s = (raw ?? '').toUpperCase();
  if (NEGOTIATION_STATES[s]) return NEGOTIATION_STATES[s];
  if (s.startsWith('DISCARD')) return 'discard';
  if (s.startsWith('INTERVIEW')) return 'interview';
  if (s.startsWith('INVITATION')) return 'invitation';
  return 'other';
}

function timeOf(v: unknown): number | null {
  const n = num(v);
  if (n !== null) return n;
  const s = str(v);
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) ? t : null;
}

export interface NegotiationsPage {
  items: Negotiation[];
  pageCount: number;
}

/**
 * `applicantNegotiations{topicList, pageCount}` + `vacanciesShort.vacanciesList` (names). Topics name
 * their resume by its number: `siteIds` (from the resume list) turns it into the domain id; a number
 * it does not know leaves the resume unknown (null) rather than named in a way nothing else uses.
 */
export function negotiationsFromState(state: Obj, siteIds: SiteIds, origin?: string): NegotiationsPage {
  const root = obj(state['applicantNegotiations']);
  if (!root || !Array.isArray(root['topicList'])) throw unknownShape('no applicantNegotiations.topicList');
  const names = new Map<string, Obj>();
  for (const v of arr(at(state, 'vacanciesShort', 'vacanciesList'))) {
    const id = str(at(v, 'vacancyId')) ?? str(at(v, 'id'));
    if (id && isObj(v)) names.set(id, v);
  }
  const items: Negotiation[] = [];
  for (const t of arr(root['topicList'])) {
    const id = str(at(t, 'id'));
    if (!id) continue;
    const vacancyId = str(at(t, 'vacancyId'));
    const resumeId = str(at(t, 'resumeId'));
    const short = vacancyId ? names.get(vacancyId) : undefined;
    items.push({
      id,
      state: negotiationState(str(at(t, 'lastState')) ?? str(at(t, 'initialState'))),
      vacancyId,
      vacancyName: str(at(t, 'vacancyName')) ?? str(short?.['name']),
      employerName:
        str(at(t, 'employerName')) ??
        str(at(short, 'company', 'visibleName')) ??
        str(at(short, 'company', 'name')) ??
        str(at(short, 'employerName')),
      resumeId: resumeId === null || !/^\d+$/.test(resumeId) ? resumeId : (siteIds.get(resumeId) ?? null),
      updatedAt: timeOf(at(t, 'lastModified')) ?? timeOf(at(t, 'creationTime')),
      rawState: str(at(t, 'lastState')) ?? str(at(t, 'initialState')),
      hasNewMessages: bool(at(t, 'hasNewMessages')),
      viewed: bool(at(t, 'viewedByOpponent')),
      createdAt: timeOf(at(t, 'creationTime')),
      chatUrl: origin ? `${origin}/applicant/negotiations/item?topicId=${encodeURIComponent(id)}` : null,
    });
  }
  return { items, pageCount: num(root['pageCount']) ?? 1 };
}
