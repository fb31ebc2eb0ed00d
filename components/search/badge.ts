/**
 * The small mark on a search card, in its own closed shadow root so hh.ru's styles cannot reach
 * it and hh.ru's scripts cannot read it. e2e builds open the root and put the state on the host
 * (`data-otklik-mark`) so tests can find marks.
 */
import type { NegotiationState } from '../../lib/hh/model';
import { tr } from '../../lib/i18n';
import { createCardHost } from './host';
import { MARK } from './strings';

const E2E = import.meta.env.MODE === 'e2e';

const CSS = `:host{display:inline-block !important;margin:0 0 0 8px !important;vertical-align:middle !important}
span{font:600 12px/18px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;padding:1px 8px;border-radius:10px;white-space:nowrap;
background:#eef3f9;color:#2a3a4d}
span.invitation,span.interview{background:#e3f5e9;color:#0a6b2e}
span.discard{background:#fdecec;color:#a4161d}
@media (prefers-color-scheme: dark){span{background:#263140;color:#c9d7e8}
span.invitation,span.interview{background:#1d3a27;color:#8fe0aa}span.discard{background:#43201f;color:#ffb0ad}}`;

/** A mark for `state`, or null when there is nothing worth saying (no application, other states). */
export function createBadge(tagName: string, state: NegotiationState): HTMLElement | null {
  const label = MARK[state];
  if (!label) return null;
  const { host, container } = createCardHost(tagName, CSS, E2E ? 'open' : 'closed', false);
  const text = document.createElement('span');
  text.className = state;
  text.textContent = tr(label);
  container.append(text);
  if (E2E) host.dataset.otklikMark = state;
  return host;
}
