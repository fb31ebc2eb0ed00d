/**
 * Clickjacking guard for the panel's apply button. `isTrusted` proves a person clicked, not that
 * they saw what they clicked: a script on the hh.ru page can fade the panel out (opacity on an
 * ancestor), lay a decoy over it, or slide it under the pointer just before a click. A click counts
 * only when the panel is really visible and unobscured at that point and has stood still for
 * SETTLE_MS. Where the browser has IntersectionObserver v2 (`trackVisibility`, Chromium) it also
 * reports occlusion by overlays that hit testing cannot see (`pointer-events: none` decoys).
 */

export type GuardRefusal = 'hidden' | 'covered' | 'moved';

export interface GuardStyle {
  opacity: string;
  visibility: string;
  display: string;
  filter: string;
}

export interface GuardRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the guard needs of the browser; tests pass their own. */
export interface GuardEnv {
  now(): number;
  /** Calls `fn` soon (in the browser: after the next frame), then every `ms`; returns how to stop. */
  every(ms: number, fn: () => void): () => void;
  rect(el: Element): GuardRect;
  /** How far the page is scrolled: a rect plus this is the place in the document. */
  scroll(): { x: number; y: number };
  style(el: Element): GuardStyle;
  /** `document.elementsFromPoint`: the topmost first; an element in our closed shadow root shows as the host. */
  hitTest(x: number, y: number): Element[];
  /** IntersectionObserver v2 where the browser has it: `visible` false when occluded, faded or transformed. */
  observeVisibility?: (el: Element, onChange: (visible: boolean) => void) => () => void;
}

export interface ClickGuard {
  /** Follow the button the person will press; returns how to stop. */
  watch(button: Element): () => void;
  /**
   * Why a trusted click on `button` at (x, y) must not count, or null when it may. `keyboard`: no
   * pointer position (Enter/Space), so the button's centre is tested.
   */
  refuse(button: Element, x: number, y: number, keyboard?: boolean): GuardRefusal | null;
  /** Visible and still long enough that a click would count (the button shows it). */
  settled(): boolean;
  /** Called whenever `settled()` may have changed. */
  subscribe(fn: () => void): () => void;
  stop(): void;
}

/** How long the panel must stand still before a click counts. */
export const SETTLE_MS = 500;
/** How often the panel's place is sampled: a move is seen at most this late. */
export const SAMPLE_MS = 100;
/** Below this combined opacity the panel counts as hidden (a faint panel is a hidden one). */
const MIN_OPACITY = 0.95;

function sameSpot(a: GuardRect, b: GuardRect): boolean {
  // Our own content changes the height (a note, a longer letter): the place is left, top and width.
  return Math.round(a.left) === Math.round(b.left) && Math.round(a.top) === Math.round(b.top) && Math.round(a.width) === Math.round(b.width);
}

