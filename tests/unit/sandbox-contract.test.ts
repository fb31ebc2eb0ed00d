/**
 * The sandbox keeps HH's rules, so the extension's tests can trust it: the HH-User-Agent rule,
 * OAuth codes and HH's refresh rule, the 4-hour raise rule on the sandbox clock, ETag/304, every
 * fault kind, the refusals of an application, and the request log tests read back.
 */
import { describe, expect, it } from 'vitest';
import { TEST_USER_AGENT, type Reply, type SandboxClient } from '../sandbox/client';
import type { Sandbox } from '../sandbox/server';
import { withSandbox } from './with-sandbox';

let sandbox: Sandbox;
let client: SandboxClient;
withSandbox((s, c) => {
  sandbox = s;
  client = c;
});

const HOUR = 3_600_000;
const CLIENT = { client_id: 'OTKLIK-SANDBOX-CLIENT', client_secret: 'otklik-sandbox-secret' };
const REDIRECT = 'https://mlmfmijdoifemilgnkcpapbabjlkldgo.chromiumapp.org/hh';
const V = { react: '70000001', letter: '70000002', test: '70000003', archived: '70000004', direct: '70000005', other: '70000040' };

type HhErrors = { errors: Array<{ type: string; value?: string; captcha_url?: string }>; request_id: string };

const annaToken = () => sandbox.control.token({ user: 'anna' }).access_token;
const hash = (siteId: string) => sandbox.state.resume(siteId)!.hash;
const firstError = (r: Reply) => r.json<HhErrors>().errors[0];
const apply = (token: string, vacancy_id: string, resumeSiteId: string, message?: string) =>
  client.api('POST', '/negotiations', {
    token,
    multipart: { vacancy_id, resume_id: hash(resumeSiteId), ...(message === undefined ? {} : { message }) },
  });
const applications = () => sandbox.control.dump().applications;

function authorizeForm(extra: Record<string, string>): string {
  return new URLSearchParams({ response_type: 'code', ...{ client_id: CLIENT.client_id }, state: 'st-1', redirect_uri: REDIRECT, ...extra }).toString();
}

