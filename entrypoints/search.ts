/**
 * The search page's script: marks, fit figures and triage on hh.ru's search cards.
 *
 * Declared in the manifest by hand (wxt.config.ts), not as a WXT content script, and without the
 * browser polyfill: WXT's content-script context and the polyfill cost ~1.7 ms of the page's main
 * thread on every search page view (measured on the real-weight search page, whose own script runs
 * ~25 ms: more than the whole 5% overhead budget). What it used of them is done here: one message
 * at a time (lib/client.ts, which needs no polyfill), and following hh.ru's in-page navigation (the cards
 * are looked at only while the address is a search page). WXT's "a newer copy of this script
 * started" event is not needed (nothing injects this script twice into a page) and, dispatched on
 * hh.ru's document, would tell hh.ru's scripts an extension is there.
 *
 * Injected at document_start, not document_idle: Chrome holds the page's load event until its
 * idle-time content scripts have run, and runs them only after the page's first frame (measured:
 * load 1.11-1.16x with an empty script). From the start, this script costs the load nothing but its
 * own short start-up, and begins when hh.ru's page is parsed (DOMContentLoaded): its build, its
 * state and its first cards are there; the work itself waits for the background's answer, a task
 * after that.
 *
 * Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
 */
import { cardsFromState, parseState, parseStateFrom } from '../lib/triage';
import { randomHostName } from '../components/panel/host-name';
import { watchCards } from '../components/search/cards';
import { hiddenVacancyIds } from '../components/search/hidden';
import { send } from '../lib/client';
import { pageBuild, stateText } from '../components/ui/hh-page';

/**
 * What the cards need of the page's state (hh-site.md: ~500 KB of a ~900 KB page): the search
 * result, and the per-vacancy labels when hidden vacancies are dimmed; the rest (translations,
 * experiments) is not parsed when it comes before them. Anything else: the whole state, as before.
 */
function searchState(dimHidden: boolean): unknown {
  const text = stateText();
  const tail = parseStateFrom(text, 'vacancySearchResult');
  if (!tail) return parseState(text);
  if (dimHidden && !('userLabelsForVacancies' in tail)) return { ...parseStateFrom(text, 'userLabelsForVacancies'), ...tail };
  return tail;
}

async function start(): Promise<void> {
  try {
    if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    // One request per page view: the background answers every card from one cached list, and
    // learns the build from this page rather than from a read of hh.ru's home page.
    const { states, dimHidden, resumes, triage } = await send('marks', { hint: { origin: location.origin, build: pageBuild() } });
    // The page's state describes its cards, the late ones too; read once, only what they need.
    const state = searchState(dimHidden);
    watchCards({
      tagName: randomHostName(),
      states,
      dim: dimHidden ? hiddenVacancyIds(state) : new Set<string>(),
      cards: cardsFromState(state),
      resumes,
      triage,
      hideEmployer: (employer) => send('listEmployer', { list: 'hiddenEmployers', employer, on: true }).catch(() => null),
      // hh.ru may leave the search page without a reload (and come back): cards count only on it.
      active: () => location.pathname.startsWith('/search/vacancy'),
    });
  } catch (e) {
    // Signed out, no gateway, extension reloaded: the search page simply stays as hh.ru made it.
    if (import.meta.env.DEV) console.warn(e);
  }
}

export default defineUnlistedScript(() => void start());