export function createClickGuard(host: Element, env: GuardEnv = browserEnv(host)): ClickGuard {
  /**
   * Where the panel stood at the last sample; null before the first. Nothing is measured while
   * the panel is mounted: a layout read then would make the browser lay out hh.ru's whole page
   * (~700 KB) at once, in our task (measured: ~30 ms a load). Samples come with the browser's own layout (browserEnv).
   */
  let spot: GuardRect | null = null;
  /** Since when the panel has stood where it is in the viewport: what a click is judged by. */
  let since = env.now();
  let page: GuardRect | null = null;
  /**
   * Since when it has stood where it is in the page. The button's ready state follows this one:
   * a scroll moves the panel in the viewport (a click right after it is still refused), but
   * flipping the button on every scroll would only make it flicker.
   */
  let pageSince = since;
  /** Whether the last sample found the panel hidden: hidden until one has looked. */
  let hiddenNow = true;
  /** IntersectionObserver v2's last word on the button: null before its first report. */
  let ioVisible: boolean | null = null;
  let watching = false;
  let lastSettled = false;
  const listeners = new Set<() => void>();

  const notify = () => {
    const now = settled();
    if (now !== lastSettled) {
      lastSettled = now;
      for (const fn of listeners) fn();
    }
  };

  function inPage(r: GuardRect): GuardRect {
    const { x, y } = env.scroll();
    // Named fields, not a spread: a DOMRect's fields are getters a spread does not copy.
    return { left: r.left + x, top: r.top + y, width: r.width, height: r.height };
  }

  function sample(): void {
    const r = env.rect(host);
    const p = inPage(r);
    if (!spot || !sameSpot(r, spot)) since = env.now();
    if (!page || !sameSpot(p, page)) pageSince = env.now();
    spot = r;
    page = p;
    hiddenNow = hidden(r);
  }

  function hidden(spot: GuardRect): boolean {
    if (spot.width <= 0 || spot.height <= 0) return true;
    // The host's own `all: initial !important` (shadow-host.ts) keeps page styles off it, but an
    // ancestor's opacity, filter or display still applies to everything inside.
    const own = env.style(host);
    if (own.visibility !== 'visible') return true;
    let opacity = 1;
    for (let el: Element | null = host; el; el = el.parentElement) {
      const s = env.style(el);
      if (s.display === 'none') return true;
      // guess: hh.ru puts no filter on the vacancy page's blocks; a filter (opacity(0), blur) can hide the panel.
      if (s.filter && s.filter !== 'none') return true;
      const o = Number.parseFloat(s.opacity);
      if (Number.isFinite(o)) opacity *= o;
    }
    return opacity < MIN_OPACITY;
  }

  /** The v2 observer either is not there, or has reported the button visible. */
  const observerAgrees = () => !env.observeVisibility || !watching || ioVisible === true;

  /** From the last sample: the button's ready state is read often and must not measure anything. */
  function settled(): boolean {
    return !hiddenNow && observerAgrees() && env.now() - pageSince >= SETTLE_MS;
  }

  const stopSampling = env.every(SAMPLE_MS, () => {
    sample();
    notify();
  });

  return {
    watch(button) {
      if (!env.observeVisibility) return () => undefined;
      watching = true;
      ioVisible = null;
      const stop = env.observeVisibility(button, (visible) => {
        // Uncovered again: it must stay so for SETTLE_MS, like a panel that moved.
        if (visible && ioVisible !== true) since = pageSince = env.now();
        ioVisible = visible;
        notify();
      });
      return () => {
        stop();
        watching = false;
        ioVisible = null;
      };
    },
    refuse(button, x, y, keyboard = false) {
      // A click is judged on a fresh look.
      sample();
      if (hiddenNow) return 'hidden';
      if (env.observeVisibility && watching && ioVisible === false) return 'covered';
      let px = x;
      let py = y;
      if (keyboard) {
        const b = env.rect(button);
        px = b.left + b.width / 2;
        py = b.top + b.height / 2;
      }
      if (env.hitTest(px, py)[0] !== host) return 'covered';
      if (!observerAgrees() || env.now() - since < SETTLE_MS) return 'moved';
      return null;
    },
    settled,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    stop() {
      stopSampling();
      listeners.clear();
    },
  };
}

type V2Init = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

function hasVisibilityTracking(): boolean {
  // Chromium exposes `isVisible` on entries when it implements v2.
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/**
 * The real browser. Samples of `host` take its box from IntersectionObserver: a newly observed
 * element's first report carries the box the browser measured in its own layout of the frame, so
 * a sample never makes the browser lay hh.ru's page out again between frames (measured: a
 * getBoundingClientRect every 100 ms while hh.ru's scripts change the page cost it ~30 ms a load).
 * No frames (a tab in the background): no samples. A click is judged on a fresh measure.
 * guess: that hh.ru's pages change little once loaded; the samples then find its layout clean.
 */
export function browserEnv(host: Element): GuardEnv {
  /** The host's box as the observer reported it, while a sample runs. */
  let reported: GuardRect | null = null;
  return {
    now: () => performance.now(),
    every(ms, fn) {
      const io = new IntersectionObserver((entries) => {
        const last = entries.at(-1);
        if (!last) return;
        reported = last.boundingClientRect;
        try {
          fn();
        } finally {
          reported = null;
        }
      });
      const look = () => {
        io.unobserve(host);
        io.observe(host);
      };
      let id: ReturnType<typeof setInterval> | undefined;
      const start = () => {
        look();
        id = setInterval(look, ms);
      };
      // While hh.ru's page still loads, its scripts change it between frames, and reading the
      // scroll offset or styles then lays the page out again: samples start once it has loaded.
      // Until then the panel has not stood still anyway.
      if (document.readyState === 'complete') start();
      else addEventListener('load', start, { once: true });
      return () => {
        removeEventListener('load', start);
        clearInterval(id);
        io.disconnect();
      };
    },
    rect: (el) => (el === host && reported) || el.getBoundingClientRect(),
    scroll: () => ({ x: scrollX, y: scrollY }),
    style: (el) => getComputedStyle(el),
    hitTest: (x, y) => document.elementsFromPoint(x, y),
    observeVisibility: hasVisibilityTracking()
      ? (el, onChange) => {
          const init: V2Init = { threshold: [1], trackVisibility: true, delay: 100 };
          const io = new IntersectionObserver((entries) => {
            const last = entries.at(-1) as V2Entry | undefined;
            if (last) onChange(last.isVisible === true);
          }, init);
          io.observe(el);
          return () => io.disconnect();
        }
      : undefined,
  };
}
