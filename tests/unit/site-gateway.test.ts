import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSiteGateway } from '../../lib/hh/site/gateway';
import { siteMemory } from '../../lib/background/hh-client';
import { pauseItem, siteFactsItem, snapshotItem } from '../../lib/store';
import { BUILD, HASH_1001, HASH_1002, HASH_1003, NOW, fakeHh, fakePage, fixture, htmlAnswer, json, pageHtml } from './site-fake-hh';
import { failure } from './failure';
import { withGateway } from '../../lib/background/gateways';


const noWrites = () => fakePage(() => {
  throw new Error('a read must not write');
});

function gateway(hh: ReturnType<typeof fakeHh>) {
  return createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page: noWrites().page, now: () => NOW });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a user logged in on hh.ru opens the popup', () => {
  it('sees their name and resumes from one read of the resume list page', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('resumes-page.json') } });
    const g = gateway(hh);

    const [me, resumes] = await Promise.all([g.me(), g.resumes()]);
    expect(me).toMatchObject({ firstName: 'Анна', lastName: 'Смирнова', newResumeViews: 4 });
    expect(resumes.map((r) => r.title)).toEqual([
      'Frontend-разработчик (React, TypeScript)',
      'Fullstack-разработчик Node.js',
      'Тимлид frontend',
      'Разработчик 1С',
    ]);
    expect(resumes[1]).toMatchObject({ canRaise: false, nextRaiseAt: 1795616040000, totalViews: 28 });
    expect(hh.seen.map((s) => s.path)).toEqual(['/applicant/resumes']);
  });

  it('the first read learns the build from the HTML page; the next ones get JSON with the three headers', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('resumes-page.json') } });
    await gateway(hh).resumes();
    expect((await siteFactsItem.getValue()).build).toBe(BUILD);
    await gateway(hh).resumes();
    const second = hh.seen[1]!;
    expect(second.path).toBe('/applicant/resumes');
    expect(second.headers.get('accept')).toBe('application/json');
    expect(second.headers.get('x-requested-with')).toBe('XMLHttpRequest');
    expect(second.headers.get('x-static-version')).toBe(BUILD);
  });

  it('after hh.ru redeploys, a 406 refreshes the build once and the read still succeeds', async () => {
    await siteFactsItem.setValue({ build: '26.40.0.1' });
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('resumes-page.json') } });
    const resumes = await gateway(hh).resumes();
    expect(resumes).toHaveLength(4);
    expect(hh.seen.map((s) => s.headers.get('x-static-version'))).toEqual(['26.40.0.1', BUILD]);
    expect((await siteFactsItem.getValue()).build).toBe(BUILD);
  });

  it('a JSON route asked before any build is known learns it from hh’s 406 and asks again', async () => {
    const hh = fakeHh({ routes: { '/applicant/vacancy_response/popup?vacancyId=70000003': fixture('preflight-test.json') } });
    const ctx = await gateway(hh).vacancyContext('70000003', {
      origin: 'https://hh.ru',
      state: JSON.stringify(fixture('vacancy-full.json')),
    });
    expect(ctx.vacancy.testRequired).toBe(true);
    expect(hh.seen.map((s) => s.headers.get('x-static-version'))).toEqual([null, BUILD]);
  });

  it('falls back to the resume shards when the list page carries no resumes', async () => {
    const page = fixture('resumes-page.json');
    delete page.applicantResumes;
    const hh = fakeHh({
      pages: { '/applicant/resumes': page },
      routes: {
        '/shards/applicant/resumes': fixture('shard-resumes.json'),
        '/shards/applicant/header_resumes': fixture('shard-header-resumes.json'),
      },
    });
    await siteFactsItem.setValue({ build: BUILD });
    const resumes = await gateway(hh).resumes();
    expect(resumes.map((r) => [r.id, r.title, r.canRaise])).toEqual([
      [HASH_1001, 'Frontend-разработчик (React, TypeScript)', true],
      [HASH_1002, 'Fullstack-разработчик Node.js', false],
    ]);
  });

  it('logged out on hh.ru: is told to log in', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('logged-out.json') } });
    expect((await failure(gateway(hh).me())).kind).toBe('no_session');

    await siteFactsItem.setValue({ build: BUILD });
    const guest = fakeHh({ pages: { '/applicant/resumes': () => json(403, { type: 'needLogin', error: 'need-login' }) } });
    expect((await failure(gateway(guest).me())).kind).toBe('no_session');
  });

  it('hh.ru shows its captcha page: automatic work pauses until the person solves it', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('captcha.json') } });
    // The client reports the captcha; the background's gateway runner turns it into the pause.
    expect((await failure(withGateway(() => gateway(hh).resumes()))).kind).toBe('captcha');
    expect((await pauseItem.getValue())?.reason.kind).toBe('captcha');
  });

  it('an answer in a shape nobody knows is reported as such, not guessed at', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': { userType: 'applicant', somethingNew: [] } } });
    await siteFactsItem.setValue({ build: BUILD });
    // No applicantResumes: the shards are tried, and they answer an unknown shape too.
    hh.routes['/shards/applicant/resumes'] = { list: [] };
    hh.routes['/shards/applicant/header_resumes'] = { list: [] };
    expect((await failure(gateway(hh).resumes())).kind).toBe('invalid_response');
  });
});

