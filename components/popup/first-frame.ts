/**
 * The popup's first frame with no wait at all (issue #17, item 4): the cards the last popup drew
 * from storage, kept as markup in the extension's own localStorage and put on screen by a small
 * classic script (entrypoints/popup-first.ts) while the page is still being parsed. Measured on
 * this machine (30-60 paired runs beside the bench's empty page, issue #17): the popup that waits
 * for `storage.local.get` and preact's first render shows its cards at ~1.5-1.7x the empty page;
 * this at ~1.25-1.5x, a little above a page whose one tiny classic script adds one element
 * (~1.1-1.3x, the floor of any script-drawn page: its one request to the extension). A classic
 * script with preact and the real components, or a service worker serving pre-rendered cards (a
 * cold worker: 5x), were slower.
 *
 * What this shows is never trusted beyond that frame: the popup's module (./mount.tsx) loads right
 * after it, reads and validates storage as before, and replaces the whole tree, a few frames later.
 * Only what the popup itself rendered from validated storage is kept (./mount.tsx), and the
 * popup forgets it when it finds no snapshot or a signed-out account; a sign-out done while no
 * popup is open (the background's service worker cannot reach localStorage) shows the old cards
 * until that takeover, as long as it takes, then the sign-in screen.
 *
 * Text that depends on the clock is brought up to date before the frame: raise countdowns are
 * worded anew (the same functions as RaiseBlock's), and a last-raise line whose wording changed
 * since (a new day, a "too early" whose time has passed) is left blank until the takeover.
 */
import { tr } from '../../lib/i18n';
import { TIMER } from './strings';
import { countdownText, timerClock } from './timer';

/** localStorage key of the kept frame (the extension's origin: no web page can read or write it). */
export const FIRST_FRAME_KEY = 'otklik.popupFirstFrame';

interface Kept {
  v: 1;
  /** The popup build that kept it (see build()). */
  build: string;
  html: string;
  /** Local midnight after it was kept: from then on, "at 14:02" of a last raise means another day. */
  dayEnd: number;
}

/**
 * The popup build: its module's hashed file, which wxt.config.ts writes into popup.html (it
 * changes with any change of the popup's code, markup or styles); '' without one (dev, tests).
 */
function build(doc: Document): string {
  return doc.querySelector('meta[name="otklik-build"]')?.getAttribute('content') ?? '';
}

function nextMidnight(at: number): number {
  const d = new Date(at);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/** Keeps `html`, the popup's first render from validated storage, for the next popup's first frame. */
export function keepFirstFrame(html: string, now = Date.now(), store: Storage = localStorage): void {
  const kept: Kept = { v: 1, build: build(document), html, dayEnd: nextMidnight(now) };
  try {
    store.setItem(FIRST_FRAME_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or off: the next popup takes the normal way.
  }
}

/** Forgets the kept frame: nothing of an account the popup no longer shows is drawn again. */
export function forgetFirstFrame(store: Storage = localStorage): void {
  try {
    store.removeItem(FIRST_FRAME_KEY);
  } catch {
    // Nothing kept then either.
  }
}

function read(store: Storage): Kept | null {
  try {
    const k = JSON.parse(store.getItem(FIRST_FRAME_KEY) ?? 'null') as Partial<Kept> | null;
    return k && k.v === 1 && typeof k.html === 'string' && typeof k.build === 'string' && typeof k.dayEnd === 'number' ? (k as Kept) : null;
  } catch {
    return null;
  }
}

/**
 * Draws the kept frame into `root` (empty, as the page has it). False when there is none, or it
 * was kept by another build: then nothing is drawn and the popup takes its normal way.
 */
export function paintFirstFrame(root: HTMLElement, now = Date.now(), store: Storage = localStorage): boolean {
  const kept = read(store);
  if (!kept || kept.build !== build(root.ownerDocument) || root.firstChild) return false;
  // DOMParser, not innerHTML: the same parse, and the markup is the popup's own serialization.
  const body = new DOMParser().parseFromString(kept.html, 'text/html').body;
  freshen(body, now, kept.dayEnd);
  root.append(...body.childNodes);
  return root.firstChild !== null;
}

/** Brings the clock-dependent text of a kept frame to `now` (see RaiseBlock's Timer and outcome line). */
export function freshen(tree: ParentNode, now: number, dayEnd: number): void {
  for (const p of tree.querySelectorAll<HTMLElement>('[data-testid="raise-countdown"][data-next-at]')) {
    const next = Number(p.dataset.nextAt);
    const time = p.querySelector('time');
    if (!(next > now) || !time) {
      p.textContent = tr(TIMER.raiseChecking);
      continue;
    }
    // The clock ("в 18:02") reads the same until the day changes: worded anew only then (Intl's
    // formatter is the costliest thing this script could do).
    if (now >= dayEnd) {
      const clock = timerClock(next, now);
      time.title = clock.title;
      time.textContent = clock.text;
    }
    p.replaceChildren(`${countdownText(next, now)} `, time);
  }
  for (const p of tree.querySelectorAll<HTMLElement>('[data-testid="raise-outcome"]')) {
    const until = Number(p.dataset.until ?? Infinity);
    if (now >= dayEnd || now >= until) p.textContent = '';
  }
}
