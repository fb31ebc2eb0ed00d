/**
 * api.hh.ru: the official API's applicant methods (hh-api.md), answering from the shared state.
 * Every method needs `HH-User-Agent`; applicant methods need a bearer token and answer 403
 * `forbidden` when the sandbox plays HH's Dec 2025 closure (`config.applicantApiRefused`).
 */
import { createHash } from 'node:crypto';
import { empty, html, json } from '../http';
import { checkBearer, revokeEndpoint, tokenEndpoint } from '../oauth';
import type { Resume, SandboxState, User, Vacancy } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { apiError, badArgument, badUserAgent, forbidden, notFound, oauthError } from './errors';
import { API } from './format';
import {
  negotiationItem,
  resumeFull,
  resumeMine,
  resumeNano,
  resumeStatus,
  resumeSuitable,
  vacancyFull,
  vacancyShort,
  viewItem,
} from './serialize';

type Handler = (ctx: SandboxRequest, user: User | null, params: string[]) => SandboxResponse;

interface Route {
  method: string;
  pattern: RegExp;
  /** Needs a signed-in user; `applicant`: also refused under `applicantApiRefused` and for employers. */
  auth: 'none' | 'user' | 'applicant';
  /** Answers carry a weak ETag and honour If-None-Match. */
  etag?: boolean;
  handler: Handler;
}

const SEARCH_DEPTH = 2000;

function paging(ctx: SandboxRequest, defaultPerPage = 20, maxPerPage = 100): { page: number; perPage: number } | SandboxResponse {
  const page = ctx.query.get('page') ?? '0';
  const perPage = ctx.query.get('per_page') ?? String(defaultPerPage);
  if (!/^\d+$/.test(page)) return badArgument('page');
  if (!/^\d+$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > maxPerPage) return badArgument('per_page');
  return { page: Number(page), perPage: Number(perPage) };
}

function paged<T>(all: T[], page: number, perPage: number) {
  return {
    found: all.length,
    pages: Math.ceil(all.length / perPage),
    page,
    per_page: perPage,
    items: all.slice(page * perPage, page * perPage + perPage),
  };
}

function ownResume(state: SandboxState, user: User, id: string): Resume | undefined {
  const r = state.resumes.find((x) => x.hash === id);
  return r && r.userId === user.id ? r : undefined;
}

/** Each resume of the user against one vacancy: HH's four groups. */
function resumesByStatus(state: SandboxState, user: User, v: Vacancy) {
  const groups = { suitable: [] as Resume[], not_published: [] as Resume[], already_applied: [] as Resume[], unavailable: [] as Resume[] };
  const appliedWith = new Set(state.negotiations.filter((n) => n.userId === user.id && n.vacancyId === v.id).map((n) => n.resumeId));
  for (const r of state.resumesOf(user.id)) {
    if (appliedWith.has(r.id)) groups.already_applied.push(r);
    else if (r.status === 'not_published' || r.status === 'on_moderation') groups.not_published.push(r);
    else if (r.status === 'blocked' || v.archived || appliedWith.size > 0) groups.unavailable.push(r);
    else groups.suitable.push(r);
  }
  return groups;
}

const NEGOTIATION_FILTERS: Record<string, (s: string) => boolean> = {
  all: () => true,
  active: (s) => s !== 'discard',
  invitations: (s) => s === 'invitation' || s === 'interview',
  response: (s) => s === 'response',
  discard: (s) => s === 'discard',
  archived: () => false,
};

