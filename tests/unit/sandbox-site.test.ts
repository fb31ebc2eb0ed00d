/**
 * The sandbox's hh.ru plays the site the way shared/docs/hh-site.md describes it, over the same
 * state as its api.hh.ru: what a logged-in job seeker's browser (and so the extension) sees and
 * what hh.ru does with the writes it receives.
 */
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { type Reply, type SandboxClient } from '../sandbox/client';
import type { Sandbox } from '../sandbox/server';
import { withSandbox } from './with-sandbox';

let sandbox: Sandbox;
let client: SandboxClient;
withSandbox((s, c) => {
  sandbox = s;
  client = c;
});

const HOUR = 3_600_000;
const BUILD = '26.47.1.2';
const hash = (siteId: string) => sandbox.state.resume(siteId)!.hash;

interface Browser {
  cookie: string;
  xsrf: string;
}

/** A browser logged in to hh.ru as `login` (the session's `_xsrf` is hh.ru's, set for that host). */
function loggedIn(login = 'anna'): Browser {
  const s = sandbox.control.login(login);
  return { cookie: `hhtoken=${s.hhtoken}; _xsrf=${s.xsrf}`, xsrf: s.xsrf };
}

/** The `_xsrf` a page answer sets, if any. */
function xsrfSetBy(reply: Reply): string | undefined {
  const set = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('_xsrf='));
  return set ? /^_xsrf=([^;]*)/.exec(set)![1] : undefined;
}

/** A guest who has visited a page of `host` once: the `_xsrf` hh.ru gave it there, and no session. */
async function guestOn(host = 'hh.ru'): Promise<Browser> {
  const xsrf = xsrfSetBy(await client.request({ host, path: '/' }));
  expect(xsrf, `an _xsrf cookie from ${host}`).toBeDefined();
  return { cookie: `_xsrf=${xsrf}`, xsrf: xsrf! };
}

function jsonHeaders(build = BUILD): Record<string, string> {
  return { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest', 'x-static-version': build };
}

function get(path: string, who: Browser | null, headers: Record<string, string> = {}, host = 'hh.ru'): Promise<Reply> {
  return client.request({ host, path, headers: { ...(who ? { cookie: who.cookie } : {}), ...headers } });
}

async function multipart(fields: Record<string, string>): Promise<{ body: Buffer; type: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const req = new Request('https://hh.ru/', { method: 'POST', body: fd });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

/**
 * A write as hh.ru's own page sends it: multipart, from a page of the host (its Origin), the cookie's
 * `_xsrf` echoed in the header. `headers` override; an empty value leaves that header out.
 */
async function post(
  path: string,
  who: Browser | null,
  fields: Record<string, string>,
  xsrf = who?.xsrf,
  host = 'hh.ru',
  headers: Record<string, string> = {},
): Promise<Reply> {
  const { body, type } = await multipart(fields);
  const all: Record<string, string> = {
    'content-type': type,
    accept: 'application/json',
    'x-requested-with': 'XMLHttpRequest',
    origin: `https://${host}`,
    ...(who ? { cookie: who.cookie } : {}),
    ...(xsrf ? { 'x-xsrftoken': xsrf } : {}),
    ...headers,
  };
  return client.request({ host, method: 'POST', path, body, headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '')) });
}

/** The page state the way a fetch of the HTML carries it: entity-encoded inside the template. */
function luxState(html: string): Record<string, any> {
  const encoded = /<template id="HH-Lux-InitialState">([\s\S]*?)<\/template>/.exec(html)?.[1];
  if (encoded === undefined) throw new Error(`no lux state in: ${html.slice(0, 200)}`);
  const text = encoded.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(text) as Record<string, any>;
}

/** Cards in the served markup, parsed without running the page's scripts (which hold the card template too). */
function cardsIn(html: string): number {
  const window = new Window();
  try {
    return new window.DOMParser().parseFromString(html, 'text/html').querySelectorAll('article[data-qa="vacancy-serp__vacancy"]').length;
  } finally {
    void window.happyDOM.close();
  }
}

const apply = (who: Browser | null, vacancyId: string, resumeHash: string, letter = '', xsrf?: string, headers: Record<string, string> = {}) =>
  post(
    '/applicant/vacancy_response/popup',
    who,
    {
      vacancy_id: vacancyId,
      resume_hash: resumeHash,
      letter,
      lux: 'true',
      ignore_postponed: 'true',
      incomplete: 'false',
      withoutTest: 'no',
      _xsrf: xsrf ?? who?.xsrf ?? '',
    },
    xsrf,
    'hh.ru',
    headers,
  );

/** Raise A as hh.ru's resume list sends it. */
const touchA = (who: Browser, resume: string, headers: Record<string, string> = {}) =>
  post('/applicant/resumes/touch', who, { resume, undirectable: 'true' }, who.xsrf, 'hh.ru', headers);

/** Raise B as hh.ru's page sends it to the profile front: JSON, Origin and Referer hh.ru's (evidence: Referer https://hh.ru/). */
const touchB = (who: Browser, hashValue: string, headers: Record<string, string> = {}) => {
  const all: Record<string, string> = {
    cookie: who.cookie,
    origin: 'https://hh.ru',
    referer: 'https://hh.ru/',
    'x-xsrftoken': who.xsrf,
    'content-type': 'application/json',
    ...headers,
  };
  return client.request({
    host: 'resume-profile-front.hh.ru',
    method: 'POST',
    path: '/profile/shards/resume/touch',
    headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '')),
    body: JSON.stringify({ hash: hashValue }),
  });
};

