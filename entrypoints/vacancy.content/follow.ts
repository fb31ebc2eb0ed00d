/**
 * One panel at most, for the vacancy in the address bar: hh.ru is a single-page app, so the
 * panel is swapped on in-page navigation to another vacancy and removed on any other page.
 *
 * Runs at document_start: the background is asked for the panel's first frame (the person's
 * resumes as last seen) while hh.ru's page still loads, and the panel is drawn as soon as the
 * document is loaded (its apply button and state template are there).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
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
function whenParsed(ctx: ContentScriptContext, then: () => void): void {
  if (document.readyState !== 'loading') return then();
  ctx.addEventListener(document, 'DOMContentLoaded', () => then(), { once: true });
}

export function followVacancyPages(ctx: ContentScriptContext): void {
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
      const api = panelApi(id, readHint(id === loadedFor), id === loadedFor ? early : null);
      shown = { id, remove: mountPanel(ctx, { name, vacancyId: id, origin: url.origin, api, place: keepPlaced }) };
    } catch (e) {
      // Whatever breaks in the panel stays out of hh.ru's page.
      if (import.meta.env.DEV) console.warn(e);
    }
  };

  whenParsed(ctx, () => {
    show(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', (e) => show(e.newUrl));
  });
}
