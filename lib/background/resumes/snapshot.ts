/**
 * The resumes as the popup shows them: one snapshot of the account and its resumes, refreshed
 * from whichever gateway serves, kept in storage (the worker dies after 30 s idle), and the view
 * history. Every change of the snapshot re-plans the raise timers and the badge.
 */
import { HhError, stopsAutomation, toErrorInfo } from '../../hh/errors';
import type { Gateway } from '../../hh/gateway';
import type { Resume, ViewsPage } from '../../hh/model';
import { withGateway } from '../gateways';
import { endSignInPause, pauseAutomation } from '../automation';
import { getSettings, snapshotItem, updateItem, type Snapshot } from '../../store';
import { scheduleAll } from './schedule';
import { updateBadge } from './badge';

let refreshing: Promise<Snapshot> | null = null;

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
  if (snapshot === next) await updateItem(snapshotItem, () => next);
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

/** Keeps what hh.ru just said about one resume (a re-read or a raise's answer) in the snapshot. */
export async function rememberResume(fresh: Resume, resumeId = fresh.id): Promise<Snapshot | null> {
  return patchResume(resumeId, (old) => ({
    ...old,
    ...Object.fromEntries(Object.entries(fresh).filter(([, v]) => v != null)),
    canRaise: fresh.canRaise,
    nextRaiseAt: fresh.nextRaiseAt,
  }));
}

export async function patchResume(resumeId: string, fn: (r: Resume) => Resume): Promise<Snapshot | null> {
  return updateItem(snapshotItem, (s) => s && { ...s, resumes: s.resumes.map((r) => (r.id === resumeId ? fn(r) : r)) });
}

/** The timers and the badge follow the snapshot. */
export async function reschedule(snapshot: Snapshot | null): Promise<void> {
  await scheduleAll(snapshot?.resumes ?? [], await getSettings());
  await updateBadge(snapshot);
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