/** Vacancies Анна can apply to with one click (no letter, no test, not applied yet). */
function openVacancies(): string[] {
  const anna = sandbox.state.userByLogin('anna')!;
  return sandbox.state
    .search()
    .filter((v) => !v.letterRequired && !v.testRequired && v.type === 'open' && !sandbox.state.hasApplied(anna.id, v.id))
    .map((v) => v.id);
}

describe('the three-header JSON rule', () => {
  it('answers a page as JSON only to Accept + X-Requested-With + the current X-Static-Version', async () => {
    const anna = loggedIn();
    const asJson = await get('/vacancy/70000001', anna, jsonHeaders());
    expect(asJson.headers['content-type']).toContain('application/json');
    expect(asJson.json<any>().vacancyView.vacancyId).toBe(70000001);

    const all = jsonHeaders();
    for (const drop of Object.keys(all)) {
      const two = Object.fromEntries(Object.entries(all).filter(([k]) => k !== drop));
      const reply = await get('/vacancy/70000001', anna, two);
      expect(reply.headers['content-type'], `without ${drop}`).toContain('text/html');
      expect(luxState(reply.text)['userType']).toBe('applicant');
    }
  });

  it('refuses an old build with 406 and tells the new one in globalVars after a deploy', async () => {
    sandbox.control.config({ siteBuild: '26.48.0.3' });
    const stale = await get('/vacancy/70000001', null, jsonHeaders(BUILD));
    expect(stale.status).toBe(406);
    const page = await get('/vacancy/70000001', null);
    expect(page.text).toContain('<script id="js-script-global-vars">window.globalVars = {"build":"26.48.0.3"');
    expect((await get('/vacancy/70000001', null, jsonHeaders('26.48.0.3'))).status).toBe(200);
  });

  it('keeps the resume shards behind the three headers', async () => {
    const anna = loggedIn();
    const two = { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' };
    expect((await get('/shards/applicant/resumes', anna, two)).status).toBe(406);
    const shard = await get('/shards/applicant/resumes', anna, jsonHeaders());
    const attrs = shard.json<any>().resumes.map((r: any) => r._attributes);
    expect(attrs.map((a: any) => a.id)).toEqual(['1001', '1002', '1003', '1004']);
    expect(attrs[0]).toMatchObject({ hash: hash('1001'), canTouch: true, update_timeout: 4 * HOUR });
    expect(shard.json<any>().resumes[0].title).toBeUndefined();

    const header = (await get('/shards/applicant/header_resumes', anna, jsonHeaders())).json<any>();
    expect(header.resumes[1].title[0].string).toBe('Fullstack-разработчик Node.js');
    expect(header.statistics.resumes['1001'].statistics.views).toEqual({ count: 30, countNew: 3 });
  });
});

describe('the session', () => {
  it('tells a guest from a logged-in applicant and gives the guest an _xsrf cookie', async () => {
    const page = await get('/', null);
    expect(luxState(page.text)['userType']).toBe('anonymous');
    // Host-only: hh.ru sets `_xsrf` per host (hh-site.md, Newer evidence).
    expect(String(page.headers['set-cookie'])).toMatch(/^_xsrf=\w+; Path=\/; Secure; SameSite=Lax$/);
    expect(luxState(page.text)['account']).toEqual({ firstName: null, middleName: null, lastName: null, email: null, phone: null });
    const anna = await get('/', loggedIn());
    expect(luxState(anna.text)['userType']).toBe('applicant');
    expect(luxState(anna.text)['request'].luxPageName).toBe('IndexPage');
  });

  it('logs in through the login page with the cookie echoed in the form', async () => {
    const visitor = await guestOn();
    const form = new URLSearchParams({ user: 'boris', backurl: '/applicant/resumes', _xsrf: visitor.xsrf }).toString();
    const reply = await client.request({
      method: 'POST',
      path: '/account/login',
      body: form,
      headers: { cookie: visitor.cookie, origin: 'https://hh.ru', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('https://hh.ru/applicant/resumes');
    const cookies = (reply.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
    const page = await client.request({ path: '/applicant/resumes', headers: { cookie: cookies } });
    expect(page.text).toContain('Python-разработчик');
  });

  it('sends a guest who opens the resume list to the login page', async () => {
    const reply = await get('/applicant/resumes', null);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/account/login?backurl=%2Fapplicant%2Fresumes');
  });
});

describe('the vacancy page', () => {
  it('classic shape: vacancyView and the full applicant status, the resumes, the data-qa anchors', async () => {
    const reply = await get('/vacancy/70000002', loggedIn());
    const s = luxState(reply.text);
    expect(s['request'].luxPageName).toBe('VacancyView');
    expect(s['vacancyView']).toMatchObject({
      vacancyId: 70000002,
      name: 'Frontend-разработчик в продуктовую команду',
      company: { name: 'ООО «Ромашка» <b>IT</b>' },
      compensation: { from: 200000, to: null, currencyCode: 'RUR', gross: true },
      keySkills: { keySkill: ['React', 'TypeScript', 'Next.js', 'GraphQL'] },
      status: { archived: false },
    });
    expect(s['applicantVacancyResponseStatuses']['70000002']).toMatchObject({
      negotiations: { total: 0, topicList: [] },
      test: { hasTests: false },
      letterMaxLength: 10000,
      shortVacancy: { '@responseLetterRequired': true },
      alreadyApplied: false,
    });
    expect(s['applicantResumes'][0]).toMatchObject({
      _attributes: { id: '1001', hash: hash('1001') },
      title: [{ string: 'Frontend-разработчик (React, TypeScript)' }],
    });
    for (const qa of ['vacancy-title', 'vacancy-company-name', 'vacancy-salary', 'vacancy-experience', 'vacancy-description', 'skills-element', 'vacancy-response-link-top', 'vacancy-response-link-bottom']) {
      expect(reply.text, qa).toContain(`data-qa="${qa}"`);
    }
    // The employer's name is text on the page, never markup.
    expect(reply.text).toContain('ООО «Ромашка» &lt;b&gt;IT&lt;/b&gt;');
  });

  it('full shape (2026-09-25): vacancyFull with features, and a sparse applicant status', async () => {
    sandbox.control.config({ vacancyShape: 'full' });
    const s = luxState((await get('/vacancy/70000003', loggedIn())).text);
    const full = s['vacancyView'].vacancyFull;
    expect(full.vacancy).toMatchObject({
      vacancyId: 70000003,
      status: { archived: false, disabled: false },
      compensation: { from: null, to: 400000, currencyCode: 'RUR', gross: false, mode: 'MONTH' },
      keySkills: ['JavaScript', 'TypeScript', 'Node.js', 'React'],
      closedForApplicants: false,
      workExperience: 'moreThan6',
    });
    expect(full.vacancy.company).toMatchObject({ name: 'Цифровые решения', visibleName: 'Цифровые решения' });
    expect(full.features.features).toContain('canApply');
    expect(full.extraVacancyFields.userLabels).toEqual([]);
    expect(s['applicantVacancyResponseStatuses']['70000003']).toEqual({
      alreadyApplied: false,
      shortVacancy: { vacancyId: 70000003, name: 'Senior JavaScript-разработчик' },
    });
  });

  it('shows an archived vacancy as archived, with nothing to apply with', async () => {
    sandbox.control.config({ vacancyShape: 'full' });
    const reply = await get('/vacancy/70000004', loggedIn());
    const full = luxState(reply.text)['vacancyView'].vacancyFull;
    expect(full.vacancy.status.archived).toBe(true);
    expect(full.features.features).not.toContain('canApply');
    expect(reply.text).toContain('Вакансия в архиве');
    expect(reply.text).not.toContain('vacancy-response-link-top');
  });

  it('answers 404 for an unknown vacancy and drops only the apply markers with ?nomarkers=1', async () => {
    expect((await get('/vacancy/99999999', null)).status).toBe(404);
    const bare = await get('/vacancy/70000001?nomarkers=1', loggedIn());
    expect(bare.text).toContain('data-qa="vacancy-title"');
    expect(bare.text).toContain('>Откликнуться<');
    expect(bare.text).not.toContain('vacancy-response-link');
    expect(bare.text).toContain('data-spa-link href="/vacancy/');
  });

  it('serves regional hosts with links on their own origin', async () => {
    const s = luxState((await get('/vacancy/70000001', null, {}, 'spb.hh.ru')).text);
    expect(s['relatedVacancies'].vacancies[0].links.desktop).toMatch(/^https:\/\/spb\.hh\.ru\/vacancy\/\d+$/);
  });
});

describe('applying', () => {
  it('a preflight lists the resumes, then one application lands in the same negotiations the API reads', async () => {
    const anna = loggedIn();
    const preflight = (await get('/applicant/vacancy_response/popup?vacancyId=70000001', anna, jsonHeaders())).json<any>();
    expect(preflight.type).toBe('modal');
    const status = preflight.body.responseStatus;
    expect(status.resumes['1001']).toMatchObject({ id: 1001, hash: hash('1001'), title: [{ string: 'Frontend-разработчик (React, TypeScript)' }] });
    expect(status.unusedResumeIds).toEqual([1001, 1002]);
    expect(status).toMatchObject({ alreadyApplied: false, letterMaxLength: 10000, test: { hasTests: false } });

    const reply = await apply(anna, '70000001', hash('1001'), 'Добрый день!');
    expect(reply.status).toBe(200);
    const ok = reply.json<{ success: string; topic_id: string; chat_id: string }>();
    expect(ok.success).toBe('true');
    expect(ok.topic_id).toMatch(/^\d+$/);

    const token = sandbox.control.token({ user: 'anna' }).access_token;
    const api = (await client.api('GET', '/negotiations', { token })).json<any>();
    expect(api.items.map((n: any) => n.id)).toContain(ok.topic_id);

    const page = await get('/vacancy/70000001', anna);
    expect(page.text).toContain('data-qa="vacancy-response-link-top-again"');
    expect(page.text).toContain('data-qa="vacancy-response-link-view-topic"');
    expect(luxState(page.text)['applicantVacancyResponseStatuses']['70000001'].negotiations.total).toBe(1);
    const again = await get('/applicant/vacancy_response/popup?vacancyId=70000001', anna, jsonHeaders());
    expect(again.json<any>().type).toBe('alreadyApplied');
    expect((await apply(anna, '70000001', hash('1002'))).json()).toEqual({ error: 'already-applied' });
    // The page state carries the person's name and no user id (Newer evidence, capture 2026-09-08).
    expect(luxState(page.text)['account']).toEqual({ firstName: 'Анна', middleName: expect.anything(), lastName: 'Смирнова', email: expect.any(String), phone: expect.any(String) });
  });

  it('refuses what hh.ru refuses, and sends nothing for them', async () => {
    const anna = loggedIn();
    expect((await apply(anna, '70000002', hash('1001'))).json()).toEqual({ error: 'letter-required' });
    expect((await apply(anna, '70000003', hash('1001'), 'Письмо')).json()).toEqual({ error: 'test-required' });
    expect((await apply(anna, '70000004', hash('1001'), 'Письмо')).json()).toEqual({ error: 'vacancy-archived' });
    // The site wants the hash: a numeric id, like any bad hash or vacancy id, is "unknown" (Newer evidence).
    const numeric = await apply(anna, '70000001', '1001');
    expect([numeric.status, numeric.json()]).toEqual([400, { error: 'unknown' }]);
    expect((await apply(anna, '70000001', '0'.repeat(38))).json()).toEqual({ error: 'unknown' });
    expect((await apply(anna, '79999999', hash('1001'))).json()).toEqual({ error: 'unknown' });
    sandbox.control.config({ applyLimit: 0 });
    const limited = await apply(anna, '70000001', hash('1001'));
    expect(limited.status).toBe(400);
    expect(limited.json()).toEqual({ error: 'negotiations-limit-exceeded' });
    expect(sandbox.control.dump().applications).toEqual([]);
  });

  it('takes a urlencoded form too, with the _xsrf field instead of the header', async () => {
    const anna = loggedIn();
    const reply = await client.request({
      method: 'POST',
      path: '/applicant/vacancy_response/popup',
      headers: { cookie: anna.cookie, origin: 'https://hh.ru', 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ vacancy_id: '70000001', resume_hash: hash('1002'), letter: '', _xsrf: anna.xsrf }).toString(),
    });
    expect(reply.json<any>().success).toBe('true');
    expect(sandbox.control.dump().applications).toMatchObject([{ vacancyId: '70000001', resumeId: '1002', via: 'site' }]);
  });

  it('answers 403 with an HTML page when the _xsrf echo does not match the cookie', async () => {
    const anna = loggedIn();
    const reply = await apply(anna, '70000001', hash('1001'), '', 'a-rotated-state-token');
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toContain('text/html');
    expect(luxState(reply.text)['request'].luxPageName).toBe('ForbiddenPage');
    expect(sandbox.control.dump().applications).toEqual([]);
  });

  it('tells a guest to log in', async () => {
    const guest = await guestOn();
    const preflight = await get('/applicant/vacancy_response/popup?vacancyId=70000001', guest, jsonHeaders());
    expect(preflight.json<any>().type).toBe('needLogin');
    const reply = await apply(guest, '70000001', hash('1001'));
    expect(reply.status).toBe(403);
    expect(reply.json<any>().type).toBe('needLogin');
  });

  it('answers the captcha while the account is flagged, until the person solves it', async () => {
    const anna = loggedIn();
    sandbox.state.userByLogin('anna')!.captchaRequired = true;
    const refused = await apply(anna, '70000001', hash('1001'));
    expect(refused.status).toBe(403);
    expect(refused.json<any>().hhcaptcha.isBot).toBe(true);
    const page = await get('/vacancy/70000001', anna);
    expect(page.status).toBe(302);
    const captchaPath = new URL(String(page.headers.location)).pathname + new URL(String(page.headers.location)).search;
    const captcha = await get(captchaPath, anna);
    expect(luxState(captcha.text)).toMatchObject({ request: { luxPageName: 'AccountCaptcha' }, hhcaptcha: { isBot: true } });

    const solved = await post('/account/captcha', anna, { _xsrf: anna.xsrf, backurl: 'https://hh.ru/vacancy/70000001' });
    expect(solved.status).toBe(302);
    expect((await apply(anna, '70000001', hash('1001'))).json<any>().success).toBe('true');
  });
});

describe('what hh.ru refuses (hh-site.md, Newer evidence): the sandbox refuses it too', () => {
  /** hh.ru's refusal page: 403, HTML, its state naming the ForbiddenPage. */
  function expectRefusalPage(reply: Reply, why: string): void {
    expect(reply.status, why).toBe(403);
    expect(reply.headers['content-type'], why).toContain('text/html');
    expect(luxState(reply.text)['request'].luxPageName, why).toBe('ForbiddenPage');
  }

  it('an apply from another site, from an extension’s own origin, or with no Origin gets the 403 page and applies nothing', async () => {
    const anna = loggedIn();
    for (const origin of ['https://evil.example', 'chrome-extension://mlmfmijdoifemilgnkcpapbabjlkldgo', 'https://hh.kz', 'http://hh.ru', 'null', '']) {
      expectRefusalPage(await apply(anna, '70000001', hash('1001'), '', undefined, { origin }), `Origin ${origin || '(none)'}`);
    }
    expect(sandbox.control.dump().applications).toEqual([]);
    // A page of the same site is hh.ru's own: a regional host counts.
    const fromSpb = await apply(anna, '70000001', hash('1001'), '', undefined, { origin: 'https://spb.hh.ru' });
    expect(fromSpb.json<any>().success).toBe('true');
  });

  it('a raise (A or B) from another site or with no Origin is refused the same way; B takes hh.ru’s own page', async () => {
    const anna = loggedIn();
    for (const origin of ['https://evil.example', 'chrome-extension://mlmfmijdoifemilgnkcpapbabjlkldgo', '']) {
      expectRefusalPage(await touchA(anna, hash('1001'), { origin }), `A from ${origin || '(none)'}`);
    }
    sandbox.control.config({ raiseVariant: 'profile' });
    for (const origin of ['https://evil.example', 'https://hh.kz', '']) {
      const refused = await touchB(anna, hash('1001'), { origin });
      expect(refused.status, `B from ${origin || '(none)'}`).toBe(403);
      // No CORS grant either: a page of another site cannot even read the refusal.
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(sandbox.state.raises).toEqual([]);
    const ok = await touchB(anna, hash('1001'));
    expect(ok.status).toBe(200);
    expect(sandbox.state.raises.map((r) => r.via)).toEqual(['site-profile']);
  });

  it('the _xsrf echo must be the cookie hh.ru set for that very host: spb.hh.ru has its own', async () => {
    const anna = loggedIn();
    // A page of spb.hh.ru hands the browser spb's own _xsrf, host-only (no Domain).
    const spbPage = await get('/vacancy/70000001', anna, {}, 'spb.hh.ru');
    const spbXsrf = xsrfSetBy(spbPage);
    expect(spbXsrf).toBeDefined();
    expect(spbXsrf).not.toBe(anna.xsrf);
    expect(String(spbPage.headers['set-cookie'])).not.toMatch(/Domain=/);
    const hhtoken = /hhtoken=[^;]+/.exec(anna.cookie)![0];
    const onSpb = (xsrf: string) =>
      post('/applicant/vacancy_response/popup', { cookie: `${hhtoken}; _xsrf=${xsrf}`, xsrf }, {
        vacancy_id: '70000001',
        resume_hash: hash('1001'),
        _xsrf: xsrf,
      }, xsrf, 'spb.hh.ru');
    // hh.ru's value sent to spb.hh.ru (cookie and echo alike) is not spb's.
    expectRefusalPage(await onSpb(anna.xsrf), 'hh.ru’s _xsrf on spb.hh.ru');
    // Nor is a value nobody set, even echoed faithfully.
    expectRefusalPage(await onSpb('made-up-by-a-script'), 'a made-up _xsrf');
    expect(sandbox.control.dump().applications).toEqual([]);
    expect((await onSpb(spbXsrf!)).json<any>().success).toBe('true');
  });

  it('a raise names the resume by its hash: the numeric id is refused and raises nothing', async () => {
    const anna = loggedIn();
    const before = sandbox.state.resume('1001')!.nextPublishAt;
    const byId = await touchA(anna, '1001');
    // guess: the answer's shape, as a bad hash gets on apply.
    expect([byId.status, byId.json()]).toEqual([400, { error: 'unknown' }]);
    sandbox.control.config({ raiseVariant: 'profile' });
    const byIdB = await touchB(anna, '1001');
    expect([byIdB.status, byIdB.json()]).toEqual([400, { error: 'unknown' }]);
    expect(sandbox.state.raises).toEqual([]);
    expect(sandbox.state.resume('1001')!.nextPublishAt).toBe(before);
  });

  it('the apply preflight answers JSON only to all three headers: fewer, or an old build, get 406; a plain visit gets hh’s form', async () => {
    const anna = loggedIn();
    const path = '/applicant/vacancy_response/popup?vacancyId=70000001';
    const all = jsonHeaders();
    for (const drop of Object.keys(all)) {
      const two = Object.fromEntries(Object.entries(all).filter(([k]) => k !== drop));
      const reply = await get(path, anna, two);
      expect([drop, reply.status]).toEqual([drop, 406]);
      expect(reply.json<any>().build).toBe(BUILD);
    }
    expect((await get(path, anna, jsonHeaders('26.40.0.1'))).status).toBe(406);
    const visit = await get(path, anna);
    expect([visit.status, visit.headers.location]).toEqual([302, '/applicant/vacancy_response?vacancyId=70000001']);
    expect((await get(path, anna, all)).json<any>().type).toBe('modal');
  });

  it('a bad vacancy id in the preflight is "unknown" (400)', async () => {
    const reply = await get('/applicant/vacancy_response/popup?vacancyId=79999999', loggedIn(), jsonHeaders());
    expect([reply.status, reply.json()]).toEqual([400, { error: 'unknown' }]);
  });
});

describe('what hh.ru was seen answering, switch by switch (hh-site.md, Newer evidence)', () => {
  it('a vacancy with a test: the preflight either lists the resumes with type testRequired, or only points to hh’s test form', async () => {
    const anna = loggedIn();
    const path = '/applicant/vacancy_response/popup?vacancyId=70000003';
    const classic = (await get(path, anna, jsonHeaders())).json<any>();
    expect(classic.type).toBe('testRequired');
    expect(classic.body.responseStatus.test).toEqual({ hasTests: true, required: true });

    sandbox.control.config({ testPreflight: 'redirect' });
    const redirect = (await get(path, anna, jsonHeaders())).json<any>();
    expect(redirect).toEqual({
      type: 'test-required',
      redirect_uri: expect.stringMatching(/^https:\/\/hh\.ru\/applicant\/vacancy_response\?vacancyId=70000003&startedWithQuestion=true&/),
    });
    // The form it points to is hh's own, where the person answers.
    const form = await get(new URL(redirect.redirect_uri).pathname + new URL(redirect.redirect_uri).search, anna);
    expect(form.text).toContain('data-qa="vacancy-response-test"');
    // Vacancies without a test keep the usual answer.
    expect((await get('/applicant/vacancy_response/popup?vacancyId=70000001', anna, jsonHeaders())).json<any>().type).toBe('modal');
  });

  it('an apply may succeed and still want more from the person: requiredAdditionalData', async () => {
    const anna = loggedIn();
    const [first, second] = openVacancies();
    expect((await apply(anna, first!, hash('1001'))).json<any>().requiredAdditionalData).toBeUndefined();
    sandbox.control.config({ applyAdditionalData: true });
    const reply = (await apply(anna, second!, hash('1001'))).json<any>();
    expect(reply).toMatchObject({ success: 'true', topic_id: expect.stringMatching(/^\d+$/), requiredAdditionalData: ['PREFERRED_WORK_AREAS'] });
    expect(sandbox.control.dump().applications.map((a) => a.vacancyId)).toEqual([first, second]);
  });

  it('/applicant/resumes may send the person to the profile, which carries the resumes too', async () => {
    const anna = loggedIn();
    expect((await get('/applicant/resumes', anna)).status).toBe(200);
    sandbox.control.config({ resumesRedirect: true });
    const moved = await get('/applicant/resumes', anna);
    expect([moved.status, moved.headers.location]).toEqual([302, '/applicant/profile/me']);
    const profile = await get(String(moved.headers.location), anna, jsonHeaders());
    expect(profile.json<any>().applicantResumes.map((r: any) => r._attributes.hash)).toContain(hash('1001'));
  });

  it('the negotiations list changes its order between requests (deterministically for tests); deduping by id keeps every topic', async () => {
    const anna = loggedIn();
    const read = async () =>
      (await get('/applicant/negotiations?filter=all&page=0', anna, jsonHeaders())).json<any>().applicantNegotiations.topicList.map((t: any) => t.id);
    const first = await read();
    const second = await read();
    expect(first).toHaveLength(8);
    expect(second).not.toEqual(first);
    expect(new Set(second)).toEqual(new Set(first));
    // The same requests after a reset see the same orders: the randomness is seeded.
    sandbox.control.reset();
    const again = loggedIn();
    const replay = async () =>
      (await get('/applicant/negotiations?filter=all&page=0', again, jsonHeaders())).json<any>().applicantNegotiations.topicList.map((t: any) => t.id);
    expect([await replay(), await replay()]).toEqual([first, second]);
    sandbox.control.config({ negotiationsOrder: 'stable' });
    expect(await replay()).toEqual(await replay());
  });

  it('topics name their vacancy through vacanciesShort, or flatly; creationTime in ms or as an ISO string', async () => {
    const anna = loggedIn();
    const read = async () => (await get('/applicant/negotiations?filter=all', anna, jsonHeaders())).json<any>();
    const classic = await read();
    const topic = classic.applicantNegotiations.topicList[0];
    expect(typeof topic.creationTime).toBe('number');
    expect(topic.vacancyName).toBeUndefined();
    const named = classic.vacanciesShort.vacanciesList.find((v: any) => v.vacancyId === topic.vacancyId);
    expect(named.name).toBe(sandbox.state.vacancy(String(topic.vacancyId))!.name);

    sandbox.control.config({ topicShape: 'flat', topicTime: 'iso' });
    const flat = await read();
    expect(flat.vacanciesShort).toBeUndefined();
    const t = flat.applicantNegotiations.topicList.find((x: any) => x.id === topic.id);
    const v = sandbox.state.vacancy(String(t.vacancyId))!;
    expect(t).toMatchObject({ vacancyName: v.name, employerName: sandbox.state.employer(v.employerId)!.name });
    expect(t.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(Date.parse(t.creationTime)).toBe(topic.creationTime);
  });

  it('discarded topics vanish from the list after a while (sandbox clock); the rest stay', async () => {
    const anna = loggedIn();
    const states = async () =>
      (await get('/applicant/negotiations?filter=all', anna, jsonHeaders())).json<any>().applicantNegotiations.topicList.map((t: any) => t.lastState);
    expect((await states()).filter((s: string) => s === 'DISCARD')).toHaveLength(2);
    sandbox.control.clock({ advance: 31 * 24 * HOUR });
    const later = await states();
    expect(later).not.toContain('DISCARD');
    expect(later).toHaveLength(6);
    // hh.ru still knows them: the vacancy page says she applied.
    const gone = sandbox.state.negotiations.find((n) => n.state === 'discard')!;
    expect(luxState((await get(`/vacancy/${gone.vacancyId}`, anna)).text)['applicantVacancyResponseStatuses'][gone.vacancyId].alreadyApplied).toBe(true);
  });

  it('an employer answers through /__sandbox/answer: the topic’s state, unread flag and place on the list change, on both halves', async () => {
    const anna = loggedIn();
    sandbox.control.config({ negotiationsOrder: 'stable' });
    const list = async () => (await get('/applicant/negotiations?filter=all', anna, jsonHeaders())).json<any>().applicantNegotiations.topicList;
    const oldest = (await list()).at(-1);
    expect(oldest).toMatchObject({ lastState: 'DISCARD', hasNewMessages: false });

    const answered = await client.request({
      method: 'POST',
      path: '/__sandbox/answer',
      body: JSON.stringify({ topic: String(oldest.id), state: 'invitation', message: true }),
    });

    expect(answered.status).toBe(200);
    const top = (await list())[0];
    expect(top).toMatchObject({ id: oldest.id, lastState: 'INVITATION', hasNewMessages: true, viewedByOpponent: true });
    expect(top.lastModified).toBe(answered.json<any>().updatedAt);
    expect(top.lastModified).toBeGreaterThan(oldest.lastModified);
    const api = (await client.api('GET', '/negotiations', { token: sandbox.control.token({ user: 'anna' }).access_token })).json<any>();
    expect(api.items[0]).toMatchObject({ id: String(oldest.id), state: { id: 'invitation' }, has_updates: true });

    // A state word hh.ru may add one day, sent as is; by vacancy for anna.
    sandbox.control.answer({ vacancy: String(oldest.vacancyId), rawState: 'OFFER_MADE' });
    expect((await list())[0]).toMatchObject({ id: oldest.id, lastState: 'OFFER_MADE' });
    expect(() => sandbox.control.answer({ topic: '1', state: 'invitation' })).toThrow(/no such topic/);
    expect(() => sandbox.control.answer({ topic: String(oldest.id), state: 'hired' as never })).toThrow(/unknown state/);
  });

  it('about ten applies within a minute bring the captcha for the next ones, until it is solved', async () => {
    const anna = loggedIn();
    const ids = openVacancies();
    for (const id of ids.slice(0, 10)) expect((await apply(anna, id, hash('1001'))).json<any>().success, id).toBe('true');
    const eleventh = await apply(anna, ids[10]!, hash('1001'));
    expect(eleventh.status).toBe(403);
    expect(eleventh.json<any>().hhcaptcha.isBot).toBe(true);
    // Sticky: a minute later it is still there, and vacancy pages lead to the captcha page.
    sandbox.control.clock({ advance: 5 * 60_000 });
    expect((await apply(anna, ids[10]!, hash('1001'))).json<any>().hhcaptcha.isBot).toBe(true);
    expect(String((await get(`/vacancy/${ids[10]}`, anna)).headers.location)).toContain('/account/captcha');
    expect(sandbox.control.dump().applications).toHaveLength(10);
    // Solved through the control API (as a person on hh's page would), applying goes on.
    expect((await client.control('POST', '/captcha', { user: 'anna', required: false })).status).toBe(200);
    expect((await apply(anna, ids[10]!, hash('1001'))).json<any>().success).toBe('true');
  });

  it('ten applies spread over more than a minute bring no captcha', async () => {
    const anna = loggedIn();
    const ids = openVacancies();
    for (const id of ids.slice(0, 12)) {
      expect((await apply(anna, id, hash('1001'))).json<any>().success, id).toBe('true');
      sandbox.control.clock({ advance: 7_000 });
    }
    expect(sandbox.state.userByLogin('anna')!.captchaRequired).toBeFalsy();
  });
});

describe('raising a resume', () => {
  it('the resume list shows hh.ru’s button beside the paid upsell, or when it can be raised again', async () => {
    const reply = await get('/applicant/resumes', loggedIn());
    const card1001 = reply.text.slice(reply.text.indexOf(`data-qa-id="${hash('1001')}"`), reply.text.indexOf(`data-qa-id="${hash('1002')}"`));
    expect(card1001).toContain(`data-qa="resume-card-link-${hash('1001')}"`);
    expect(card1001).toContain('data-qa="resume-update-button resume-update-button_actions"');
    expect(card1001).toContain('data-qa="resume-update-button_actions">Поднять автоматически');
    const card1002 = reply.text.slice(reply.text.indexOf(`data-qa-id="${hash('1002')}"`));
    expect(card1002.slice(0, card1002.indexOf('data-qa="resume"', 10))).not.toContain('resume-update-button resume-update-button_actions');
    expect(card1002).toMatch(/data-qa="title-description">Поднять вручную можно сегодня в \d\d:\d\d|data-qa="title-description">Поднять вручную можно завтра в \d\d:\d\d/);
    const s = luxState(reply.text);
    expect(s['applicantResumesStatistics'].resumes['1002'].statistics.periodDays).toBe(7);
  });

  it('variant A: touch once, then 409 until four hours pass; B answers 404 meanwhile', async () => {
    const anna = loggedIn();
    const now = sandbox.state.now();
    const touch = () => touchA(anna, hash('1001'));
    const first = await touch();
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({});
    expect(sandbox.state.resume('1001')!.nextPublishAt).toBeGreaterThanOrEqual(now + 4 * HOUR);
    expect((await touch()).status).toBe(409);
    expect((await touchB(anna, hash('1001'))).status).toBe(404);
    sandbox.control.clock({ advance: 4 * HOUR + 1000 });
    expect((await touch()).status).toBe(200);
    expect(sandbox.state.raises.map((r) => r.via)).toEqual(['site-touch', 'site-touch']);
  });

  it('variant B on resume-profile-front when the config says so: 200 with an empty body; A is gone then', async () => {
    sandbox.control.config({ raiseVariant: 'profile' });
    const anna = loggedIn();
    expect((await touchA(anna, hash('1001'))).status).toBe(404);
    const before = sandbox.state.resume('1001')!.nextPublishAt;
    const ok = await touchB(anna, hash('1001'));
    // Newer evidence [S, 2026-08]: nothing in the body says it worked; only the re-read resume does.
    expect([ok.status, ok.text]).toEqual([200, '']);
    expect(ok.headers['access-control-allow-origin']).toBe('https://hh.ru');
    const shard = (await get('/shards/applicant/resumes', anna, jsonHeaders())).json<any>();
    const after = shard.resumes.find((r: any) => r._attributes.hash === hash('1001'))._attributes;
    expect(after.nextTouchAt).toBeGreaterThan(before);
    expect(after.canTouch).toBe(false);
    expect((await touchB(anna, hash('1001'))).status).toBe(409);
    const token = sandbox.control.token({ user: 'anna' }).access_token;
    const mine = (await client.api('GET', '/resumes/mine', { token })).json<any>();
    expect(mine.items.find((r: any) => r.id === hash('1001')).can_publish_or_update).toBe(false);
  });

  it('variant C: only hh.ru’s own button raises', async () => {
    sandbox.control.config({ raiseVariant: 'button' });
    const anna = loggedIn();
    expect((await post('/applicant/resumes/touch', anna, { resume: hash('1001'), undirectable: 'true' })).status).toBe(404);
    const button = () => post('/shards/applicant/resumes/raise', anna, { resume: hash('1001'), undirectable: 'true' });
    expect((await button()).status).toBe(200);
    expect((await button()).status).toBe(409);
    sandbox.control.config({ raiseVariant: 'touch' });
    sandbox.control.clock({ advance: 4 * HOUR + 1000 });
    expect((await button()).status).toBe(404);
  });

  it('refuses a raise without the _xsrf echo', async () => {
    const anna = loggedIn();
    const reply = await post('/applicant/resumes/touch', anna, { resume: hash('1001') }, 'wrong');
    expect(reply.status).toBe(403);
    expect(sandbox.state.raises).toEqual([]);
  });
});

describe('who viewed', () => {
  it('groups views by day and company, and reading them clears the new count', async () => {
    const anna = loggedIn();
    const path = `/applicant/resumeview/history?resumeHash=${hash('1001')}`;
    const first = (await get(path, anna, jsonHeaders())).json<any>().applicantResumeViewHistory.historyViews;
    expect(first.total).toBe(30);
    expect(first.new).toBe(3);
    const companies = first.years.flatMap((y: any) => y.days.flatMap((d: any) => d.companies));
    expect(companies.reduce((n: number, c: any) => n + c.views.length, 0)).toBe(30);
    expect(companies.some((c: any) => c.name === '')).toBe(true);
    expect(companies.find((c: any) => c.name !== '')).toMatchObject({ id: expect.any(Number), viewed: expect.any(Boolean) });
    expect(sandbox.state.resume('1001')!.newViews).toBe(0);
    const second = (await get(path, anna, jsonHeaders())).json<any>().applicantResumeViewHistory.historyViews;
    expect(second.new).toBe(0);
  });

  it('answers 400 to the `resume` parameter', async () => {
    const reply = await get(`/applicant/resumeview/history?resume=${hash('1001')}`, loggedIn());
    expect(reply.status).toBe(400);
    expect(sandbox.state.resume('1001')!.newViews).toBe(3);
  });
});

describe('my applications', () => {
  it('pages 20 at a time with pageCount as a string and names the vacancies', async () => {
    // The order held still, so the pages can be counted (the changing order has its own story below).
    sandbox.control.config({ negotiationsOrder: 'stable' });
    const anna = sandbox.state.userByLogin('anna')!;
    const fresh = sandbox.state.search().filter((v) => !v.letterRequired && !v.testRequired && v.type === 'open' && !sandbox.state.hasApplied(anna.id, v.id));
    for (const v of fresh.slice(0, 17)) expect(sandbox.state.apply(anna, v.id, '1001', '', 'site').ok).toBe(true);
    const who = loggedIn();
    const page0 = (await get('/applicant/negotiations?filter=all&page=0', who, jsonHeaders())).json<any>();
    const page1 = (await get('/applicant/negotiations?filter=all&page=1', who, jsonHeaders())).json<any>();
    expect(page0.applicantNegotiations).toMatchObject({ pageCount: '2', total: 25 });
    expect(page0.applicantNegotiations.topicList).toHaveLength(20);
    expect(page1.applicantNegotiations.topicList).toHaveLength(5);
    const ids = [...page0.applicantNegotiations.topicList, ...page1.applicantNegotiations.topicList].map((t: any) => t.id);
    expect(new Set(ids).size).toBe(25);
    const topic = page1.applicantNegotiations.topicList[0];
    expect(topic).toMatchObject({ initialState: 'RESPONSE', lastState: expect.stringMatching(/^(RESPONSE|INVITATION|INTERVIEW|DISCARD)$/) });
    expect(page1.vacanciesShort.vacanciesList.map((v: any) => v.vacancyId)).toContain(topic.vacancyId);
  });
});

describe('the search page', () => {
  it('has 100 cards when asked: 20 in the HTML and the rest in the state', async () => {
    const reply = await get('/search/vacancy?text=&items_on_page=100', loggedIn());
    expect(cardsIn(reply.text)).toBe(20);
    const result = luxState(reply.text)['vacancySearchResult'];
    expect(result.vacancies).toHaveLength(100);
    expect(result.totalResults).toBe(134);
    expect(result.paging).toMatchObject({ page: 0, pagesCount: 2 });
    expect(reply.text).toContain(`href="https://hh.ru/vacancy/${result.vacancies[0].vacancyId}?hhtmFrom=vacancy_search_list"`);
    for (const qa of ['vacancy-serp__vacancy-employer', 'vacancy-serp__vacancy_response', 'pager-page']) expect(reply.text).toContain(`data-qa="${qa}"`);
    const second = luxState((await get('/search/vacancy?page=1&items_on_page=100', null)).text)['vacancySearchResult'];
    expect(second.vacancies).toHaveLength(34);
  });

  it('draws the rest of the cards in stages, as a content script must observe', async () => {
    const reply = await get('/search/vacancy?items_on_page=100', null);
    const window = new Window({ url: 'https://hh.ru/search/vacancy?items_on_page=100', settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    try {
      const seen: number[] = [];
      const cards = () => window.document.querySelectorAll('[data-qa="vacancy-serp__vacancy"]').length;
      window.document.write(reply.text);
      seen.push(cards());
      new window.MutationObserver(() => seen.push(cards())).observe(window.document.body, { childList: true, subtree: true });
      await vi.waitFor(() => expect(cards()).toBe(100), { timeout: 3000, interval: 20 });
      expect(seen[0]).toBe(20);
      expect(new Set(seen).size).toBeGreaterThanOrEqual(3);
    } finally {
      await window.happyDOM.close();
    }
  });
});

describe('the profile page', () => {
  it('carries the resumes with titles and the profile front’s own template', async () => {
    const reply = await get('/applicant/profile/me', loggedIn());
    expect(luxState(reply.text)['applicantResumes'].map((r: any) => r.title[0].string)).toContain('Тимлид frontend');
    const front = /<template class="ResumeProfileFront-InitialState">([\s\S]*?)<\/template>/.exec(reply.text)![1]!;
    const parsed = JSON.parse(front.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(parsed.resumes[0]).toMatchObject({ hash: hash('1001'), canTouch: true });
  });
});
