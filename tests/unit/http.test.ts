import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from '../../lib/zod';
import { createHttp, RETRY, type HttpDeps } from '../../lib/hh/http';
import { type ErrorInfo } from '../../lib/hh/errors';
import { ApiResumeList, toResume } from '../../lib/hh/api/parse';
import { httpCacheStore, pauseItem, wipeUserData } from '../../lib/store';
import { failure } from './failure';
import { withGateway } from '../../lib/background/gateways';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}
type Answer = Response | Error | (() => Response);

/** A scripted hh: answers in order (the last one repeats), and remembers what it received. */
function fakeHh(...answers: Answer[]) {
  const received: Seen[] = [];
  const sleeps: number[] = [];
  const fetch: HttpDeps['fetch'] = async (input, init) => {
    received.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body,
    });
    const next = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next.clone();
  };
  const http = createHttp({ fetch, cache: httpCacheStore, sleep: async (ms) => void sleeps.push(ms), random: () => 1, now: () => NOW });
  return { http, received, sleeps };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const hhErrors = (status: number, ...errors: object[]) => json(status, { errors, request_id: 'q1ww2e2r4ty' });


const Anything = z.unknown();
const API = 'https://api.hh.ru/resumes/mine?host=hh.ru';

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeUserData();
});

describe('what hh receives', () => {
  it('names Otklik with a contact, carries the bearer and asks for JSON on api.hh.ru', async () => {
    const hh = fakeHh(json(200, { items: [] }));
    await hh.http.request({ url: API, read: Anything, bearer: 'USERTOKEN' });
    const { headers } = hh.received[0]!;
    expect(headers.get('HH-User-Agent')).toMatch(/^Otklik\/\S+ \(otklik@otklik\.dev\)$/);
    expect(headers.get('Authorization')).toBe('Bearer USERTOKEN');
    expect(headers.get('Accept')).toBe('application/json');
  });

  it('does not announce itself to hh.ru pages (the site session looks like the user’s own browser)', async () => {
    const hh = fakeHh(new Response('<html></html>', { status: 200 }));
    const res = await hh.http.request({ url: 'https://hh.ru/applicant/resumes', read: 'text' });
    expect(res.data).toBe('<html></html>');
    expect(hh.received[0]!.headers.get('HH-User-Agent')).toBeNull();
    expect(hh.received[0]!.headers.get('Authorization')).toBeNull();
  });

  it('sends a plain object as JSON and a form as it is', async () => {
    const hh = fakeHh(new Response(null, { status: 204 }));
    await hh.http.request({ url: 'https://hh.ru/x', method: 'POST', body: { hash: 'abc' } });
    const form = new FormData();
    form.set('vacancy_id', '1');
    await hh.http.request({ url: 'https://api.hh.ru/negotiations', method: 'POST', body: form });
    expect(hh.received[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(hh.received[0]!.body).toBe('{"hash":"abc"}');
    expect(hh.received[1]!.body).toBe(form);
  });
});

describe('reading answers leniently', () => {
  it('parses a real-shaped resume list with extra and null fields (OpenAPI example)', async () => {
    const example = {
      found: 1,
      page: 0,
      pages: 1,
      per_page: 1,
      items: [
        {
          id: '01234567890abcdef',
          title: 'Начинающий специалист',
          status: { id: 'published', name: 'опубликовано' },
          access: { type: { id: 'clients', name: 'видно всем компаниям' } },
          blocked: false,
          finished: true,
          middle_name: null,
          photo: null,
          salary: { amount: 100000, currency: 'RUR' },
          area: { id: '1', name: 'Москва', url: 'https://api.hh.ru/areas/1' },
          total_views: 12,
          new_views: 3,
          can_publish_or_update: false,
          next_publish_at: '2015-05-10T04:00:00+0300',
          updated_at: '2015-05-10T00:00:00+0300',
          alternate_url: 'https://hh.ru/resume/01234567890abcdef',
          total_experience: { months: 14 },
          paid_services: [{ active: false, id: 'resume_marked', name: 'Яркое резюме' }],
          similar_vacancies: { counters: { total: 0 }, url: 'https://api.hh.ru/resumes/01234567890abcdef/similar_vacancies' },
          progress: null,
          skill_set: null,
          moderation_note: null,
          tags: [{ id: 'EXPERT_IS_WORKING' }],
        },
      ],
    };
    const hh = fakeHh(json(200, example));
    const { data } = await hh.http.request({ url: API, read: ApiResumeList });
    expect(toResume(data.items[0]!)).toMatchObject({
      id: '01234567890abcdef',
      title: 'Начинающий специалист',
      status: 'published',
      access: 'clients',
      searchable: true,
      totalViews: 12,
      newViews: 3,
      canRaise: false,
      nextRaiseAt: Date.UTC(2015, 4, 10, 1, 0, 0),
      area: 'Москва',
      experienceMonths: 14,
      progress: null,
      skills: null,
      url: 'https://hh.ru/resume/01234567890abcdef',
    });
  });

  it('reports an answer of the wrong shape as invalid_response, naming where it broke', async () => {
    const hh = fakeHh(json(200, { items: [{ id: 7, title: ['not', 'a string'] }] }));
    const info = await failure(hh.http.request({ url: API, read: ApiResumeList }));
    expect(info.kind).toBe('invalid_response');
    expect(info.value).toContain('items.0.title');
  });

  it('reports a 200 that is not JSON as invalid_response', async () => {
    const hh = fakeHh(new Response('<html>maintenance</html>', { status: 200 }));
    expect((await failure(hh.http.request({ url: API, read: Anything }))).kind).toBe('invalid_response');
  });
});

describe('every hh error answer becomes an error a person can act on', () => {
  const captcha = {
    type: 'captcha_required',
    value: 'captcha_required',
    captcha_url: 'https://hh.ru/account/captcha?state=abc',
    fallback_url: 'https://hh.ru/account/connect/register',
  };
  const cases: Array<[string, Response, Partial<ErrorInfo>, { applicant?: boolean }?]> = [
    ['400 bad_argument', hhErrors(400, { type: 'bad_argument', value: 'resume_id' }), { kind: 'bad_argument', value: 'resume_id' }],
    ['400 bad_argument with a reason', hhErrors(400, { type: 'bad_argument', value: 'text', reason: 'too_long_value' }), { kind: 'bad_argument', value: 'text: too_long_value' }],
    ['400 bad_request', hhErrors(400, { type: 'bad_request' }), { kind: 'bad_argument', value: 'bad_request' }],
    ['400 bad_user_agent unset', hhErrors(400, { type: 'bad_user_agent', value: 'unset' }), { kind: 'internal', value: 'bad_user_agent/unset' }],
    ['400 bad_user_agent blacklisted', hhErrors(400, { type: 'bad_user_agent', value: 'blacklisted' }), { kind: 'internal', value: 'bad_user_agent/blacklisted' }],
    ['403 oauth bad_authorization', hhErrors(403, { type: 'oauth', value: 'bad_authorization' }), { kind: 'auth', value: 'bad_authorization' }],
    ['403 oauth token_expired', hhErrors(403, { type: 'oauth', value: 'token_expired' }), { kind: 'auth', value: 'token_expired' }],
    ['403 oauth token_revoked', hhErrors(403, { type: 'oauth', value: 'token_revoked' }), { kind: 'auth', value: 'token_revoked' }],
    ['403 oauth application_not_found', hhErrors(403, { type: 'oauth', value: 'application_not_found' }), { kind: 'no_app', value: 'application_not_found' }],
    ['403 oauth user_auth_expected', hhErrors(403, { type: 'oauth', value: 'user_auth_expected' }), { kind: 'auth', value: 'user_auth_expected' }],
    ['403 oauth application_auth_expected', hhErrors(403, { type: 'oauth', value: 'application_auth_expected' }), { kind: 'forbidden', value: 'application_auth_expected' }],
    ['403 with only the legacy oauth_error', json(403, { errors: [], oauth_error: 'token-expired' }), { kind: 'auth', value: 'token_expired' }],
    ['403 forbidden on a general method', hhErrors(403, { type: 'forbidden' }), { kind: 'forbidden' }],
    ['403 forbidden on an applicant method', hhErrors(403, { type: 'forbidden' }), { kind: 'app_refused' }, { applicant: true }],
    ['403 without a body on an applicant method', new Response('', { status: 403 }), { kind: 'app_refused' }, { applicant: true }],
    ['403 captcha_required', hhErrors(403, captcha), { kind: 'captcha', url: 'https://hh.ru/account/captcha?state=abc&backurl=https%3A%2F%2Fhh.ru%2F' }],
    ['403 captcha with only a fallback url', hhErrors(403, { type: 'captcha_required', value: 'captcha_required', fallback_url: 'https://hh.ru/auth?captcha=true' }), { kind: 'captcha', url: 'https://hh.ru/auth?captcha=true&backurl=https%3A%2F%2Fhh.ru%2F' }],
    ['a captcha among other errors wins', hhErrors(403, { type: 'bad_argument', value: 'x' }, captcha), { kind: 'captcha' }],
    ['404 not_found', hhErrors(404, { type: 'not_found' }), { kind: 'not_found' }],
    ['429 without a body', new Response('', { status: 429, headers: { 'retry-after': '120' } }), { kind: 'rate', retryAt: NOW + 120_000 }],
    ['429 touch_limit_exceeded', hhErrors(429, { type: 'resumes', value: 'touch_limit_exceeded' }), { kind: 'too_early', value: 'touch_limit_exceeded' }],
    ['apply: vacancy_not_found', hhErrors(400, { type: 'negotiations', value: 'vacancy_not_found' }), { kind: 'not_found', value: 'vacancy_not_found' }],
    ['apply: resume_not_found', hhErrors(400, { type: 'negotiations', value: 'resume_not_found' }), { kind: 'not_found', value: 'resume_not_found' }],
    ['apply: 400 limit_exceeded', hhErrors(400, { type: 'negotiations', value: 'limit_exceeded' }), { kind: 'limit' }],
    ['apply: resource_policy_violation', hhErrors(400, { type: 'negotiations', value: 'resource_policy_violation' }), { kind: 'bad_argument', value: 'resource_policy_violation' }],
    ['apply: inappropriate_language', hhErrors(400, { type: 'negotiations', value: 'inappropriate_language' }), { kind: 'bad_argument', value: 'inappropriate_language' }],
    ['apply: invalid_vacancy', hhErrors(403, { type: 'negotiations', value: 'invalid_vacancy' }), { kind: 'archived' }],
    ['apply: archived', hhErrors(403, { type: 'negotiations', value: 'archived' }), { kind: 'archived' }],
    ['apply: already_applied', hhErrors(403, { type: 'negotiations', value: 'already_applied' }), { kind: 'already_applied' }],
    ['apply: test_required', hhErrors(403, { type: 'negotiations', value: 'test_required' }), { kind: 'test_required' }],
    ['apply: resume_visibility_conflict', hhErrors(403, { type: 'negotiations', value: 'resume_visibility_conflict' }), { kind: 'bad_argument' }],
    ['apply: application_denied', hhErrors(403, { type: 'negotiations', value: 'application_denied' }), { kind: 'forbidden', value: 'application_denied' }],
    ['apply: 403 limit_exceeded', hhErrors(403, { type: 'negotiations', value: 'limit_exceeded' }), { kind: 'limit' }],
    ['apply: empty_message', hhErrors(403, { type: 'negotiations', value: 'empty_message' }), { kind: 'letter_required' }],
    ['apply: too_long_message', hhErrors(403, { type: 'negotiations', value: 'too_long_message' }), { kind: 'letter_too_long' }],
    ['apply: disabled_by_employer', hhErrors(403, { type: 'negotiations', value: 'disabled_by_employer' }), { kind: 'forbidden', value: 'disabled_by_employer' }],
    ['apply: resume_deleted', hhErrors(403, { type: 'negotiations', value: 'resume_deleted' }), { kind: 'not_found' }],
    ['apply: a refusal HH adds later', hhErrors(403, { type: 'negotiations', value: 'something_new' }), { kind: 'forbidden', value: 'something_new' }],
    ['token: refresh too early', json(400, { error: 'invalid_grant', error_description: 'token not expired' }), { kind: 'auth', value: 'invalid_grant: token not expired' }],
    ['token: code already used', json(400, { error: 'invalid_grant', error_description: 'code has already been used' }), { kind: 'auth' }],
    ['token: code not found', json(400, { error: 'invalid_request', error_description: 'code not found' }), { kind: 'auth' }],
    ['token: invalid_client', json(400, { error: 'invalid_client', error_description: 'client_id or client_secret not found' }), { kind: 'no_app' }],
    ['500 with JSON', hhErrors(500, { type: 'server_error' }), { kind: 'server', status: 500 }],
    ['502 with an HTML page', new Response('<html>Bad gateway</html>', { status: 502 }), { kind: 'server', status: 502 }],
    ['503 with no body', new Response(null, { status: 503 }), { kind: 'server', status: 503 }],
    ['an unexpected status', new Response('teapot', { status: 418 }), { kind: 'invalid_response', status: 418 }],
  ];

  it.each(cases)('%s', async (_name, answer, expected, opts) => {
    const hh = fakeHh(answer);
    const info = await failure(hh.http.request({ url: API, read: Anything, attempts: 1, applicant: opts?.applicant }));
    expect(info).toMatchObject(expected);
    expect(info.ru).not.toBe('');
    expect(info.en).not.toBe('');
  });

  it('tells the person to sign in again when the token is revoked', async () => {
    const hh = fakeHh(hhErrors(403, { type: 'oauth', value: 'token_revoked' }));
    const info = await failure(hh.http.request({ url: API, read: Anything }));
    expect(info.en).toMatch(/sign in again/);
    expect(info.ru).toMatch(/войти снова/);
  });

  it('reports a failed connection as network', async () => {
    const hh = fakeHh(new TypeError('Failed to fetch'));
    expect(await failure(hh.http.request({ url: API, read: Anything, attempts: 1 }))).toMatchObject({
      kind: 'network',
      value: 'Failed to fetch',
    });
  });
});

describe('a stalled hh', () => {
  it('ends a request whose answer stops halfway as a network error instead of hanging', async () => {
    const stalled: HttpDeps['fetch'] = async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"items": ['));
          init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
        },
      });
      return new Response(body, { status: 200 });
    };
    const http = createHttp({ fetch: stalled, sleep: async () => undefined, random: () => 0, now: () => NOW });
    const info = await failure(http.request({ url: API, read: Anything, attempts: 1, timeoutMs: 50 }));
    expect(info).toMatchObject({ kind: 'network', value: 'body: aborted' });
  });
});

