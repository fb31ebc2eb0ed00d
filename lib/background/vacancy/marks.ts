/**
 * Search-page marks: the state of the user's application per vacancy id. One negotiations fetch
 * serves every card of a page and every page for a few minutes. The cache lives in storage, not in
 * the worker's memory: the worker dies after 30 s idle, and sign-out wipes storage. Our own ledger
 * adds what we sent since.
 */
import type { Negotiation, NegotiationState, Resume } from '../../hh/model';
import type { PageHint } from '../../hh/gateway';
import type { FitResume } from '../../messages';
import { validBuild } from '../../hh/site/read';
import { withGateway, type OperationScope } from '../gateways';
import { siteMemory } from '../hh-client';
import { siteFor } from '../site-choice';
import { getSettings, ledgerItem, marksCacheItem, snapshotItem, type LedgerEntry, type MarksCache, type Triage } from '../../store';
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
 * The resumes a card's figure speaks for: the published ones (the ones that can apply), or all
 * when none is; only the fields fit scoring reads, so the reply stays small.
 */
export function fitResumes(resumes: readonly Resume[]): FitResume[] {
  const published = resumes.filter((r) => r.status === 'published');
  return (published.length ? published : resumes).map((r) => ({
    id: r.id,
    title: r.title,
    skills: r.skills ?? null,
    salary: r.salary ?? null,
    area: r.area ?? null,
    experienceMonths: r.experienceMonths ?? null,
  }));
}

export interface SearchMarks {
  states: Record<string, NegotiationState>;
  dimHidden: boolean;
  resumes: FitResume[];
  triage: Triage;
}

/**
 * One reply per search page view, read from the asking page's site (hh.kz's search shows hh.kz's
 * applications). The page's build (its global vars) is remembered before the
 * list is read: on a fresh install the list would otherwise be refused for want of it and cost a
 * home-page read to learn it (hh-site.md: JSON reads carry `X-Static-Version`). The page's state
 * is not sent: negotiations are not in it, and the cards are scored in the page.
 */
export async function searchMarks(
  req: { hint?: Pick<PageHint, 'build'> | null } = {},
  sender: PageSender = { internal: true },
): Promise<SearchMarks> {
  const build = validBuild(req.hint?.build);
  if (build) await siteMemory.build.set(build);
  const scope: OperationScope = sender.internal ? {} : { pageUrl: sender.url, tabId: sender.tabId };
  const [cache, ledger, settings, snapshot] = await Promise.all([
    fresh(Date.now(), scope),
    ledgerItem.getValue(),
    getSettings(),
    snapshotItem.getValue(),
  ]);
  return {
    states: withLedger(cache.states, ledger),
    dimHidden: settings.dimHidden,
    resumes: fitResumes(snapshot?.resumes ?? []),
    triage: settings.triage,
  };
}
