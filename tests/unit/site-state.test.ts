import { describe, expect, it } from 'vitest';
import { HhError } from '../../lib/hh/errors';
import {
  applyOptions,
  buildFromHtml,
  meFromState,
  negotiationsFromState,
  parseStateText,
  preflightFrom,
  requireApplicant,
  resumesFromShards,
  resumesFromState,
  stateFromHtml,
  unescapeEntities,
  vacancyFromState,
  viewsFromState,
  withPreflight,
} from '../../lib/hh/site/state';
import { encodeState, fixture, HASH_1001, HASH_1002, HASH_1003, HASH_1004, ORIGIN, pageHtml } from './site-fake-hh';

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof HhError) return e.kind;
    throw e;
  }
  return 'no error';
}

describe('the page state as hh.ru delivers it', () => {
  it('reads the live template text and the entity-encoded copy of fetched HTML alike', () => {
    const state = fixture('vacancy-classic.json');
    expect(parseStateText(JSON.stringify(state))).toEqual(state);
    expect(parseStateText(encodeState(state))).toEqual(state);
    // The company name holds markup and quotes: decoding happens once, not twice.
    expect(stateFromHtml(pageHtml(state, '26.47.1.2'))?.['vacancyView']).toEqual(state.vacancyView);
  });

  it('decodes numeric and named entities once', () => {
    expect(unescapeEntities('&quot;a&#34;&#x22;&amp;quot;&lt;b&gt;')).toBe('"a""&quot;<b>');
  });

  it('finds the build string in the global vars of a fetched page', () => {
    expect(buildFromHtml(pageHtml({}, '26.37.2.1'))).toBe('26.37.2.1');
    expect(buildFromHtml('<html><template id="HH-Lux-InitialState">{&quot;build&quot;:&quot;x&quot;}</template></html>')).toBeNull();
  });

  it('says "unknown format" for a state that is not JSON', () => {
    expect(kindOf(() => parseStateText('<html>'))).toBe('invalid_response');
  });
});

describe('who is looking', () => {
  it('reads the logged-in applicant and the new-views counter', () => {
    const state = fixture('resumes-page.json');
    expect(() => requireApplicant(state, ORIGIN)).not.toThrow();
    expect(meFromState(state)).toEqual({
      id: '73514208',
      firstName: 'Анна',
      lastName: 'Смирнова',
      email: 'anna.smirnova@example.ru',
      newResumeViews: 4,
    });
  });

  it('an applicant whose page state carries no name and no id is still who is looking (names are optional)', () => {
    const state = { userType: 'applicant', account: { firstName: null, middleName: null, lastName: null, email: null, phone: null } };
    expect(meFromState(state)).toMatchObject({ id: '', firstName: '', lastName: '' });
  });

  it('tells a guest to log in, an employer to log in as a job seeker, and stops on a captcha page', () => {
    expect(kindOf(() => requireApplicant(fixture('logged-out.json'), ORIGIN))).toBe('no_session');
    expect(kindOf(() => requireApplicant({ ...fixture('resumes-page.json'), userType: 'employer' }, ORIGIN))).toBe('forbidden');
    expect(kindOf(() => requireApplicant(fixture('captcha.json'), ORIGIN))).toBe('captcha');
    expect(kindOf(() => requireApplicant({ something: 'else' }, ORIGIN))).toBe('invalid_response');
  });
});

