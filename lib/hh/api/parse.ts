/**
 * api.hh.ru answers -> the domain model (model.ts), and api.hh.ru error bodies -> HhError.
 * Schemas are lenient: unknown fields pass, optional fields may be null or missing, and where
 * HH's docs and examples disagree on a shape (access.type, progress items) both forms parse.
 */
import { z } from '../../zod';
import { LETTER_MAX_LENGTH } from '../limits';
import { HhError, type ErrorInfo } from '../errors';
import type {
  ApplyOption,
  CannotApplyReason,
  Employer,
  Me,
  Negotiation,
  NegotiationState,
  Resume,
  ResumeStatus,
  Vacancy,
  ViewsPage,
} from '../model';

// ---------- dates ----------

const HH_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * HH writes offsets without a colon (`2013-10-07T18:30:57+0400`), which `Date.parse` does not
 * read everywhere, so the form is parsed by hand. No offset means UTC. Null when unreadable.
 */
export function parseHhDate(text: string | null | undefined): number | null {
  const m = text ? HH_DATE.exec(text.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone = 'Z'] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s, ms);
  if (zone === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return local - sign * offsetMin * 60_000;
}

const requiredDate = z.pipe(
  z.string(),
  z.transform((s, ctx) => {
    const t = parseHhDate(s);
    if (t === null) {
      ctx.issues.push({ code: 'custom', message: `unreadable date ${s}`, input: s });
      return z.NEVER;
    }
    return t;
  }),
);

// ---------- small shapes ----------

/** HH sends ids as strings, but a few places (and older answers) use numbers. */
const IdLike = z.pipe(z.union([z.string(), z.number()]), z.transform(String));
const Named = z.object({ id: z.nullish(IdLike), name: z.nullish(z.string()) });
const NamedOrString = z.union([z.string(), Named]);
const nameOf = (x: z.infer<typeof NamedOrString>): string => (typeof x === 'string' ? x : (x.name ?? x.id ?? ''));
const idOf = (x: z.infer<typeof NamedOrString> | null | undefined): string | null =>
  x == null ? null : typeof x === 'string' ? x : (x.id ?? null);

// ---------- me ----------

export const ApiMe = z.object({
  id: IdLike,
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  is_applicant: z.nullish(z.boolean()),
  counters: z.nullish(z.object({ new_resume_views: z.nullish(z.number()) })),
});

export function toMe(a: z.infer<typeof ApiMe>): Me {
  return {
    id: a.id,
    firstName: a.first_name ?? '',
    lastName: a.last_name ?? '',
    email: a.email ?? null,
    newResumeViews: a.counters?.new_resume_views ?? null,
  };
}

// ---------- resumes ----------

const Progress = z.object({
  percentage: z.nullish(z.number()),
  mandatory: z.nullish(z.array(NamedOrString)),
  recommended: z.nullish(z.array(NamedOrString)),
});

export const ApiResume = z.object({
  id: IdLike,
  title: z.nullish(z.string()),
  status: z.nullish(Named),
  access: z.nullish(z.object({ type: z.nullish(NamedOrString) })),
  blocked: z.nullish(z.boolean()),
  total_views: z.nullish(z.number()),
  new_views: z.nullish(z.number()),
  can_publish_or_update: z.nullish(z.boolean()),
  next_publish_at: z.nullish(z.string()),
  updated_at: z.nullish(z.string()),
  alternate_url: z.nullish(z.string()),
  progress: z.nullish(Progress),
  _progress: z.nullish(Progress),
  moderation_note: z.nullish(z.array(NamedOrString)),
  skill_set: z.nullish(z.array(z.string())),
  salary: z.nullish(z.object({ amount: z.nullish(z.number()), currency: z.nullish(z.string()) })),
  area: z.nullish(Named),
  total_experience: z.nullish(z.object({ months: z.nullish(z.number()) })),
  requires_completion: z.nullish(z.boolean()),
});
export type ApiResume = z.infer<typeof ApiResume>;

export const ApiResumeList = z.object({ items: z.array(ApiResume) });

/** `GET /resumes/{id}/status` */
export const ApiResumeStatus = z.object({
  blocked: z.nullish(z.boolean()),
  status: z.nullish(Named),
  can_publish_or_update: z.nullish(z.boolean()),
  progress: z.nullish(Progress),
  moderation_note: z.nullish(z.array(NamedOrString)),
});

const STATUSES: readonly ResumeStatus[] = ['published', 'not_published', 'blocked', 'on_moderation'];

function statusOf(blocked: boolean | null | undefined, id: string | null | undefined): ResumeStatus {
  if (blocked) return 'blocked';
  return STATUSES.find((s) => s === id) ?? 'unknown';
}

