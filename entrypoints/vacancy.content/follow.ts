/**
 * One panel at most, for the vacancy in the address bar: hh.ru is a single-page app, so the
 * panel is swapped on in-page navigation to another vacancy and removed on any other page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { vacancyIdFromPath } from '../../lib/hh/sites';
import { randomHostName } from '../../components/panel/host-name';
import { mountPanel } from '../../components/panel/mount';
import { panelApi } from './api';
import { keepPlaced, readHint } from './page';

export function followVacancyPages(ctx: ContentScriptContext): void {
  const name = randomHostName();
  const loadedFor = vacancyIdFromPath(location.pathname);
  let shown: { id: string; remove: () => void } | null = null;

  const show = (url: URL) => {
    try {
      const id = vacancyIdFromPath(url.pathname);
      if (id === shown?.id) return;
      shown?.remove();
      shown = null;
      if (!id) return;
      const api = panelApi(id, readHint(id === loadedFor));
      shown = { id, remove: mountPanel(ctx, { name, vacancyId: id, origin: url.origin, api, place: keepPlaced }) };
    } catch (e) {
      // Whatever breaks in the panel stays out of hh.ru's page.
      if (import.meta.env.DEV) console.warn(e);
    }
  };

  show(new URL(location.href));
  ctx.addEventListener(window, 'wxt:locationchange', (e) => show(e.newUrl));
}
