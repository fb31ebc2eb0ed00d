/**
 * A browser for the panel's click guard, played by hand: a clock, the host's place, styles per
 * element, what lies on top at any point, and IntersectionObserver v2's reports.
 */
import { createClickGuard, type ClickGuard, type GuardEnv, type GuardRect, type GuardStyle } from '../../components/panel/guard';

function asDomRect(r: GuardRect): GuardRect {
  const proto = {
    get left() { return r.left; },
    get top() { return r.top; },
    get width() { return r.width; },
    get height() { return r.height; },
  };
  return Object.create(proto) as GuardRect;
}

export const PLAIN: GuardStyle = { opacity: '1', visibility: 'visible', display: 'block', filter: 'none' };

export function fakeGuardWorld(host: Element, opts: { v2?: boolean } = {}) {
  let now = 1_000;
  let tick: (() => void) | null = null;
  let report: ((visible: boolean) => void) | null = null;
  const world = {
    rect: { left: 900, top: 200, width: 320, height: 400 } as GuardRect,
    styles: new Map<Element, Partial<GuardStyle>>(),
    /** The topmost element at any point (the host unless something covers it). */
    top: host as Element,
    hits: [] as Array<[number, number]>,
    scroll: { x: 0, y: 0 },
    observed: [] as Element[],
  };
  const env: GuardEnv = {
    now: () => now,
    // As browserEnv: a first run right away (after the next frame there), then one per step.
    every(_ms, fn) {
      tick = fn;
      fn();
      return () => (tick = null);
    },
    // As the browser gives it: a DOMRect-like object whose fields are getters (a spread copies none).
    rect: (el) => asDomRect(el === host ? world.rect : { left: 1000, top: 500, width: 120, height: 40 }),
    scroll: () => world.scroll,
    style: (el) => ({ ...PLAIN, ...world.styles.get(el) }),
    hitTest(x, y) {
      world.hits.push([x, y]);
      return [world.top];
    },
    observeVisibility: opts.v2
      ? (el, onChange) => {
          world.observed.push(el);
          report = onChange;
          return () => (report = null);
        }
      : undefined,
  };
  return {
    world,
    env,
    guard: (): ClickGuard => createClickGuard(host, env),
    /** Time passes; the guard samples as its timer would. */
    wait(ms: number) {
      const step = 100;
      for (let t = 0; t < ms; t += step) {
        now += Math.min(step, ms - t);
        tick?.();
      }
    },
    /** IntersectionObserver v2 reports the button visible or not. */
    report(visible: boolean) {
      report?.(visible);
    },
  };
}

/** A guard on a panel that is visible and has stood still: every click counts until `world` says otherwise. */
export function steadyGuard(host: Element = { parentElement: null } as unknown as Element) {
  const w = fakeGuardWorld(host);
  const guard = w.guard();
  w.wait(500);
  return Object.assign(w, { instance: guard });
}