function progressOf(p: z.infer<typeof Progress> | null | undefined): Resume['progress'] {
  if (!p || typeof p.percentage !== 'number') return null;
  return {
    percentage: p.percentage,
    mandatory: (p.mandatory ?? []).map(nameOf),
    recommended: p.recommended ? p.recommended.map(nameOf) : null,
  };
}

export function toResume(a: ApiResume): Resume {
  const status = statusOf(a.blocked, a.status?.id);
  const access = idOf(a.access?.type);
  return {
    id: a.id,
    hash: a.id,
    title: a.title ?? '',
    status,
    access,
    searchable: status === 'published' && access !== 'no_one',
    totalViews: a.total_views ?? null,
    newViews: a.new_views ?? null,
    // Raising is re-publishing: only a published resume is raised; a first publication is not a raise.
    canRaise: status === 'published' && a.can_publish_or_update === true,
    nextRaiseAt: parseHhDate(a.next_publish_at),
    updatedAt: parseHhDate(a.updated_at),
    progress: progressOf(a.progress ?? a._progress),
    moderationNotes: a.moderation_note ? a.moderation_note.map(nameOf) : null,
    skills: a.skill_set ?? null,
    salary: a.salary ?? null,
    area: a.area?.name ?? null,
    experienceMonths: a.total_experience?.months ?? null,
    url: a.alternate_url ?? null,
  };
}

/** One resume read with its status call: the status call is fresher on status, progress and notes. */
export function withStatus(r: Resume, s: z.infer<typeof ApiResumeStatus>): Resume {
  const status = s.status || s.blocked != null ? statusOf(s.blocked, s.status?.id ?? r.status) : r.status;
  return {
    ...r,
    status,
    canRaise: status === 'published' && (s.can_publish_or_update ?? r.canRaise) === true,
    progress: progressOf(s.progress) ?? r.progress,
    moderationNotes: s.moderation_note ? s.moderation_note.map(nameOf) : r.moderationNotes,
  };
}

// ---------- employers and views ----------

const ApiEmployer = z.object({
  id: z.nullish(IdLike),
  name: z.nullish(z.string()),
  logo_urls: z.nullish(z.record(z.string(), z.nullish(z.string()))),
  alternate_url: z.nullish(z.string()),
});

function toEmployer(e: z.infer<typeof ApiEmployer> | null | undefined, site: string): Employer | null {
  if (!e?.name) return null;
  return {
    id: e.id ?? null,
    name: e.name,
    logoUrl: e.logo_urls?.['90'] ?? e.logo_urls?.original ?? null,
    url: e.alternate_url ?? null,
    vacanciesUrl: e.id ? `https://${site}/search/vacancy?employer_id=${encodeURIComponent(e.id)}` : null,
  };
}

export const ApiViewsPage = z.object({
  items: z.array(
    z.object({ created_at: requiredDate, viewed: z.nullish(z.boolean()), employer: z.nullish(ApiEmployer) }),
  ),
  page: z.nullish(z.number()),
  pages: z.nullish(z.number()),
  found: z.nullish(z.number()),
});

export function toViewsPage(a: z.infer<typeof ApiViewsPage>, site: string, page: number): ViewsPage {
  return {
    items: a.items.map((v) => ({
      at: v.created_at,
      // A viewer that hid itself comes without an id (at most a placeholder name): anonymous.
      employer: v.employer?.id ? toEmployer(v.employer, site) : null,
      viewed: v.viewed ?? true,
    })),
    page: a.page ?? page,
    pages: a.pages ?? 1,
    found: a.found ?? a.items.length,
  };
}

// ---------- vacancies ----------

export const ApiVacancy = z.object({
  id: IdLike,
  name: z.string(),
  employer: z.nullish(ApiEmployer),
  key_skills: z.nullish(z.array(z.object({ name: z.string() }))),
  salary: z.nullish(
    z.object({
      from: z.nullish(z.number()),
      to: z.nullish(z.number()),
      currency: z.nullish(z.string()),
      gross: z.nullish(z.boolean()),
    }),
  ),
  experience: z.nullish(Named),
  area: z.nullish(Named),
  archived: z.nullish(z.boolean()),
  has_test: z.nullish(z.boolean()),
  test: z.nullish(z.object({ required: z.nullish(z.boolean()) })),
  response_letter_required: z.nullish(z.boolean()),
  /** Direct vacancies: the employer's own apply page. */
  response_url: z.nullish(z.string()),
  apply_alternate_url: z.nullish(z.string()),
  alternate_url: z.nullish(z.string()),
  type: z.nullish(Named),
  relations: z.nullish(z.array(z.string())),
});
export type ApiVacancy = z.infer<typeof ApiVacancy>;