describe('retrying safe requests only', () => {
  it('retries a GET after 5xx with growing, jittered waits, and returns the answer', async () => {
    const hh = fakeHh(new Response('', { status: 503 }), new Response('', { status: 502 }), json(200, { ok: true }));
    const res = await hh.http.request({ url: API, read: Anything });
    expect(res.data).toEqual({ ok: true });
    expect(hh.received).toHaveLength(3);
    // random() = 1 gives the top of each full-jitter window: base, then twice the base.
    expect(hh.sleeps).toEqual([RETRY.baseMs, RETRY.baseMs * 2]);
  });

  it('gives up after a bounded number of attempts', async () => {
    const hh = fakeHh(new Response('', { status: 500 }));
    expect((await failure(hh.http.request({ url: API, read: Anything }))).kind).toBe('server');
    expect(hh.received).toHaveLength(RETRY.attempts);
  });

  it('retries a GET after a network error', async () => {
    const hh = fakeHh(new TypeError('Failed to fetch'), json(200, { ok: true }));
    expect((await hh.http.request({ url: API, read: Anything })).data).toEqual({ ok: true });
    expect(hh.received).toHaveLength(2);
  });

  it('waits as long as Retry-After asks on a 429', async () => {
    const hh = fakeHh(new Response('', { status: 429, headers: { 'retry-after': '2' } }), json(200, { ok: true }));
    await hh.http.request({ url: API, read: Anything });
    expect(hh.sleeps).toEqual([2000]);
  });

  it('does not wait for a far Retry-After: the caller learns when to come back', async () => {
    const hh = fakeHh(new Response('', { status: 429, headers: { 'retry-after': '3600' } }), json(200, {}));
    const info = await failure(hh.http.request({ url: API, read: Anything }));
    expect(info).toMatchObject({ kind: 'rate', retryAt: NOW + 3_600_000 });
    expect(hh.received).toHaveLength(1);
  });

  it.each(['POST', 'PUT', 'DELETE'] as const)('never repeats a %s, whatever happens', async (method) => {
    for (const answer of [new Response('', { status: 503 }), new TypeError('Failed to fetch'), new Response('', { status: 429 })]) {
      const hh = fakeHh(answer, new Response(null, { status: 204 }));
      await failure(hh.http.request({ url: 'https://api.hh.ru/resumes/abc/publish', method }));
      expect(hh.received).toHaveLength(1);
    }
  });

  it('does not retry what a retry cannot fix (4xx)', async () => {
    const hh = fakeHh(hhErrors(404, { type: 'not_found' }));
    await failure(hh.http.request({ url: API, read: Anything }));
    expect(hh.received).toHaveLength(1);
  });

  it('never retries a captcha and stops automatic work until the person solves it', async () => {
    const hh = fakeHh(
      hhErrors(403, { type: 'captcha_required', value: 'captcha_required', captcha_url: 'https://hh.ru/account/captcha?state=1' }),
    );
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    // The client reports the captcha; the background's gateway runner turns it into the pause.
    const info = await failure(withGateway(() => hh.http.request({ url: API, read: Anything })));
    vi.useRealTimers();
    expect(info.kind).toBe('captcha');
    expect(hh.received).toHaveLength(1);
    expect(await pauseItem.getValue()).toMatchObject({ reason: { kind: 'captcha', url: info.url }, at: NOW });
  });
});

