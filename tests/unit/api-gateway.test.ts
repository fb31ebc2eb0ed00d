import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiGateway } from '../../lib/hh/api/gateway';
import { parseHhDate, toNegotiations } from '../../lib/hh/api/parse';
import { createHttp, type RequestSpec, type Read } from '../../lib/hh/http';
import { httpCacheStore, wipeUserData } from '../../lib/store';
import { failure } from './failure';

const HASH_A = '1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f';
const HASH_B = '2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a';

interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  form: FormData | null;
}
type Route = (req: Received) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const refusal = (status: number, type: string, value?: string) => json(status, { errors: [{ type, value }], request_id: 'r1' });

const resumeItem = (over: Record<string, unknown> = {}) => ({
  id: HASH_A,
  title: 'Frontend-разработчик',
  status: { id: 'published', name: 'опубликовано' },
  access: { type: { id: 'everyone', name: 'видно всему интернету' } },
  blocked: false,
  finished: true,
  total_views: 41,
  new_views: 2,
  can_publish_or_update: true,
  next_publish_at: '2026-11-25T08:00:00+0300',
  updated_at: '2026-11-25T04:00:00+0300',
  alternate_url: `https://hh.ru/resume/${HASH_A}`,
  photo: null,
  middle_name: null,
  ...over,
});

const vacancy = (over: Record<string, unknown> = {}) => ({
  id: '70000001',
  name: 'Frontend-разработчик (React)',
  employer: { id: '9001', name: 'Ромашка', logo_urls: { '90': 'https://hh.ru/logo/9001.png', original: null }, trusted: true },
  key_skills: [{ name: 'React' }, { name: 'TypeScript' }],
  salary: { from: 200000, to: null, currency: 'RUR', gross: false },
  experience: { id: 'between1And3', name: 'От 1 года до 3 лет' },
  area: { id: '1', name: 'Москва', url: 'https://api.hh.ru/areas/1' },
  archived: false,
  has_test: false,
  test: null,
  response_letter_required: false,
  response_url: null,
  apply_alternate_url: 'https://hh.ru/applicant/vacancy_response?vacancyId=70000001',
  alternate_url: 'https://hh.ru/vacancy/70000001',
  type: { id: 'open', name: 'Открытая' },
  relations: [],
  branded_description: null,
  ...over,
});

/** A fake api.hh.ru: routes by "METHOD /path"; remembers every request it received. */
function fakeApi(routes: Record<string, Route>) {
  const received: Received[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const req: Received = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      form: init?.body instanceof FormData ? init.body : null,
    };
    received.push(req);
    const route = routes[`${req.method} ${req.path}`];
    return route ? route(req) : refusal(404, 'not_found');
  };
  const http = createHttp({ fetch, cache: httpCacheStore, sleep: async () => undefined, random: () => 0 });
  const auth = {
    authorizedRequest: <R extends Read = 'none'>(spec: Omit<RequestSpec<R>, 'bearer'>) =>
      http.request({ ...spec, bearer: 'USERTOKEN' } as RequestSpec<R>),
  };
  const gateway = (online = true) => createApiGateway({ site: 'hh.ru', auth, online: () => online });
  return { received, gateway, posts: () => received.filter((r) => r.method === 'POST') };
}


beforeEach(async () => {
  fakeBrowser.reset();
  await wipeUserData();
});

describe('dates as HH writes them', () => {
  it('reads offsets without a colon, with a colon, Z and fractions', () => {
    expect(parseHhDate('2013-10-07T18:30:57+0400')).toBe(Date.UTC(2013, 9, 7, 14, 30, 57));
    expect(parseHhDate('2013-10-07T18:30:57-03:30')).toBe(Date.UTC(2013, 9, 7, 22, 0, 57));
    expect(parseHhDate('2022-03-04T16:39:58.857853Z')).toBe(Date.UTC(2022, 2, 4, 16, 39, 58, 858));
    expect(parseHhDate('вчера')).toBeNull();
    expect(parseHhDate(null)).toBeNull();
  });
});

