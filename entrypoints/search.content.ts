import { send } from '../lib/client';
import { SEARCH_MATCHES } from '../lib/hh/sites';
import { cardsFromState, parseState, parseStateFrom } from '../lib/triage';
import { randomHostName } from '../components/panel/host-name';
import { watchCards } from '../components/search/cards';
import { hiddenVacancyIds } from '../components/search/hidden';

const isSearch = (url: URL | Location) => url.pathname.startsWith('/search/vacancy');
/** hh.ru's build, from its global-vars script (see vacancy.content/page.ts `readHint`). */
const build = () => /"build"\s*:\s*"([^"]{1,64})"/.exec(document.getElementById('js-script-global-vars')?.textContent ?? '')?.[1];

/**
 * What the cards need of the page's state (hh-site.md: ~500 KB of a ~900 KB page): the search
 * result, and the per-vacancy labels when hidden vacancies are dimmed; the rest (translations,
 * experiments) is not parsed when it comes before them. Anything else: the whole state, as before.
 */
function searchState(dimHidden: boolean): unknown {
  const text = document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState')?.content.textContent;
  const tail = parseStateFrom(text, 'vacancySearchResult');
  if (!tail) return parseState(text);
  if (dimHidden && !('userLabelsForVacancies' in tail)) return { ...parseStateFrom(text, 'userLabelsForVacancies'), ...tail };
  return tail;
}

// Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
export default defineContentScript({
  matches: SEARCH_MATCHES,
  // Not document_idle: Chrome holds the page's load event until its idle-time content scripts have
  // run, and runs them only after the page's first frame (measured: load 1.11-1.16x with an empty
  // script). Injected at the start, this script costs the load nothing but its own short start-up,
  // and begins when hh.ru's page is parsed (DOMContentLoaded): its build, its state and its first
  // cards are there; the work itself waits for the background's answer, a task after that.
  runAt: 'document_start',
  async main(ctx) {
    try {
      if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      // One request per page view: the background answers every card from one cached list, and
      // learns the build from this page rather than from a read of hh.ru's home page.
      const { states, dimHidden, resumes, triage } = await send('marks', { hint: { origin: location.origin, build: build() ?? null } });
      // The page's state describes its cards, the late ones too; read once, only what they need.
      const state = searchState(dimHidden);
      const marks = {
        tagName: randomHostName(),
        states,
        dim: dimHidden ? hiddenVacancyIds(state) : new Set<string>(),
        cards: cardsFromState(state),
        resumes,
        triage,
        hideEmployer: (employer: { id?: string | null; name: string }) =>
          send('listEmployer', { list: 'hiddenEmployers', employer, on: true }).catch(() => null),
      };
      let stop: (() => void) | null = isSearch(location) ? watchCards(marks) : null;
      ctx.onInvalidated(() => stop?.());
      ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
        if (isSearch(newUrl)) stop ??= watchCards(marks);
        else {
          stop?.();
          stop = null;
        }
      });
    } catch (e) {
      // Signed out, no gateway, extension reloaded: the search page simply stays as hh.ru made it.
      if (import.meta.env.DEV) console.warn(e);
    }
  },
});
