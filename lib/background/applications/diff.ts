/**
 * What changed in the person's applications since the last look: pure, so every rule is tested
 * without a browser. hh.ru's list is read by topic id (its order shifts between requests), a topic
 * missing from it is never news (discarded topics vanish after a while, and a poll reads only the
 * first page), and each answer is told once.
 */
import type { Negotiation } from '../../hh/model';
import { APPLICATIONS_KEPT, type AnswerKind, type ApplicationRecord, type ApplicationsState } from '../../store';

/** One answer to tell the person about. */
export interface Answer {
  topicId: string;
  kind: AnswerKind;
  /** hh.ru's own word for an unknown state, to show it as it is. */
  rawState: string | null;
  vacancyName: string | null;
  employerName: string | null;
  chatUrl: string | null;
}

/** States that are the person's own doing, not an employer's answer (guess: HIDDEN = she hid the topic). */
const NOT_AN_ANSWER = new Set(['RESPONSE', 'HIDDEN']);

/** The state key a topic is told about once, or null when its state is no answer. */
export function stateKey(n: Negotiation): string | null {
  if (n.state === 'response') return null;
  const raw = (n.rawState ?? n.state).toUpperCase();
  if (NOT_AN_ANSWER.has(raw)) return null;
  return `state:${n.state === 'other' ? raw : n.state}`;
}

function stateKind(n: Negotiation): AnswerKind {
  return n.state === 'other' || n.state === 'response' ? 'unknown' : n.state;
}

/**
 * A topic on this page differs from what we hold (or is new): a reason to read the next page. A
 * topic new to us whose last change is not newer than the newest change held (`seenUpTo`) is one an
 * earlier read missed in the shifting order: old, no reason to read on (merge() records it quietly).
 */
export function differs(known: ApplicationRecord | undefined, n: Negotiation, seenUpTo: number | null = null): boolean {
  if (!known) return seenUpTo === null || n.updatedAt == null || n.updatedAt > seenUpTo;
  const k = known.topic;
  return (
    k.state !== n.state ||
    (k.rawState ?? null) !== (n.rawState ?? null) ||
    !!k.hasNewMessages !== !!n.hasNewMessages ||
    !!k.viewed !== !!n.viewed ||
    (k.updatedAt ?? null) !== (n.updatedAt ?? null)
  );
}

export interface Merged {
  state: ApplicationsState;
  answers: Answer[];
}

/**
 * Folds what hh.ru listed into what we hold. `learnOnly`: the first look at someone's list (every
 * old invitation would otherwise arrive as news at once): remember, tell nothing.
 */
export function merge(held: ApplicationsState, listed: Negotiation[], now: number, learnOnly: boolean): Merged {
  const topics: Record<string, ApplicationRecord> = { ...held.topics };
  const answers: Answer[] = [];
  const byId = new Map(listed.map((n) => [n.id, n]));
  const seenUpTo = newestChange(held);
  for (const n of byId.values()) {
    const before = topics[n.id];
    // A topic new to us whose last change is older than the newest one we had already seen was on
    // the list at our last look: its shifting order hid it from that read (poll.ts), or it sat past
    // the page cap. Its answer is old: learned, not told. hh.ru's own times on both sides, so the
    // computer's clock does not matter. (guess: a message that does not bump `lastModified` on such
    // a topic would be missed; nobody knows whether hh.ru bumps it.)
    const missedEarlier = !before && seenUpTo !== null && n.updatedAt != null && n.updatedAt <= seenUpTo;
    const key = stateKey(n);
    const told = new Set(before?.told ?? []);
    // A state is news once; an unread message is news when it appears (the flag was off, or the topic is new).
    const newState = key !== null && !told.has(key);
    const newMessage = !!n.hasNewMessages && !before?.topic.hasNewMessages;
    if (key) told.add(key);
    const news = !learnOnly && !missedEarlier && (newState || newMessage);
    const kind: AnswerKind | null = news ? (newState ? stateKind(n) : 'message') : null;
    const topic: Negotiation = {
      ...n,
      // A page without names (a shape we do not read) keeps the names we had.
      vacancyName: n.vacancyName ?? before?.topic.vacancyName ?? null,
      employerName: n.employerName ?? before?.topic.employerName ?? null,
      resumeId: n.resumeId ?? before?.topic.resumeId ?? null,
      chatUrl: n.chatUrl ?? before?.topic.chatUrl ?? null,
    };
    topics[n.id] = {
      topic,
      firstSeenAt: before?.firstSeenAt ?? now,
      listedAt: now,
      unseen: kind ?? before?.unseen ?? null,
      told: [...told],
    };
    if (kind) {
      answers.push({
        topicId: n.id,
        kind,
        rawState: topic.rawState ?? null,
        vacancyName: topic.vacancyName ?? null,
        employerName: topic.employerName ?? null,
        chatUrl: topic.chatUrl ?? null,
      });
    }
  }
  return { state: { ...held, topics: bounded(topics) }, answers };
}

const recency = (r: ApplicationRecord) => r.topic.updatedAt ?? r.firstSeenAt;

/** hh.ru's time of the newest change among the topics held, or null when none carries one. */
export function newestChange(held: ApplicationsState): number | null {
  let newest: number | null = null;
  for (const r of Object.values(held.topics)) {
    const t = r.topic.updatedAt;
    if (t != null && (newest === null || t > newest)) newest = t;
  }
  return newest;
}

/** The newest APPLICATIONS_KEPT topics; the oldest go first. */
export function bounded(topics: Record<string, ApplicationRecord>, keep = APPLICATIONS_KEPT): Record<string, ApplicationRecord> {
  const all = Object.entries(topics);
  if (all.length <= keep) return topics;
  return Object.fromEntries(all.sort(([, a], [, b]) => recency(b) - recency(a)).slice(0, keep));
}

/** The person looked at her answers: none is new any more. */
export function markSeen(held: ApplicationsState): ApplicationsState {
  const topics = Object.fromEntries(Object.entries(held.topics).map(([id, r]) => [id, r.unseen ? { ...r, unseen: null } : r]));
  return { ...held, topics };
}

export function unseenCount(held: ApplicationsState | null | undefined): number {
  return Object.values(held?.topics ?? {}).filter((r) => r.unseen).length;
}
