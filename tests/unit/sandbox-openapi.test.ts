/**
 * Every api.hh.ru method the sandbox plays answers in the shape HH's published OpenAPI spec
 * describes, for its successes and its refusals: so code built against the sandbox is built
 * against HH's contract, not against our guess of it. Paths come from the spec's operations.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClient, type Reply, type SandboxClient } from '../sandbox/client';
import { loadSpecValidator, type SpecValidator } from '../sandbox/openapi';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
let client: SandboxClient;
let spec: SpecValidator;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = sandboxClient(sandbox);
  spec = loadSpecValidator();
});
afterAll(async () => {
  client.close();
  await sandbox.close();
});
beforeEach(() => sandbox.control.reset());

const CHROME_REDIRECT = 'https://mlmfmijdoifemilgnkcpapbabjlkldgo.chromiumapp.org/hh';

/** The operation's path from the spec, with its `{params}` filled in. */
function pathOf(operationId: string, params: Record<string, string> = {}, query = ''): string {
  const op = spec.operation(operationId);
  const p = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`${operationId}: no value for {${name}}`);
    return encodeURIComponent(v);
  });
  return query ? `${p}?${query}` : p;
}

function call(operationId: string, opts: { params?: Record<string, string>; query?: string; host?: string } & Parameters<SandboxClient['api']>[2] = {}) {
  const op = spec.operation(operationId);
  const path = pathOf(operationId, opts.params, opts.query);
  const host = opts.host ?? (op.servers[0] ? new URL(op.servers[0]).hostname : 'api.hh.ru');
  if (host === 'api.hh.ru') return client.api(op.method, path, opts);
  return client.request({
    host,
    method: op.method,
    path,
    headers: opts.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
  });
}

function expectValid(operationId: string, reply: Reply, status: number) {
  expect(reply.status, reply.text.slice(0, 400)).toBe(status);
  const errors = spec.validate(operationId, status, reply.json());
  expect(errors, spec.explain(errors)).toEqual([]);
}

const token = () => sandbox.control.token({ user: 'anna' }).access_token;
const resume = (siteId: string) => sandbox.state.resume(siteId)!.hash;

const V = { react: '70000001', letter: '70000002', test: '70000003', archived: '70000004', direct: '70000005', other: '70000040' };

