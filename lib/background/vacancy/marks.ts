/**
 * Search-page marks: the state of the user's application per vacancy id. One negotiations fetch
 * serves every card of a page and every page for a few minutes. The cache lives in storage, not in
 * the worker's memory: the worker dies after 30 s idle, and sign-out wipes storage. Our own ledger
 * adds what we sent since.
 */
import type { Negotiation, NegotiationState } from '../../hh/model';
import { withGateway } from '../gateways';
import { getSettings, ledgerItem, marksCacheItem, type LedgerEntry, type MarksCache } from '../../store';

export const MARKS_TTL = 3 * 60_000;

/** When one vacancy has several topics (several resumes), the one that matters most to a person wins. */
const RANK: Record<NegotiationState, number> = { interview: 4, invitation: 3, discard: 2, response: 1, other: 0 };

let loading: Promise<MarksCache> | null = null;

export function statesOf(negotiations: Negotiation[]): Record<string, NegotiationState> {
  const states: Record<string, NegotiationState> = {};
  for (const n of negotiations) {
    if (!n.vacancyId) continue;
    const had = states[n.vacancyId];
    if (had === undefined || RANK[n.state] > RANK[had]) states[n.vacancyId] = n.state;
  }
  return states;
}

/** Applications we know reached hh.ru count as responses until hh's list says more. */
function withLedger(states: Record<string, NegotiationState>, ledger: LedgerEntry[]): Record<string, NegotiationState> {
  const merged = { ...states };
  for (const e of ledger) {
    const applied = e.state === 'done' || (e.state === 'failed' && e.error?.kind === 'already_applied');
    if (e.action === 'apply' && applied && !merged[e.target]) merged[e.target] = 'response';
  }
  return merged;
}

async function fresh(now: number): Promise<MarksCache> {
  const stored = await marksCacheItem.getValue();
  if (stored && now - stored.at < MARKS_TTL && now >= stored.at) return stored;
  // Two search tabs opened together share one fetch.
  loading ??= withGateway((g) => g.negotiations())
    .then(async ({ value }) => {
      const cache = { at: Date.now(), states: statesOf(value) };
      await marksCacheItem.setValue(cache);
      return cache;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The request's page hint is not used: negotiations are not in a search page's state. */
export async function searchMarks(_req: { hint?: unknown } = {}): Promise<{ states: Record<string, NegotiationState>; dimHidden: boolean }> {
  const [cache, ledger, settings] = await Promise.all([fresh(Date.now()), ledgerItem.getValue(), getSettings()]);
  return { states: withLedger(cache.states, ledger), dimHidden: settings.dimHidden };
}
