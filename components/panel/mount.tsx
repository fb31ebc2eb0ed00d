/**
 * Puts the panel into the page inside a closed shadow root (its styles and its DOM out of the
 * page's reach). e2e builds open the root and tag the host so Playwright can find it.
 */
import { render } from 'preact';
import type { PanelApi } from './api';
import { Panel } from './Panel';
import { createShadowHost } from './shadow-host';
import { createClickGuard } from './guard';
import { PANEL_CSS } from './styles';

const E2E = import.meta.env.MODE === 'e2e';

export interface PanelMount {
  name: string;
  vacancyId: string;
  origin: string;
  api: PanelApi;
  /** Puts the host where it belongs and keeps it there; returns how to stop. */
  place: (host: HTMLElement, container: HTMLElement) => () => void;
}

/** Returns the function that removes the panel again. */
export function mountPanel(o: PanelMount): () => void {
  const { host, container } = createShadowHost(o.name, PANEL_CSS, E2E ? 'open' : 'closed');
  if (E2E) {
    host.dataset.otklik = 'panel';
    host.dataset.otklikVacancy = o.vacancyId;
  }
  const stopPlacing = o.place(host, container);
  const guard = createClickGuard(host);
  render(<Panel api={o.api} origin={o.origin} guard={guard} />, container);
  return () => {
    stopPlacing();
    guard.stop();
    render(null, container);
    host.remove();
  };
}
