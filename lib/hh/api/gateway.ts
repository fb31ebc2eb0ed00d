/**
 * The Gateway over the official API (api.hh.ru, OAuth bearer), per docs/hh-api.md.
 * Every applicant method is marked so a plain 403 becomes `app_refused` (HH closed those methods
 * to third-party apps in Dec 2025) and the background can fall back to the site session.
 */
import type { ZodType } from '../../zod';
import type { Auth } from './auth';
import type { RequestSpec } from '../http';
import { API_ORIGIN } from '../sites';
import { HhError, notSent } from '../errors';
import { LETTER_MAX_LENGTH } from '../limits';
import type { ApplicationSeen, Gateway } from '../gateway';
import type { ApplyRequest, ApplyResult, Negotiation, NegotiationsPage, Resume } from '../model';
import {
  ApiMe,
  ApiNegotiationsPage,
  ApiResume,
  ApiResumeList,
  ApiResumeStatus,
  ApiResumesByStatus,
  ApiVacancy,
  ApiViewsPage,
  toApplyOptions,
  toMe,
  toNegotiations,
  toResume,
  toVacancy,
  toViewsPage,
  withStatus,
  type ApiVacancy as ApiVacancyT,
} from './parse';

export interface ApiGatewayOptions {
  /** The hh family site (`?host=`), e.g. hh.ru. */
  site: string;
  auth: Pick<Auth, 'authorizedRequest'>;
  /** False when the browser knows it is offline: then nothing was sent. */
  online?: () => boolean;
}

/** Negotiations pages read at most (newest first; enough for marks and the 24 h count). */
export const NEGOTIATION_PAGES = 10;
const NEGOTIATIONS_PER_PAGE = 50;
const VIEWS_PER_PAGE = 20;

const RAISE_REFUSED = {
  ru: 'hh.ru не даёт поднять это резюме: заполните обязательные поля, исправьте замечания модератора или дождитесь проверки.',
  en: 'hh.ru will not raise this resume: fill in the mandatory fields, fix the moderator’s notes, or wait for moderation.',
};

type Params = Record<string, string | number | boolean>;