async function codeFor(login = 'anna'): Promise<string> {
  const s = sandbox.control.login(login);
  const r = await client.request({
    method: 'POST',
    path: '/oauth/authorize',
    headers: { cookie: `hhtoken=${s.hhtoken}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: authorizeForm({ decision: 'allow' }),
  });
  return new URL(String(r.headers.location)).searchParams.get('code')!;
}

const exchange = (form: Record<string, string>) => client.api('POST', '/token', { form, userAgent: false });

describe('the HH-User-Agent rule and bearer tokens', () => {
  it('refuses a request without HH-User-Agent with 400 bad_user_agent/unset, and answers the same request with it', async () => {
    const token = annaToken();
    const bare = await client.api('GET', '/me', { token, userAgent: false });
    expect(bare.status).toBe(400);
    expect(firstError(bare)).toEqual({ type: 'bad_user_agent', value: 'unset' });
    const ok = await client.api('GET', '/me', { token });
    expect(ok.status).toBe(200);
    expect(ok.json<{ first_name: string; last_name: string }>()).toMatchObject({ first_name: 'Анна', last_name: 'Смирнова' });
  });

  it('tells a missing, a garbage, an expired and a revoked token apart', async () => {
    expect(firstError(await client.api('GET', '/me'))).toEqual({ type: 'oauth', value: 'user_auth_expected' });
    expect(firstError(await client.api('GET', '/me', { token: 'garbage' }))).toEqual({ type: 'oauth', value: 'bad_authorization' });

    const expiring = annaToken();
    sandbox.control.clock({ advance: 1_209_600_000 });
    const expired = await client.api('GET', '/me', { token: expiring });
    expect(expired.status).toBe(403);
    expect(firstError(expired)).toEqual({ type: 'oauth', value: 'token_expired' });

    const revoking = annaToken();
    expect((await client.api('DELETE', '/oauth/token', { token: revoking })).status).toBe(204);
    expect(firstError(await client.api('GET', '/me', { token: revoking }))).toEqual({ type: 'oauth', value: 'token_revoked' });
  });

  it('keeps vacancies public but applicant methods for applicants: an employer gets 403 forbidden', async () => {
    expect((await client.api('GET', `/vacancies/${V.react}`)).status).toBe(200);
    const olga = sandbox.control.token({ user: 'olga' }).access_token;
    expect((await client.api('GET', '/me', { token: olga })).json<{ is_employer: boolean }>().is_employer).toBe(true);
    const refused = await client.api('GET', '/resumes/mine', { token: olga });
    expect(refused.status).toBe(403);
    expect(firstError(refused)).toEqual({ type: 'forbidden' });
  });

  it('plays HH’s closure of applicant methods: /me still answers, resumes and negotiations get 403 forbidden', async () => {
    const token = annaToken();
    sandbox.control.config({ applicantApiRefused: true });
    expect((await client.api('GET', '/me', { token })).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/resumes/mine'],
      ['POST', `/resumes/${hash('1001')}/publish`],
      ['GET', `/resumes/${hash('1001')}/views`],
      ['GET', `/vacancies/${V.react}/suitable_resumes`],
      ['GET', `/vacancies/${V.react}/resumes_by_status`],
      ['GET', '/negotiations'],
    ] as const) {
      const r = await client.api(method, path, { token });
      expect([path, r.status, firstError(r)]).toEqual([path, 403, { type: 'forbidden' }]);
    }
    expect(sandbox.control.dump().raises).toEqual([]);
  });
});

describe('OAuth: Анна lets Otklik in', () => {
  it('without an hh.ru session she first sees a login form, then the consent page with the app and her name', async () => {
    const first = await client.request({ path: `/oauth/authorize?${authorizeForm({})}` });
    expect(first.status).toBe(200);
    expect(first.text).toContain('id="login"');
    expect(first.text).not.toContain('id="allow"');

    const login = await client.request({
      method: 'POST',
      path: '/oauth/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: authorizeForm({ action: 'login', user: 'anna' }),
    });
    expect(login.status).toBe(302);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const hhtoken = /hhtoken=([^;]+)/.exec(cookies.join('\n'))![1]!;

    const consent = await client.request({ path: String(login.headers.location), headers: { cookie: `hhtoken=${hhtoken}` } });
    expect(consent.text).toContain('Otklik');
    expect(consent.text).toContain('Анна Смирнова');
    expect(consent.text).toContain('id="allow"');
    expect(consent.text).toContain('id="deny"');
  });

  it('allow sends her back with a code and the same state; deny with error=access_denied', async () => {
    const s = sandbox.control.login('anna');
    const decide = (decision: string) =>
      client.request({
        method: 'POST',
        path: '/oauth/authorize',
        headers: { cookie: `hhtoken=${s.hhtoken}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: authorizeForm({ decision }),
      });
    const allowed = new URL(String((await decide('allow')).headers.location));
    expect(allowed.origin + allowed.pathname).toBe(REDIRECT);
    expect(allowed.searchParams.get('state')).toBe('st-1');
    expect(allowed.searchParams.get('code')).toMatch(/^\w{16,}$/);
    const denied = new URL(String((await decide('deny')).headers.location));
    expect(Object.fromEntries(denied.searchParams)).toEqual({ error: 'access_denied', state: 'st-1' });
  });

  it('shows an error page, not a redirect, for an unknown client or a foreign redirect_uri', async () => {
    const unknown = await client.request({ path: `/oauth/authorize?${authorizeForm({ client_id: 'SOMEONE-ELSE' })}` });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.location).toBeUndefined();
    const foreign = await client.request({ path: `/oauth/authorize?${authorizeForm({ redirect_uri: 'https://evil.example/cb' })}` });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.location).toBeUndefined();
  });

  it('a code works once and only for 10 minutes', async () => {
    const code = await codeFor();
    const first = await exchange({ grant_type: 'authorization_code', ...CLIENT, redirect_uri: REDIRECT, code });
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ token_type: 'bearer', expires_in: 1_209_600 });
    const again = await exchange({ grant_type: 'authorization_code', ...CLIENT, redirect_uri: REDIRECT, code });
    expect(again.json()).toEqual({ error: 'invalid_grant', error_description: 'code has already been used' });

    const late = await codeFor();
    sandbox.control.clock({ advance: 10 * 60_000 + 1000 });
    const expired = await exchange({ grant_type: 'authorization_code', ...CLIENT, redirect_uri: REDIRECT, code: late });
    expect(expired.json()).toEqual({ error: 'invalid_grant', error_description: 'code expired' });
  });

  it('refreshes only after the access token expired, and only once (HH’s rule), on both token endpoints', async () => {
    const code = await codeFor();
    const pair = (await exchange({ grant_type: 'authorization_code', ...CLIENT, redirect_uri: REDIRECT, code })).json<{
      access_token: string;
      refresh_token: string;
    }>();
    const early = await exchange({ grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(early.status).toBe(400);
    expect(early.json()).toEqual({ error: 'invalid_grant', error_description: 'token not expired' });

    sandbox.control.clock({ advance: 1_209_600_000 + 1000 });
    expect(firstError(await client.api('GET', '/me', { token: pair.access_token }))).toEqual({ type: 'oauth', value: 'token_expired' });
    const fresh = await client.request({
      host: 'hh.ru',
      method: 'POST',
      path: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: pair.refresh_token }).toString(),
    });
    expect(fresh.status).toBe(200);
    const next = fresh.json<{ access_token: string }>();
    expect((await client.api('GET', '/me', { token: next.access_token })).status).toBe(200);

    const twice = await exchange({ grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(twice.json()).toEqual({ error: 'invalid_grant', error_description: 'token has already been refreshed' });
  });
});

