/**
 * The sandbox's hh.ru plays the site the way shared/docs/hh-site.md describes it, over the same
 * state as its api.hh.ru: what a logged-in job seeker's browser (and so the extension) sees and
 * what hh.ru does with the writes it receives.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sandboxClient, type Reply, type SandboxClient } from '../sandbox/client';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
let client: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = sandboxClient(sandbox);
});
afterAll(async () => {
  client.close();
  await sandbox.close();
});
beforeEach(() => sandbox.control.reset());

const HOUR = 3_600_000;
const BUILD = '26.47.1.2';
const hash = (siteId: string) => sandbox.state.resume(siteId)!.hash;

interface Browser {
  cookie: string;
  xsrf: string;
}

/** A browser logged in to hh.ru as `login`. */
function loggedIn(login = 'anna'): Browser {
  const s = sandbox.control.login(login);
  return { cookie: `hhtoken=${s.hhtoken}; _xsrf=${s.xsrf}`, xsrf: s.xsrf };
}

/** A guest who has visited hh.ru once: an `_xsrf` cookie and no session. */
const guest: Browser = { cookie: '_xsrf=guestxsrf', xsrf: 'guestxsrf' };

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

/** A write as hh.ru's own page sends it: multipart, the cookie's `_xsrf` echoed in the header. */
async function post(path: string, who: Browser | null, fields: Record<string, string>, xsrf = who?.xsrf, host = 'hh.ru'): Promise<Reply> {
  const { body, type } = await multipart(fields);
  return client.request({
    host,
    method: 'POST',
    path,
    body,
    headers: {
      'content-type': type,
      accept: 'application/json',
      'x-requested-with': 'XMLHttpRequest',
      ...(who ? { cookie: who.cookie } : {}),
      ...(xsrf ? { 'x-xsrftoken': xsrf } : {}),
    },
  });
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

const apply = (who: Browser | null, vacancyId: string, resumeHash: string, letter = '', xsrf?: string) =>
  post('/applicant/vacancy_response/popup', who, {
    vacancy_id: vacancyId,
    resume_hash: resumeHash,
    letter,
    lux: 'true',
    ignore_postponed: 'true',
    incomplete: 'false',
    withoutTest: 'no',
    _xsrf: xsrf ?? who?.xsrf ?? '',
  }, xsrf);

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
    expect(String(page.headers['set-cookie'])).toMatch(/_xsrf=\w+; Path=\/; Secure; Domain=hh\.ru/);
    const anna = await get('/', loggedIn());
    expect(luxState(anna.text)['userType']).toBe('applicant');
    expect(luxState(anna.text)['request'].luxPageName).toBe('IndexPage');
  });

  it('logs in through the login page with the cookie echoed in the form', async () => {
    const form = new URLSearchParams({ user: 'boris', backurl: '/applicant/resumes', _xsrf: 'abc' }).toString();
    const reply = await client.request({
      method: 'POST',
      path: '/account/login',
      body: form,
      headers: { cookie: '_xsrf=abc', 'content-type': 'application/x-www-form-urlencoded' },
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
    const preflight = (await get('/applicant/vacancy_response/popup?vacancyId=70000001', anna, {
      accept: 'application/json',
      'x-requested-with': 'XMLHttpRequest',
    })).json<any>();
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
  });

  it('refuses what hh.ru refuses, and sends nothing for them', async () => {
    const anna = loggedIn();
    expect((await apply(anna, '70000002', hash('1001'))).json()).toEqual({ error: 'letter-required' });
    expect((await apply(anna, '70000003', hash('1001'), 'Письмо')).json()).toEqual({ error: 'test-required' });
    expect((await apply(anna, '70000004', hash('1001'), 'Письмо')).json()).toEqual({ error: 'vacancy-archived' });
    // The site wants the hash: a numeric id is no resume of hers.
    expect((await apply(anna, '70000001', '1001')).json()).toEqual({ error: 'resume-not-found' });
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
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
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
    const touch = () => post('/applicant/resumes/touch', anna, { resume: hash('1001'), undirectable: 'true' });
    const first = await touch();
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({});
    expect(sandbox.state.resume('1001')!.nextPublishAt).toBeGreaterThanOrEqual(now + 4 * HOUR);
    expect((await touch()).status).toBe(409);
    const b = await client.request({
      host: 'resume-profile-front.hh.ru',
      method: 'POST',
      path: '/profile/shards/resume/touch',
      headers: { cookie: anna.cookie, 'x-xsrftoken': anna.xsrf, 'content-type': 'application/json' },
      body: JSON.stringify({ hash: hash('1001') }),
    });
    expect(b.status).toBe(404);
    sandbox.control.clock({ advance: 4 * HOUR + 1000 });
    expect((await touch()).status).toBe(200);
    expect(sandbox.state.raises.map((r) => r.via)).toEqual(['site-touch', 'site-touch']);
  });

  it('variant B on resume-profile-front when the config says so; A is gone then', async () => {
    sandbox.control.config({ raiseVariant: 'profile' });
    const anna = loggedIn();
    expect((await post('/applicant/resumes/touch', anna, { resume: hash('1001'), undirectable: 'true' })).status).toBe(404);
    const touchB = () =>
      client.request({
        host: 'resume-profile-front.hh.ru',
        method: 'POST',
        path: '/profile/shards/resume/touch',
        headers: {
          cookie: anna.cookie,
          origin: 'https://hh.ru',
          referer: 'https://hh.ru/applicant/profile/me',
          'x-xsrftoken': anna.xsrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ hash: hash('1001') }),
      });
    const ok = await touchB();
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://hh.ru');
    expect((await touchB()).status).toBe(409);
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
