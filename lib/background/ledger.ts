/**
 * The apply ledger: every application is recorded before it is sent, and its outcome after.
 * An entry that is `pending` (being sent), `uncertain` (may have reached hh.ru) or `done` blocks
 * any further send to that vacancy: a second click, a second tab, a retry after the worker
 * restarted all get that entry back instead of a second application.
 */
import { HhError, toErrorInfo, type ErrorInfo, type ErrorKind } from '../hh/errors';
import type { ApplyResult } from '../hh/model';
import type { PageHint } from '../hh/gateway';
import { withGateway } from './gateways';
import { ledgerItem, type LedgerEntry } from '../store';
import { clearDraft } from './vacancy/drafts';
import { createSerial } from '../serial';
import { pageHintFor, type PageSender } from './vacancy/sender';

/** hh.ru allows about this many applications per rolling 24 hours. */
export const DAILY_APPLY_CAP = 200;
const DAY = 24 * 3_600_000;
const MAX_ENTRIES = 1000;

const serial = createSerial();
/** Entries this worker is sending right now: not "interrupted", whatever the clock says. */
const inFlight = new Set<string>();

/** Read-modify-write of the ledger, one at a time. Other writers (raise) should use this too. */
export function updateLedger<T>(change: (entries: LedgerEntry[]) => { entries: LedgerEntry[]; result: T }): Promise<T> {
  return serial(async () => {
    const { entries, result } = change(await ledgerItem.getValue());
    await ledgerItem.setValue(entries.slice(-MAX_ENTRIES));
    return result;
  });
}

/** The newest apply entry for a vacancy, whatever its state. */
export async function lastApplyFor(vacancyId: string): Promise<LedgerEntry | null> {
  return newestApply(await ledgerItem.getValue(), vacancyId);
}

function newestApply(entries: LedgerEntry[], vacancyId: string): LedgerEntry | null {
  return entries.findLast((e) => e.action === 'apply' && e.target === vacancyId) ?? null;
}

/** Applications that may have reached hh.ru in the last 24 hours (sent, being sent, or unclear). */
export async function appliedLast24h(now = Date.now()): Promise<number> {
  return countedApplies(await ledgerItem.getValue(), now).length;
}

function countedApplies(entries: LedgerEntry[], now: number): LedgerEntry[] {
  return entries.filter((e) => e.action === 'apply' && e.state !== 'failed' && e.at > now - DAY);
}

/** Refusals: hh.ru answered and nothing was applied, so the user may try again after fixing it. */
const REFUSED: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'auth',
  'no_app',
  'no_session',
  'app_refused',
  'forbidden',
  'captcha',
  'rate',
  'limit',
  'not_found',
  'bad_argument',
  'already_applied',
  'archived',
  'test_required',
  'letter_required',
  'letter_too_long',
  'xsrf',
]);

const NOT_RECORDED = {
  ru: 'Ничего не отправлено: Отклику не удалось записать отклик в свой журнал (возможно, хранилище браузера переполнено). Освободите место и попробуйте снова.',
  en: 'Nothing was sent: Otklik could not record the application in its ledger (browser storage may be full). Free some space and try again.',
};

export type ApplyReq = { vacancyId: string; resumeId: string; letter: string; hint?: PageHint | null };