describe('the user and their resumes', () => {
  it('shows who is signed in', async () => {
    const api = fakeApi({
      'GET /me': () =>
        json(200, { id: '5001', first_name: 'Анна', last_name: 'Смирнова', middle_name: null, email: 'anna@example.ru', is_applicant: true, counters: { new_resume_views: 4, unread_negotiations: 1 } }),
    });
    expect(await api.gateway().me()).toEqual({ id: '5001', firstName: 'Анна', lastName: 'Смирнова', email: 'anna@example.ru', newResumeViews: 4 });
    expect(api.received[0]!.query.get('host')).toBe('hh.ru');
  });

  it('lists resumes with raise times and statuses, and revalidates them with ETag', async () => {
    const list = {
      found: 3,
      items: [
        resumeItem(),
        resumeItem({ id: HASH_B, title: 'Курьер', status: { id: 'not_published' }, can_publish_or_update: true, next_publish_at: null, access: { type: 'no_one' } }),
        resumeItem({ id: 'c3', title: 'Бариста', blocked: true, status: { id: 'published' }, can_publish_or_update: false }),
      ],
    };
    let tag = 0;
    const api = fakeApi({
      'GET /resumes/mine': () => (tag++ === 0 ? json(200, list, { etag: 'W/"a"' }) : new Response(null, { status: 304 })),
    });
    const g = api.gateway();
    const resumes = await g.resumes();
    expect(resumes.map((r) => [r.title, r.status, r.canRaise, r.nextRaiseAt, r.searchable])).toEqual([
      ['Frontend-разработчик', 'published', true, Date.UTC(2026, 10, 25, 5, 0, 0), true],
      ['Курьер', 'not_published', false, null, false],
      ['Бариста', 'blocked', false, Date.UTC(2026, 10, 25, 5, 0, 0), false],
    ]);
    expect(resumes[0]).toMatchObject({ totalViews: 41, newViews: 2, access: 'everyone' });
    expect(await g.resumes()).toEqual(resumes);
  });

  it('reads one resume with progress and the moderator’s notes from its status', async () => {
    const api = fakeApi({
      [`GET /resumes/${HASH_A}`]: () =>
        json(200, resumeItem({ _progress: { percentage: 55, mandatory: [], recommended: ['photo'] }, skill_set: ['React'], salary: { amount: 200000, currency: 'RUR' }, total_experience: { months: 30 } })),
      [`GET /resumes/${HASH_A}/status`]: () =>
        json(200, {
          blocked: true,
          finished: true,
          can_publish_or_update: false,
          status: { id: 'published', name: 'опубликовано' },
          progress: { percentage: 80, mandatory: [{ id: 'contact', name: 'Контакты' }], recommended: [{ id: 'photo', name: 'Фото' }] },
          moderation_note: [{ id: 'bad', name: 'Резюме составлено небрежно.' }],
        }),
    });
    expect(await api.gateway().resume(HASH_A)).toMatchObject({
      status: 'blocked',
      canRaise: false,
      progress: { percentage: 80, mandatory: ['Контакты'], recommended: ['Фото'] },
      moderationNotes: ['Резюме составлено небрежно.'],
      skills: ['React'],
      salary: { amount: 200000, currency: 'RUR' },
      experienceMonths: 30,
    });
  });
});