describe('who viewed my resume', () => {
  it('asks the history by resumeHash and pages it locally, newest first', async () => {
    const hh = fakeHh({
      pages: {
        '/applicant/resumes': fixture('resumes-page.json'),
        [`/applicant/resumeview/history?resumeHash=${HASH_1001}`]: fixture('history.json'),
      },
    });
    const page = await gateway(hh).views('1001', 0);
    expect(page).toMatchObject({ page: 0, pages: 1, found: 5 });
    expect(page.items[0]).toEqual({ at: 1795606800000, employer: { id: '1455000', name: 'Технологии Будущего' }, viewed: false });
    expect(page.items[1]!.employer).toBeNull();
    expect(hh.seen.some((s) => s.path.includes('resumeview/history?resume='))).toBe(false);
  });
});

describe('a page that hands over a build string it made up', () => {
  // The build comes from the page (a script on it can write anything there) and becomes a header:
  // a newline or a non-ASCII letter would make `new Headers()` throw on every read after it.
  for (const bad of ['26.47.1.2\r\nX-Evil: 1', 'сборка-26', 'x'.repeat(65)]) {
    it(`${JSON.stringify(bad.slice(0, 20))}: never kept, never sent, and the reads go on`, async () => {
      await siteFactsItem.setValue({ build: BUILD });
      const hh = fakeHh({ pages: { '/applicant/resumes': fixture('resumes-page.json') } });
      await gateway(hh).vacancyContext('70000002', { origin: 'https://hh.ru', state: JSON.stringify(fixture('vacancy-classic.json')), build: bad });
      expect((await siteFactsItem.getValue()).build).toBe(BUILD);
      // A stored one from an older version is not sent either: the read learns a good one.
      await siteFactsItem.setValue({ build: bad });
      await expect(gateway(hh).resumes()).resolves.toHaveLength(4);
      expect(hh.seen.every((s) => s.headers.get('x-static-version') !== bad)).toBe(true);
    });
  }
});

