/** The history page's arithmetic and its rows: funnel per resume and week, waiting, export, the ledger join. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { funnelByResume, funnelByWeek, funnelOf, noAnswerFor, toCsv, toJson, weekStart, type HistoryRow } from '../../lib/history';
import { historyRows } from '../../lib/background/applications/history';
import { merge } from '../../lib/background/applications/diff';
import { applicationsItem, EMPTY_APPLICATIONS, ledgerItem, snapshotItem } from '../../lib/store';
import type { Negotiation } from '../../lib/hh/model';

const DAY = 86_400_000;
// A Wednesday, noon, local time.
const NOW = new Date(2026, 10, 25, 12, 0).getTime();

function row(i: number, patch: Partial<HistoryRow> = {}): HistoryRow {
  return {
    id: String(i),
    topicId: String(i),
    vacancyId: String(100 + i),
    vacancyName: `V${i}`,
    employerName: `E${i}`,
    resumeId: 'r1',
    resumeTitle: 'Аналитик',
    state: 'sent',
    rawState: null,
    appliedAt: NOW - i * DAY,
    updatedAt: null,
    viaOtklik: false,
    onHh: true,
    unread: false,
    url: null,
    ...patch,
  };
}

describe('funnel', () => {
  const rows = [
    row(1),
    row(2, { state: 'viewed' }),
    row(3, { state: 'invitation', resumeId: 'r2', resumeTitle: 'Тестировщик' }),
    row(4, { state: 'interview' }),
    row(9, { state: 'discard' }),
    row(10, { state: 'unknown', resumeId: null, resumeTitle: null }),
  ];

  it('counts every step by the state each application has now', () => {
    expect(funnelOf(rows)).toEqual({ sent: 6, viewed: 5, invited: 2, interview: 1, rejected: 1 });
  });

  it('per resume, the busiest first, unknown resumes apart; per week, newest first, weeks from Monday', () => {
    expect(funnelByResume(rows, '?').map((g) => [g.label, g.funnel.sent, g.funnel.invited])).toEqual([
      ['Аналитик', 4, 1],
      ['Тестировщик', 1, 1],
      ['?', 1, 0],
    ]);
    const monday = new Date(2026, 10, 23).getTime();
    expect(weekStart(NOW)).toBe(monday);
    const weeks = funnelByWeek(rows, (w) => new Date(w).toDateString());
    expect(weeks.map((w) => [w.key, w.funnel.sent])).toEqual([
      // Tue and Mon; Sun, Sat and the Monday before; the Sunday before that.
      [String(monday), 2],
      [String(monday - 7 * DAY), 3],
      [String(monday - 14 * DAY), 1],
    ]);
  });

  it('no answer for N days: sent or viewed only, old enough', () => {
    expect(noAnswerFor(rows, 2, NOW).map((r) => r.id)).toEqual(['2']);
    expect(noAnswerFor(rows, 1, NOW).map((r) => r.id)).toEqual(['1', '2']);
    expect(noAnswerFor(rows, 30, NOW)).toEqual([]);
  });
});

describe('export', () => {
  it('CSV: a header, quoted cells, ISO times, and no formula an employer name could smuggle in', () => {
    const csv = toCsv([row(1, { employerName: '=HYPERLINK("http://evil")', vacancyName: 'QA, "senior"' })]);
    const [header, line] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('topicId,vacancyId,vacancyName,employerName,resumeTitle,state,rawState,appliedAt,updatedAt,viaOtklik,onHh,unread,url');
    expect(line).toContain('"QA, ""senior"""');
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain(new Date(NOW - DAY).toISOString());
  });

  it('JSON: the rows with ISO times', () => {
    expect(JSON.parse(toJson([row(1)]))[0]).toMatchObject({ id: '1', appliedAt: new Date(NOW - DAY).toISOString(), updatedAt: null });
  });
});

describe('rows: hh.ru’s list joined with the ledger', () => {
  beforeEach(() => fakeBrowser.reset());

  it('one row per topic, marked as sent through Otklik when the ledger has it; ledger entries hh.ru has not listed yet stand alone', async () => {
    const topic: Negotiation = {
      id: '42',
      state: 'invitation',
      rawState: 'INVITATION',
      vacancyId: '700',
      vacancyName: 'QA',
      employerName: 'Тест',
      resumeId: 'h1',
      createdAt: NOW - 3 * DAY,
      updatedAt: NOW - DAY,
      hasNewMessages: true,
      chatUrl: 'https://hh.ru/applicant/negotiations/item?topicId=42',
    };
    await applicationsItem.setValue(merge(EMPTY_APPLICATIONS, [topic], NOW, true).state);
    const entry = (id: string, target: string, negotiationId: string | null, state: 'done' | 'failed') => ({
      id,
      action: 'apply' as const,
      target,
      resumeId: 'h1',
      state,
      at: NOW - 3 * DAY,
      updatedAt: NOW - 3 * DAY,
      negotiationId,
    });
    await ledgerItem.setValue([entry('a', '700', '42', 'done'), entry('b', '701', null, 'done'), entry('c', '702', null, 'failed')]);
    await snapshotItem.setValue({ me: null, resumes: [{ id: 'h1', title: 'Тестировщик' } as never], fetchedAt: NOW, source: 'site' });

    const rows = await historyRows();

    expect(rows.map((r) => [r.id, r.state, r.viaOtklik, r.onHh, r.resumeTitle])).toEqual([
      ['42', 'invitation', true, true, 'Тестировщик'],
      ['ledger:b', 'sent', true, false, 'Тестировщик'],
    ]);
    expect(rows[1]!.url).toBe('https://hh.ru/vacancy/701');
  });
});
