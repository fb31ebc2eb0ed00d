/**
 * The history page's arithmetic, pure: the funnel per resume and per week, "no answer for N days",
 * and the CSV / JSON export. Rows come from the background (lib/background/applications/history.ts).
 * A funnel counts by the state each application has now: hh.ru keeps no history of states, so a
 * rejection after an interview counts as a rejection.
 */
import type { InboxState } from './messages';

export interface HistoryRow {
  /** The topic id on hh.ru, or `ledger:<id>` for an application hh.ru's list has not shown us. */
  id: string;
  topicId: string | null;
  vacancyId: string | null;
  vacancyName: string | null;
  employerName: string | null;
  resumeId: string | null;
  resumeTitle: string | null;
  state: InboxState;
  /** hh.ru's word for an unknown state. */
  rawState: string | null;
  appliedAt: number;
  updatedAt: number | null;
  /** Sent through Otklik (its ledger), and/or seen on hh.ru's list. */
  viaOtklik: boolean;
  onHh: boolean;
  unread: boolean;
  url: string | null;
}

export interface Funnel {
  sent: number;
  viewed: number;
  invited: number;
  interview: number;
  rejected: number;
}

const DAY = 86_400_000;

const VIEWED: ReadonlySet<InboxState> = new Set(['viewed', 'invitation', 'interview', 'discard', 'unknown']);

export function funnelOf(rows: readonly HistoryRow[]): Funnel {
  const f: Funnel = { sent: 0, viewed: 0, invited: 0, interview: 0, rejected: 0 };
  for (const r of rows) {
    f.sent++;
    if (VIEWED.has(r.state)) f.viewed++;
    if (r.state === 'invitation' || r.state === 'interview') f.invited++;
    if (r.state === 'interview') f.interview++;
    if (r.state === 'discard') f.rejected++;
  }
  return f;
}

/** Monday 00:00 (local time) of the week `at` falls in. */
export function weekStart(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

export interface FunnelGroup {
  key: string;
  label: string;
  funnel: Funnel;
}

/** One funnel per resume, the busiest first; applications whose resume is unknown are grouped apart. */
export function funnelByResume(rows: readonly HistoryRow[], unknownLabel: string): FunnelGroup[] {
  const groups = new Map<string, { label: string; rows: HistoryRow[] }>();
  for (const r of rows) {
    const key = r.resumeId ?? '';
    const g = groups.get(key) ?? { label: r.resumeTitle ?? (r.resumeId ? r.resumeId : unknownLabel), rows: [] };
    if (r.resumeTitle) g.label = r.resumeTitle;
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, label: g.label, funnel: funnelOf(g.rows) }))
    .sort((a, b) => b.funnel.sent - a.funnel.sent);
}

/** One funnel per week of applying, the newest week first. */
export function funnelByWeek(rows: readonly HistoryRow[], label: (weekStart: number) => string): FunnelGroup[] {
  const groups = new Map<number, HistoryRow[]>();
  for (const r of rows) {
    const w = weekStart(r.appliedAt);
    groups.set(w, [...(groups.get(w) ?? []), r]);
  }
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([w, g]) => ({ key: String(w), label: label(w), funnel: funnelOf(g) }));
}

/** Still waiting: sent or only viewed, applied at least `days` days ago. */
export function noAnswerFor(rows: readonly HistoryRow[], days: number, now: number): HistoryRow[] {
  return rows.filter((r) => (r.state === 'sent' || r.state === 'viewed') && now - r.appliedAt >= days * DAY);
}

export const daysSince = (at: number, now: number): number => Math.floor((now - at) / DAY);

const COLUMNS: Array<keyof HistoryRow> = [
  'topicId',
  'vacancyId',
  'vacancyName',
  'employerName',
  'resumeTitle',
  'state',
  'rawState',
  'appliedAt',
  'updatedAt',
  'viaOtklik',
  'onHh',
  'unread',
  'url',
];

/**
 * A cell as a spreadsheet reads it: quoted when it must be, and a value starting with = + - @ made
 * inert (an employer's name is not a formula to run on the person's machine).
 */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function toCsv(rows: readonly HistoryRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(COLUMNS.map((c) => cell(c === 'appliedAt' || c === 'updatedAt' ? iso(r[c] as number | null) : r[c])).join(','));
  }
  // A BOM so that spreadsheet programs read the Cyrillic as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly HistoryRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({ ...r, appliedAt: iso(r.appliedAt), updatedAt: iso(r.updatedAt) })),
    null,
    2,
  );
}