/** HH's own limit for `message` in POST /negotiations. */

export function toVacancy(a: ApiVacancy, site: string): Vacancy {
  return {
    id: a.id,
    name: a.name,
    employer: toEmployer(a.employer, site),
    keySkills: (a.key_skills ?? []).map((s) => s.name),
    salary: a.salary ?? null,
    experience: a.experience?.id ?? null,
    area: a.area?.name ?? null,
    archived: a.archived === true,
    hasTest: a.has_test === true,
    testRequired: a.test?.required === true,
    letterRequired: a.response_letter_required === true,
    letterMaxLength: LETTER_MAX_LENGTH,
    applyUrl: a.apply_alternate_url ?? null,
    url: a.alternate_url ?? `https://${site}/vacancy/${a.id}`,
  };
}

export const ApiResumesByStatus = z.object({
  suitable: z.nullish(z.array(ApiResume)),
  not_published: z.nullish(z.array(ApiResume)),
  already_applied: z.nullish(z.array(ApiResume)),
  unavailable: z.nullish(z.array(ApiResume)),
});

export function toApplyOptions(a: z.infer<typeof ApiResumesByStatus>): ApplyOption[] {
  const group = (items: ApiResume[] | null | undefined, reason: CannotApplyReason | null): ApplyOption[] =>
    (items ?? []).map((item) => {
      const resume = toResume(item);
      const why: CannotApplyReason | null =
        reason ?? (item.requires_completion ? 'incomplete' : null);
      const finalReason = why === 'unavailable' && resume.status === 'blocked' ? 'blocked' : why;
      return { resume, canApply: finalReason === null, reason: finalReason };
    });
  return [
    ...group(a.suitable, null),
    ...group(a.already_applied, 'already_applied'),
    ...group(a.not_published, 'not_published'),
    ...group(a.unavailable, 'unavailable'),
  ];
}

// ---------- negotiations ----------

export const ApiNegotiationsPage = z.object({
  items: z.array(
    z.object({
      id: IdLike,
      state: z.nullish(Named),
      created_at: z.nullish(z.string()),
      updated_at: z.nullish(z.string()),
      vacancy: z.nullish(
        z.object({ id: z.nullish(IdLike), name: z.nullish(z.string()), employer: z.nullish(ApiEmployer) }),
      ),
      resume: z.nullish(z.object({ id: z.nullish(IdLike) })),
      has_updates: z.nullish(z.boolean()),
      viewed_by_opponent: z.nullish(z.boolean()),
    }),
  ),
  page: z.nullish(z.number()),
  pages: z.nullish(z.number()),
});

const NEGOTIATION_STATES: readonly NegotiationState[] = ['response', 'invitation', 'interview', 'discard'];

/** `site` names the chat's host: the API gives no chat link the person can open. */
export function toNegotiations(a: z.infer<typeof ApiNegotiationsPage>, site = 'hh.ru'): Negotiation[] {
  return a.items.map((n) => ({
    id: n.id,
    state: NEGOTIATION_STATES.find((s) => s === n.state?.id) ?? 'other',
    vacancyId: n.vacancy?.id ?? null,
    vacancyName: n.vacancy?.name ?? null,
    employerName: n.vacancy?.employer?.name ?? null,
    resumeId: n.resume?.id ?? null,
    updatedAt: parseHhDate(n.updated_at) ?? parseHhDate(n.created_at),
    rawState: n.state?.id ?? null,
    hasNewMessages: n.has_updates ?? null,
    viewed: n.viewed_by_opponent ?? null,
    createdAt: parseHhDate(n.created_at),
    chatUrl: `https://${site}/applicant/negotiations/item?topicId=${encodeURIComponent(n.id)}`,
  }));
}

// ---------- OAuth token endpoint ----------

export const ApiToken = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.string().check(z.minLength(1)),
  expires_in: z.number(),
  token_type: z.nullish(z.string()),
});

// ---------- errors ----------

const ErrorItem = z.object({
  type: z.string(),
  value: z.nullish(z.string()),
  reason: z.nullish(z.string()),
  captcha_url: z.nullish(z.string()),
  fallback_url: z.nullish(z.string()),
});
const ErrorBody = z.object({
  errors: z.nullish(z.array(z.unknown())),
  oauth_error: z.nullish(z.string()),
  /** The token endpoint's form: `{error, error_description}`. */
  error: z.nullish(z.string()),
  error_description: z.nullish(z.string()),
});
type ErrorItem = z.infer<typeof ErrorItem>;