function searchAnswer(ctx: SandboxRequest, user: User | null, list: Vacancy[]): SandboxResponse {
  const p = paging(ctx);
  if ('status' in p) return p;
  if ((p.page + 1) * p.perPage > SEARCH_DEPTH) return badArgument('page');
  const result = paged(list, p.page, p.perPage);
  return json(200, {
    ...result,
    items: result.items.map((v) => vacancyShort(ctx.state, v, user?.id ?? null)),
    clusters: null,
    arguments: null,
    fixes: null,
    suggests: null,
    alternate_url: `https://hh.ru/search/vacancy?${ctx.query.toString()}`,
  });
}

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/me$/,
    auth: 'user',
    etag: true,
    handler: (ctx, user) => {
      const u = user!;
      const common = {
        id: u.id,
        first_name: u.firstName,
        last_name: u.lastName,
        middle_name: u.middleName,
        mid_name: null,
        email: u.email,
        phone: u.phone.replace(/\D/g, ''),
        is_admin: false,
        is_application: false,
        is_employer_integration: false,
        is_anonymous: false,
      };
      if (!u.isApplicant) {
        return json(200, {
          ...common,
          auth_type: 'employer',
          is_applicant: false,
          is_employer: true,
          employer: { id: '1455037', name: 'ООО «Ромашка» <b>IT</b>', manager_id: '9100001' },
        });
      }
      const resumes = ctx.state.resumesOf(u.id);
      return json(200, {
        ...common,
        auth_type: 'applicant',
        is_applicant: true,
        is_employer: false,
        is_in_search: true,
        counters: {
          new_resume_views: resumes.reduce((n, r) => n + r.newViews, 0),
          resumes_count: resumes.length,
          unread_negotiations: ctx.state.negotiationsOf(u.id).filter((n) => n.hasUpdates).length,
        },
        resumes_url: `${API}/resumes/mine`,
        negotiations_url: `${API}/negotiations`,
        employer: null,
        manager: null,
        personal_manager: null,
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/resumes\/mine$/,
    auth: 'applicant',
    etag: true,
    handler: (ctx, user) => {
      const items = ctx.state.resumesOf(user!.id).map((r) => resumeMine(ctx.state, r));
      return json(200, { found: items.length, pages: 1, page: 0, per_page: items.length, items });
    },
  },
  {
    method: 'GET',
    pattern: /^\/resumes\/([^/]+)$/,
    auth: 'applicant',
    etag: true,
    handler: (ctx, user, [id]) => {
      const r = ownResume(ctx.state, user!, id!);
      return r ? json(200, resumeFull(ctx.state, r)) : notFound();
    },
  },
  {
    method: 'GET',
    pattern: /^\/resumes\/([^/]+)\/status$/,
    auth: 'applicant',
    handler: (ctx, user, [id]) => {
      const r = ownResume(ctx.state, user!, id!);
      return r ? json(200, resumeStatus(ctx.state, r)) : notFound();
    },
  },
  {
    method: 'POST',
    pattern: /^\/resumes\/([^/]+)\/publish$/,
    auth: 'applicant',
    handler: (ctx, user, [id]) => {
      const r = ownResume(ctx.state, user!, id!);
      if (!r) return notFound();
      const outcome = ctx.state.raise(user!.id, r.id, 'api');
      if (outcome.ok) return empty(204);
      switch (outcome.reason) {
        case 'too_early':
          return apiError(429, [{ type: 'resumes', value: 'touch_limit_exceeded' }], { description: 'Resume can not be published now' });
        case 'blocked':
          return apiError(400, [{ type: 'bad_request' }], { description: 'Resume is blocked by moderator' });
        case 'not_published':
          return apiError(400, [{ type: 'bad_request' }], { description: 'Resume is not published: fill in the mandatory fields' });
        default:
          return notFound();
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/resumes\/([^/]+)\/views$/,
    auth: 'applicant',
    handler: (ctx, user, [id]) => {
      const r = ownResume(ctx.state, user!, id!);
      if (!r) return notFound();
      const p = paging(ctx);
      if ('status' in p) return p;
      const result = paged(ctx.state.readViews(r), p.page, p.perPage);
      return json(200, { ...result, items: result.items.map((v) => viewItem(ctx.state, v)), resume: resumeNano(r) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/resumes\/([^/]+)\/similar_vacancies$/,
    auth: 'applicant',
    handler: (ctx, user, [id]) => {
      const r = ownResume(ctx.state, user!, id!);
      return r ? searchAnswer(ctx, user, ctx.state.similarTo(r)) : notFound();
    },
  },
  {
    method: 'GET',
    pattern: /^\/vacancies$/,
    auth: 'none',
    handler: (ctx, user) => {
      const area = ctx.query.get('area');
      const employerId = ctx.query.get('employer_id');
      const list = ctx.state
        .search(ctx.query.get('text') ?? '')
        .filter((v) => (!area || v.area.id === area) && (!employerId || v.employerId === employerId));
      return searchAnswer(ctx, user, list);
    },
  },
  {
    method: 'GET',
    pattern: /^\/vacancies\/(\d+)$/,
    auth: 'none',
    handler: (ctx, user, [id]) => {
      const v = ctx.state.vacancy(id!);
      return v ? json(200, vacancyFull(ctx.state, v, user?.id ?? null)) : notFound();
    },
  },
  {
    method: 'GET',
    pattern: /^\/vacancies\/(\d+)\/suitable_resumes$/,
    auth: 'applicant',
    handler: (ctx, user, [id]) => {
      const v = ctx.state.vacancy(id!);
      if (!v) return notFound();
      const g = resumesByStatus(ctx.state, user!, v);
      const items = g.suitable.map((r) => resumeSuitable(ctx.state, r));
      return json(200, {
        found: items.length,
        pages: 1,
        page: 0,
        per_page: Math.max(items.length, 1),
        items,
        overall: { already_applied: g.already_applied.length, not_published: g.not_published.length, unavailable: g.unavailable.length },
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/vacancies\/(\d+)\/resumes_by_status$/,
    auth: 'applicant',
    handler: (ctx, user, [id]) => {
      const v = ctx.state.vacancy(id!);
      if (!v) return notFound();
      const g = resumesByStatus(ctx.state, user!, v);
      const ser = (list: Resume[]) => list.map((r) => resumeSuitable(ctx.state, r));
      return json(200, {
        suitable: ser(g.suitable),
        not_published: ser(g.not_published),
        already_applied: ser(g.already_applied),
        unavailable: ser(g.unavailable),
        counters: {
          suitable: g.suitable.length,
          not_published: g.not_published.length,
          already_applied: g.already_applied.length,
          unavailable: g.unavailable.length,
        },
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/negotiations$/,
    auth: 'applicant',
    etag: true,
    handler: (ctx, user) => {
      const status = ctx.query.get('status') ?? 'all';
      const filter = NEGOTIATION_FILTERS[status];
      if (!filter) return badArgument('status');
      const p = paging(ctx, 20, 100);
      if ('status' in p) return p;
      const vacancyId = ctx.query.get('vacancy_id');
      const hasUpdates = ctx.query.get('has_updates');
      const orderBy = ctx.query.get('order_by') ?? 'updated_at';
      const order = ctx.query.get('order') ?? 'desc';
      const key = orderBy === 'created_at' ? 'createdAt' : 'updatedAt';
      const list = ctx.state
        .negotiationsOf(user!.id)
        .filter((n) => filter(n.state))
        .filter((n) => !vacancyId || n.vacancyId === vacancyId)
        .filter((n) => hasUpdates !== 'true' || n.hasUpdates)
        .sort((a, b) => (order === 'asc' ? a[key] - b[key] : b[key] - a[key]));
      const result = paged(list, p.page, p.perPage);
      return json(200, { ...result, items: result.items.map((n) => negotiationItem(ctx.state, n)) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/negotiations$/,
    auth: 'applicant',
    handler: (ctx, user) => {
      const vacancyId = ctx.form.vacancy_id;
      const resumeId = ctx.form.resume_id;
      if (!vacancyId || !/^\d+$/.test(vacancyId)) return badArgument('vacancy_id');
      if (!resumeId) return badArgument('resume_id');
      // The API knows resumes by hash only.
      const r = ctx.state.resumes.find((x) => x.hash === resumeId);
      const outcome = ctx.state.apply(user!, vacancyId, r ? r.id : `missing:${resumeId}`, ctx.form.message ?? '', 'api');
      if (outcome.ok) {
        return html(201, '', { location: `/negotiations/${outcome.negotiation.id}` });
      }
      const refuse = (status: number, value: string) => apiError(status, [{ type: 'negotiations', value }], { description: value });
      switch (outcome.reason) {
        case 'vacancy_not_found':
        case 'resume_not_found':
          return refuse(400, outcome.reason);
        case 'limit_exceeded':
          return refuse(400, 'limit_exceeded');
        case 'direct':
          return html(303, '', { location: outcome.vacancy?.directUrl ?? 'https://hh.ru/' });
        case 'archived':
          return refuse(403, 'invalid_vacancy');
        case 'not_published':
          return refuse(403, 'resume_not_found');
        case 'letter_required':
          return refuse(403, 'empty_message');
        case 'already_applied':
        case 'test_required':
        case 'too_long_message':
          return refuse(403, outcome.reason);
        case 'not_applicant':
          return forbidden();
      }
    },
  },
];

function weakEtag(body: string | Buffer | undefined): string {
  return `W/"${createHash('sha1').update(body ?? '').digest('hex')}"`;
}

function withEtag(ctx: SandboxRequest, answer: SandboxResponse): SandboxResponse {
  if (answer.status !== 200) return answer;
  const etag = weakEtag(answer.body);
  const cache = { etag, 'cache-control': 'max-age=0, private, must-revalidate' };
  const inm = ctx.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag)) return empty(304, cache);
  return { ...answer, headers: { ...answer.headers, ...cache } };
}

/** api.hh.ru: null when no route matches (the core answers 404). */
export function handleApi(ctx: SandboxRequest): SandboxResponse | null {
  if (ctx.path === '/token' && ctx.method === 'POST') return tokenEndpoint(ctx);
  if (ctx.path === '/oauth/token' && ctx.method === 'DELETE') return revokeEndpoint(ctx);

  const route = ROUTES.find((r) => r.method === ctx.method && r.pattern.test(ctx.path));
  if (!route) {
    return ROUTES.some((r) => r.pattern.test(ctx.path))
      ? apiError(405, [{ type: 'method_not_allowed' }], { description: 'Method Not Allowed' })
      : notFound();
  }
  if (!ctx.headers['hh-user-agent']) return badUserAgent('unset');

  const auth = checkBearer(ctx);
  if (auth && !auth.ok) return auth.answer;
  const user = auth?.user ?? null;
  if (route.auth !== 'none' && !user) return oauthError('user_auth_expected');
  if (route.auth === 'applicant' && (ctx.state.config.applicantApiRefused || !user!.isApplicant)) return forbidden();

  const params = route.pattern.exec(ctx.path)!.slice(1).map(decodeURIComponent);
  const answer = route.handler(ctx, user, params);
  return route.etag ? withEtag(ctx, answer) : answer;
}
