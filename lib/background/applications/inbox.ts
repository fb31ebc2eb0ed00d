/**
 * The popup's inbox: the latest applications as the poll last saw them, with their resume's title,
 * and "seen": opening the inbox clears what is new (the badge drops with it).
 */
import type { Negotiation } from '../../hh/model';
import type { Inbox, InboxState } from '../../messages';
import { applicationsItem, snapshotItem, updateItem, type ApplicationRecord } from '../../store';
import { updateBadge } from '../resumes/badge';
import { markSeen, stateKey, unseenCount } from './diff';

/** What the popup lists at most: the newest; the rest is on hh.ru (and, later, the history page). */
export const INBOX_SIZE = 100;

export function inboxState(n: Negotiation): InboxState {
  if (n.state === 'response') return n.viewed ? 'viewed' : 'sent';
  if (n.state === 'other') return stateKey(n) === null ? (n.viewed ? 'viewed' : 'sent') : 'unknown';
  return n.state;
}

const when = (r: ApplicationRecord) => r.topic.updatedAt ?? r.topic.createdAt ?? r.firstSeenAt;

export async function inbox(): Promise<Inbox> {
  const [held, snapshot] = await Promise.all([applicationsItem.getValue(), snapshotItem.getValue()]);
  const titles = new Map((snapshot?.resumes ?? []).map((r) => [r.id, r.title]));
  const records = Object.values(held.topics).sort((a, b) => when(b) - when(a));
  return {
    items: records.slice(0, INBOX_SIZE).map((r) => ({
      id: r.topic.id,
      state: inboxState(r.topic),
      rawState: r.topic.rawState ?? null,
      vacancyName: r.topic.vacancyName ?? null,
      employerName: r.topic.employerName ?? null,
      resumeTitle: r.topic.resumeId ? (titles.get(r.topic.resumeId) ?? null) : null,
      at: when(r),
      unread: !!r.topic.hasNewMessages,
      news: r.unseen,
      chatUrl: r.topic.chatUrl ?? null,
    })),
    total: records.length,
    unseen: unseenCount(held),
    polledAt: held.polledAt,
  };
}

/**
 * The person opened the inbox: nothing in it is new any more. With nothing new (most openings)
 * nothing is written: the stored list is up to 2,000 applications, rewritten whole on each write.
 */
export async function seeAnswers(): Promise<void> {
  if (unseenCount(await applicationsItem.getValue()) === 0) return;
  await updateItem(applicationsItem, markSeen);
  await updateBadge(await snapshotItem.getValue());
}
