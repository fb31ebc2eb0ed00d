import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Gateway } from '../../lib/hh/gateway';
import type { VacancyContext } from '../../lib/hh/model';
import { getSettings, ledgerItem, patchSettings, DEFAULT_TRIAGE } from '../../lib/store';

const gateway = { kind: 'site', vacancyContext: vi.fn<Gateway['vacancyContext']>(), apply: vi.fn<Gateway['apply']>() };
vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async () => gateway as unknown as Gateway,
}));

const { listEmployer } = await import('../../lib/background/vacancy/triage');
const { applyOnce } = await import('../../lib/background/vacancy/apply');
const { vacancyPanel } = await import('../../lib/background/vacancy/panel');

const SEARCH = { internal: false, url: 'https://hh.ru/search/vacancy?text=react', tabId: 3 };
const VACANCY = { internal: false, url: 'https://hh.ru/vacancy/70000001', tabId: 3 };
const EMPLOYER = { id: '1455000', name: 'Технологии Будущего' };

const context: VacancyContext = {
  vacancy: {
    id: '70000001',
    name: 'Frontend-разработчик',
    employer: EMPLOYER,
    keySkills: [],
    archived: false,
    hasTest: false,
    testRequired: false,
    letterRequired: false,
  },
  alreadyApplied: false,
  options: [],
};

beforeEach(() => {
  fakeBrowser.reset();
  gateway.vacancyContext.mockReset();
  gateway.vacancyContext.mockResolvedValue(context);
  gateway.apply.mockReset();
  gateway.apply.mockResolvedValue({ kind: 'sent', negotiationId: '1' });
});

describe('the person’s employer lists', () => {
  it('a search card’s "hide employer" lands in settings once, however often it is clicked', async () => {
    await Promise.all([
      listEmployer({ list: 'hiddenEmployers', employer: EMPLOYER, on: true }, SEARCH),
      listEmployer({ list: 'hiddenEmployers', employer: EMPLOYER, on: true }, VACANCY),
      listEmployer({ list: 'hiddenEmployers', employer: { id: '7', name: 'Другой' }, on: true }, SEARCH),
    ]);
    expect((await getSettings()).triage.hiddenEmployers).toEqual([EMPLOYER, { id: '7', name: 'Другой' }]);
    await listEmployer({ list: 'hiddenEmployers', employer: EMPLOYER, on: false }, { internal: true });
    expect((await getSettings()).triage.hiddenEmployers).toEqual([{ id: '7', name: 'Другой' }]);
  });

  it('a content script may write the lists only from a search or vacancy page', async () => {
    for (const url of ['https://hh.ru/applicant/resumes', 'https://evil.example/search/vacancy', undefined]) {
      await expect(listEmployer({ list: 'neverApply', employer: EMPLOYER, on: true }, { internal: false, url })).rejects.toMatchObject({
        info: { kind: 'forbidden' },
      });
    }
    expect((await getSettings()).triage).toEqual(DEFAULT_TRIAGE);
  });

  it('the panel learns the vacancy’s employer is on a list', async () => {
    await patchSettings({ triage: { ...DEFAULT_TRIAGE, neverApply: [{ id: null, name: 'технологии будущего' }] } });
    expect((await vacancyPanel({ vacancyId: '70000001' }, VACANCY)).employerLists).toEqual({ hidden: false, neverApply: true });
  });
});

describe('the never-apply guard', () => {
  const req = { vacancyId: '70000001', resumeId: '1001', letter: '' };

  it('refuses an apply to a listed employer, sends nothing and records nothing', async () => {
    await patchSettings({ triage: { ...DEFAULT_TRIAGE, neverApply: [EMPLOYER] } });
    await expect(applyOnce(req, VACANCY)).rejects.toMatchObject({ info: { kind: 'forbidden', ru: expect.stringContaining('не откликаться') } });
    expect(gateway.apply).not.toHaveBeenCalled();
    expect(await ledgerItem.getValue()).toEqual([]);
  });

  it('lets it through once the person overrides it', async () => {
    await patchSettings({ triage: { ...DEFAULT_TRIAGE, neverApply: [EMPLOYER] } });
    expect((await applyOnce({ ...req, override: true }, VACANCY)).state).toBe('done');
    expect(gateway.apply).toHaveBeenCalledTimes(1);
  });

  it('costs nothing while the list is empty or names others', async () => {
    expect((await applyOnce(req, VACANCY)).state).toBe('done');
    expect(gateway.vacancyContext).not.toHaveBeenCalled();
    await patchSettings({ triage: { ...DEFAULT_TRIAGE, neverApply: [{ id: '9', name: 'Другой' }] } });
    gateway.vacancyContext.mockResolvedValue({ ...context, vacancy: { ...context.vacancy, id: '70000002' } });
    expect((await applyOnce({ ...req, vacancyId: '70000002' }, { ...VACANCY, url: 'https://hh.ru/vacancy/70000002' })).state).toBe('done');
  });
});

describe('a full employer list', () => {
  it('refuses one more with words that say what to do, and keeps the list as it was', async () => {
    const full = Array.from({ length: 5000 }, (_, i) => ({ id: String(2_000_000 + i), name: `Работодатель ${i}` }));
    await patchSettings({ triage: { ...DEFAULT_TRIAGE, hiddenEmployers: full } });
    await expect(listEmployer({ list: 'hiddenEmployers', employer: EMPLOYER, on: true }, SEARCH)).rejects.toMatchObject({
      info: { value: 'list-full', ru: expect.stringContaining('уберите ненужных в настройках Отклика') },
    });
    expect((await getSettings()).triage.hiddenEmployers).toHaveLength(5000);
    // Taking one off a full list still works.
    const after = await listEmployer({ list: 'hiddenEmployers', employer: full[0]!, on: false }, SEARCH);
    expect(after.hiddenEmployers).toHaveLength(4999);
  });
});
