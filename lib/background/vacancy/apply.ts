/**
 * Applying to a vacancy, at most once: the ledger entry is claimed before anything is sent, and
 * an entry that is `pending`, `uncertain` or `done` blocks any further send to that vacancy (a
 * second click, a second tab, a retry after the worker restarted all get that entry back).
 */
import { NOT_SHOWN_YET } from '../../reply';
import { HhError, toErrorInfo, type ErrorInfo } from '../../hh/errors';
import { ERROR_POLICY } from '../../hh/policy';
import { APPLY_WINDOW_MS } from '../../hh/limits';
import type { ApplyResult } from '../../hh/model';
import type { PageHint } from '../../hh/gateway';
import { withGateway } from '../gateways';
import { siteFor } from '../site-choice';
import { ledgerItem, type LedgerEntry } from '../../store';
import { claim, countedApplies, lastApplyFor, newestApply, settle, updateLedger } from '../ledger';
import { clearDraft, saveDraft } from './drafts';
import { operationScope, pageHintFor, type PageSender } from './sender';
import { guardApply } from './triage';

const NOT_RECORDED = {
  ru: 'Ничего не отправлено: Отклику не удалось записать отклик в свой журнал (возможно, хранилище браузера переполнено). Освободите место и попробуйте снова.',
  en: 'Nothing was sent: Otklik could not record the application in its ledger (browser storage may be full). Free some space and try again.',
};

export type ApplyReq = { vacancyId: string; resumeId: string; letter: string; hint?: PageHint | null; override?: boolean };

