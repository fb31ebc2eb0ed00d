import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Gateway } from '../../lib/hh/gateway';
import type { Negotiation } from '../../lib/hh/model';
import { DEFAULT_TRIAGE, ledgerItem, patchSettings, siteFactsItem, snapshotItem } from '../../lib/store';

const gateway = { kind: 'site', negotiations: vi.fn<Gateway['negotiations']>() };
vi.mock('../../lib/background/hh-client', async () => {
  const { siteFact } = await import('../../lib/store');
  return { gatewayOf: async () => gateway as unknown as Gateway, siteMemory: { build: siteFact('build') } };
});

const { searchMarks, MARKS_TTL } = await import('../../lib/background/vacancy/marks');

const topics: Negotiation[] = [
  { id: '1', state: 'response', vacancyId: '70000011' },
  { id: '2', state: 'invitation', vacancyId: '70000014' },
  { id: '3', state: 'discard', vacancyId: '70000017' },
  // Two resumes sent to one vacancy: the invitation is what the person wants to see.
  { id: '4', state: 'response', vacancyId: '70000020' },
  { id: '5', state: 'interview', vacancyId: '70000020' },
  { id: '6', state: 'response', vacancyId: null },
];

beforeEach(() => {
  fakeBrowser.reset();
  vi.useRealTimers();
  gateway.negotiations.mockReset();
  gateway.negotiations.mockResolvedValue(topics);
});

describe('marks on a search page', () => {
  it('gives each vacancy the state of the user’s application', async () => {
    const marks = await searchMarks();
    expect(marks).toEqual({
      states: { '70000011': 'response', '70000014': 'invitation', '70000017': 'discard', '70000020': 'interview' },
      dimHidden: false,
      resumes: [],
      triage: DEFAULT_TRIAGE,
    });
  });

  it('asks hh.ru once for a page and for the pages opened in the next minutes, even from two tabs at once', async () => {
    await Promise.all([searchMarks(), searchMarks()]);
    await searchMarks();
    expect(gateway.negotiations).toHaveBeenCalledTimes(1);
  });

  it('asks again once the cache is older than a few minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await searchMarks();
    vi.setSystemTime(Date.now() + MARKS_TTL + 1000);
    gateway.negotiations.mockResolvedValueOnce([...topics, { id: '7', state: 'discard', vacancyId: '70000011' }]);
    expect((await searchMarks()).states['70000011']).toBe('discard');
    expect(gateway.negotiations).toHaveBeenCalledTimes(2);
  });

  it('marks a vacancy we just applied to before hh.ru’s list shows it', async () => {
    await searchMarks();
    await ledgerItem.setValue([
      { id: 'a', action: 'apply', target: '70000030', state: 'done', at: 1, updatedAt: 1 },
      { id: 'b', action: 'apply', target: '70000031', state: 'failed', at: 1, updatedAt: 1, error: null },
      { id: 'c', action: 'apply', target: '70000014', state: 'done', at: 1, updatedAt: 1 },
    ]);
    const { states } = await searchMarks();
    expect(states['70000030']).toBe('response');
    expect(states['70000031']).toBeUndefined();
    expect(states['70000014']).toBe('invitation');
    expect(gateway.negotiations).toHaveBeenCalledTimes(1);
  });

  it('tells the page to dim hidden cards when the option is on', async () => {
    await patchSettings({ dimHidden: true });
    expect((await searchMarks()).dimHidden).toBe(true);
  });

  it('remembers the build the search page carries, so the list is not refused for want of it', async () => {
    await searchMarks({ hint: { build: '26.47.1.2' } });
    expect((await siteFactsItem.getValue()).build).toBe('26.47.1.2');
    // A page script may write anything into its globals: what cannot be a header is not kept.
    await searchMarks({ hint: { build: '26.47\nX-Evil: 1' } });
    expect((await siteFactsItem.getValue()).build).toBe('26.47.1.2');
  });

  it('gives the page the published resumes’ fit fields only, to score cards with', async () => {
    const base = { canRaise: true, nextRaiseAt: null, totalViews: 5, progress: { percentage: 90, mandatory: [] } };
    await snapshotItem.setValue({
      me: null,
      fetchedAt: 1,
      source: 'site',
      resumes: [
        { ...base, id: 'a', title: 'Frontend', status: 'published', skills: ['React'], salary: { amount: 1, currency: 'RUR' }, area: 'Москва', experienceMonths: 12 },
        { ...base, id: 'b', title: 'Тимлид', status: 'not_published', skills: ['Scrum'] },
      ],
    });
    expect((await searchMarks()).resumes).toEqual([
      { id: 'a', title: 'Frontend', skills: ['React'], salary: { amount: 1, currency: 'RUR' }, area: 'Москва', experienceMonths: 12 },
    ]);
  });
});
