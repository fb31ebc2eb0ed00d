import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ErrorInfo } from '../../lib/hh/errors';
import type { PageHint } from '../../lib/hh/gateway';
import { createSiteGateway } from '../../lib/hh/site/gateway';
import { siteMemory } from '../../lib/background/hh-client';
import type { PageAnswer } from '../../lib/hh/site/tab';
import { pauseItem, siteFactsItem } from '../../lib/store';
import {
  BUILD,
  HASH_1001,
  HASH_1004,
  NOW,
  fakeHh,
  fakePage,
  fieldsOf,
  fixture,
  pageHtmlAnswer,
  pageJson,
} from './site-fake-hh';
import { failure } from './failure';
import { withGateway } from '../../lib/background/gateways';


const VACANCY = '70000001';
const PREFLIGHT = `/applicant/vacancy_response/popup?vacancyId=${VACANCY}`;

/**
 * hh.ru for one vacancy: the preflight says "not applied" until the POST went through (`applied`),
 * and the page answers the POST with `answer`.
 */
function world(answer: PageAnswer, opts: { takes?: boolean; preflight?: () => unknown; tabId?: number } = {}) {
  let applied = false;
  const preflight =
    opts.preflight ??
    (() => {
      const p = fixture('preflight-open.json');
      if (applied) {
        p.type = 'alreadyApplied';
        p.body.responseStatus.alreadyApplied = true;
        p.body.responseStatus.usedResumeIds = [1001];
      }
      return p;
    });
  const hh = fakeHh({ routes: { [PREFLIGHT]: preflight } });
  const page = fakePage(() => {
    if (opts.takes) applied = true;
    return answer;
  });
  const g = createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page: page.page, now: () => NOW, tabId: opts.tabId });
  return { g, hh, posts: page.calls };
}

const hint: PageHint = { origin: 'https://hh.ru', build: BUILD };

beforeEach(async () => {
  fakeBrowser.reset();
  await siteFactsItem.setValue({ build: BUILD });
});

describe('quick apply from a vacancy page', () => {
  it('sends exactly one POST from the hh.ru page with the resume hash and letter, then confirms it', async () => {
    const { g, posts, hh } = world(pageJson(200, { success: 'true', topic_id: '4200000001', chat_id: '5200000001' }), {
      takes: true,
      tabId: 17,
    });
    const result = await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: 'Здравствуйте!' }, hint);

    expect(result).toEqual({
      kind: 'sent',
      negotiationId: '4200000001',
      chatUrl: 'https://hh.ru/applicant/negotiations/item?topicId=4200000001',
    });
    expect(posts).toHaveLength(1);
    const { call, target } = posts[0]!;
    expect(call.url).toBe('/applicant/vacancy_response/popup');
    expect(call.referrerPath).toBe(`/vacancy/${VACANCY}`);
    expect(target).toEqual({ origin: 'https://hh.ru', path: `/vacancy/${VACANCY}`, tabId: 17 });
    expect(fieldsOf(call)).toMatchObject({
      vacancy_id: VACANCY,
      resume_hash: HASH_1001,
      letter: 'Здравствуйте!',
      lux: 'true',
      ignore_postponed: 'true',
      incomplete: 'false',
      withoutTest: 'no',
    });
    // Preflight before, confirmation after: both reads, no second write.
    expect(hh.seen.map((s) => s.path)).toEqual([PREFLIGHT, PREFLIGHT]);
  });

  it('accepts the resume by hh.ru’s numeric id too (older drafts may name it so)', async () => {
    const { g, posts } = world(pageJson(200, { success: true, topic_id: 1, chat_id: 2 }), { takes: true });
    expect((await g.apply({ vacancyId: VACANCY, resumeId: '1001', letter: '' }, hint)).kind).toBe('sent');
    expect(fieldsOf(posts[0]!.call).resume_hash).toBe(HASH_1001);
  });

  it('a 200 with an HTML page is uncertain when hh.ru does not show the application; nothing is resent', async () => {
    const { g, posts } = world(pageHtmlAnswer(200));
    const result = await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint);
    expect(result.kind).toBe('uncertain');
    expect(posts).toHaveLength(1);
  });

  it('a 200 with an HTML page counts as sent once the vacancy shows the application', async () => {
    const { g } = world(pageHtmlAnswer(200), { takes: true });
    expect((await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint)).kind).toBe('sent');
  });

  it('an unknown JSON answer is uncertain', async () => {
    const { g, posts } = world(pageJson(200, { status: 'queued' }));
    expect((await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint)).kind).toBe('uncertain');
    expect(posts).toHaveLength(1);
  });

  it('a connection lost mid-POST is uncertain, never retried', async () => {
    const { g, posts } = world({ status: 0, contentType: '', text: '', retryAfter: null, error: 'TypeError: Failed to fetch' });
    expect((await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint)).kind).toBe('uncertain');
    expect(posts).toHaveLength(1);
  });
});

