/**
 * The ledger: every write to hh.ru (apply, raise) is recorded before it is sent and settled after.
 * An entry that is `pending` (being sent) and not owned by this worker belonged to a worker that
 * died while sending: nobody knows whether hh.ru got it, so it becomes `uncertain`, never resent.
 */
import { HhError } from '../hh/errors';
import { APPLY_WINDOW_MS } from '../hh/limits';
import { ledgerItem, updateItem, type LedgerEntry } from '../store';

const MAX_ENTRIES = 1000;

/** Entries this worker is sending right now: not "interrupted", whatever the clock says. */
const inFlight = new Set<string>();

/** Read-modify-write of the ledger, one at a time; `result` is what the change decided. */
export async function updateLedger<T>(change: (entries: LedgerEntry[]) => { entries: LedgerEntry[]; result: T }): Promise<T> {
  let result!: T;
  await updateItem(ledgerItem, (entries) => {
    const next = change(entries);
    result = next.result;
    return next.entries.slice(-MAX_ENTRIES);
  });
  return result;
}

/**
 * Records `entry` as pending unless `blockedBy` finds an entry that forbids it; resolves with the
 * entry that stands and whether it is this caller's to send.
 */
export async function claim(
  entry: LedgerEntry,
  blockedBy: (entries: LedgerEntry[]) => LedgerEntry | null = () => null,
): Promise<{ entry: LedgerEntry; mine: boolean }> {
  inFlight.add(entry.id);
  try {
    const claimed = await updateLedger((entries) => {
      const blocking = blockedBy(entries);
      if (blocking) return { entries, result: { entry: blocking, mine: false } };
      return { entries: [...entries, entry], result: { entry, mine: true } };
    });
    if (!claimed.mine) inFlight.delete(entry.id);
    return claimed;
  } catch (e) {
    inFlight.delete(entry.id);
    throw e;
  }
}

/** Settles a claimed entry. The outcome is returned even when storage refuses it: the stored entry then stays pending, which the next worker start turns into "uncertain". */
export async function settle(id: string, patch: Partial<LedgerEntry>): Promise<LedgerEntry | null> {
  try {
    return await updateLedger((entries) => {
      const current = entries.find((e) => e.id === id);
      if (!current) return { entries, result: null };
      const settled: LedgerEntry = { ...current, ...patch, updatedAt: Date.now() };
      return { entries: entries.map((e) => (e.id === id ? settled : e)), result: settled };
    });
  } finally {
    inFlight.delete(id);
  }
}

export function newestApply(entries: LedgerEntry[], vacancyId: string): LedgerEntry | null {
  return entries.findLast((e) => e.action === 'apply' && e.target === vacancyId) ?? null;
}

/** The newest apply entry for a vacancy, whatever its state. */
export async function lastApplyFor(vacancyId: string): Promise<LedgerEntry | null> {
  return newestApply(await ledgerItem.getValue(), vacancyId);
}

/** Applications that may have reached hh.ru in the last 24 hours (sent, being sent, or unclear), oldest first. */
export function countedApplies(entries: LedgerEntry[], now: number): LedgerEntry[] {
  return entries.filter((e) => e.action === 'apply' && e.state !== 'failed' && e.at > now - APPLY_WINDOW_MS);
}

export async function appliedLast24h(now = Date.now()): Promise<number> {
  return countedApplies(await ledgerItem.getValue(), now).length;
}

/**
 * Called when the worker starts: an apply or raise still `pending` belonged to a worker that died
 * while sending. Resolves with how many were settled.
 */
export function settleInterrupted(): Promise<number> {
  return updateLedger((entries) => {
    let settled = 0;
    const next = entries.map((e) => {
      if (e.state !== 'pending' || inFlight.has(e.id)) return e;
      settled++;
      return {
        ...e,
        state: 'uncertain' as const,
        updatedAt: Date.now(),
        error: new HhError('uncertain', { value: 'interrupted' }).info,
      };
    });
    return { entries: next, result: settled };
  });
}