export interface ErrorContext {
  /** An applicant method: a plain 403 means HH closed the method to this app. */
  applicant?: boolean;
  /** Where hh.ru sends the person back after a captcha (must carry a scheme). */
  backUrl?: string;
  now: number;
}

const t = (ru: string, en: string) => ({ ru, en });

/** `negotiations` error values (apply and chat), per the OpenAPI spec. */
const NEGOTIATION_ERRORS: Record<string, [ErrorInfo['kind'], { ru: string; en: string }?]> = {
  invalid_vacancy: ['archived'],
  archived: ['archived'],
  vacancy_not_found: ['not_found', t('Вакансия не найдена на hh.ru: возможно, её удалили.', 'The vacancy was not found on hh.ru: it may have been removed.')],
  resume_not_found: ['not_found', t('Резюме не найдено, скрыто или удалено.', 'The resume was not found, is hidden, or was deleted.')],
  resume_deleted: ['not_found', t('Резюме удалено или скрыто.', 'The resume was deleted or hidden.')],
  already_applied: ['already_applied'],
  test_required: ['test_required'],
  limit_exceeded: ['limit'],
  in_a_row_limit: ['limit', t('Дождитесь ответа работодателя: сообщений подряд слишком много.', 'Wait for the employer’s reply: too many messages in a row.')],
  overall_limit: ['limit', t('Превышен лимит сообщений.', 'The message limit is reached.')],
  empty_message: ['letter_required'],
  too_long_message: ['letter_too_long'],
  resume_visibility_conflict: [
    'bad_argument',
    t(
      'Резюме с доступом «только выбранным компаниям» нельзя отправить на анонимную вакансию. Выберите другое резюме.',
      'A resume visible only to chosen companies cannot apply to an anonymous vacancy. Pick another resume.',
    ),
  ],
  inappropriate_language: ['bad_argument', t('hh.ru не принял письмо: в нём недопустимые выражения.', 'hh.ru rejected the letter: it contains inappropriate language.')],
  inappropriate_language_message: ['bad_argument', t('hh.ru не принял письмо: в нём недопустимые выражения.', 'hh.ru rejected the letter: it contains inappropriate language.')],
  resource_policy_violation: ['bad_argument', t('hh.ru не принял отклик: он нарушает правила сервиса.', 'hh.ru rejected the application: it breaks the site’s rules.')],
  resource_policy_violation_message: ['bad_argument', t('hh.ru не принял письмо: оно нарушает правила сервиса.', 'hh.ru rejected the letter: it breaks the site’s rules.')],
  application_denied: [
    'forbidden',
    t(
      'hh.ru не принял отклик и не объяснил почему. Откройте вакансию на hh.ru и откликнитесь там.',
      'hh.ru refused the application without a reason. Open the vacancy on hh.ru and apply there.',
    ),
  ],
  disabled_by_employer: ['forbidden', t('Работодатель отключил отклики и переписку.', 'The employer turned off applications and messages.')],
};

const OAUTH_LEGACY: Record<string, string> = {
  'token-expired': 'token_expired',
  'token-revoked': 'token_revoked',
  'bad-auth-type': 'bad_authorization',
  'client-id-deleted': 'application_not_found',
};

const SIGNED_OUT = t(
  'Вход через hh.ru больше не действует. Откройте настройки Отклика и нажмите «Войти», чтобы войти снова.',
  'Your hh.ru sign-in is no longer valid. Open Otklik settings and press “Sign in” to sign in again.',
);

function oauthError(value: string, status: number): HhError {
  switch (value) {
    case 'token_expired':
      return new HhError('auth', { status, value });
    case 'application_not_found':
      return new HhError('no_app', {
        status,
        value,
        ...t(
          'hh.ru не знает это приложение (его удалили?). Проверьте client id в настройках Отклика.',
          'hh.ru does not know this app (was it deleted?). Check the client id in Otklik settings.',
        ),
      });
    case 'application_auth_expected':
      return new HhError('forbidden', { status, value });
    default:
      return new HhError('auth', { status, value, ...SIGNED_OUT });
  }
}

/** Retry-After in seconds or as an HTTP date -> ms epoch. */
export function retryAtFrom(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const s = Number(raw);
  if (Number.isFinite(s) && raw.trim() !== '') return now + Math.max(0, s) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : at;
}

