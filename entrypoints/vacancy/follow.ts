/**
 * One panel at most, for the vacancy in the address bar: hh.ru is a single-page app, so the
 * panel is swapped on in-page navigation to another vacancy and removed on any other page.
 *
 * Runs at document_start: the background is asked for the panel's first frame (the person's
 * resumes as last seen) while hh.ru's page still loads, and the panel is drawn as soon as the
 * document is loaded (its apply button and state template are there).
 */
import { vacancyIdFromPath } from '../../lib/hh/sites';
import { randomHostName } from '../../components/panel/host-name';
import { mountPanel } from '../../components/panel/mount';
import { askPreview, panelApi } from './api';
import { keepPlaced, readHint } from './page';

/**
 * Runs `then` at DOMContentLoaded (at once when that has passed), the moment document_end scripts
 * ran before: hh.ru's deferred bundles have run by then. guess: hh.ru hydrates its server-rendered
 * page with React from those bundles; a node of ours inside its root before that could make React
 * throw the server's markup away and draw the whole page again.
 */
function whenParsed(then: () => void): void {
  if (document.readyState !== 'loading') return then();
  document.addEventListener('DOMContentLoaded', () => then(), { once: true });
}

/** How often the address is looked at where the Navigation API is missing (Firefox ESR): as WXT did. */
const ADDRESS_POLL_MS = 1_000;

/**
 * Calls `go` with the page's new address after each in-page navigation (hh.ru's pushState):
 * from the Navigation API's `navigate` event where the browser has it, else by looking at the
 * address once a second.
 */
function onAddressChange(go: (url: URL) => void): void {
  let last = location.href;
  const moved = (href: string) => {
    if (href === last) return;
    last = href;
    go(new URL(href));
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigate', (e) => moved((e as Event & { destination: { url: string } }).destination.url));
  else setInterval(() => moved(location.href), ADDRESS_POLL_MS);
}

export function followVacancyPages(): void {
  const loadedFor = vacancyIdFromPath(location.pathname);
  const early = loadedFor ? askPreview(loadedFor) : null;
  const name = randomHostName();
  let shown: { id: string; remove: () => void } | null = null;

  const show = (url: URL) => {
    try {
      const id = vacancyIdFromPath(url.pathname);
      if (id === shown?.id) return;
      shown?.remove();
      shown = null;
      if (!id) return;
      const api = panelApi(id, () => readHint(id === loadedFor), id === loadedFor ? early : null);
      shown = { id, remove: mountPanel({ name, vacancyId: id, origin: url.origin, api, place: keepPlaced }) };
    } catch (e) {
      // Whatever breaks in the panel stays out of hh.ru's page.
      if (import.meta.env.DEV) console.warn(e);
    }
  };

  whenParsed(() => {
    show(new URL(location.href));
    onAddressChange(show);
  });
}
