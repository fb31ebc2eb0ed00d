// @vitest-environment happy-dom
/**
 * The popup's kept first frame (components/popup/first-frame.ts): what one popup rendered from
 * validated storage, drawn by the next one before any of its code or storage is reached. It must
 * read as the popup itself would at that moment (countdowns worded anew), never outlive the
 * account it shows, and give way to the popup's own tree.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_FRAME_KEY, forgetFirstFrame, paintFirstFrame } from '../../components/popup/first-frame';
import { readFirstPaint } from '../../lib/first-paint';
import { HhError } from '../../lib/hh/errors';
import { setLang } from '../../lib/i18n';
import type { MessageName } from '../../lib/messages';
import { raiseOutcomesItem, snapshotItem, type Snapshot } from '../../lib/store';
import { annasSnapshot, HOUR, MIN } from './fake-hh-resumes';
import { text, until } from './dom';

const background = vi.fn<(name: MessageName, payload: unknown) => Promise<unknown>>();
vi.mock('../../lib/client', async (original) => ({
  ...(await original<typeof import('../../lib/client')>()),
  send: (name: MessageName, payload: unknown) => background(name, payload),
}));

const { mountPopup } = await import('../../components/popup/mount');

const T0 = new Date(2026, 10, 25, 14, 0).getTime();
let snapshot: Snapshot;
const roots: HTMLElement[] = [];

/** A fresh popup page's `<div id="app">`. */
function page(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  return root;
}

