/**
 * What the vacancy panel reads from hh.ru's page: where to stand, and the page's embedded state.
 * Test URLs: https://hh.ru/vacancy/70000001 (markers), https://hh.ru/vacancy/70000001?nomarkers=1 (floats)
 */
import type { PageHint } from '../../lib/hh/gateway';
import { onDomChange } from '../../components/ui/onDomChange';

/** hh.ru's own apply button, or its "applied" variants; the first one present wins. */
const ANCHORS = ['vacancy-response-link-top', 'vacancy-response-link-top-again', 'vacancy-response-link-view-topic'].map(
  (qa) => `[data-qa="${qa}"]`,
);

function findAnchor(): Element | null {
  for (const selector of ANCHORS) {
    const el = document.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/**
 * The page state (`template#HH-Lux-InitialState`) describes the vacancy the document was loaded
 * for; after in-page navigation it still does, so it is passed only for that vacancy. The build
 * string comes from the global-vars script's text: a content script cannot read page globals.
 */
export function readHint(withState: boolean): PageHint {
  const template = document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState');
  const vars = document.getElementById('js-script-global-vars')?.textContent ?? '';
  return {
    origin: location.origin,
    state: withState ? (template?.content.textContent ?? null) : null,
    build: /"build"\s*:\s*"([^"]{1,64})"/.exec(vars)?.[1] ?? null,
  };
}

/**
 * Stands the panel right after the block holding hh.ru's apply button, or floats it in a corner
 * when hh.ru's markers are missing. hh.ru re-renders (and swaps the whole vacancy on in-page
 * navigation): when our host is dropped or the markers appear late, it is put back, at most once
 * a frame.
 */
export function keepPlaced(host: HTMLElement, container: HTMLElement): () => void {
  const place = () => {
    const anchor = findAnchor();
    const after = anchor?.parentElement ?? anchor;
    if (after) {
      if (after.nextElementSibling !== host) after.after(host);
    } else if (host.parentElement !== document.body) {
      document.body.append(host);
    }
    container.classList.toggle('float', !after);
  };
  return onDomChange(place);
}
