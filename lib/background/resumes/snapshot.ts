/**
 * The background's resume service: the snapshot the popup shows, raising in search, view history
 * and the auto-raise switch. Works on whichever gateway serves (lib/session.ts). A raise is recorded
 * in the ledger before it is sent, and timers are always rescheduled from what hh.ru answered.
 */
import type { WxtStorageItem } from 'wxt/utils/storage';
import { HhError, stopsAutomation, toErrorInfo, type ErrorInfo } from '../../hh/errors';
import type { Gateway } from '../../hh/gateway';
import type { Resume, ViewsPage } from '../../hh/model';
import { withGateway } from '../gateways';
import { updateLedger } from '../ledger';
import { createSerial } from '../../serial';
import {
  getSettings,
  patchSettings,
  pauseItem,
  raiseOutcomesItem,
  snapshotItem,
  type LedgerEntry,
  type RaiseOutcome,
  type Snapshot,
} from '../../store';
import { scheduleAll } from './schedule';
import { updateBadge } from './badge';

let refreshing: Promise<Snapshot> | null = null;
const raising = new Map<string, Promise<RaiseOutcome>>();

/**
 * Re-reads the account and its resumes. Concurrent callers share one round; an unchanged answer
 * leaves storage untouched (the HTTP layer's ETag revalidation makes such a round cheap).
 */