describe('raising a resume', () => {
  it('publishes, then returns the resume as hh now has it', async () => {
    let raised = false;
    const api = fakeApi({
      [`POST /resumes/${HASH_A}/publish`]: () => {
        raised = true;
        return new Response(null, { status: 204 });
      },
      [`GET /resumes/${HASH_A}`]: () =>
        json(200, resumeItem(raised ? { can_publish_or_update: false, next_publish_at: '2026-11-25T16:00:00+0300' } : {})),
      [`GET /resumes/${HASH_A}/status`]: () => json(200, { status: { id: 'published' }, can_publish_or_update: !raised }),
    });
    const r = await api.gateway().raise(HASH_A);
    expect(r).toMatchObject({ canRaise: false, nextRaiseAt: Date.UTC(2026, 10, 25, 13, 0, 0) });
    expect(api.posts()).toHaveLength(1);
  });

  it('says when it can be raised when hh says too early', async () => {
    const api = fakeApi({
      [`POST /resumes/${HASH_A}/publish`]: () => refusal(429, 'resumes', 'touch_limit_exceeded'),
      [`GET /resumes/${HASH_A}`]: () => json(200, resumeItem({ can_publish_or_update: false, next_publish_at: '2026-11-25T12:30:00+0300' })),
      [`GET /resumes/${HASH_A}/status`]: () => json(200, { status: { id: 'published' }, can_publish_or_update: false }),
    });
    expect(await failure(api.gateway().raise(HASH_A))).toMatchObject({ kind: 'too_early', retryAt: Date.UTC(2026, 10, 25, 9, 30, 0) });
    expect(api.posts()).toHaveLength(1);
  });

  it('explains a resume hh will not publish', async () => {
    const api = fakeApi({ [`POST /resumes/${HASH_A}/publish`]: () => refusal(400, 'bad_request') });
    const info = await failure(api.gateway().raise(HASH_A));
    expect(info.kind).toBe('bad_argument');
    expect(info.en).toMatch(/mandatory fields/);
  });

  it('reports HH’s closure of applicant methods as “refused this app”', async () => {
    const api = fakeApi({ [`POST /resumes/${HASH_A}/publish`]: () => refusal(403, 'forbidden') });
    expect((await failure(api.gateway().raise(HASH_A))).kind).toBe('app_refused');
  });
});

describe('who viewed a resume', () => {
  it('pages through views; a hidden viewer is anonymous', async () => {
    const api = fakeApi({
      [`GET /resumes/${HASH_A}/views`]: (req) =>
        json(200, {
          found: 25,
          page: Number(req.query.get('page')),
          pages: 2,
          per_page: 20,
          items: [
            {
              created_at: '2026-11-24T19:05:58+0300',
              viewed: false,
              employer: { id: '1455', name: 'HeadHunter', logo_urls: { '90': 'https://hh.ru/employer/logo/1455' }, alternate_url: 'https://hh.ru/employer/1455', vacancies_url: 'https://api.hh.ru/vacancies?employer_id=1455' },
            },
            { created_at: '2026-11-24T10:00:00+0300', viewed: true, employer: { name: 'Анонимная компания' } },
            { created_at: '2026-11-23T10:00:00+0300', viewed: true, employer: null },
          ],
          resume: { id: HASH_A, title: 'Frontend-разработчик' },
        }),
    });
    const page = await api.gateway().views(HASH_A, 1);
    expect(api.received[0]!.query.get('page')).toBe('1');
    expect(page).toMatchObject({ page: 1, pages: 2, found: 25 });
    expect(page.items[0]).toEqual({
      at: Date.UTC(2026, 10, 24, 16, 5, 58),
      viewed: false,
      employer: {
        id: '1455',
        name: 'HeadHunter',
        logoUrl: 'https://hh.ru/employer/logo/1455',
        url: 'https://hh.ru/employer/1455',
        vacanciesUrl: 'https://hh.ru/search/vacancy?employer_id=1455',
      },
    });
    expect(page.items.slice(1).map((v) => v.employer)).toEqual([null, null]);
  });
});

