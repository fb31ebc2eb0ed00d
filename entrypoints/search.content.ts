import { send } from '../lib/client';
import { SEARCH_MATCHES } from '../lib/hh/sites';
import { randomHostName } from '../components/panel/host-name';
import { watchCards } from '../components/search/cards';
import { hiddenVacancyIds } from '../components/search/hidden';

const isSearch = (url: URL | Location) => url.pathname.startsWith('/search/vacancy');

// Test URLs: https://hh.ru/search/vacancy?text=react , https://hh.ru/search/vacancy?text=react&page=1
export default defineContentScript({
  matches: SEARCH_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    try {
      // One request per page view: the background answers every card from one cached list.
      const { states, dimHidden } = await send('marks', {});
      const template = document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState');
      const marks = {
        tagName: randomHostName(),
        states,
        dim: dimHidden ? hiddenVacancyIds(template?.content.textContent) : new Set<string>(),
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