describe('a vacancy page with the panel', () => {
  it('classic state handed over by the content script: no request to hh.ru at all', async () => {
    const hh = fakeHh({});
    const ctx = await gateway(hh).vacancyContext('70000002', {
      origin: 'https://hh.ru',
      state: JSON.stringify(fixture('vacancy-classic.json')),
      build: '26.47.9.9',
    });
    expect(hh.seen).toEqual([]);
    expect(ctx.vacancy).toMatchObject({ name: 'Frontend-разработчик в продуктовую команду', letterRequired: true });
    expect(ctx.options.filter((o) => o.canApply).map((o) => o.resume.title)).toEqual([
      'Frontend-разработчик (React, TypeScript)',
      'Fullstack-разработчик Node.js',
    ]);
    expect(ctx.alreadyApplied).toBe(false);
    // The page's build is remembered for later background reads.
    expect((await siteFactsItem.getValue()).build).toBe('26.47.9.9');
  });

  it('2026-09 state: resumes from the page, test and letter from one preflight request', async () => {
    await siteFactsItem.setValue({ build: BUILD });
    const hh = fakeHh({ routes: { '/applicant/vacancy_response/popup?vacancyId=70000003': fixture('preflight-test.json') } });
    const ctx = await gateway(hh).vacancyContext('70000003', {
      origin: 'https://spb.hh.ru',
      state: JSON.stringify(fixture('vacancy-full.json')),
    });
    expect(hh.seen.map((s) => s.url)).toEqual(['https://spb.hh.ru/applicant/vacancy_response/popup?vacancyId=70000003']);
    expect(ctx.vacancy).toMatchObject({
      testRequired: true,
      applyUrl: 'https://spb.hh.ru/applicant/vacancy_response?vacancyId=70000003&startedWithQuestion=true',
    });
    expect(ctx.options.map((o) => o.resume.id)).toEqual([HASH_1001, HASH_1002, HASH_1003]);
  });

  it('after in-page navigation the handed state describes the first vacancy: this one is fetched', async () => {
    await siteFactsItem.setValue({ build: BUILD });
    const hh = fakeHh({ pages: { '/vacancy/70000002': fixture('vacancy-classic.json') } });
    const ctx = await gateway(hh).vacancyContext('70000002', {
      origin: 'https://hh.ru',
      state: JSON.stringify({ ...fixture('vacancy-classic.json'), vacancyView: { vacancyId: 70000001, name: 'Другая' } }),
    });
    expect(hh.seen.map((s) => s.path)).toEqual(['/vacancy/70000002']);
    expect(ctx.vacancy.id).toBe('70000002');
  });

  it('without a hint the vacancy page is fetched as HTML and its entity-encoded state parsed', async () => {
    const hh = fakeHh({ pages: { '/vacancy/70000002': () => htmlAnswer(200, pageHtml(fixture('vacancy-classic.json'), BUILD)) } });
    const ctx = await gateway(hh).vacancyContext('70000002');
    expect(ctx.vacancy.employer?.name).toBe('ООО «Ромашка» <b>IT</b>');
  });

  it('resumes missing from a trimmed page come from the last snapshot, not from a request', async () => {
    const state = fixture('vacancy-classic.json');
    delete state.applicantResumes;
    await snapshotItem.setValue({
      me: null,
      fetchedAt: NOW,
      source: 'site',
      resumes: [{ id: HASH_1001, hash: HASH_1001, title: 'Frontend', status: 'published', canRaise: true, nextRaiseAt: null }],
    });
    const hh = fakeHh({});
    const ctx = await gateway(hh).vacancyContext('70000002', { origin: 'https://hh.ru', state: JSON.stringify(state) });
    expect(hh.seen).toEqual([]);
    expect(ctx.options.map((o) => [o.resume.title, o.canApply])).toEqual([['Frontend', true]]);
  });
});

describe('my applications', () => {
  it('walks the pages, drops the topics a shifted order repeats, newest first; resumes named by hash', async () => {
    const hh = fakeHh({
      pages: {
        '/applicant/resumes': fixture('resumes-page.json'),
        '/applicant/negotiations?filter=all&page=0': fixture('negotiations-p0.json'),
        '/applicant/negotiations?filter=all&page=1': fixture('negotiations-p1.json'),
      },
    });
    // The popup listed the resumes once: that taught the numbers hh's topics use.
    await gateway(hh).resumes();
    hh.seen.length = 0;
    const list = await gateway(hh).negotiations();
    expect(list.map((n) => [n.id, n.state, n.resumeId])).toEqual([
      ['4100000001', 'response', HASH_1001],
      ['4100000004', 'invitation', HASH_1001],
      ['4100000007', 'discard', HASH_1001],
      ['4100000006', 'interview', HASH_1001],
      ['4100000009', 'other', HASH_1002],
    ]);
    expect(hh.seen.map((s) => s.path)).toEqual([
      '/applicant/negotiations?filter=all&page=0',
      '/applicant/negotiations?filter=all&page=1',
    ]);
  });

  it('stops at the page cap even when hh.ru claims more pages', async () => {
    let n = 0;
    const endless = () => {
      const p = fixture('negotiations-p0.json');
      p.applicantNegotiations.pageCount = '500';
      p.applicantNegotiations.topicList = [{ id: 4300000000 + n++, vacancyId: 70000010, lastState: 'RESPONSE' }];
      return p;
    };
    const pages: Record<string, () => unknown> = {};
    for (let i = 0; i < 40; i++) pages[`/applicant/negotiations?filter=all&page=${i}`] = endless;
    const hh = fakeHh({ pages });
    const list = await gateway(hh).negotiations();
    expect(list).toHaveLength(25);
    expect(hh.seen).toHaveLength(25);
  });
});
