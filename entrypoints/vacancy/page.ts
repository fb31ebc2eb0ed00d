/**
 * What the vacancy panel reads from hh.ru's page: where to stand, and the page's embedded state.
 * Test URLs: https://hh.ru/vacancy/70000001 (markers), https://hh.ru/vacancy/70000001?nomarkers=1 (floats)
 */
import type { PageHint } from '../../lib/hh/gateway';
import { VACANCY_PAGE_KEYS, pickTopLevel } from '../../lib/hh/site/slice';
import { onDomChange } from '../../components/ui/onDomChange';
import { pageBuild, stateText } from '../../components/ui/hh-page';

/** hh.ru's own apply button, or one of its "applied" variants (a page shows one of them). */
const ANCHOR = ['vacancy-response-link-top', 'vacancy-response-link-top-again', 'vacancy-response-link-view-topic']
  .map((qa) => `[data-qa="${qa}"]`)
  .join(',');

/**
 * One walk of hh.ru's large DOM that stops at the button, near the top of the vacancy (three
 * walks, or one walk to the end for every match, cost the real-weight page ~2 ms).
 */
function findAnchor(): Element | null {
  return document.querySelector(ANCHOR);
}

/**
 * The page state (`template#HH-Lux-InitialState`) describes the vacancy the document was loaded
 * for; after in-page navigation it still does, so it is passed only for that vacancy.
 */
export function readHint(withState: boolean): PageHint {
  const text = withState ? stateText() : null;
  return {
    origin: location.origin,
    // Only what the background reads of it: the rest is ~500 KB of hh.ru's translations.
    state: text === null ? null : (pickTopLevel(text, VACANCY_PAGE_KEYS) ?? text),
    build: pageBuild(),
  };
}

/**
 * Stands the panel right after the block holding hh.ru's apply button, or floats it in a corner
 * when hh.ru's markers are missing. hh.ru re-renders (and swaps the whole vacancy on in-page
 * navigation): when our host is dropped or the markers appear late, it is put back, at most once
 * a frame.
 */
export function keepPlaced(host: HTMLElement, container: HTMLElement): () => void {
  let anchor: Element | null = null;
  const place = () => {
    // hh.ru's hydration touches the DOM many times a second: while our host still stands after
    // the same anchor, there is nothing to look for.
    if (anchor?.isConnected && host.isConnected && (anchor.parentElement ?? anchor).nextElementSibling === host) return;
    anchor = findAnchor();
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