/** Send one application, at most once per vacancy; resolves with the ledger entry that says what happened. */
export async function applyOnce(req: ApplyReq, sender: PageSender): Promise<LedgerEntry> {
  const hint = await pageHintFor(req.vacancyId, req.hint, sender);
  await guardApply(req.vacancyId, hint, req.override);
  const now = Date.now();
  const pending: LedgerEntry = {
    id: `apply-${req.vacancyId}-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    action: 'apply',
    target: req.vacancyId,
    resumeId: req.resumeId,
    state: 'pending',
    at: now,
    updatedAt: now,
  };
  const claimed = await claim(pending, (entries) => {
    const last = newestApply(entries, req.vacancyId);
    return last && last.state !== 'failed' ? last : null;
  }).catch((e: unknown) => {
    // Not recorded, so not sent: an application the ledger cannot vouch for could be sent twice.
    throw new HhError('internal', { value: `ledger: ${e instanceof Error ? e.message : String(e)}`, ...NOT_RECORDED });
  });
  if (!claimed.mine) return claimed.entry;
  // The letter is the person's work: kept as the draft from now until hh.ru confirms, whatever happens between.
  if (req.letter.trim()) await saveDraft({ vacancyId: req.vacancyId, text: req.letter, resumeId: req.resumeId }).catch(() => undefined);

  let outcome: Partial<LedgerEntry>;
  try {
    const { value, kind } = await withGateway(
      (g) => g.apply({ vacancyId: req.vacancyId, resumeId: req.resumeId, letter: req.letter }, hint),
      operationScope(sender, hint),
    );
    outcome = { ...fromResult(value), gateway: kind };
  } catch (e) {
    // Reading when a limit lifts may fail too (storage): the refusal stands without the time. The
    // entry must be settled whatever happens here, or it stays pending, blocks this vacancy and
    // stays in the ledger's in-flight set for as long as the worker lives.
    outcome = await fromError(e).catch(() => fromError(e, false));
  }
  // The outcome is the person's to see even when storage refuses it.
  const entry = (await settle(pending.id, outcome).catch(() => null)) ?? { ...pending, ...outcome, updatedAt: Date.now() };
  if (entry.state === 'done') await clearDraft(req.vacancyId);
  return entry;
}

function fromResult(result: ApplyResult): Partial<LedgerEntry> {
  switch (result.kind) {
    case 'sent':
      return {
        state: 'done',
        negotiationId: result.negotiationId ?? null,
        chatUrl: result.chatUrl ?? null,
        followUp: result.followUp?.length ? result.followUp : null,
      };
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

async function fromError(e: unknown, resetTime = true): Promise<Partial<LedgerEntry>> {
  const info = toErrorInfo(e);
  if (!ERROR_POLICY[info.kind].refused && !info.notSent) {
    // Cut connections, 5xx, unknown answers, our own bugs mid-flight: the application may exist.
    return {
      state: 'uncertain',
      error: new HhError('uncertain', { value: [info.kind, info.value].filter(Boolean).join(': '), status: info.status }).info,
    };
  }
  return { state: 'failed', error: resetTime && info.kind === 'limit' && !info.retryAt ? await withResetTime(info) : info };
}

/** hh.ru's limit refusal says nothing of when it lifts; our own ledger knows when the oldest counted apply leaves the window. */
async function withResetTime(info: ErrorInfo): Promise<ErrorInfo> {
  const oldest = countedApplies(await ledgerItem.getValue(), Date.now())[0];
  return oldest ? { ...info, retryAt: oldest.at + APPLY_WINDOW_MS } : info;
}

const notOnSite = (site: string) => ({
  ru: `${site} дважды, с перерывом, не показал отклика на эту вакансию: можно отправить снова.`,
  en: `${site} twice, a while apart, showed no application to this vacancy: you can send it again.`,
});

const notYet = (site: string) => ({
  ru: `${site} пока не показывает этот отклик: он мог ещё не появиться. Проверьте ещё раз через минуту.`,
  en: `${site} does not show it yet: it may still be on its way. Check again in a minute.`,
});

/**
 * How long after hh.ru first showed no application it must show none again before the person may
 * send again: right after a POST hh.ru's own views may lag. guess: a minute (no published figure).
 */
export const SECOND_LOOK_MS = 60_000;

/**
 * The user checked an unclear application: ask hh.ru about this one vacancy (its preflight and page
 * on the site; its resumes by status and negotiations on the API). Seen: it is done. Not seen: the
 * first time only noted; not seen again at least SECOND_LOOK_MS later: the entry fails as "not
 * sent", which lets the user send again by hand. Nothing is ever resent from here.
 */
export async function recheckApply(req: { vacancyId: string }, sender: PageSender): Promise<LedgerEntry> {
  const hint = await pageHintFor(req.vacancyId, null, sender);
  const last = await lastApplyFor(req.vacancyId);
  if (!last || last.state !== 'uncertain') throw new HhError('not_found', { value: 'no unclear application' });
  const scope = operationScope(sender, hint);
  const [{ value: seen }, site] = await Promise.all([withGateway((g) => g.application(req.vacancyId, hint), scope), siteFor(scope)]);
  const now = Date.now();
  return updateLedger((entries) => {
    const current = newestApply(entries, req.vacancyId);
    // Another tab settled it meanwhile: its answer stands.
    if (!current || current.id !== last.id || current.state !== 'uncertain') return { entries, result: current ?? last };
    const firstMiss = current.notSeenAt ?? null;
    let settled: LedgerEntry;
    if (seen.applied) {
      settled = { ...current, state: 'done', negotiationId: seen.negotiationId ?? current.negotiationId ?? null, error: null, updatedAt: now };
    } else if (firstMiss !== null && now - firstMiss >= SECOND_LOOK_MS) {
      settled = { ...current, state: 'failed', error: new HhError('not_found', { value: 'not-on-hh', ...notOnSite(site) }).info, updatedAt: now };
    } else {
      const since = firstMiss ?? now;
      settled = {
        ...current,
        notSeenAt: since,
        error: new HhError('uncertain', { value: NOT_SHOWN_YET, retryAt: since + SECOND_LOOK_MS, ...notYet(site) }).info,
        updatedAt: now,
      };
    }
    return { entries: entries.map((x) => (x.id === settled.id ? settled : x)), result: settled };
  });
}
