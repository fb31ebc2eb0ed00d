/**
 * Raising a resume in search ("поднять"): on the person's click or by the auto-raise timer. The
 * raise is recorded in the ledger before it is sent; its outcome is kept for the popup and the
 * timers are re-planned from what hh.ru answered. At most one raise per resume is in flight.
 */
import { toErrorInfo } from '../../hh/errors';
import type { Gateway } from '../../hh/gateway';
import type { GatewayKind } from '../../hh/model';
import { withGateway } from '../gateways';
import { pauseAutomation } from '../automation';
import { claim, settle } from '../ledger';
import { raiseOutcomesItem, snapshotItem, updateItem, type RaiseOutcome } from '../../store';
import { patchResume, rememberResume, reschedule } from './snapshot';
import { refusedForGood } from './schedule';

const raising = new Map<string, Promise<RaiseOutcome>>();

/**
 * Resumes whose last raise outcome is kept at most, the longest untouched going first: a deleted
 * resume's outcome is never asked for again, and the person's resumes are far fewer than this.
 */
export const RAISE_OUTCOMES_KEPT = 50;

/**
 * Raises a resume: user-initiated (`auto` false) or by the timer. `via`: the gateway of an
 * operation already under way (the auto-raise that just re-read the resume), else one is chosen.
 * A second caller while a raise runs gets the same outcome.
 */
export function raiseNow(resumeId: string, auto: boolean, via?: Gateway): Promise<RaiseOutcome> {
  let running = raising.get(resumeId);
  if (!running) {
    running = raiseOnce(resumeId, auto, via).finally(() => raising.delete(resumeId));
    raising.set(resumeId, running);
  }
  return running;
}

async function raiseOnce(resumeId: string, auto: boolean, via?: Gateway): Promise<RaiseOutcome> {
  // The raise time we knew when raising names the window this raise uses up.
  const usedWindow = (await snapshotItem.getValue())?.resumes.find((r) => r.id === resumeId)?.nextRaiseAt ?? null;
  const now = Date.now();
  const { entry } = await claim({ id: `raise-${crypto.randomUUID()}`, action: 'raise', target: resumeId, resumeId, state: 'pending', at: now, updatedAt: now });
  let outcome: RaiseOutcome;
  try {
    const { value: fresh, kind } = via ? { value: await via.raise(resumeId), kind: via.kind as GatewayKind } : await withGateway((g) => g.raise(resumeId));
    await settle(entry.id, { state: 'done', gateway: kind });
    outcome = { kind: 'raised', at: Date.now(), nextAt: fresh.nextRaiseAt, auto, window: usedWindow };
    await rememberResume(fresh, resumeId);
  } catch (e) {
    const error = toErrorInfo(e);
    await settle(entry.id, { state: error.kind === 'uncertain' ? 'uncertain' : 'failed', error });
    if (error.kind === 'too_early') {
      const nextAt = error.retryAt ?? (await serverNextRaiseAt(resumeId, via));
      outcome = { kind: 'too_early', at: Date.now(), nextAt, auto };
      await patchResume(resumeId, (r) => ({ ...r, canRaise: false, nextRaiseAt: nextAt ?? r.nextRaiseAt }));
    } else {
      outcome = { kind: 'failed', at: Date.now(), error, auto };
      await pauseAutomation(error);
    }
  }
  return recordOutcome(resumeId, outcome);
}

/**
 * Keeps the last raise outcome of a resume (the popup shows it) and re-plans the timers around it.
 * A refusal that waiting will not fix counts how many came in a row (`streak`): the retries back off.
 * Resolves with the outcome as kept.
 */
export async function recordOutcome(resumeId: string, outcome: RaiseOutcome): Promise<RaiseOutcome> {
  let kept = outcome;
  await updateItem(raiseOutcomesItem, (all) => {
    const last = all[resumeId];
    if (outcome.kind === 'failed') {
      const before = last?.kind === 'failed' && refusedForGood(last.error) ? (last.streak ?? 1) : 0;
      kept = { ...outcome, streak: refusedForGood(outcome.error) ? before + 1 : null };
    }
    const rest = Object.entries(all).filter(([id]) => id !== resumeId);
    const newest = rest.sort(([, a], [, b]) => b.at - a.at).slice(0, RAISE_OUTCOMES_KEPT - 1);
    return { ...Object.fromEntries(newest), [resumeId]: kept };
  });
  await reschedule(await snapshotItem.getValue());
  return kept;
}

/** A too-early answer without a time: ask hh.ru when, rather than guess. */
async function serverNextRaiseAt(resumeId: string, via?: Gateway): Promise<number | null> {
  try {
    return via ? (await via.resume(resumeId)).nextRaiseAt : (await withGateway((g) => g.resume(resumeId))).value.nextRaiseAt;
  } catch {
    return null;
  }
}
