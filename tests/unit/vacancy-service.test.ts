import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Gateway } from '../../lib/hh/gateway';
import type { Resume, Vacancy, VacancyContext } from '../../lib/hh/model';
import { draftsItem, getSettings, ledgerItem, patchSettings, setOAuthApp, setTokens, snapshotItem } from '../../lib/store';

const gateway = { kind: 'site', vacancyContext: vi.fn<Gateway['vacancyContext']>() };
vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async () => gateway as unknown as Gateway,
}));

const { earlyHeld, panelPreview, vacancyPanel, saveDraft, saveDraftFrom, setPanelCollapsed } = await import('../../lib/background/vacancy/panel');

const PAGE = { internal: false, url: 'https://hh.ru/vacancy/70000001', tabId: 3 };

const vacancy: Vacancy = {
  id: '70000001',
  name: 'Frontend-разработчик (React, TypeScript)',
  employer: { id: '1455000', name: 'Технологии Будущего' },
  keySkills: ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest'],
  salary: { from: 250_000, to: 350_000, currency: 'RUR', gross: false },
  experience: 'between3And6',
  area: 'Москва',
  archived: false,
  hasTest: false,
  testRequired: false,
  letterRequired: false,
};

function resume(id: string, title: string, status: Resume['status'], skills: string[]): Resume {
  return { id, hash: `hash-${id}`, title, status, canRaise: false, nextRaiseAt: null, skills, area: 'Москва', experienceMonths: 86 };
}

/** Anna's four resumes as hh.ru lists them: hh's order is not the best-fit order. */
const context: VacancyContext = {
  vacancy,
  alreadyApplied: false,
  options: [
    { resume: resume('1004', 'Разработчик 1С', 'blocked', ['1С: Предприятие 8', 'SQL']), canApply: false, reason: 'blocked' },
    { resume: resume('1002', 'Fullstack-разработчик Node.js', 'published', ['Node.js', 'TypeScript', 'React', 'Git']), canApply: true },
    { resume: resume('1003', 'Тимлид frontend', 'not_published', ['React', 'TypeScript']), canApply: false, reason: 'not_published' },
    {
      resume: resume('1001', 'Frontend-разработчик (React, TypeScript)', 'published', ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest']),
      canApply: true,
    },
  ],
};

beforeEach(() => {
  fakeBrowser.reset();
  gateway.vacancyContext.mockReset();
  gateway.vacancyContext.mockResolvedValue(context);
});

describe('what the vacancy panel gets from the background', () => {
  it('lists resumes that can apply best first with a score and a reason, the others after them', async () => {
    const panel = await vacancyPanel({ vacancyId: '70000001' }, PAGE);
    expect(panel.options.map((o) => [o.resume.id, o.canApply])).toEqual([
      ['1001', true],
      ['1002', true],
      ['1003', false],
      ['1004', false],
    ]);
    expect(panel.options[0]).toMatchObject({ score: 100, explain: { ru: '8 из 8 навыков, должность совпадает' } });
    expect(panel.options[1]!.explain.en).toBe('3 of 8 skills, different role');
    expect(panel.options[1]!.score).toBeLessThan(panel.options[0]!.score);
    expect(panel.gateway).toBe('site');
  });

  it('brings the draft, templates, the user, the last apply, the daily count and the collapsed state along', async () => {
    await draftsItem.setValue({ '70000001': { text: 'Черновик', resumeId: 'hash-1002', updatedAt: 5 } });
    await snapshotItem.setValue({ me: { id: '73514208', firstName: 'Анна', lastName: 'Смирнова' }, resumes: [], fetchedAt: 1, source: 'site' });
    const now = Date.now();
    await ledgerItem.setValue([
      { id: 'x', action: 'apply', target: '70000009', state: 'done', at: now - 1000, updatedAt: now },
      { id: 'y', action: 'apply', target: '70000001', state: 'failed', at: now - 500, updatedAt: now, error: null },
    ]);
    await setPanelCollapsed({ collapsed: true }, PAGE);

    const panel = await vacancyPanel({ vacancyId: '70000001' }, PAGE);
    expect(panel.draft).toMatchObject({ text: 'Черновик', resumeId: 'hash-1002' });
    expect(panel.me?.firstName).toBe('Анна');
    expect(panel.templates[0]?.text).toContain('{vacancy}');
    expect(panel.lastApply?.id).toBe('y');
    expect(panel.appliedLast24h).toBe(1);
    expect(panel.collapsed).toBe(true);
    expect((await getSettings()).panelCollapsed).toBe(true);
  });

  it('passes the page state to the gateway so the site session needs no request', async () => {
    await vacancyPanel({ vacancyId: '70000001', hint: { origin: 'https://hh.ru', state: '{"vacancyView":{}}', build: '26.37.2.1' } }, PAGE);
    expect(gateway.vacancyContext).toHaveBeenCalledWith('70000001', {
      origin: 'https://hh.ru',
      state: '{"vacancyView":{}}',
      build: '26.37.2.1',
    });
  });

  it('refuses a vacancy id the sender page is not showing', async () => {
    await expect(vacancyPanel({ vacancyId: '70000002' }, PAGE)).rejects.toMatchObject({ info: { kind: 'forbidden' } });
    expect(gateway.vacancyContext).not.toHaveBeenCalled();
  });

  it('follows hh.ru’s in-page navigation: the tab’s address counts when the frame’s is the one it loaded with', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://spb.hh.ru/vacancy/70000001' });
    const sender = { internal: false, url: 'https://spb.hh.ru/vacancy/70000777', tabId: tab.id };
    await vacancyPanel({ vacancyId: '70000001' }, sender);
    expect(gateway.vacancyContext).toHaveBeenCalledWith('70000001', { origin: 'https://spb.hh.ru', state: null, build: null });

    await fakeBrowser.tabs.update(tab.id, { url: 'https://spb.hh.ru/search/vacancy?text=react' });
    await expect(vacancyPanel({ vacancyId: '70000001' }, sender)).rejects.toMatchObject({ info: { kind: 'forbidden' } });
  });

  it('refuses a page state that describes another vacancy than the page', async () => {
    gateway.vacancyContext.mockResolvedValueOnce({ ...context, vacancy: { ...vacancy, id: '70000666' } });
    await expect(vacancyPanel({ vacancyId: '70000001' }, PAGE)).rejects.toMatchObject({ info: { kind: 'invalid_response' } });
  });
});

