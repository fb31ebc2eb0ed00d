import { send } from '../lib/client';
import { SEARCH_MATCHES } from '../lib/hh/sites';
import { cardsFromState, parseState } from '../lib/triage';
import { randomHostName } from '../components/panel/host-name';
import { watchCards } from '../components/search/cards';
import { hiddenVacancyIds } from '../components/search/hidden';

const isSearch = (url: URL | Location) => url.pathname.startsWith('/search/vacancy');
/** hh.ru's build, from its global-vars script (see vacancy.content/page.ts `readHint`). */
const build = () => /"build"\s*:\s*"([^"]{1,64})"/.exec(document.getElementById('js-script-global-vars')?.textContent ?? '')?.[1];

// Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
export default defineContentScript({
  matches: SEARCH_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    try {
      // One request per page view: the background answers every card from one cached list, and
      // learns the build from this page rather than from a read of hh.ru's home page.
      const { states, dimHidden, resumes, triage } = await send('marks', { hint: { origin: location.origin, build: build() ?? null } });
      // The page's state describes its cards, the late ones too; parsed once (hh-site.md: ~900 KB).
      const state = parseState(document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState')?.content.textContent);
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