/** Send one application, at most once per vacancy; resolves with the ledger entry that says what happened. */
export async function applyOnce(req: ApplyReq, sender: PageSender): Promise<LedgerEntry> {
  const hint = await pageHintFor(req.vacancyId, req.hint, sender);
  const now = Date.now();
  const id = `apply-${req.vacancyId}-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const claim = await updateLedger((entries) => {
    const last = newestApply(entries, req.vacancyId);
    if (last && last.state !== 'failed') return { entries, result: { entry: last, mine: false } };
    const entry: LedgerEntry = {
      id,
      action: 'apply',
      target: req.vacancyId,
      resumeId: req.resumeId,
      state: 'pending',
      at: now,
      updatedAt: now,
    };
    inFlight.add(entry.id);
    return { entries: [...entries, entry], result: { entry, mine: true } };
  }).catch((e: unknown) => {
    inFlight.delete(id);
    // Not recorded, so not sent: an application the ledger cannot vouch for could be sent twice.
    throw new HhError('internal', { value: `ledger: ${e instanceof Error ? e.message : String(e)}`, ...NOT_RECORDED });
  });
  if (!claim.mine) return claim.entry;

  let outcome: Partial<LedgerEntry>;
  try {
    const { value, kind } = await withGateway((g) =>
      g.apply({ vacancyId: req.vacancyId, resumeId: req.resumeId, letter: req.letter }, hint),
    );
    outcome = { ...fromResult(value), gateway: kind };
  } catch (e) {
    outcome = await fromError(e);
  }
  const settled: LedgerEntry = { ...claim.entry, ...outcome, updatedAt: Date.now() };
  // The outcome is the person's to see even when storage refuses it; the stored entry stays
  // pending, which the next worker start turns into "may have been sent".
  const entry = await updateLedger((entries) => ({ entries: entries.map((x) => (x.id === settled.id ? settled : x)), result: settled }))
    .catch(() => settled)
    .finally(() => inFlight.delete(claim.entry.id));
  if (entry.state === 'done') await clearDraft(req.vacancyId);
  return entry;
}

function fromResult(result: ApplyResult): Partial<LedgerEntry> {
  switch (result.kind) {
    case 'sent':
      return { state: 'done', negotiationId: result.negotiationId ?? null, chatUrl: result.chatUrl ?? null };
    case 'redirect':
      return {
        state: 'failed',
        error: new HhError('forbidden', {
          value: 'redirect',
          url: result.url,
          ru: 'На эту вакансию откликаются на сайте работодателя: откройте ссылку.',
          en: 'This vacancy takes applications on the employer’s own site: open the link.',
        }).info,
      };
    case 'uncertain':
      return { state: 'uncertain', error: new HhError('uncertain', { value: result.detail ?? null }).info };
  }
}

async function fromError(e: unknown): Promise<Partial<LedgerEntry>> {
  const info = toErrorInfo(e);
  if (!REFUSED.has(info.kind)) {
    // Cut connections, 5xx, unknown answers, our own bugs mid-flight: the application may exist.
    return {
      state: 'uncertain',
      error: new HhError('uncertain', { value: [info.kind, info.value].filter(Boolean).join(': '), status: info.status }).info,
    };
  }
  return { state: 'failed', error: info.kind === 'limit' && !info.retryAt ? await withResetTime(info) : info };
}

/** hh.ru's limit refusal says nothing of when it lifts; our own ledger knows when the oldest counted apply leaves the window. */
async function withResetTime(info: ErrorInfo): Promise<ErrorInfo> {
  const oldest = countedApplies(await ledgerItem.getValue(), Date.now())[0];
  return oldest ? { ...info, retryAt: oldest.at + DAY } : info;
}

/**
 * Called when the worker starts: an apply or raise still `pending` belonged to a worker that died
 * while sending, so nobody knows whether hh.ru got it. Resolves with how many were settled.
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

const NOT_ON_HH = {
  ru: 'На hh.ru отклика на эту вакансию нет: можно отправить снова.',
  en: 'hh.ru has no application to this vacancy: you can send it again.',
};

/**
 * The user checked an unclear application: look it up in hh.ru's list of applications. Found: it
 * is done. Not found: the entry fails as "not sent", which lets the user send again by hand.
 * Nothing is ever resent from here.
 */
export async function recheckApply(req: { vacancyId: string }, sender: PageSender): Promise<LedgerEntry> {
  await pageHintFor(req.vacancyId, null, sender);
  const last = await lastApplyFor(req.vacancyId);
  if (!last || last.state !== 'uncertain') throw new HhError('not_found', { value: 'no unclear application' });
  const { value: negotiations } = await withGateway((g) => g.negotiations());
  const found = negotiations.find((n) => n.vacancyId === req.vacancyId);
  return updateLedger((entries) => {
    const current = newestApply(entries, req.vacancyId);
    // Another tab settled it meanwhile: its answer stands.
    if (!current || current.id !== last.id || current.state !== 'uncertain') return { entries, result: current ?? last };
    const settled: LedgerEntry = found
      ? { ...current, state: 'done', negotiationId: found.id, error: null, updatedAt: Date.now() }
      : { ...current, state: 'failed', error: new HhError('not_found', { value: 'not-on-hh', ...NOT_ON_HH }).info, updatedAt: Date.now() };
    return { entries: entries.map((x) => (x.id === settled.id ? settled : x)), result: settled };
  });
}