export function refreshSnapshot(force: boolean): Promise<Snapshot> {
  refreshing ??= loadSnapshot(force).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function loadSnapshot(force: boolean): Promise<Snapshot> {
  const prev = await snapshotItem.getValue();
  let fetched;
  try {
    fetched = await withGateway(async (g) => {
      const [me, list] = await Promise.all([g.me(), g.resumes()]);
      const resumes = await Promise.all(list.map((r) => withDetails(g, r, force ? null : prev)));
      return { me, resumes };
    });
  } catch (e) {
    await pauseAutomation(toErrorInfo(e));
    throw e;
  }
  await endSignInPause();
  const next: Snapshot = { ...fetched.value, fetchedAt: Date.now(), source: fetched.kind };
  const snapshot = prev && sameContent(prev, next) ? prev : next;
  if (snapshot === next) await update(snapshotItem, () => next);
  await reschedule(snapshot);
  return snapshot;
}

const DETAIL_FIELDS = ['progress', 'moderationNotes', 'skills', 'salary', 'area', 'experienceMonths'] as const;

function lacksDetails(r: Resume): boolean {
  return r.progress == null || (r.status === 'blocked' && r.moderationNotes == null);
}

function details(r: Resume): Partial<Resume> {
  return Object.fromEntries(DETAIL_FIELDS.filter((k) => r[k] != null).map((k) => [k, r[k]]));
}

/** The list lacks completeness and moderator notes; reuse what we read before while the resume is unchanged. */
async function withDetails(g: Gateway, r: Resume, prev: Snapshot | null): Promise<Resume> {
  if (!lacksDetails(r)) return r;
  const known = prev?.resumes.find((p) => p.id === r.id);
  if (known && known.updatedAt != null && known.updatedAt === r.updatedAt && known.status === r.status && !lacksDetails(known)) {
    return { ...r, ...details(known) };
  }
  try {
    return { ...r, ...details(await g.resume(r.id)) };
  } catch (e) {
    // A missing detail costs one line on a card; a refused app or a captcha concerns the whole round.
    if (e instanceof HhError && (stopsAutomation(e.kind) || e.kind === 'app_refused')) throw e;
    return r;
  }
}

function sameContent(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify([a.me, a.resumes, a.source]) === JSON.stringify([b.me, b.resumes, b.source]);
}

/**
 * Raises a resume in search: user-initiated (`auto` false) or by the auto-raise timer. At most one
 * raise per resume is in flight; a second caller gets the same outcome.
 */
export function raiseNow(resumeId: string, auto: boolean): Promise<RaiseOutcome> {
  let running = raising.get(resumeId);
  if (!running) {
    running = raiseOnce(resumeId, auto).finally(() => raising.delete(resumeId));
    raising.set(resumeId, running);
  }
  return running;
}

async function raiseOnce(resumeId: string, auto: boolean): Promise<RaiseOutcome> {
  // The raise time we knew when raising names the window this raise uses up.
  const usedWindow = (await snapshotItem.getValue())?.resumes.find((r) => r.id === resumeId)?.nextRaiseAt ?? null;
  const entryId = await recordRaise(resumeId);
  let outcome: RaiseOutcome;
  try {
    const { value: fresh, kind } = await withGateway((g) => g.raise(resumeId));
    await settleRaise(entryId, { state: 'done', gateway: kind });
    outcome = { kind: 'raised', at: Date.now(), nextAt: fresh.nextRaiseAt, auto, window: usedWindow };
    await rememberResume(fresh, resumeId);
  } catch (e) {
    const error = toErrorInfo(e);
    await settleRaise(entryId, { state: error.kind === 'uncertain' ? 'uncertain' : 'failed', error });
    if (error.kind === 'too_early') {
      const nextAt = error.retryAt ?? (await serverNextRaiseAt(resumeId));
      outcome = { kind: 'too_early', at: Date.now(), nextAt, auto };
      await patchResume(resumeId, (r) => ({ ...r, canRaise: false, nextRaiseAt: nextAt ?? r.nextRaiseAt }));
    } else {
      outcome = { kind: 'failed', at: Date.now(), error, auto };
      await pauseAutomation(error);
    }
  }
  await recordOutcome(resumeId, outcome);
  return outcome;
}

/** Keeps the last raise outcome of a resume (the popup shows it) and re-plans the timers around it. */
export async function recordOutcome(resumeId: string, outcome: RaiseOutcome): Promise<void> {
  await update(raiseOutcomesItem, (all) => ({ ...all, [resumeId]: outcome }));
  await reschedule(await snapshotItem.getValue());
}

/** A too-early answer without a time: ask hh.ru when, rather than guess. */
async function serverNextRaiseAt(resumeId: string): Promise<number | null> {
  try {
    return (await withGateway((g) => g.resume(resumeId))).value.nextRaiseAt;
  } catch {
    return null;
  }
}

async function recordRaise(resumeId: string): Promise<string> {
  const now = Date.now();
  const entry: LedgerEntry = {
    id: `raise-${crypto.randomUUID()}`,
    action: 'raise',
    target: resumeId,
    resumeId,
    state: 'pending',
    at: now,
    updatedAt: now,
  };
  await updateLedger((entries) => ({ entries: [...entries, entry], result: null }));
  return entry.id;
}

async function settleRaise(id: string, patch: Partial<LedgerEntry>): Promise<void> {
  await updateLedger((entries) => ({
    entries: entries.map((e) => (e.id === id ? { ...e, ...patch, updatedAt: Date.now() } : e)),
    result: null,
  }));
}

/** Turns auto-raise on or off for one resume and (re)sets its timer. */
export async function setAutoRaise(resumeId: string, on: boolean): Promise<void> {
  const { autoRaise } = await getSettings();
  await patchSettings({ autoRaise: { ...autoRaise, [resumeId]: on } });
  await reschedule(await snapshotItem.getValue());
}

/** Who viewed a resume. hh.ru clears the new-views count once the first page is read. */
export async function loadViews(resumeId: string, page: number): Promise<ViewsPage> {
  const { value } = await withGateway((g) => g.views(resumeId, page));
  if (page === 0) {
    const snapshot = await patchResume(resumeId, (r) => ({ ...r, newViews: 0 }));
    await updateBadge(snapshot);
  }
  return value;
}

/** The person solved the captcha or signed in again: automatic work may go on. */
export async function clearPause(): Promise<void> {
  await pauseItem.setValue(null);
  await reschedule(await snapshotItem.getValue());
}

/** Stops automatic work after a captcha or a lost sign-in. True when this error started the pause. */
export async function pauseAutomation(reason: ErrorInfo): Promise<boolean> {
  if (!stopsAutomation(reason.kind)) return false;
  const current = await pauseItem.getValue();
  if (current?.reason.kind === reason.kind) return false;
  await pauseItem.setValue({ reason, at: Date.now() });
  return true;
}

/** hh.ru answered as the signed-in user again: a pause for a lost sign-in is over. A captcha is not: reads may pass while raises are refused. */
async function endSignInPause(): Promise<void> {
  const kind = (await pauseItem.getValue())?.reason.kind;
  if (kind === 'auth' || kind === 'no_session') await pauseItem.setValue(null);
}

/** Keeps what hh.ru just said about one resume (a re-read or a raise's answer) in the snapshot. */
export async function rememberResume(fresh: Resume, resumeId = fresh.id): Promise<Snapshot | null> {
  return patchResume(resumeId, (old) => ({
    ...old,
    ...Object.fromEntries(Object.entries(fresh).filter(([, v]) => v != null)),
    canRaise: fresh.canRaise,
    nextRaiseAt: fresh.nextRaiseAt,
  }));
}

async function patchResume(resumeId: string, fn: (r: Resume) => Resume): Promise<Snapshot | null> {
  return update(snapshotItem, (s) => s && { ...s, resumes: s.resumes.map((r) => (r.id === resumeId ? fn(r) : r)) });
}

async function reschedule(snapshot: Snapshot | null): Promise<void> {
  await scheduleAll(snapshot?.resumes ?? [], await getSettings());
  await updateBadge(snapshot);
}

const serial = createSerial();

/** Read-modify-write of a stored item, one at a time: parallel raises must not lose each other's outcome. */
function update<T>(item: WxtStorageItem<T, Record<string, unknown>>, fn: (value: T) => T): Promise<T> {
  return serial(async () => {
    const next = fn(await item.getValue());
    await item.setValue(next);
    return next;
  });
}