describe('the cover-letter draft', () => {
  it('is kept as the user types and removed when the letter is emptied', async () => {
    await saveDraft({ vacancyId: '70000001', text: 'Здравствуйте', resumeId: 'hash-1001' });
    await saveDraft({ vacancyId: '70000001', text: 'Здравствуйте! Меня зовут Анна', resumeId: 'hash-1001' });
    expect((await draftsItem.getValue())['70000001']).toMatchObject({ text: 'Здравствуйте! Меня зовут Анна', resumeId: 'hash-1001' });
    await saveDraft({ vacancyId: '70000001', text: '   ' });
    expect(await draftsItem.getValue()).toEqual({});
  });

  it('a panel asking right after its page saved a draft and closed (a reload) gets that draft', async () => {
    const closing = saveDraft({ vacancyId: '70000001', text: 'Набрано до перезагрузки' });
    const panel = await vacancyPanel({ vacancyId: '70000001' }, PAGE);
    expect(panel.draft?.text).toBe('Набрано до перезагрузки');
    await closing;
  });

  it('keeps the newest 200 drafts', async () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [String(i), { text: 't', updatedAt: i }]));
    await draftsItem.setValue(many);
    await saveDraft({ vacancyId: '70000001', text: 'new' });
    const kept = await draftsItem.getValue();
    expect(Object.keys(kept)).toHaveLength(200);
    expect(kept['0']).toBeUndefined();
    expect(kept['70000001']?.text).toBe('new');
  });
});