describe('a vacancy: which resumes can apply and what it needs', () => {
  it('groups resumes with the reason each cannot apply', async () => {
    const api = fakeApi({
      'GET /vacancies/70000001': () => json(200, vacancy({ response_letter_required: true, has_test: true, test: { required: false } })),
      'GET /vacancies/70000001/resumes_by_status': () =>
        json(200, {
          suitable: [resumeItem(), resumeItem({ id: 'inc', title: 'Неполное', requires_completion: true })],
          not_published: [resumeItem({ id: HASH_B, status: { id: 'not_published' } })],
          already_applied: [],
          unavailable: [resumeItem({ id: 'blk', blocked: true })],
          counters: { suitable: 2, not_published: 1, already_applied: 0, unavailable: 1 },
        }),
    });
    const ctx = await api.gateway().vacancyContext('70000001');
    expect(ctx.vacancy).toMatchObject({
      id: '70000001',
      name: 'Frontend-разработчик (React)',
      employer: { id: '9001', name: 'Ромашка', logoUrl: 'https://hh.ru/logo/9001.png' },
      keySkills: ['React', 'TypeScript'],
      experience: 'between1And3',
      area: 'Москва',
      letterRequired: true,
      hasTest: true,
      testRequired: false,
      archived: false,
    });
    expect(ctx.options.map((o) => [o.resume.id, o.canApply, o.reason])).toEqual([
      [HASH_A, true, null],
      ['inc', false, 'incomplete'],
      [HASH_B, false, 'not_published'],
      ['blk', false, 'blocked'],
    ]);
    expect(ctx.alreadyApplied).toBe(false);
  });

  it('knows the user already applied', async () => {
    const api = fakeApi({
      'GET /vacancies/70000001': () => json(200, vacancy({ relations: ['got_response'] })),
      'GET /vacancies/70000001/resumes_by_status': () => json(200, { suitable: [], already_applied: [resumeItem()] }),
    });
    const ctx = await api.gateway().vacancyContext('70000001');
    expect(ctx.alreadyApplied).toBe(true);
    expect(ctx.options[0]).toMatchObject({ canApply: false, reason: 'already_applied' });
  });
});

