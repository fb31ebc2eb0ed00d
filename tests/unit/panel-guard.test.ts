import { describe, expect, it } from 'vitest';
import { SETTLE_MS } from '../../components/panel/guard';
import { fakeGuardWorld } from './guard-env';

/** A host inside hh.ru's page: body > main > host. */
function page() {
  const body = { parentElement: null } as unknown as Element;
  const main = { parentElement: body } as unknown as Element;
  const host = { parentElement: main } as unknown as Element;
  const button = { parentElement: null } as unknown as Element;
  return { body, main, host, button };
}

describe('the panel’s click guard', () => {
  it('counts a click on a visible panel that has stood still for half a second', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    expect(guard.refuse(button, 1010, 510)).toBe('moved');
    expect(guard.settled()).toBe(false);
    w.wait(SETTLE_MS);
    expect(guard.settled()).toBe(true);
    expect(guard.refuse(button, 1010, 510)).toBeNull();
    expect(w.world.hits.at(-1)).toEqual([1010, 510]);
  });

  it('a panel faded out through an ancestor, filtered or not displayed is hidden', () => {
    const { host, main, body, button } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    w.wait(SETTLE_MS);
    w.world.styles.set(main, { opacity: '0' });
    expect(guard.refuse(button, 1010, 510)).toBe('hidden');
    expect(guard.settled()).toBe(false);
    w.world.styles.set(main, { opacity: '0.5' });
    w.world.styles.set(body, { opacity: '0.5' });
    expect(guard.refuse(button, 1010, 510)).toBe('hidden');
    w.world.styles.clear();
    w.world.styles.set(body, { filter: 'opacity(0)' });
    expect(guard.refuse(button, 1010, 510)).toBe('hidden');
    w.world.styles.clear();
    w.world.styles.set(host, { visibility: 'hidden' });
    expect(guard.refuse(button, 1010, 510)).toBe('hidden');
    w.world.styles.clear();
    expect(guard.refuse(button, 1010, 510)).toBeNull();
  });

  it('a panel that was empty when the guard began counts once its content is there', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host);
    w.world.rect = { ...w.world.rect, height: 0 };
    const guard = w.guard();
    w.world.rect = { ...w.world.rect, height: 400 };
    w.wait(SETTLE_MS);
    expect(guard.refuse(button, 1010, 510)).toBeNull();
  });

  it('a decoy on top at the click point covers it', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    w.wait(SETTLE_MS);
    w.world.top = { parentElement: null } as unknown as Element;
    expect(guard.refuse(button, 1010, 510)).toBe('covered');
  });

  it('a panel moved under the pointer counts only after standing still again for half a second', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    w.wait(SETTLE_MS);
    w.world.rect = { ...w.world.rect, left: 40, top: 60 };
    expect(guard.refuse(button, 1010, 510)).toBe('moved');
    w.wait(SETTLE_MS - 100);
    expect(guard.refuse(button, 1010, 510)).toBe('moved');
    w.wait(100);
    expect(guard.refuse(button, 1010, 510)).toBeNull();
    // Our own content growing below (a note, a longer letter) is not a move.
    w.world.rect = { ...w.world.rect, height: 900 };
    expect(guard.refuse(button, 1010, 510)).toBeNull();
  });

  it('a scroll moves the panel in the viewport: a click right after is refused, but the button does not flicker', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    w.wait(SETTLE_MS);
    w.world.scroll = { x: 0, y: 300 };
    w.world.rect = { ...w.world.rect, top: w.world.rect.top - 300 };
    w.wait(100);
    expect(guard.settled()).toBe(true);
    expect(guard.refuse(button, 1010, 210)).toBe('moved');
    w.wait(SETTLE_MS);
    expect(guard.refuse(button, 1010, 210)).toBeNull();
  });

  it('a keyboard press is tested at the button’s centre', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    w.wait(SETTLE_MS);
    expect(guard.refuse(button, 0, 0, true)).toBeNull();
    expect(w.world.hits.at(-1)).toEqual([1060, 520]);
  });

  it('with IntersectionObserver v2: nothing counts before its first report, an occluded button is covered, and uncovered it must settle again', () => {
    const { host, button } = page();
    const w = fakeGuardWorld(host, { v2: true });
    const guard = w.guard();
    const unwatch = guard.watch(button);
    expect(w.world.observed).toEqual([button]);
    w.wait(SETTLE_MS);
    expect(guard.settled()).toBe(false);
    expect(guard.refuse(button, 1010, 510)).toBe('moved');
    w.report(true);
    w.wait(SETTLE_MS);
    expect(guard.refuse(button, 1010, 510)).toBeNull();
    // A pointer-events:none overlay: hit testing sees our host, the observer sees it occluded.
    w.report(false);
    expect(guard.refuse(button, 1010, 510)).toBe('covered');
    w.report(true);
    expect(guard.refuse(button, 1010, 510)).toBe('moved');
    w.wait(SETTLE_MS);
    expect(guard.refuse(button, 1010, 510)).toBeNull();
    unwatch();
  });

  it('tells its subscribers when a click would start or stop counting', () => {
    const { host } = page();
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    let calls = 0;
    guard.subscribe(() => calls++);
    w.wait(SETTLE_MS);
    expect(calls).toBe(1);
    w.world.rect = { ...w.world.rect, top: 10 };
    w.wait(100);
    expect(calls).toBe(2);
    guard.stop();
    w.wait(SETTLE_MS);
    expect(calls).toBe(2);
  });
});