describe('revalidating with ETag', () => {
  it('serves the cached body on 304 and says nothing changed', async () => {
    const body = { items: [{ id: 'r1', title: 'Курьер' }] };
    const hh = fakeHh(json(200, body, { etag: 'W/"v1"' }), new Response(null, { status: 304 }));
    const first = await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    const second = await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    expect(first.unchanged).toBe(false);
    expect(hh.received[0]!.headers.get('If-None-Match')).toBeNull();
    expect(hh.received[1]!.headers.get('If-None-Match')).toBe('W/"v1"');
    expect(second.unchanged).toBe(true);
    expect(second.data).toEqual(first.data);
  });

  it('takes a changed answer and its new tag', async () => {
    const hh = fakeHh(
      json(200, { items: [] }, { etag: 'W/"v1"' }),
      json(200, { items: [{ id: 'r2', title: 'Повар' }] }, { etag: 'W/"v2"' }),
      new Response(null, { status: 304 }),
    );
    await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    const changed = await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    const third = await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    expect(changed).toMatchObject({ unchanged: false, data: { items: [{ id: 'r2' }] } });
    expect(hh.received[2]!.headers.get('If-None-Match')).toBe('W/"v2"');
    expect(third).toMatchObject({ unchanged: true, data: { items: [{ id: 'r2' }] } });
  });

  it('forgets cached answers on sign-out', async () => {
    const hh = fakeHh(json(200, { items: [] }, { etag: 'W/"v1"' }));
    await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    await wipeUserData();
    await hh.http.request({ url: API, read: ApiResumeList, cacheKey: 'resumes' });
    expect(hh.received[1]!.headers.get('If-None-Match')).toBeNull();
  });
});

describe('answers that are not 2xx but not errors either', () => {
  it('hands back an accepted redirect with its Location', async () => {
    const hh = fakeHh(new Response('<html/>', { status: 303, headers: { location: 'https://employer.example/apply' } }));
    const res = await hh.http.request({ url: 'https://api.hh.ru/negotiations', method: 'POST', redirect: 'manual', accept: [303] });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://employer.example/apply');
  });
});