describe('resumes', () => {
  it('maps the resume list page: titles, statuses, views summary and raise times', () => {
    const { resumes: list } = resumesFromState(fixture('resumes-page.json'), ORIGIN)!;
    expect(list.map((r) => [r.id, r.status, r.canRaise])).toEqual([
      [HASH_1001, 'published', true],
      [HASH_1002, 'published', false],
      [HASH_1003, 'not_published', false],
      [HASH_1004, 'blocked', false],
    ]);
    expect(list[0]).toMatchObject({
      hash: HASH_1001,
      title: 'Frontend-разработчик (React, TypeScript)',
      searchable: true,
      totalViews: 30,
      newViews: 3,
      searchShows: 412,
      invitations: 4,
      nextRaiseAt: 1795606500000,
      skills: ['React', 'TypeScript', 'Redux'],
      salary: { amount: 280000, currency: 'RUR' },
      area: 'Москва',
      experienceMonths: 86,
      url: `${ORIGIN}/resume/${HASH_1001}`,
    });
    expect(list[1]).toMatchObject({ hash: HASH_1002, nextRaiseAt: 1795616040000, newViews: 1 });
  });

  it('names a resume by its hash, as api.hh.ru does, and remembers which number hh.ru gave it', () => {
    const { siteIds } = resumesFromState(fixture('resumes-page.json'), ORIGIN)!;
    expect(Object.fromEntries(siteIds)).toEqual({ '1001': HASH_1001, '1002': HASH_1002, '1003': HASH_1003, '1004': HASH_1004 });
    // Only a resume hh.ru gives no hash keeps its number.
    const state = fixture('resumes-page.json');
    delete state.applicantResumes[0]._attributes.hash;
    expect(resumesFromState(state, ORIGIN)!.resumes.map((r) => r.id)).toEqual(['1001', HASH_1002, HASH_1003, HASH_1004]);
  });

  it('joins the two resume shards: raise fields from one, titles and views from the other', () => {
    const list = resumesFromShards(fixture('shard-resumes.json'), fixture('shard-header-resumes.json'), ORIGIN).resumes;
    expect(list.map((r) => [r.id, r.title, r.canRaise, r.nextRaiseAt, r.totalViews])).toEqual([
      [HASH_1001, 'Frontend-разработчик (React, TypeScript)', true, 1795606500000, 30],
      [HASH_1002, 'Fullstack-разработчик Node.js', false, 1795616040000, null],
    ]);
  });

  it('takes the hash from the titled shard when the raise shard names resumes by number only', () => {
    const touch = fixture('shard-resumes.json');
    for (const r of touch.resumes) delete r._attributes.hash;
    const { resumes, siteIds } = resumesFromShards(touch, fixture('shard-header-resumes.json'), ORIGIN);
    expect(resumes.map((r) => [r.id, r.hash, r.url, r.canRaise])).toEqual([
      [HASH_1001, HASH_1001, `${ORIGIN}/resume/${HASH_1001}`, true],
      [HASH_1002, HASH_1002, `${ORIGIN}/resume/${HASH_1002}`, false],
    ]);
    expect(siteIds.get('1002')).toBe(HASH_1002);
  });

  it('does not guess when the shards hold no resumes at all', () => {
    expect(kindOf(() => resumesFromShards({ items: [] }, null, ORIGIN))).toBe('invalid_response');
  });
});

describe('who viewed a resume', () => {
  it('flattens years, days and companies into single views, newest first; an empty name is anonymous', () => {
    const views = viewsFromState(fixture('history.json'));
    expect(views.map((v) => [v.at, v.employer?.name ?? null, v.viewed])).toEqual([
      [1795606800000, 'Технологии Будущего', false],
      [1795603000000, null, true],
      [1795600000000, 'Технологии Будущего', false],
      [1795530000000, 'ООО «Ромашка» <b>IT</b>', true],
      [1795520000000, 'Маркетплейс «Всё рядом»', true],
    ]);
    expect(views[0]!.employer).toEqual({ id: '1455000', name: 'Технологии Будущего' });
  });

  it('reports a page without history as an unknown format', () => {
    expect(kindOf(() => viewsFromState(fixture('resumes-page.json')))).toBe('invalid_response');
  });
});

