/**
 * Search-page marks: the state of the user's application per vacancy id. One negotiations fetch
 * serves every card of a page and every page for a few minutes. The cache lives in storage, not in
 * the worker's memory: the worker dies after 30 s idle, and sign-out wipes storage. Our own ledger
 * adds what we sent since.
 */
import type { Negotiation, NegotiationState } from '../../hh/model';
import { withGateway, type OperationScope } from '../gateways';
import { siteFor } from '../site-choice';
import { getSettings, ledgerItem, marksCacheItem, type LedgerEntry, type MarksCache } from '../../store';
import type { PageSender } from './sender';

export const MARKS_TTL = 3 * 60_000;

/** When one vacancy has several topics (several resumes), the one that matters most to a person wins. */
const RANK: Record<NegotiationState, number> = { interview: 4, invitation: 3, discard: 2, response: 1, other: 0 };

/** One fetch per site at a time. */
const loading = new Map<string, Promise<MarksCache>>();

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

async function fresh(now: number, scope: OperationScope): Promise<MarksCache> {
  const site = await siteFor(scope);
  const stored = await marksCacheItem.getValue();
  // A cache from before sites were told apart (no `site`) was hh.ru's, the only site read then.
  if (stored && (stored.site ?? 'hh.ru') === site && now - stored.at < MARKS_TTL && now >= stored.at) return stored;
  // Two search tabs opened together share one fetch.
  let load = loading.get(site);
  if (!load) {
    load = withGateway((g) => g.negotiations(), scope)
      .then(async ({ value }) => {
        const cache = { at: Date.now(), states: statesOf(value), site };
        await marksCacheItem.setValue(cache);
        return cache;
      })
      .finally(() => loading.delete(site));
    loading.set(site, load);
  }
  return load;
}

/**
 * Marks for the search page that asked, read from that page's site (hh.kz's search shows hh.kz's
 * applications). The request's page hint is not used: negotiations are not in a search page's state.
 */
export async function searchMarks(
  _req: { hint?: unknown } = {},
  sender: PageSender = { internal: true },
): Promise<{ states: Record<string, NegotiationState>; dimHidden: boolean }> {
  const scope: OperationScope = sender.internal ? {} : { pageUrl: sender.url, tabId: sender.tabId };
  const [cache, ledger, settings] = await Promise.all([fresh(Date.now(), scope), ledgerItem.getValue(), getSettings()]);
  return { states: withLedger(cache.states, ledger), dimHidden: settings.dimHidden };
}