describe('api.hh.ru answers in the shapes of HH’s OpenAPI spec (hh-openapi-2025-07.yaml)', () => {
  it('get-current-user-info: Анна’s profile, and the 403 for a bad token', async () => {
    expectValid('get-current-user-info', await call('get-current-user-info', { token: token() }), 200);
    expectValid('get-current-user-info', await call('get-current-user-info', { token: 'garbage' }), 403);
  });

  it('get-mine-resumes: all four of Анна’s resumes', async () => {
    const reply = await call('get-mine-resumes', { token: token() });
    expectValid('get-mine-resumes', reply, 200);
    expect(reply.json<{ items: unknown[] }>().items).toHaveLength(4);
  });

  it('get-resume: each resume in full, and 404 for a stranger’s id', async () => {
    const t = token();
    for (const id of ['1001', '1002', '1003', '1004']) {
      expectValid('get-resume', await call('get-resume', { token: t, params: { resume_id: resume(id) } }), 200);
    }
    expectValid('get-resume', await call('get-resume', { token: t, params: { resume_id: resume('1005') } }), 404);
  });

  it('get-resume-status: published, incomplete, unpublished and blocked', async () => {
    const t = token();
    for (const id of ['1001', '1002', '1003', '1004']) {
      expectValid('get-resume-status', await call('get-resume-status', { token: t, params: { resume_id: resume(id) } }), 200);
    }
    expectValid('get-resume-status', await call('get-resume-status', { token: t, params: { resume_id: 'nope' } }), 404);
  });

  it('publish-resume: 204 when due, 429 too early, 400 unpublished, 404 unknown', async () => {
    const t = token();
    const ok = await call('publish-resume', { token: t, params: { resume_id: resume('1001') } });
    expect(ok.status).toBe(204);
    expect(ok.text).toBe('');
    expectValid('publish-resume', await call('publish-resume', { token: t, params: { resume_id: resume('1002') } }), 429);
    expectValid('publish-resume', await call('publish-resume', { token: t, params: { resume_id: resume('1003') } }), 400);
    expectValid('publish-resume', await call('publish-resume', { token: t, params: { resume_id: resume('1004') } }), 400);
    expectValid('publish-resume', await call('publish-resume', { token: t, params: { resume_id: 'nope' } }), 404);
  });

  it('get-resume-view-history: named, HTML-named, emoji-named and anonymous viewers', async () => {
    const t = token();
    const reply = await call('get-resume-view-history', { token: t, params: { resume_id: resume('1001') }, query: 'per_page=50' });
    expectValid('get-resume-view-history', reply, 200);
    const names = reply.json<{ items: Array<{ employer: { name: string; id?: string } }> }>().items.map((i) => i.employer);
    expect(names.some((e) => e.id === undefined)).toBe(true);
    expectValid('get-resume-view-history', await call('get-resume-view-history', { token: t, params: { resume_id: 'nope' } }), 404);
  });

  it('get-vacancy: ordinary, letter, test, archived and direct vacancies; 404 unknown', async () => {
    const t = token();
    for (const id of Object.values(V)) {
      expectValid('get-vacancy', await call('get-vacancy', { token: t, params: { vacancy_id: id } }), 200);
    }
    expectValid('get-vacancy', await call('get-vacancy', { params: { vacancy_id: V.react } }), 200);
    expectValid('get-vacancy', await call('get-vacancy', { token: t, params: { vacancy_id: '79999999' } }), 404);
  });

  it('get-suitable-resumes and get-resumes-by-status: before and after applying', async () => {
    const t = token();
    expectValid('get-suitable-resumes', await call('get-suitable-resumes', { token: t, params: { vacancy_id: V.react } }), 200);
    expectValid('get-resumes-by-status', await call('get-resumes-by-status', { token: t, params: { vacancy_id: V.react } }), 200);
    await call('apply-to-vacancy', { token: t, multipart: { vacancy_id: V.react, resume_id: resume('1001') } });
    expectValid('get-suitable-resumes', await call('get-suitable-resumes', { token: t, params: { vacancy_id: V.react } }), 200);
    const grouped = await call('get-resumes-by-status', { token: t, params: { vacancy_id: V.react } });
    expectValid('get-resumes-by-status', grouped, 200);
    expect(grouped.json<{ already_applied: unknown[] }>().already_applied).toHaveLength(1);
    expectValid('get-suitable-resumes', await call('get-suitable-resumes', { token: t, params: { vacancy_id: '79999999' } }), 404);
  });

  it('apply-to-vacancy: 201, 303 for a direct vacancy, and each refusal’s body', async () => {
    const t = token();
    const apply = (vacancy_id: string, resume_id: string, message?: string) =>
      call('apply-to-vacancy', { token: t, multipart: { vacancy_id, resume_id, ...(message === undefined ? {} : { message }) } });
    const created = await apply(V.react, resume('1001'));
    expect(created.status).toBe(201);
    expect(String(created.headers['content-type'])).toMatch(/^text\/html/);
    expect(created.headers.location).toMatch(/^\/negotiations\/\d+$/);
    const direct = await apply(V.direct, resume('1001'));
    expect(direct.status).toBe(303);
    expect(direct.headers.location).toMatch(/^https:\/\//);
    expectValid('apply-to-vacancy', await apply(V.react, resume('1002')), 403); // already applied
    expectValid('apply-to-vacancy', await apply(V.test, resume('1001')), 403);
    expectValid('apply-to-vacancy', await apply(V.archived, resume('1001')), 403);
    expectValid('apply-to-vacancy', await apply(V.letter, resume('1001')), 403);
    expectValid('apply-to-vacancy', await apply(V.other, resume('1001'), 'я'.repeat(10_001)), 403);
    expectValid('apply-to-vacancy', await apply(V.other, resume('1003')), 403);
    expectValid('apply-to-vacancy', await apply('79999999', resume('1001')), 400);
    expectValid('apply-to-vacancy', await apply(V.other, 'nope'), 400);
    expectValid('apply-to-vacancy', await call('apply-to-vacancy', { token: t, multipart: { resume_id: resume('1001') } }), 400);
    sandbox.control.config({ applyLimit: 1 });
    expectValid('apply-to-vacancy', await apply(V.other, resume('1001')), 400);
  });

  it('get-negotiations: every status filter, paged', async () => {
    const t = token();
    await call('apply-to-vacancy', { token: t, multipart: { vacancy_id: V.react, resume_id: resume('1001') } });
    for (const status of ['all', 'active', 'invitations', 'response', 'discard']) {
      expectValid('get-negotiations', await call('get-negotiations', { token: t, query: `status=${status}&per_page=5` }), 200);
    }
  });

  it('get-vacancies and get-vacancies-similar-to-resume: search pages', async () => {
    const t = token();
    expectValid('get-vacancies', await call('get-vacancies', { query: 'text=React&per_page=50' }), 200);
    expectValid('get-vacancies', await call('get-vacancies', { token: t, query: 'page=2&per_page=20' }), 200);
    expectValid(
      'get-vacancies-similar-to-resume',
      await call('get-vacancies-similar-to-resume', { token: t, params: { resume_id: resume('1001') } }),
      200,
    );
    expectValid('get-vacancies-similar-to-resume', await call('get-vacancies-similar-to-resume', { token: t, params: { resume_id: 'nope' } }), 404);
  });

  it('authorize (POST /oauth/token on hh.ru, and api.hh.ru/token): a token pair and each refusal', async () => {
    const login = sandbox.control.login('anna');
    const consent = await client.request({
      host: 'hh.ru',
      method: 'POST',
      path: '/oauth/authorize',
      headers: { cookie: `hhtoken=${login.hhtoken}; _xsrf=${login.xsrf}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        response_type: 'code',
        client_id: 'OTKLIK-SANDBOX-CLIENT',
        state: 's',
        redirect_uri: CHROME_REDIRECT,
        decision: 'allow',
      }).toString(),
    });
    const code = new URL(String(consent.headers.location)).searchParams.get('code')!;
    const exchange = (form: Record<string, string>) => call('authorize', { form });
    const byCode = { grant_type: 'authorization_code', client_id: 'OTKLIK-SANDBOX-CLIENT', client_secret: 'otklik-sandbox-secret', redirect_uri: CHROME_REDIRECT };
    const pair = await exchange({ ...byCode, code });
    expectValid('authorize', pair, 200);
    expectValid('authorize', await exchange({ ...byCode, code }), 400);
    expectValid('authorize', await exchange({ ...byCode, code: 'nope' }), 400);
    expectValid('authorize', await exchange({ ...byCode, client_secret: 'wrong', code }), 400);
    expectValid('authorize', await exchange({ grant_type: 'refresh_token', refresh_token: pair.json<{ refresh_token: string }>().refresh_token }), 400);
    expectValid('authorize', await exchange({ grant_type: 'password' }), 400);
    const viaApi = await client.api('POST', '/token', { form: { grant_type: 'refresh_token', refresh_token: 'nope' } });
    expectValid('authorize', viaApi, 400);
  });

  it('invalidate-token: 204 for a live token, 403 afterwards', async () => {
    const t = token();
    const first = await call('invalidate-token', { token: t });
    expect(first.status).toBe(204);
    expectValid('invalidate-token', await call('invalidate-token', { token: t }), 403);
  });
});