describe('hh.ru answers in its newer ways', () => {
  it('a test-required preflight with only a redirect: "test required" with hh.ru’s form, and nothing is sent', async () => {
    const form = `https://hh.ru/applicant/vacancy_response?vacancyId=${VACANCY}&startedWithQuestion=true&hhtmFrom=vacancy`;
    const { g, posts } = world(pageJson(200, { success: 'true' }), { preflight: () => ({ type: 'test-required', redirect_uri: form }) });
    const info = await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint));
    expect(info).toMatchObject({ kind: 'test_required', url: form });
    expect(posts).toHaveLength(0);
  });

  it('a success that asks for more (requiredAdditionalData): sent, and what hh.ru wants is kept', async () => {
    const { g } = world(
      pageJson(200, { success: 'true', topic_id: '4100000077', chat_id: '5100000077', requiredAdditionalData: ['PREFERRED_WORK_AREAS'] }),
      { takes: true },
    );
    const result = await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint);
    expect(result).toMatchObject({ kind: 'sent', negotiationId: '4100000077', followUp: ['PREFERRED_WORK_AREAS'] });
  });
});

describe('hh.ru refuses the application', () => {
  const cases: Array<[string, PageAnswer, Partial<ErrorInfo>]> = [
    ['the daily limit', pageJson(400, { error: 'negotiations-limit-exceeded' }), { kind: 'limit' }],
    [
      'a test',
      pageJson(400, { error: 'test-required' }),
      { kind: 'test_required', url: `https://hh.ru/applicant/vacancy_response?vacancyId=${VACANCY}&startedWithQuestion=true` },
    ],
    ['a letter', pageJson(400, { error: 'letter-required' }), { kind: 'letter_required' }],
    ['already applied', pageJson(400, { error: 'already-applied' }), { kind: 'already_applied' }],
    ['already responded (older wording)', pageJson(400, { error: 'already_responded' }), { kind: 'already_applied' }],
    ['an archived vacancy', pageJson(400, { error: 'vacancy-archived' }), { kind: 'archived' }],
    ['the XSRF check (403 HTML)', pageHtmlAnswer(403), { kind: 'xsrf', status: 403 }],
    ['too many requests', pageJson(429, {}, '120'), { kind: 'rate', retryAt: NOW + 120_000 }],
    ['a lost session', pageJson(403, { type: 'needLogin', error: 'need-login' }), { kind: 'no_session' }],
    ['a vacancy or resume hh.ru does not know (400 unknown)', pageJson(400, { error: 'unknown' }), { kind: 'bad_argument', status: 400 }],
  ];
  for (const [what, answer, expected] of cases) {
    it(`${what}: the user sees why, and it is sent once`, async () => {
      const { g, posts } = world(answer);
      const info = await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: 'Добрый день' }, hint));
      expect(info).toMatchObject(expected);
      expect(posts).toHaveLength(1);
    });
  }

  it('a captcha body: stops all automatic work and points to hh.ru', async () => {
    const { g } = world(
      pageJson(403, { error: 'captcha', hhcaptcha: { isBot: true }, captchaUrl: 'https://hh.ru/account/captcha?state=captcha' }),
    );
    // The client reports the captcha; the background's gateway runner turns it into the pause.
    const info = await failure(withGateway(() => g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint)));
    expect(info).toMatchObject({ kind: 'captcha', url: 'https://hh.ru/account/captcha?state=captcha' });
    expect((await pauseItem.getValue())?.reason.kind).toBe('captcha');
  });

  it('an error value nobody knows, with the vacancy still not applied: says so, nothing resent', async () => {
    const { g, posts } = world(pageJson(400, { error: 'resume-visibility-conflict' }));
    const info = await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint));
    expect(info).toMatchObject({ kind: 'invalid_response', value: 'resume-visibility-conflict' });
    // hh.ru's own word stays in `value` (shown behind «Подробнее»); the sentence says what happened.
    expect(info.ru).not.toContain('resume-visibility-conflict');
    expect(info.ru).toMatch(/не отправлен/);
    expect(posts).toHaveLength(1);
  });
});

describe('refusals known from the preflight: nothing is sent', () => {
  it('already applied', async () => {
    const { g, posts } = world(pageJson(200, {}), { preflight: () => fixture('preflight-applied-2026-08.json') });
    expect((await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint))).kind).toBe('already_applied');
    expect(posts).toHaveLength(0);
  });

  it('a test: the user is sent to hh.ru’s own form', async () => {
    const { g, posts } = world(pageJson(200, {}), { preflight: () => fixture('preflight-test.json') });
    const info = await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint));
    expect(info).toMatchObject({
      kind: 'test_required',
      url: `https://hh.ru/applicant/vacancy_response?vacancyId=${VACANCY}&startedWithQuestion=true`,
    });
    expect(posts).toHaveLength(0);
  });

  it('a required letter left empty', async () => {
    const pre = fixture('preflight-open.json');
    pre.body.responseStatus.shortVacancy['@responseLetterRequired'] = true;
    const { g, posts } = world(pageJson(200, {}), { preflight: () => pre });
    expect((await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '  ' }, hint))).kind).toBe('letter_required');
    expect(posts).toHaveLength(0);
  });

  it('a blocked resume hh.ru will not take', async () => {
    const { g, posts } = world(pageJson(200, {}));
    expect((await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1004, letter: '' }, hint))).kind).toBe('forbidden');
    expect(posts).toHaveLength(0);
  });

  it('a vacancy that takes applications on the employer’s site: the user is sent there', async () => {
    const pre = fixture('preflight-open.json');
    pre.type = '';
    pre.body.responseStatus.responseImpossible = true;
    pre.body.redirectUrl = 'https://jobs.example/vacancy/1';
    const { g, posts } = world(pageJson(200, {}), { preflight: () => pre });
    expect(await g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint)).toEqual({
      kind: 'redirect',
      url: 'https://jobs.example/vacancy/1',
    });
    expect(posts).toHaveLength(0);
  });
});