describe('a vacancy page', () => {
  it('classic shape: the vacancy, its needs and which resumes can apply, all from the page', () => {
    const page = vacancyFromState(fixture('vacancy-classic.json'), '70000002', ORIGIN);
    expect(page.sparse).toBe(false);
    expect(page.vacancy).toMatchObject({
      id: '70000002',
      name: 'Frontend-разработчик в продуктовую команду',
      employer: { id: '1455037', name: 'ООО «Ромашка» <b>IT</b>' },
      keySkills: ['React', 'TypeScript', 'Next.js', 'GraphQL'],
      salary: { from: 200000, to: null, currency: 'RUR', gross: true },
      experience: 'between1And3',
      area: 'Москва',
      archived: false,
      hasTest: false,
      testRequired: false,
      letterRequired: true,
      letterMaxLength: 10000,
      url: `${ORIGIN}/vacancy/70000002`,
    });
    const options = applyOptions(page);
    expect(options.map((o) => [o.resume.id, o.canApply, o.reason])).toEqual([
      [HASH_1001, true, null],
      [HASH_1002, true, null],
      [HASH_1003, false, 'not_published'],
      [HASH_1004, false, 'blocked'],
    ]);
    expect(options[0]!.resume.skills).toEqual(['React', 'TypeScript']);
  });

  it('2026-09 shape: the vacancy from vacancyFull; test and letter wait for the preflight', () => {
    const origin = 'https://spb.hh.ru';
    const page = vacancyFromState(fixture('vacancy-full.json'), '70000003', origin);
    expect(page.sparse).toBe(true);
    expect(page.vacancy).toMatchObject({
      id: '70000003',
      name: 'Senior JavaScript-разработчик',
      employer: { id: '1455148', name: 'Цифровые решения' },
      keySkills: ['JavaScript', 'TypeScript', 'Node.js', 'React'],
      salary: { from: null, to: 400000, currency: 'RUR', gross: false },
      area: 'Санкт-Петербург',
      archived: false,
    });
    const merged = withPreflight(page, preflightFrom(fixture('preflight-test.json')), origin);
    expect(merged.vacancy).toMatchObject({
      hasTest: true,
      testRequired: true,
      letterRequired: false,
      applyUrl: 'https://spb.hh.ru/applicant/vacancy_response?vacancyId=70000003&startedWithQuestion=true',
    });
    expect(applyOptions(merged).map((o) => [o.resume.id, o.canApply, o.reason])).toEqual([
      [HASH_1001, true, null],
      [HASH_1002, false, 'incomplete'],
      [HASH_1003, false, 'not_published'],
    ]);
  });

  it('speaks of resumes by hash where hh.ru lists them by number: a used resume shows as already applied', () => {
    const state = fixture('vacancy-classic.json');
    state.applicantVacancyResponseStatuses['70000002'].usedResumeIds = [1002];
    const page = vacancyFromState(state, '70000002', ORIGIN);
    expect(page.status.used).toEqual([HASH_1002]);
    expect(applyOptions(page).find((o) => o.resume.id === HASH_1002)).toMatchObject({ canApply: false, reason: 'already_applied' });
    // A preflight that lists no resumes of its own is read with the numbers the page mapped.
    const bare = fixture('preflight-test.json');
    delete bare.body.responseStatus.resumes;
    expect(preflightFrom(bare, page.siteIds).status.unfinished).toEqual([HASH_1003]);
  });

  it('refuses a state that describes another vacancy (hh navigates in-page and keeps the first state)', () => {
    expect(kindOf(() => vacancyFromState(fixture('vacancy-classic.json'), '70000001', ORIGIN))).toBe('invalid_response');
  });

  it('reads an already-applied vacancy from the older preflight shape (responseStatus at the top)', () => {
    const pre = preflightFrom(fixture('preflight-applied-2026-08.json'));
    expect(pre.type).toBe('alreadyApplied');
    expect(pre.status.alreadyApplied).toBe(true);
    expect(pre.status.used).toEqual([HASH_1001]);
  });

  it('reads the bodyless test-required preflight as "test required" with hh.ru’s own form, never another site', () => {
    const form = `https://hh.ru/applicant/vacancy_response?vacancyId=${'7'}&startedWithQuestion=true&hhtmFrom=vacancy`;
    const pre = preflightFrom({ type: 'test-required', redirect_uri: form });
    expect(pre).toMatchObject({ type: 'testRequired', testUrl: form });
    expect(preflightFrom({ type: 'test-required', redirect_uri: 'https://evil.example/x' }).testUrl).toBeNull();
  });

  it('says "unknown format" for a preflight without responseStatus', () => {
    expect(kindOf(() => preflightFrom({ type: 'somethingNew', data: {} }))).toBe('invalid_response');
  });
});