const cards = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid="resume-card"]')];
const card = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="resume-card"][data-resume-id="${id}"]`)!;
const countdown = (root: HTMLElement, id: string) => text(card(root, id).querySelector('[data-testid="raise-countdown"]'));
const outcome = (root: HTMLElement, id: string) => text(card(root, id).querySelector('[data-testid="raise-outcome"]'));

/** The popup as it opens with storage as it is: its own first render, which it also keeps. */
async function openPopup(): Promise<HTMLElement> {
  const root = page();
  await act(() => mountPopup(root, readFirstPaint()));
  return root;
}

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  setLang('ru');
  snapshot = await annasSnapshot(T0);
  background.mockReset();
  background.mockImplementation(() => new Promise(() => undefined));
});

afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
  vi.useRealTimers();
  setLang(undefined);
});

describe('the kept first frame', () => {
  it('the next popup draws Анна’s cards at once, as this one first showed them, asking nothing of anyone', async () => {
    await snapshotItem.setValue(snapshot);
    const first = await openPopup();

    const next = page();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    background.mockClear();
    expect(paintFirstFrame(next)).toBe(true);

    expect(get).not.toHaveBeenCalled();
    expect(background).not.toHaveBeenCalled();
    expect(cards(next).map((c) => c.dataset.resumeId)).toEqual(['r-ready', 'r-cooling', 'r-hidden', 'r-blocked']);
    expect(text(next)).toBe(text(first));
    expect(text(card(next, 'r-ready').querySelector('.card__title'))).toBe('Frontend-разработчик (React, TypeScript)');
  });

  it('opened 50 minutes later: the countdown reads as the popup itself would read then', async () => {
    await snapshotItem.setValue(snapshot);
    await openPopup();
    expect(countdown(roots[0]!, 'r-cooling')).toBe('Можно поднять через 2 ч 14 мин (в 16:14)');

    vi.setSystemTime(T0 + 50 * MIN);
    const kept = page();
    paintFirstFrame(kept);
    const live = await openPopup();

    expect(countdown(kept, 'r-cooling')).toBe('Можно поднять через 1 ч 24 мин (в 16:14)');
    expect(countdown(kept, 'r-cooling')).toBe(countdown(live, 'r-cooling'));
  });

  it('opened once the raise time has passed: "checking with hh.ru", as the popup says', async () => {
    await snapshotItem.setValue(snapshot);
    await openPopup();

    vi.setSystemTime(T0 + 3 * HOUR);
    const kept = page();
    paintFirstFrame(kept);
    const live = await openPopup();

    expect(countdown(kept, 'r-cooling')).toBe('Время подошло — уточняем у hh.ru…');
    expect(countdown(kept, 'r-cooling')).toBe(countdown(live, 'r-cooling'));
  });

  it('opened the next day: the raise time carries its date, and a last raise "at 14:00" is not shown as today’s', async () => {
    const cooling = snapshot.resumes[1]!;
    await snapshotItem.setValue({ ...snapshot, resumes: [snapshot.resumes[0]!, { ...cooling, nextRaiseAt: T0 + 30 * HOUR }] });
    await raiseOutcomesItem.setValue({ 'r-ready': { kind: 'raised', at: T0, nextAt: T0 + 4 * HOUR, auto: false } });
    await openPopup();
    expect(outcome(roots[0]!, 'r-ready')).toBe('Поднято в 14:00');

    vi.setSystemTime(T0 + 11 * HOUR); // 01:00 the next day
    const kept = page();
    paintFirstFrame(kept);
    const live = await openPopup();

    expect(countdown(kept, 'r-cooling')).toBe(countdown(live, 'r-cooling'));
    expect(countdown(kept, 'r-cooling')).toMatch(/^Можно поднять через 19 ч \(в 20:00\)$/);
    // The popup now says "Поднято 25 нояб., 14:00"; the kept frame leaves the line out until it takes over.
    expect(outcome(live, 'r-ready')).not.toBe('Поднято в 14:00');
    expect(outcome(kept, 'r-ready')).toBe('');
  });

  it('a "too early, next at 18:02" is left out once 18:02 has passed, as the popup leaves it', async () => {
    await snapshotItem.setValue(snapshot);
    await raiseOutcomesItem.setValue({ 'r-ready': { kind: 'too_early', at: T0, nextAt: T0 + HOUR, auto: false } });
    await openPopup();
    expect(outcome(roots[0]!, 'r-ready')).toContain('15:00');

    vi.setSystemTime(T0 + 30 * MIN);
    const before = page();
    paintFirstFrame(before);
    expect(outcome(before, 'r-ready')).toContain('15:00');

    vi.setSystemTime(T0 + 2 * HOUR);
    const after = page();
    paintFirstFrame(after);
    const live = await openPopup();
    expect(outcome(after, 'r-ready')).toBe('');
    expect(outcome(live, 'r-ready')).toBe('');
  });

  it('the popup’s own tree replaces the kept frame: one set of cards, from storage as it is now', async () => {
    await snapshotItem.setValue(snapshot);
    await openPopup();
    // Meanwhile the background refreshed: one resume fewer, another title.
    const [ready, cooling] = snapshot.resumes;
    await snapshotItem.setValue({ ...snapshot, resumes: [{ ...ready!, title: 'Senior Frontend' }, cooling!] });

    const root = page();
    paintFirstFrame(root);
    expect(cards(root)).toHaveLength(4);
    await act(() => mountPopup(root, readFirstPaint()));

    expect(cards(root).map((c) => c.dataset.resumeId)).toEqual(['r-ready', 'r-cooling']);
    expect(text(card(root, 'r-ready').querySelector('.card__title'))).toBe('Senior Frontend');
    expect(root.querySelectorAll('main')).toHaveLength(1);
  });

  it('signed out meanwhile (the background wiped the snapshot): the popup forgets the frame, nothing of Анна is drawn again', async () => {
    await snapshotItem.setValue(snapshot);
    await openPopup();
    await snapshotItem.removeValue();

    // This popup still draws her cards first: the background could not reach localStorage.
    const root = page();
    expect(paintFirstFrame(root)).toBe(true);
    await act(() => mountPopup(root, readFirstPaint()));
    expect(cards(root)).toHaveLength(0);

    expect(localStorage.getItem(FIRST_FRAME_KEY)).toBeNull();
    const next = page();
    expect(paintFirstFrame(next)).toBe(false);
    expect(next.childNodes).toHaveLength(0);
  });

  it('after the refresh it keeps what the refresh brought, and forgets it when hh.ru says she is signed out', async () => {
    await snapshotItem.setValue(snapshot);
    const fresh = { ...snapshot, resumes: [{ ...snapshot.resumes[0]!, title: 'Lead Frontend' }] };
    background.mockImplementation((name) => (name === 'refresh' ? Promise.resolve(fresh) : new Promise(() => undefined)));
    const root = await openPopup();
    await until(() => expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
    await until(() => expect(localStorage.getItem(FIRST_FRAME_KEY)).toContain('Lead Frontend'));

    const next = page();
    paintFirstFrame(next);
    expect(cards(next).map((c) => text(c.querySelector('.card__title')))).toEqual(['Lead Frontend']);
    // Kept as a popup first shows it: busy, refreshing.
    expect(next.querySelector('main')?.getAttribute('aria-busy')).toBe('true');

    background.mockImplementation((name) =>
      name === 'refresh'
        ? Promise.reject(new HhError('auth'))
        : name === 'status'
          ? Promise.resolve({ signedIn: false, hasApp: false })
          : new Promise(() => undefined),
    );
    const again = await openPopup();
    await until(() => expect(again.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
    await until(() => expect(localStorage.getItem(FIRST_FRAME_KEY)).toBeNull());
  });

  it('kept by another build of the popup, unreadable, or none: nothing drawn, the popup takes its normal way', async () => {
    await snapshotItem.setValue(snapshot);
    await openPopup();
    const kept = JSON.parse(localStorage.getItem(FIRST_FRAME_KEY)!) as Record<string, unknown>;

    localStorage.setItem(FIRST_FRAME_KEY, JSON.stringify({ ...kept, build: '/chunks/popup-older.js' }));
    expect(paintFirstFrame(page())).toBe(false);
    localStorage.setItem(FIRST_FRAME_KEY, '{"v":1,"html":');
    expect(paintFirstFrame(page())).toBe(false);
    localStorage.setItem(FIRST_FRAME_KEY, JSON.stringify({ ...kept, v: 2 }));
    expect(paintFirstFrame(page())).toBe(false);
    forgetFirstFrame();
    const root = page();
    expect(paintFirstFrame(root)).toBe(false);
    expect(root.childNodes).toHaveLength(0);
  });
});
