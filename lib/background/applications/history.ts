/**
 * Every application Otklik knows: hh.ru's list as the answers poll recorded it (kept even after a
 * topic vanished from hh.ru), joined with Otklik's own ledger (applications it sent, some perhaps
 * not yet seen on hh.ru's list). Everything stays in the browser.
 */
import type { HistoryRow } from '../../history';
import { siteOrigin } from '../../hh/sites';
import { applicationsItem, ledgerItem, snapshotItem, type LedgerEntry } from '../../store';
import { siteFor } from '../site-choice';
import { inboxState } from './inbox';

export async function historyRows(): Promise<HistoryRow[]> {
  const [held, ledger, snapshot, site] = await Promise.all([
    applicationsItem.getValue(),
    ledgerItem.getValue(),
    snapshotItem.getValue(),
    siteFor(),
  ]);
  const titles = new Map((snapshot?.resumes ?? []).map((r) => [r.id, r.title]));
  const title = (id: string | null | undefined) => (id ? (titles.get(id) ?? null) : null);
  const applies = ledger.filter((e) => e.action === 'apply' && (e.state === 'done' || e.state === 'uncertain' || e.state === 'pending'));
  const byTopic = new Map<string, LedgerEntry>();
  const byVacancy = new Map<string, LedgerEntry>();
  for (const e of applies) {
    if (e.negotiationId) byTopic.set(e.negotiationId, e);
    byVacancy.set(`${e.target}:${e.resumeId ?? ''}`, e);
  }
  const joined = new Set<LedgerEntry>();
  const rows: HistoryRow[] = [];
  for (const r of Object.values(held.topics)) {
    const t = r.topic;
    const mine = byTopic.get(t.id) ?? byVacancy.get(`${t.vacancyId}:${t.resumeId ?? ''}`);
    if (mine) joined.add(mine);
    rows.push({
      id: t.id,
      topicId: t.id,
      vacancyId: t.vacancyId ?? null,
      vacancyName: t.vacancyName ?? null,
      employerName: t.employerName ?? null,
      resumeId: t.resumeId ?? null,
      resumeTitle: title(t.resumeId),
      state: inboxState(t),
      rawState: t.rawState ?? null,
      appliedAt: t.createdAt ?? mine?.at ?? r.firstSeenAt,
      updatedAt: t.updatedAt ?? null,
      viaOtklik: !!mine,
      onHh: true,
      unread: !!t.hasNewMessages,
      url: t.chatUrl ?? null,
    });
  }
  for (const e of applies) {
    if (joined.has(e)) continue;
    rows.push({
      id: `ledger:${e.id}`,
      topicId: e.negotiationId ?? null,
      vacancyId: e.target,
      vacancyName: null,
      employerName: null,
      resumeId: e.resumeId ?? null,
      resumeTitle: title(e.resumeId),
      state: 'sent',
      rawState: null,
      appliedAt: e.at,
      updatedAt: e.updatedAt,
      viaOtklik: true,
      onHh: false,
      unread: false,
      url: e.chatUrl ?? `${siteOrigin(site)}/vacancy/${encodeURIComponent(e.target)}`,
    });
  }
  return rows.sort((a, b) => b.appliedAt - a.appliedAt);
}