describe('failures before anything left the browser: "not sent"', () => {
  it('the preflight cannot be read: nothing is posted, and it says it was not sent', async () => {
    const { g, posts } = world(pageJson(200, {}), { preflight: () => new Response('', { status: 503 }) });
    const info = await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint));
    expect(info).toMatchObject({ kind: 'server', notSent: true });
    expect(info.ru).toMatch(/^Ничего не отправлено\./);
    expect(posts).toHaveLength(0);
  });

  it('the browser is offline when the page would send: not sent', async () => {
    const { g } = world({ status: -1, contentType: '', text: '', retryAfter: null, error: 'offline' });
    expect(await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint))).toMatchObject({
      kind: 'network',
      value: 'offline',
      notSent: true,
    });
  });

  it('a request that failed in flight may have reached hh.ru: never "not sent"', async () => {
    const { g } = world({ status: 0, contentType: '', text: '', retryAfter: null, error: 'TypeError: Failed to fetch' }, {
      preflight: () => new Response('', { status: 503 }),
    });
    // The preflight fails first here: not sent. With a readable preflight and a lost POST: uncertain.
    expect((await failure(g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint))).notSent).toBe(true);
    const lost = world({ status: 0, contentType: '', text: '', retryAfter: null, error: 'TypeError: Failed to fetch' });
    expect(await lost.g.apply({ vacancyId: VACANCY, resumeId: HASH_1001, letter: '' }, hint)).toMatchObject({ kind: 'uncertain' });
  });
});

describe('settling an unclear apply: hh.ru’s own word about this vacancy', () => {
  const open = () => fixture('preflight-open.json');
  const V2 = '70000002';
  const PREFLIGHT_2 = `/applicant/vacancy_response/popup?vacancyId=${V2}`;

  it('the preflight lists a conversation for the vacancy: applied, with that topic', async () => {
    const p = open();
    p.body.responseStatus.negotiations = { total: 1, topicList: [{ id: 4200000042, chatId: 5200000042 }] };
    const hh = fakeHh({ routes: { [PREFLIGHT]: p } });
    const g = createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page: fakePage(() => pageJson(200, {})).page });
    expect(await g.application(VACANCY, hint)).toEqual({ applied: true, negotiationId: '4200000042' });
  });

  it('a used resume or the alreadyApplied type is enough', async () => {
    const used = open();
    used.body.responseStatus.usedResumeIds = [1002];
    const typed = { type: 'alreadyApplied' };
    for (const answer of [used, typed]) {
      const hh = fakeHh({ routes: { [PREFLIGHT]: answer } });
      const g = createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page: fakePage(() => pageJson(200, {})).page });
      expect(await g.application(VACANCY, hint)).toMatchObject({ applied: true });
    }
  });

  it('the preflight says open but the vacancy page shows the application: applied', async () => {
    // The classic page fixture describes vacancy 70000002.
    const page = fixture('vacancy-classic.json');
    page.applicantVacancyResponseStatuses[V2].negotiations = { total: 1, topicList: [{ id: 4200000043 }] };
    const hh = fakeHh({ routes: { [PREFLIGHT_2]: open() }, pages: { [`/vacancy/${V2}`]: page } });
    const g = createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page: fakePage(() => pageJson(200, {})).page });
    expect(await g.application(V2, hint)).toEqual({ applied: true, negotiationId: '4200000043' });
  });

  it('both say nothing: not applied; a preflight without a response status is no answer at all', async () => {
    const hh = fakeHh({ routes: { [PREFLIGHT_2]: open() }, pages: { [`/vacancy/${V2}`]: fixture('vacancy-classic.json') } });
    const g = createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page: fakePage(() => pageJson(200, {})).page });
    expect(await g.application(V2, hint)).toEqual({ applied: false });
    expect(hh.seen.map((r) => r.path)).toEqual([PREFLIGHT_2, `/vacancy/${V2}`]);

    const shapeless = fakeHh({ routes: { [PREFLIGHT]: { type: 'testRequired' } } });
    const g2 = createSiteGateway({ site: 'hh.ru', http: shapeless.http, memory: siteMemory, page: fakePage(() => pageJson(200, {})).page });
    expect((await failure(g2.application(VACANCY, hint))).kind).toBe('invalid_response');
  });
});