describe('the panel’s small writes come only from the page they are about', () => {
  it('a draft is kept only for the vacancy the sender’s page shows', async () => {
    await saveDraftFrom({ vacancyId: '70000001', text: 'Моё письмо' }, PAGE);
    await expect(saveDraftFrom({ vacancyId: '70000002', text: 'чужое' }, PAGE)).rejects.toMatchObject({
      info: { kind: 'forbidden', value: 'vacancy-not-on-page' },
    });
    expect(Object.keys(await draftsItem.getValue())).toEqual(['70000001']);
  });

  it('the panel is collapsed only from a vacancy page (or our own pages)', async () => {
    const search = { internal: false, url: 'https://hh.ru/search/vacancy?text=react', tabId: 5 };
    await expect(setPanelCollapsed({ collapsed: true }, search)).rejects.toMatchObject({ info: { kind: 'forbidden', value: 'not-a-vacancy-page' } });
    expect((await getSettings()).panelCollapsed).toBe(false);
    await setPanelCollapsed({ collapsed: true }, { ...PAGE, url: 'https://spb.hh.ru/vacancy/70000003' });
    expect((await getSettings()).panelCollapsed).toBe(true);
    await setPanelCollapsed({ collapsed: false }, { internal: true });
    expect((await getSettings()).panelCollapsed).toBe(false);
  });
});

describe('the panel asked for while the page loads (panelPreview, at document_start)', () => {
  it('draws the resumes as last seen and the folded state, from storage only', async () => {
    await snapshotItem.setValue({ me: null, resumes: context.options.map((o) => o.resume), fetchedAt: 1, source: 'site' });
    await setPanelCollapsed({ collapsed: true }, PAGE);
    expect(await panelPreview({ vacancyId: '70000001' }, PAGE)).toEqual({
      resumes: context.options.map((o) => ({ id: o.resume.id, title: o.resume.title })),
      collapsed: true,
    });
    // The session's read needs the page's state: nothing is read before the page asks.
    expect(gateway.vacancyContext).not.toHaveBeenCalled();
  });

  it('through the API, the vacancy is read right away, once, and the page’s own ask takes that read', async () => {
    await setOAuthApp({ clientId: 'app', clientSecret: 'secret' });
    await setTokens({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 3_600_000, site: 'hh.ru' });
    await patchSettings({ gateway: 'api' });
    await panelPreview({ vacancyId: '70000001' }, PAGE);
    await vi.waitFor(() => expect(gateway.vacancyContext).toHaveBeenCalledTimes(1));
    const panel = await vacancyPanel({ vacancyId: '70000001' }, PAGE);
    expect(panel.gateway).toBe('api');
    expect(panel.options[0]!.resume.id).toBe('1001');
    expect(gateway.vacancyContext).toHaveBeenCalledTimes(1);
    // Taken once: the next panel for this tab reads again.
    await vacancyPanel({ vacancyId: '70000001' }, PAGE);
    expect(gateway.vacancyContext).toHaveBeenCalledTimes(2);
  });

  it('early reads nobody took are not held without end: a few, for half a minute', async () => {
    for (let tabId = 100; tabId < 140; tabId++) await panelPreview({ vacancyId: '70000001' }, { ...PAGE, tabId });
    expect(earlyHeld()).toBeLessThanOrEqual(16);
  });

  it('a page that does not show the vacancy gets nothing, early read included', async () => {
    await expect(panelPreview({ vacancyId: '70000002' }, { ...PAGE, tabId: undefined })).rejects.toMatchObject({
      info: { kind: 'forbidden', value: 'vacancy-not-on-page' },
    });
    expect(gateway.vacancyContext).not.toHaveBeenCalled();
  });

  it('after hh.ru’s in-page navigation, the sender’s tab is given the moment its address takes to follow', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://hh.ru/vacancy/70000001' });
    const sender = { internal: false, url: 'https://hh.ru/vacancy/70000001', tabId: tab.id };
    gateway.vacancyContext.mockImplementation(async (id) => ({ ...context, vacancy: { ...vacancy, id } }));
    const asked = vacancyPanel({ vacancyId: '70000002' }, sender);
    await new Promise((r) => setTimeout(r, 30));
    await fakeBrowser.tabs.update(tab.id, { url: 'https://hh.ru/vacancy/70000002' });
    await expect(asked).resolves.toMatchObject({ vacancy: { id: '70000002' } });
    expect(gateway.vacancyContext).toHaveBeenCalledWith('70000002', expect.objectContaining({ origin: 'https://hh.ru' }));
  });
});