function withBackUrl(url: string, backUrl: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}backurl=${encodeURIComponent(backUrl)}`;
}

function fromItem(e: ErrorItem, status: number, ctx: ErrorContext, retryAt: number | undefined): HhError | null {
  const value = e.value ?? undefined;
  switch (e.type) {
    case 'captcha_required': {
      const raw = e.captcha_url ?? e.fallback_url;
      const url = raw ? withBackUrl(raw, ctx.backUrl ?? 'https://hh.ru/') : undefined;
      return new HhError('captcha', { status, value: 'captcha_required', url });
    }
    case 'oauth':
      return oauthError(value ?? 'bad_authorization', status);
    case 'resumes':
      if (value === 'touch_limit_exceeded') return new HhError('too_early', { status, value, retryAt });
      return null;
    case 'negotiations': {
      const known = value ? NEGOTIATION_ERRORS[value] : undefined;
      if (known) return new HhError(known[0], { status, value, ...known[1] });
      return new HhError('forbidden', { status, value });
    }
    case 'forbidden':
      return new HhError(ctx.applicant ? 'app_refused' : 'forbidden', { status, value: 'forbidden' });
    case 'not_found':
      return new HhError('not_found', { status, value });
    case 'bad_argument':
      return new HhError('bad_argument', { status, value: e.reason ? `${value ?? ''}: ${e.reason}` : value });
    case 'bad_request':
      return new HhError('bad_argument', { status, value: value ?? 'bad_request' });
    case 'bad_user_agent':
      return new HhError('internal', {
        status,
        value: `bad_user_agent/${value ?? ''}`,
        ...t(
          'hh.ru не принял подпись Отклика (HH-User-Agent). Обновите расширение.',
          'hh.ru did not accept Otklik’s identification (HH-User-Agent). Update the extension.',
        ),
      });
    default:
      return null;
  }
}

function fromTokenEndpoint(error: string, description: string | null | undefined, status: number): HhError {
  const value = description ? `${error}: ${description}` : error;
  if (error === 'invalid_client') {
    return new HhError('no_app', {
      status,
      value,
      ...t(
        'hh.ru не принял client id или secret приложения. Проверьте их в настройках Отклика.',
        'hh.ru did not accept the app’s client id or secret. Check them in Otklik settings.',
      ),
    });
  }
  if (error === 'unsupported_grant_type') return new HhError('internal', { status, value });
  return new HhError('auth', { status, value, ...SIGNED_OUT });
}

function byStatus(status: number, ctx: ErrorContext, retryAt: number | undefined, value?: string): HhError {
  if (status >= 500) return new HhError('server', { status, value });
  if (status === 429) return new HhError('rate', { status, retryAt, value });
  if (status === 401) return new HhError('auth', { status, value, ...SIGNED_OUT });
  if (status === 403) return new HhError(ctx.applicant ? 'app_refused' : 'forbidden', { status, value });
  if (status === 404) return new HhError('not_found', { status, value });
  if (status === 400 || status === 422) return new HhError('bad_argument', { status, value });
  return new HhError('invalid_response', { status, value });
}

/** Which of several errors decides: a captcha or a sign-in problem outranks the rest. */
function rank(e: HhError): number {
  return e.kind === 'captcha' ? 0 : e.kind === 'auth' || e.kind === 'no_app' ? 1 : 2;
}

/**
 * An api.hh.ru error answer as an HhError. Bodies: `{errors:[{type, value}]}` (several may come),
 * the legacy `oauth_error`, the token endpoint's `{error, error_description}`, or not JSON at all
 * (some 5xx, proxies): then the status decides.
 */
export function apiError(status: number, bodyText: string, headers: Headers, ctx: ErrorContext): HhError {
  const retryAt = retryAtFrom(headers, ctx.now);
  if (status >= 500) return new HhError('server', { status });
  let json: unknown;
  try {
    json = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    return byStatus(status, ctx, retryAt);
  }
  const body = ErrorBody.safeParse(json);
  if (!body.success) return byStatus(status, ctx, retryAt);
  const { errors, oauth_error, error, error_description } = body.data;
  const mapped = (errors ?? [])
    .map((raw) => ErrorItem.safeParse(raw))
    .flatMap((p) => (p.success ? [fromItem(p.data, status, ctx, retryAt)] : []))
    .filter((e): e is HhError => e !== null)
    .sort((a, b) => rank(a) - rank(b));
  if (mapped[0]) return mapped[0];
  if (oauth_error) return oauthError(OAUTH_LEGACY[oauth_error] ?? oauth_error, status);
  if (error) return fromTokenEndpoint(error, error_description, status);
  const first = ErrorItem.safeParse(errors?.[0]);
  return byStatus(status, ctx, retryAt, first.success ? [first.data.type, first.data.value].filter(Boolean).join('/') : undefined);
}