describe('negotiations', () => {
  it('maps topics and their states, names from vacanciesShort or the flat fields', () => {
    const p0 = negotiationsFromState(fixture('negotiations-p0.json'), new Map());
    expect(p0.pageCount).toBe(2);
    expect(p0.items.map((n) => [n.id, n.state, n.vacancyId, n.vacancyName, n.employerName])).toEqual([
      ['4100000004', 'invitation', '70000015', 'React-разработчик', 'Банк «Надёжный»'],
      ['4100000001', 'response', '70000006', 'Go-разработчик', 'Студия «Пиксель»'],
      ['4100000007', 'discard', '70000024', 'DevOps-инженер', 'Логистика Плюс'],
    ]);
    const { siteIds } = resumesFromState(fixture('resumes-page.json'), ORIGIN)!;
    const p1 = negotiationsFromState(fixture('negotiations-p1.json'), siteIds);
    expect(p1.items.map((n) => [n.id, n.state, n.vacancyName, n.employerName, n.resumeId])).toEqual([
      ['4100000001', 'response', null, null, HASH_1001],
      ['4100000006', 'interview', 'Тимлид frontend-команды', 'ФинТех Лаб', HASH_1001],
      ['4100000009', 'other', null, null, HASH_1002],
    ]);
    // A number the resume list never showed stays unknown rather than named by a number nothing else uses.
    expect(p0.items.map((n) => n.resumeId)).toEqual([null, null, null]);
  });

  it('reads what the answers poll needs: unread flag, viewed, hh.ru’s own state word, ISO creation time, the chat', () => {
    const page = negotiationsFromState(
      {
        applicantNegotiations: {
          topicList: [
            { id: 7, vacancyId: 70000001, resumeId: 1, lastState: 'INVITATION', viewedByOpponent: true, hasNewMessages: true, creationTime: '2026-08-30T10:00:00.000Z', lastModified: 1795430000000, vacancyName: 'QA', employerName: 'ООО «Тест»' },
            { id: 8, vacancyId: 70000002, lastState: 'OFFER_MADE', viewedByOpponent: false, hasNewMessages: false, creationTime: 1795000000000 },
          ],
          pageCount: '1',
        },
      },
      new Map(),
      'https://spb.hh.ru',
    );
    expect(page.items[0]).toMatchObject({
      id: '7',
      state: 'invitation',
      rawState: 'INVITATION',
      hasNewMessages: true,
      viewed: true,
      createdAt: Date.parse('2026-08-30T10:00:00.000Z'),
      updatedAt: 1795430000000,
      vacancyName: 'QA',
      employerName: 'ООО «Тест»',
      chatUrl: 'https://spb.hh.ru/applicant/negotiations/item?topicId=7',
    });
    // A state word we do not know is kept as hh.ru wrote it.
    expect(page.items[1]).toMatchObject({ state: 'other', rawState: 'OFFER_MADE', hasNewMessages: false, viewed: false });
  });

  it('says "unknown format" for a page without a topic list', () => {
    expect(kindOf(() => negotiationsFromState(fixture('resumes-page.json'), new Map()))).toBe('invalid_response');
  });
});