describe('applying', () => {
  const APPLY = { vacancyId: '70000001', resumeId: HASH_A, letter: 'Здравствуйте! Мне интересна вакансия.' };
  const withVacancy = (over: Record<string, unknown>, routes: Record<string, Route> = {}) =>
    fakeApi({
      'GET /vacancies/70000001': () => json(200, vacancy(over)),
      'GET /vacancies/70000001/resumes_by_status': () => json(200, { suitable: [resumeItem()], already_applied: [] }),
      ...routes,
    });

  it('asks hh.ru whether this vacancy already has an application before any POST, and sends nothing if so', async () => {
    const api = withVacancy({}, {
      'GET /vacancies/70000001/resumes_by_status': () => json(200, { suitable: [], already_applied: [resumeItem()] }),
      'POST /negotiations': () => new Response('<html/>', { status: 201, headers: { location: '/negotiations/4200000123' } }),
    });
    expect((await failure(api.gateway().apply(APPLY))).kind).toBe('already_applied');
    expect(api.posts()).toHaveLength(0);
    const got = withVacancy({ relations: ['got_response'] });
    expect((await failure(got.gateway().apply(APPLY))).kind).toBe('already_applied');
    expect(got.posts()).toHaveLength(0);
  });

  it('sends one multipart application and links to the conversation', async () => {
    const api = withVacancy({}, {
      'POST /negotiations': () => new Response('<html/>', { status: 201, headers: { location: '/negotiations/4200000123' } }),
    });
    const result = await api.gateway().apply(APPLY);
    expect(result).toEqual({
      kind: 'sent',
      negotiationId: '4200000123',
      chatUrl: 'https://hh.ru/applicant/negotiations/item?topicId=4200000123',
    });
    const [post] = api.posts();
    expect(api.posts()).toHaveLength(1);
    expect(post!.form?.get('vacancy_id')).toBe('70000001');
    expect(post!.form?.get('resume_id')).toBe(HASH_A);
    expect(post!.form?.get('message')).toBe(APPLY.letter);
  });

  it.each([
    ['a letter the vacancy requires is missing', { response_letter_required: true }, { ...APPLY, letter: '  ' }, 'letter_required'],
    ['the vacancy is archived', { archived: true }, APPLY, 'archived'],
    ['the employer requires a test', { has_test: true, test: { required: true } }, APPLY, 'test_required'],
    ['the letter is over HH’s limit', {}, { ...APPLY, letter: 'я'.repeat(10_001) }, 'letter_too_long'],
  ])('sends nothing when %s', async (_name, over, req, kind) => {
    const api = withVacancy(over);
    const info = await failure(api.gateway().apply(req));
    expect(info.kind).toBe(kind);
    expect(api.posts()).toHaveLength(0);
    if (kind === 'test_required') expect(info.url).toBe('https://hh.ru/applicant/vacancy_response?vacancyId=70000001');
  });

  it('sends the person to the employer’s site for a direct vacancy', async () => {
    const api = withVacancy({ type: { id: 'direct' }, response_url: 'https://career.example.ru/apply/1' });
    expect(await api.gateway().apply(APPLY)).toEqual({ kind: 'redirect', url: 'https://career.example.ru/apply/1' });
    expect(api.posts()).toHaveLength(0);
  });

  it('follows hh’s 303 to the employer’s site', async () => {
    const api = withVacancy({}, {
      'POST /negotiations': () => new Response('', { status: 303, headers: { location: 'https://career.example.ru/apply/2' } }),
    });
    expect(await api.gateway().apply(APPLY)).toEqual({ kind: 'redirect', url: 'https://career.example.ru/apply/2' });
  });

  it('does not resend after a connection lost mid-way: the outcome is uncertain', async () => {
    const api = withVacancy({}, {
      'POST /negotiations': () => Promise.reject(new TypeError('Failed to fetch')),
      'GET /negotiations': () => json(200, { items: [], page: 0, pages: 1 }),
    });
    expect(await api.gateway().apply(APPLY)).toMatchObject({ kind: 'uncertain' });
    expect(api.posts()).toHaveLength(1);
  });

  it('confirms an application that went through before the connection broke', async () => {
    const api = withVacancy({}, {
      'POST /negotiations': () => new Response('', { status: 502 }),
      'GET /negotiations': () =>
        json(200, { items: [{ id: '4200000777', state: { id: 'response' }, vacancy: { id: '70000001' }, resume: { id: HASH_A } }], pages: 1 }),
    });
    expect(await api.gateway().apply(APPLY)).toMatchObject({ kind: 'sent', negotiationId: '4200000777' });
    expect(api.posts()).toHaveLength(1);
  });

  it('sends nothing while the browser is offline, and says it was not sent', async () => {
    const api = withVacancy({});
    expect(await failure(api.gateway(false).apply(APPLY))).toMatchObject({ kind: 'network', notSent: true });
    expect(api.posts()).toHaveLength(0);
  });

  it('a read before the POST that fails is "not sent", not "may have been sent"', async () => {
    const api = withVacancy({}, { 'GET /vacancies/70000001/resumes_by_status': () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await failure(api.gateway().apply(APPLY))).toMatchObject({ kind: 'network', notSent: true });
    expect(api.posts()).toHaveLength(0);
  });

  it.each([
    ['already_applied', 'already_applied'],
    ['limit_exceeded', 'limit'],
    ['application_denied', 'forbidden'],
  ])('shows hh’s refusal %s', async (value, kind) => {
    const api = withVacancy({}, { 'POST /negotiations': () => refusal(403, 'negotiations', value) });
    expect((await failure(api.gateway().apply(APPLY))).kind).toBe(kind);
    expect(api.posts()).toHaveLength(1);
  });

  it('reports the closed applicant API as “refused this app”', async () => {
    const api = withVacancy({}, { 'POST /negotiations': () => refusal(403, 'forbidden') });
    expect((await failure(api.gateway().apply(APPLY))).kind).toBe('app_refused');
  });
});

describe('one vacancy: is there an application to it?', () => {
  const negotiation = { id: '4200000777', state: { id: 'response' }, vacancy: { id: '70000001' }, resume: { id: HASH_A } };
  const routes = (byStatus: Route, listed: Route) =>
    fakeApi({ 'GET /vacancies/70000001/resumes_by_status': byStatus, 'GET /negotiations': listed });

  it('the negotiations filtered by this vacancy show it: applied, with the conversation', async () => {
    const api = routes(
      () => json(200, { suitable: [resumeItem()], already_applied: [] }),
      () => json(200, { items: [negotiation], pages: 1 }),
    );
    expect(await api.gateway().application('70000001')).toEqual({ applied: true, negotiationId: '4200000777' });
    const list = api.received.find((r) => r.path === '/negotiations')!;
    expect(list.query.get('vacancy_id')).toBe('70000001');
  });

  it('the vacancy’s resumes by status list one as already applied: applied, even when the list read fails', async () => {
    const api = routes(
      () => json(200, { suitable: [], already_applied: [resumeItem()] }),
      () => json(503, {}),
    );
    expect(await api.gateway().application('70000001')).toEqual({ applied: true, negotiationId: null });
  });

  it('"no" only when both say no; a failed read is not a "no"', async () => {
    const none = routes(
      () => json(200, { suitable: [resumeItem()], already_applied: [] }),
      () => json(200, { items: [{ ...negotiation, vacancy: { id: '70000002' } }], pages: 1 }),
    );
    expect(await none.gateway().application('70000001')).toEqual({ applied: false });
    const failing = routes(
      () => json(200, { suitable: [resumeItem()], already_applied: [] }),
      () => Promise.reject(new TypeError('Failed to fetch')),
    );
    expect((await failure(failing.gateway().application('70000001'))).kind).toBe('network');
  });
});

describe('the user’s applications', () => {
  const topic = (id: string, state: string, updated: string, vacancyId = id) => ({
    id,
    state: { id: state, name: state },
    created_at: '2026-11-01T10:00:00+0300',
    updated_at: updated,
    has_updates: false,
    vacancy: { id: vacancyId, name: `Вакансия ${vacancyId}`, employer: { id: '1', name: 'Ромашка' } },
    resume: { id: HASH_A, title: 'Frontend' },
  });

  it('reads every page, newest first, each topic once', async () => {
    const pages = [
      [topic('1', 'response', '2026-11-20T10:00:00+0300'), topic('2', 'invitation', '2026-11-24T10:00:00+0300')],
      [topic('2', 'invitation', '2026-11-24T10:00:00+0300'), topic('3', 'discard', '2026-11-22T10:00:00+0300'), topic('4', 'hired', '2026-11-10T10:00:00+0300')],
    ];
    const api = fakeApi({
      'GET /negotiations': (req) => {
        const page = Number(req.query.get('page'));
        return json(200, { found: 5, page, pages: 2, per_page: 50, items: pages[page] ?? [] });
      },
    });
    const list = await api.gateway().negotiations();
    expect(list.map((n) => [n.id, n.state])).toEqual([
      ['2', 'invitation'],
      ['3', 'discard'],
      ['1', 'response'],
      ['4', 'other'],
    ]);
    expect(list[0]).toMatchObject({ vacancyId: '2', vacancyName: 'Вакансия 2', employerName: 'Ромашка', resumeId: HASH_A });
    expect(api.received).toHaveLength(2);
  });

  it('stops at a sane number of pages', async () => {
    const api = fakeApi({
      'GET /negotiations': (req) =>
        json(200, { page: Number(req.query.get('page')), pages: 500, items: [topic(`t${req.query.get('page')}`, 'response', '2026-11-20T10:00:00+0300')] }),
    });
    expect(await api.gateway().negotiations()).toHaveLength(10);
    expect(api.received).toHaveLength(10);
  });
});

describe('negotiations for the answers poll', () => {
  it('maps has_updates, viewed_by_opponent, the state id as hh.ru wrote it, and a chat on the site', () => {
    const [n] = toNegotiations(
      {
        items: [
          {
            id: '4200000123',
            state: { id: 'discard', name: 'Отказ' },
            created_at: '2026-11-20T10:00:00+0300',
            updated_at: '2026-11-21T12:00:00+0300',
            vacancy: { id: '70000001', name: 'QA', employer: { id: '1', name: 'ООО «Тест»' } },
            resume: { id: HASH_A },
            has_updates: true,
            viewed_by_opponent: true,
          },
        ],
      },
      'hh.kz',
    );
    expect(n).toMatchObject({
      state: 'discard',
      rawState: 'discard',
      hasNewMessages: true,
      viewed: true,
      createdAt: parseHhDate('2026-11-20T10:00:00+0300'),
      updatedAt: parseHhDate('2026-11-21T12:00:00+0300'),
      employerName: 'ООО «Тест»',
      chatUrl: 'https://hh.kz/applicant/negotiations/item?topicId=4200000123',
    });
  });
});