describe('the raise rule on the sandbox clock', () => {
  it('raises once, refuses with touch_limit_exceeded until 4 hours pass, then raises again', async () => {
    const token = annaToken();
    const publish = () => client.api('POST', `/resumes/${hash('1001')}/publish`, { token });
    const raisedAt = sandbox.state.now();
    expect((await publish()).status).toBe(204);

    const tooEarly = await publish();
    expect(tooEarly.status).toBe(429);
    expect(firstError(tooEarly)).toEqual({ type: 'resumes', value: 'touch_limit_exceeded' });

    const mine = (await client.api('GET', '/resumes/mine', { token })).json<{ items: Array<{ id: string; next_publish_at: string | null; can_publish_or_update: boolean }> }>();
    const raised = mine.items.find((r) => r.id === hash('1001'))!;
    expect(raised.can_publish_or_update).toBe(false);
    expect(Date.parse(raised.next_publish_at!.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))).toBeGreaterThanOrEqual(raisedAt + 4 * HOUR - 1000);

    sandbox.control.clock({ advance: 4 * HOUR - 60_000 });
    expect((await publish()).status).toBe(429);
    const { now } = (await client.control('POST', '/clock', { advance: 61_000 })).json<{ now: number }>();
    const again = await publish();
    expect(again.status).toBe(204);
    expect(Math.abs(Date.parse(String(again.headers.date)) - now)).toBeLessThan(5000);
    expect(sandbox.control.dump().raises.map((r) => r.via)).toEqual(['api', 'api']);
  });

  it('refuses to raise an unpublished or blocked resume with 400 bad_request', async () => {
    const token = annaToken();
    for (const id of ['1003', '1004']) {
      const r = await client.api('POST', `/resumes/${hash(id)}/publish`, { token });
      expect([id, r.status, firstError(r)]).toEqual([id, 400, { type: 'bad_request' }]);
    }
  });

  it('lets a test move a resume’s next raise through the control endpoint', async () => {
    const token = annaToken();
    const patched = await client.control('POST', '/resume', { id: '1002', nextPublishAt: sandbox.state.now() - 1000 });
    expect(patched.status).toBe(200);
    expect((await client.api('POST', `/resumes/${hash('1002')}/publish`, { token })).status).toBe(204);
    expect((await client.control('POST', '/resume', { id: '1002', views: [] })).status).toBe(400);
  });
});