export function createApiGateway({ site, auth, online = defaultOnline }: ApiGatewayOptions): Gateway {
  const url = (path: string, params: Params = {}): string => {
    const u = new URL(`${API_ORIGIN}${path}`);
    u.searchParams.set('host', site);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
    return u.toString();
  };
  const common = { credentials: 'omit', backUrl: `https://${site}/` } as const;
  const enc = encodeURIComponent;

  async function get<S extends ZodType>(
    path: string,
    schema: S,
    opts: { params?: Params; applicant?: boolean; cacheKey?: string } = {},
  ) {
    const spec: RequestSpec<S> = {
      ...common,
      url: url(path, opts.params),
      read: schema,
      applicant: opts.applicant,
      cacheKey: opts.cacheKey,
    };
    return (await auth.authorizedRequest(spec)).data;
  }

  async function resume(id: string): Promise<Resume> {
    const [full, status] = await Promise.all([
      get(`/resumes/${enc(id)}`, ApiResume, { applicant: true }),
      get(`/resumes/${enc(id)}/status`, ApiResumeStatus, { applicant: true }),
    ]);
    return withStatus(toResume(full), status);
  }

  async function raise(id: string): Promise<Resume> {
    try {
      await auth.authorizedRequest({ ...common, url: url(`/resumes/${enc(id)}/publish`), method: 'POST', read: 'none', applicant: true });
    } catch (e) {
      if (e instanceof HhError && e.kind === 'too_early') {
        // HH's 429 says "too early" but not until when: the resume's next_publish_at does.
        const next = await resume(id).then((r) => r.nextRaiseAt, () => null);
        throw new HhError('too_early', { ...e.info, retryAt: next ?? e.info.retryAt });
      }
      if (e instanceof HhError && e.kind === 'bad_argument' && e.info.status === 400) {
        throw new HhError('bad_argument', { ...e.info, ...RAISE_REFUSED });
      }
      throw e;
    }
    return resume(id);
  }

  /** The vacancy's resumes by status (docs hh-api.md "grouped"): `already_applied` lists the ones used. */
  const resumesByStatus = (vacancyId: string) =>
    get(`/vacancies/${enc(vacancyId)}/resumes_by_status`, ApiResumesByStatus, { applicant: true });

  /**
   * hh.ru's own word about one vacancy: its resumes by status and the negotiations filtered by it
   * (`GET /negotiations?vacancy_id=`). Either one showing an application is enough; a "no" needs both.
   */
  async function application(vacancyId: string): Promise<ApplicationSeen> {
    const [groups, listed] = await Promise.allSettled([
      resumesByStatus(vacancyId),
      get('/negotiations', ApiNegotiationsPage, { applicant: true, params: { vacancy_id: vacancyId, status: 'all' } }),
    ]);
    const found = listed.status === 'fulfilled' ? toNegotiations(listed.value).find((n) => n.vacancyId === vacancyId) : undefined;
    if (found) return { applied: true, negotiationId: found.id };
    if (groups.status === 'fulfilled' && (groups.value.already_applied?.length ?? 0) > 0) return { applied: true, negotiationId: null };
    if (groups.status === 'rejected') throw groups.reason;
    if (listed.status === 'rejected') throw listed.reason;
    return { applied: false };
  }

  /** After an unclear POST: is there now a negotiation for this vacancy (and resume)? */
  async function findApplication(req: ApplyRequest): Promise<Negotiation | null> {
    try {
      const page = await get('/negotiations', ApiNegotiationsPage, {
        applicant: true,
        params: { vacancy_id: req.vacancyId, status: 'all' },
      });
      return (
        toNegotiations(page).find((n) => n.vacancyId === req.vacancyId && (!n.resumeId || n.resumeId === req.resumeId)) ??
        null
      );
    } catch {
      return null;
    }
  }

  function sent(negotiationId: string | null): ApplyResult {
    return {
      kind: 'sent',
      negotiationId,
      chatUrl: negotiationId ? `https://${site}/applicant/negotiations/item?topicId=${enc(negotiationId)}` : null,
    };
  }

  function checkBeforeSending(v: ApiVacancyT, req: ApplyRequest): void {
    if (v.archived) throw new HhError('archived', { value: 'archived' });
    if (v.test?.required) {
      throw new HhError('test_required', { value: 'test_required', url: v.apply_alternate_url ?? v.alternate_url });
    }
    if (v.response_letter_required && req.letter.trim() === '') throw new HhError('letter_required', { value: 'letter_required' });
    if (req.letter.length > LETTER_MAX_LENGTH) throw new HhError('letter_too_long', { value: 'too_long_message' });
  }

  async function apply(req: ApplyRequest): Promise<ApplyResult> {
    // "Already applied" is asked before any POST: a second application must never be hh.ru's to refuse.
    // Until the POST nothing is sent: a failed read is "not sent", never "may have been".
    const [vacancy, groups] = await Promise.all([get(`/vacancies/${enc(req.vacancyId)}`, ApiVacancy), resumesByStatus(req.vacancyId)]).catch(
      (e: unknown) => {
        throw notSent(e);
      },
    );
    if ((groups.already_applied?.length ?? 0) > 0 || (vacancy.relations ?? []).includes('got_response')) {
      throw new HhError('already_applied', { value: 'already_applied' });
    }
    checkBeforeSending(vacancy, req);
    const elsewhere = vacancy.response_url ?? vacancy.alternate_url ?? `https://${site}/vacancy/${req.vacancyId}`;
    // A direct vacancy is applied to on the employer's own site: no request to hh needed.
    if (vacancy.type?.id === 'direct' && vacancy.response_url) return { kind: 'redirect', url: vacancy.response_url };
    if (!online()) throw notSent(new HhError('network', { value: 'offline' }));

    const form = new FormData();
    form.set('vacancy_id', req.vacancyId);
    form.set('resume_id', req.resumeId);
    if (req.letter.trim()) form.set('message', req.letter);

    let res;
    try {
      res = await auth.authorizedRequest({
        ...common,
        url: url('/negotiations'),
        method: 'POST',
        body: form,
        read: 'none',
        redirect: 'manual',
        accept: [303],
        applicant: true,
      });
    } catch (e) {
      if (e instanceof HhError && (e.kind === 'network' || e.kind === 'server')) {
        // It may have reached hh: look, and never send it again.
        const found = await findApplication(req);
        if (found) return sent(found.id);
        return { kind: 'uncertain', detail: e.info.value ?? e.kind };
      }
      throw e;
    }
    const location = res.headers.get('location');
    if (res.opaqueRedirect) return { kind: 'redirect', url: elsewhere };
    if (res.status === 303) return { kind: 'redirect', url: location ? new URL(location, API_ORIGIN).toString() : elsewhere };
    const id = location ? /\/negotiations\/(\d+)/.exec(location)?.[1] : undefined;
    if (res.status === 201 && id) return sent(id);
    const found = await findApplication(req);
    return found ? sent(found.id) : { kind: 'uncertain', detail: `HTTP ${res.status} without a negotiation id` };
  }

  async function negotiationsPage(page: number): Promise<NegotiationsPage> {
    const answer = await get('/negotiations', ApiNegotiationsPage, {
      applicant: true,
      params: { page, per_page: NEGOTIATIONS_PER_PAGE, status: 'all' },
    });
    return { items: toNegotiations(answer, site), page, pages: answer.pages ?? 1 };
  }

  async function negotiations(): Promise<Negotiation[]> {
    const byId = new Map<string, Negotiation>();
    for (let page = 0; page < NEGOTIATION_PAGES; page++) {
      const answer = await negotiationsPage(page);
      for (const n of answer.items) byId.set(n.id, n);
      if (answer.items.length === 0 || page + 1 >= answer.pages) break;
    }
    return [...byId.values()].sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
  }

  return {
    kind: 'api',
    me: async () => toMe(await get('/me', ApiMe)),
    resumes: async () =>
      (await get('/resumes/mine', ApiResumeList, { applicant: true, cacheKey: `api:${site}:/resumes/mine` })).items.map(toResume),
    resume,
    raise,
    views: async (id, page) =>
      toViewsPage(
        await get(`/resumes/${enc(id)}/views`, ApiViewsPage, {
          applicant: true,
          params: { page, per_page: VIEWS_PER_PAGE, with_employer_logo: true },
        }),
        site,
        page,
      ),
    vacancyContext: async (vacancyId) => {
      const [vacancy, groups] = await Promise.all([
        get(`/vacancies/${enc(vacancyId)}`, ApiVacancy),
          resumesByStatus(vacancyId),
      ]);
      const options = toApplyOptions(groups);
      const alreadyApplied =
        (groups.already_applied?.length ?? 0) > 0 || (vacancy.relations ?? []).includes('got_response');
      return { vacancy: toVacancy(vacancy, site), options, alreadyApplied };
    },
    apply,
    negotiations,
    negotiationsPage,
    application,
  };
}

function defaultOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