describe('ETag and If-None-Match', () => {
  it('answers 304 with no body while /resumes/mine is unchanged, and 200 with a new ETag after a raise', async () => {
    const token = annaToken();
    const first = await client.api('GET', '/resumes/mine', { token });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const same = await client.api('GET', '/resumes/mine', { token, headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');

    await client.api('POST', `/resumes/${hash('1001')}/publish`, { token });
    const changed = await client.api('GET', '/resumes/mine', { token, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('sends ETags on /me, /resumes/{id} and /negotiations, and none on other methods', async () => {
    const token = annaToken();
    for (const path of ['/me', `/resumes/${hash('1001')}`, '/negotiations']) {
      const r = await client.api('GET', path, { token });
      expect([path, typeof r.headers.etag]).toEqual([path, 'string']);
      expect((await client.api('GET', path, { token, headers: { 'if-none-match': String(r.headers.etag) } })).status).toBe(304);
    }
    for (const path of [`/resumes/${hash('1001')}/status`, `/vacancies/${V.react}`, '/vacancies']) {
      expect([path, (await client.api('GET', path, { token })).headers.etag]).toEqual([path, undefined]);
    }
  });
});

describe('applications through the API', () => {
  it('an application lands in her negotiations, with the letter, and shows in the vacancy’s relations', async () => {
    const token = annaToken();
    const created = await apply(token, V.letter, '1001', 'Здравствуйте! Прошу рассмотреть моё резюме.');
    expect(created.status).toBe(201);
    const id = /\/negotiations\/(\d+)$/.exec(String(created.headers.location))![1];
    const list = (await client.api('GET', '/negotiations?status=response', { token })).json<{ items: Array<{ id: string; vacancy: { id: string } }> }>();
    expect(list.items.find((n) => n.id === id)?.vacancy.id).toBe(V.letter);
    const vacancy = (await client.api('GET', `/vacancies/${V.letter}`, { token })).json<{ relations: string[] }>();
    expect(vacancy.relations).toContain('got_response');
    expect(applications()).toMatchObject([{ vacancyId: V.letter, resumeId: '1001', via: 'api', message: 'Здравствуйте! Прошу рассмотреть моё резюме.' }]);
  });

  it('refuses in HH’s words: already applied, test, archived, letter missing or too long, unknown ids', async () => {
    const token = annaToken();
    await apply(token, V.react, '1001');
    const cases: Array<[string, Promise<Reply>, number, { type: string; value?: string }]> = [
      ['again, other resume', apply(token, V.react, '1002'), 403, { type: 'negotiations', value: 'already_applied' }],
      ['required test', apply(token, V.test, '1001'), 403, { type: 'negotiations', value: 'test_required' }],
      ['archived', apply(token, V.archived, '1001'), 403, { type: 'negotiations', value: 'invalid_vacancy' }],
      ['no letter', apply(token, V.letter, '1001'), 403, { type: 'negotiations', value: 'empty_message' }],
      ['long letter', apply(token, V.other, '1001', 'а'.repeat(10_001)), 403, { type: 'negotiations', value: 'too_long_message' }],
      ['unknown vacancy', apply(token, '79999999', '1001'), 400, { type: 'negotiations', value: 'vacancy_not_found' }],
      ['Борис’s resume', apply(token, V.other, '1005'), 400, { type: 'negotiations', value: 'resume_not_found' }],
    ];
    for (const [name, pending, status, error] of cases) {
      const r = await pending;
      expect([name, r.status, firstError(r)]).toEqual([name, status, error]);
    }
    expect(applications()).toHaveLength(1);
  });

  it('sends her to the employer’s site for a direct vacancy (303) without recording an application', async () => {
    const r = await apply(annaToken(), V.direct, '1001');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe(sandbox.state.vacancy(V.direct)!.directUrl);
    expect(applications()).toEqual([]);
  });

  it('stops at the daily limit (rolling 24 hours) with limit_exceeded, and lets her go on a day later', async () => {
    const token = annaToken();
    sandbox.control.config({ applyLimit: 2 });
    expect((await apply(token, '70000040', '1001')).status).toBe(201);
    expect((await apply(token, '70000041', '1001')).status).toBe(201);
    const third = await apply(token, '70000042', '1001');
    expect([third.status, firstError(third)]).toEqual([400, { type: 'negotiations', value: 'limit_exceeded' }]);
    sandbox.control.clock({ advance: 24 * HOUR + 1000 });
    const fresh = sandbox.control.token({ user: 'anna' }).access_token;
    expect((await apply(fresh, '70000042', '1001')).status).toBe(201);
  });

  it('groups her resumes for a vacancy: suitable, not published, already applied, unavailable', async () => {
    const token = annaToken();
    type Grouped = Record<'suitable' | 'not_published' | 'already_applied' | 'unavailable', Array<{ id: string }>>;
    const ids = (g: Grouped) => Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'counters').map(([k, v]) => [k, v.map((r) => r.id)]));
    const before = (await client.api('GET', `/vacancies/${V.react}/resumes_by_status`, { token })).json<Grouped>();
    expect(ids(before)).toEqual({ suitable: [hash('1001'), hash('1002')], not_published: [hash('1003')], already_applied: [], unavailable: [hash('1004')] });
    await apply(token, V.react, '1002');
    const after = (await client.api('GET', `/vacancies/${V.react}/resumes_by_status`, { token })).json<Grouped>();
    expect(ids(after)).toEqual({ suitable: [], not_published: [hash('1003')], already_applied: [hash('1002')], unavailable: [hash('1001'), hash('1004')] });
  });
});

describe('views', () => {
  it('a new view raises the counters; reading the history (newest first) resets them', async () => {
    const token = annaToken();
    const added = await client.control('POST', '/views', { resume: '1001', employerId: sandbox.state.employers[1]!.id });
    expect(added.status).toBe(200);
    const me = (await client.api('GET', '/me', { token })).json<{ counters: { new_resume_views: number } }>();
    expect(me.counters.new_resume_views).toBe(3 + 1 + 1);

    const views = (await client.api('GET', `/resumes/${hash('1001')}/views?per_page=5`, { token })).json<{
      found: number;
      items: Array<{ created_at: string; viewed: boolean; employer: { name: string } }>;
    }>();
    expect(views.found).toBe(31);
    expect(views.items[0]!.employer.name).toBe('ООО «Ромашка» <b>IT</b>');
    expect(views.items.map((v) => v.viewed).slice(0, 4)).toEqual([false, false, false, false]);
    const times = views.items.map((v) => Date.parse(v.created_at.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const mine = (await client.api('GET', '/resumes/mine', { token })).json<{ items: Array<{ id: string; new_views: number }> }>();
    expect(mine.items.find((r) => r.id === hash('1001'))!.new_views).toBe(0);
  });
});

describe('faults', () => {
  const me = (token: string) => client.api('GET', '/me', { token });

  it('500, 502 and 503: 503 and 502 come as HTML pages, not JSON', async () => {
    const token = annaToken();
    for (const kind of ['500', '502', '503']) sandbox.control.fault({ host: 'api.hh.ru', path: '/me', kind: kind as '500' });
    const [a, b, c] = [await me(token), await me(token), await me(token)];
    expect([a.status, b.status, c.status]).toEqual([500, 502, 503]);
    expect(String(c.headers['content-type'])).toContain('text/html');
    expect(() => c.json()).toThrow();
    expect((await me(token)).status).toBe(200);
  });

  it('429 carries Retry-After when given, with an empty body on the API', async () => {
    await client.control('POST', '/fault', { path: '/vacancies', kind: '429', retryAfter: 7 });
    const r = await client.api('GET', '/vacancies');
    expect([r.status, r.headers['retry-after'], r.text]).toEqual([429, '7', '']);
  });

  it('captcha: HH’s captcha_required on the API, an hhcaptcha body on the site', async () => {
    sandbox.control.fault({ host: 'api.hh.ru', path: '/vacancies', kind: 'captcha' });
    const api = await client.api('GET', '/vacancies');
    expect(api.status).toBe(403);
    expect(firstError(api)).toMatchObject({ type: 'captcha_required', value: 'captcha_required', captcha_url: 'https://hh.ru/account/captcha?state=x' });
    sandbox.control.fault({ host: 'hh.ru', path: '/applicant/', kind: 'captcha' });
    const site = await client.request({ path: '/applicant/vacancy_response/popup?vacancyId=70000001' });
    expect(site.status).toBe(403);
    expect(site.json<{ hhcaptcha: { isBot: boolean } }>().hhcaptcha.isBot).toBe(true);
  });

  it('token_expired, token_revoked, forbidden and not_found answer as HH does', async () => {
    const token = annaToken();
    const kinds = ['token_expired', 'token_revoked', 'forbidden', 'not_found'] as const;
    for (const kind of kinds) sandbox.control.fault({ path: '/me', kind });
    const got = [];
    for (let i = 0; i < kinds.length; i++) {
      const r = await me(token);
      got.push([r.status, firstError(r)]);
    }
    expect(got).toEqual([
      [403, { type: 'oauth', value: 'token_expired' }],
      [403, { type: 'oauth', value: 'token_revoked' }],
      [403, { type: 'forbidden' }],
      [404, { type: 'not_found' }],
    ]);
    // On hh.ru a refused write gets the site's own 403 HTML page, not the API's JSON.
    sandbox.control.fault({ host: 'hh.ru', method: 'POST', path: '/applicant/vacancy_response/popup', kind: 'forbidden' });
    const site = await client.request({ method: 'POST', path: '/applicant/vacancy_response/popup' });
    expect([site.status, String(site.headers['content-type'])]).toEqual([403, 'text/html; charset=utf-8']);
    expect(site.text).toContain('ForbiddenPage');
  });

  it('malformed, wrong_shape, huge and html200 are 200s whose bodies cannot be trusted', async () => {
    const token = annaToken();
    for (const kind of ['malformed', 'wrong_shape', 'huge', 'html200'] as const) sandbox.control.fault({ path: '/resumes/mine', kind });
    const get = () => client.api('GET', '/resumes/mine', { token });
    const malformed = await get();
    expect(malformed.status).toBe(200);
    expect(() => malformed.json()).toThrow();
    expect((await get()).json()).toEqual({ items: 'nope' });
    const huge = await get();
    expect(huge.text.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(huge.json<{ items: unknown[] }>().items).toHaveLength(4);
    const page = await get();
    expect([page.status, String(page.headers['content-type']).startsWith('text/html')]).toEqual([200, true]);
    expect((await get()).json<{ items: unknown[] }>().items).toHaveLength(4);
  });

  it('drop cuts the connection before hh.ru does anything; drop_after cuts it after the application was made', async () => {
    const token = annaToken();
    sandbox.control.fault({ path: '/negotiations', method: 'POST', kind: 'drop' });
    await expect(apply(token, V.react, '1001')).rejects.toThrow();
    expect(applications()).toEqual([]);
    expect(sandbox.control.log({ path: '/negotiations', method: 'POST' }).map((e) => e.status)).toEqual([0]);

    sandbox.control.fault({ path: '/negotiations', method: 'POST', kind: 'drop_after' });
    await expect(apply(token, V.react, '1001')).rejects.toThrow();
    expect(applications()).toMatchObject([{ vacancyId: V.react }]);
  });

  it('hang never answers until the sandbox is reset', async () => {
    sandbox.control.fault({ path: '/vacancies', kind: 'hang' });
    const pending = client.api('GET', '/vacancies');
    const settled = pending.then(
      () => 'answered',
      () => 'cut',
    );
    await expect.poll(() => sandbox.control.log({ path: '/vacancies' }).length).toBe(1);
    expect(sandbox.control.log({ path: '/vacancies' })[0]!.status).toBeNull();
    sandbox.control.reset();
    expect(await settled).toBe('cut');
  });

  it('counts: once by default, forever with times 0 until cleared; matches by regex, method and host', async () => {
    const token = annaToken();
    sandbox.control.fault({ path: '/^\\/resumes\\/[0-9a-f]+$/', method: 'GET', host: 'api.hh.ru', kind: 'not_found', times: 0 });
    const one = `/resumes/${hash('1001')}`;
    expect((await client.api('GET', one, { token })).status).toBe(404);
    expect((await client.api('GET', one, { token })).status).toBe(404);
    expect((await client.api('GET', '/resumes/mine', { token })).status).toBe(200);
    expect((await client.api('GET', `${one}/status`, { token })).status).toBe(200);
    expect((await client.control('DELETE', '/fault')).status).toBe(200);
    expect((await client.api('GET', one, { token })).status).toBe(200);
  });

  it('latency delays matching answers until cleared with ms 0', async () => {
    await client.control('POST', '/latency', { ms: 150, host: 'api.hh.ru', path: '/vacancies' });
    const started = Date.now();
    expect((await client.api('GET', `/vacancies/${V.react}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await client.control('POST', '/latency', { ms: 0 });
    expect(sandbox.control.log().length).toBe(1);
  });

  it('refuses an unknown fault kind or config key', async () => {
    expect((await client.control('POST', '/fault', { path: '/me', kind: 'gremlins' })).status).toBe(400);
    expect((await client.control('POST', '/config', { raiseVariant: 'teleport' })).status).toBe(400);
    expect((await client.control('POST', '/config', { colour: 'red' })).status).toBe(400);
  });
});

describe('what tests read back', () => {
  it('the log holds what hh.ru received (lowercased headers, body), filtered by host, path and method, and can be cleared', async () => {
    const token = annaToken();
    await apply(token, V.react, '1001', 'Добрый день!');
    await client.api('GET', '/negotiations', { token });
    const entries = (await client.control('GET', '/log?host=api.hh.ru&path=/negotiations&method=POST')).json<
      Array<{ host: string; method: string; path: string; headers: Record<string, string>; body: string; status: number }>
    >();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ host: 'api.hh.ru', method: 'POST', path: '/negotiations', status: 201 });
    expect(entries[0]!.headers['hh-user-agent']).toBe(TEST_USER_AGENT);
    expect(entries[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(entries[0]!.body).toContain('Добрый день!');
    expect(sandbox.control.log({ path: '/__sandbox' })).toEqual([]);
    await client.control('DELETE', '/log');
    expect(sandbox.control.log()).toEqual([]);
  });

  it('the state dump lists applications, raises and tokens; reset brings the seed back', async () => {
    const token = annaToken();
    await apply(token, V.react, '1001');
    await client.api('POST', `/resumes/${hash('1001')}/publish`, { token });
    const dump = (await client.control('GET', '/state')).json<{ applications: unknown[]; raises: unknown[]; tokens: unknown[] }>();
    expect([dump.applications.length, dump.raises.length, dump.tokens.length]).toEqual([1, 1, 1]);
    await client.control('POST', '/reset');
    const fresh = (await client.control('GET', '/state')).json<{ applications: unknown[]; raises: unknown[]; tokens: unknown[] }>();
    expect([fresh.applications.length, fresh.raises.length, fresh.tokens.length]).toEqual([0, 0, 0]);
  });

  it('the login shortcut sets hhtoken on .hh.ru and _xsrf on the host, and redirects; logout clears them', async () => {
    const r = await client.control('GET', '/login?user=boris&next=/applicant/resumes');
    expect([r.status, r.headers.location]).toEqual([302, '/applicant/resumes']);
    const cookies = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
    const hhtoken = cookies.find((c) => c.startsWith('hhtoken='))!;
    const xsrf = cookies.find((c) => c.startsWith('_xsrf='))!;
    expect(hhtoken).toMatch(/Domain=hh\.ru/);
    expect(hhtoken).toMatch(/HttpOnly/);
    expect(hhtoken).toMatch(/Secure/);
    expect(xsrf).not.toMatch(/HttpOnly/);
    // `_xsrf` is set per host (hh-site.md, Newer evidence): no Domain, so spb.hh.ru gets its own.
    expect(xsrf).not.toMatch(/Domain=/);
    const session = sandbox.state.session(/^hhtoken=([^;]+)/.exec(hhtoken)![1]);
    expect(session && sandbox.state.userById(session.userId)?.login).toBe('boris');

    const out = await client.request({ path: '/__sandbox/logout', headers: { cookie: hhtoken.split(';')[0]! } });
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join('\n')).toMatch(/hhtoken=;.*Max-Age=0/);
    expect(sandbox.state.sessions).toEqual([]);
  });

  it('answers 421 for a host it does not play', async () => {
    expect((await client.request({ host: 'localhost', path: '/' })).status).toBe(421);
  });
});
