// @vitest-environment happy-dom
/**
 * The popup's first frame: Анна's cards from one storage read, before the store, zod and the
 * messaging client have loaded; then the live half takes over the same cards. Whatever storage
 * holds, the first paint never breaks the popup: what it cannot show sends it the normal way.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_PAINT_KEYS, firstPaintOf, readFirstPaint } from '../../lib/first-paint';
import { setLang } from '../../lib/i18n';
import type { MessageName } from '../../lib/messages';
import {
  applicantSiteItem,
  pauseItem,
  raiseOutcomesItem,
  settingsItem,
  snapshotItem,
  DEFAULT_SETTINGS,
  type Snapshot,
} from '../../lib/store';
import { annasSnapshot, HOUR } from './fake-hh-resumes';
import { text, until } from './dom';

const background = vi.fn<(name: MessageName, payload: unknown) => Promise<unknown>>();
vi.mock('../../lib/client', async (original) => ({
  ...(await original<typeof import('../../lib/client')>()),
  send: (name: MessageName, payload: unknown) => background(name, payload),
}));

const { mountPopup } = await import('../../components/popup/mount');

const T0 = new Date(2026, 10, 25, 14, 0).getTime();
let root: HTMLElement;
let snapshot: Snapshot;

const cards = () => [...root.querySelectorAll<HTMLElement>('[data-testid="resume-card"]')];
const card = (id: string) => root.querySelector<HTMLElement>(`[data-testid="resume-card"][data-resume-id="${id}"]`)!;

/** Storage as the background leaves it, raw (what `storage.local.get` returns). */
async function stored(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(Object.values(FIRST_PAINT_KEYS));
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  setLang('ru');
  snapshot = await annasSnapshot(T0);
  background.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  setLang(undefined);
});

describe('the first-paint reader', () => {
  it('reads the very items lib/store.ts defines, under their keys', () => {
    expect(`local:${FIRST_PAINT_KEYS.snapshot}`).toBe(snapshotItem.key);
    expect(`local:${FIRST_PAINT_KEYS.outcomes}`).toBe(raiseOutcomesItem.key);
    expect(`local:${FIRST_PAINT_KEYS.settings}`).toBe(settingsItem.key);
    expect(`local:${FIRST_PAINT_KEYS.pause}`).toBe(pauseItem.key);
    expect(`local:${FIRST_PAINT_KEYS.applicantSite}`).toBe(applicantSiteItem.key);
  });

  it('takes what the background stored in one storage call', async () => {
    await snapshotItem.setValue(snapshot);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, site: 'hh.kz', autoRaise: { 'r-cooling': true } });
    await raiseOutcomesItem.setValue({ 'r-ready': { kind: 'raised', at: T0 - HOUR, nextAt: T0 + 3 * HOUR, auto: true, window: null } });
    await applicantSiteItem.setValue('hh.kz');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    const first = await readFirstPaint(fakeBrowser.storage.local);

    expect(get).toHaveBeenCalledTimes(1);
    expect(first?.snapshot).toEqual(snapshot);
    expect(first?.settings).toEqual({ site: 'hh.kz', autoRaise: { 'r-cooling': true } });
    expect(first?.outcomes['r-ready']?.kind).toBe('raised');
    expect(first?.pause).toBeNull();
    expect(first?.applicantSite).toBe('hh.kz');
  });

  it('on a fresh install: no snapshot, default settings', async () => {
    expect(await readFirstPaint(fakeBrowser.storage.local)).toEqual({
      snapshot: null,
      outcomes: {},
      settings: { site: 'auto', autoRaise: {} },
      pause: null,
      applicantSite: null,
    });
  });

  it('says null (the normal path) for anything a card could not show', async () => {
    await snapshotItem.setValue(snapshot);
    const good = await stored();
    expect(firstPaintOf(good)).not.toBeNull();
    const resume = snapshot.resumes[0]!;
    const corrupt: [string, Record<string, unknown>][] = [
      ['resumes not a list', { snapshot: { ...snapshot, resumes: { 0: resume } } }],
      ['a title that is no text', { snapshot: { ...snapshot, resumes: [{ ...resume, title: 42 }] } }],
      ['a status hh.ru never had', { snapshot: { ...snapshot, resumes: [{ ...resume, status: 'archived' }] } }],
      ['views as text', { snapshot: { ...snapshot, resumes: [{ ...resume, totalViews: '30' }] } }],
      ['a raise time as text', { snapshot: { ...snapshot, resumes: [{ ...resume, nextRaiseAt: '2026-11-25' }] } }],
      ['completeness without its missing fields', { snapshot: { ...snapshot, resumes: [{ ...resume, progress: { percentage: 95 } }] } }],
      ['a person without a name', { snapshot: { ...snapshot, me: { id: '1' } } }],
      ['a snapshot that is a string', { snapshot: 'snapshot' }],
      ['an outcome of an unknown kind', { raiseOutcomes: { 'r-ready': { kind: 'exploded', at: T0, auto: false } } }],
      ['a refusal without its words', { raiseOutcomes: { 'r-ready': { kind: 'failed', at: T0, auto: false, error: { kind: 'rate' } } } }],
      ['an auto-raise switch that is no switch', { settings: { site: 'auto', autoRaise: { 'r-ready': 'yes' } } }],
      ['a site that is no text', { settings: { site: 7, autoRaise: {} } }],
      ['a pause without its reason', { automationPause: { at: T0 } }],
      ['an applicant site that is no text', { applicantSite: ['hh.ru'] }],
    ];
    for (const [why, patch] of corrupt) expect(firstPaintOf({ ...good, ...patch }), why).toBeNull();
  });

  it('storage out of reach: null, not a broken popup', async () => {
    const failing = { get: () => Promise.reject(new Error('storage is shut')) };
    expect(await readFirstPaint(failing)).toBeNull();
  });
});

describe('Анна opens the popup', () => {
  it('the first frame has her cards as text before the live half loaded; then the same cards come alive', async () => {
    await snapshotItem.setValue(snapshot);
    background.mockImplementation(() => new Promise(() => undefined));

    await act(() => mountPopup(root, readFirstPaint()));

    // Drawn from storage alone: nothing has been asked of the background yet.
    expect(background).not.toHaveBeenCalled();
    expect(cards()).toHaveLength(4);
    const ready = card('r-ready');
    expect(text(ready.querySelector('.card__title'))).toBe('Frontend-разработчик (React, TypeScript)');
    expect(text(ready.querySelector('[data-testid="resume-status"]'))).toBe('Опубликовано');
    expect(text(ready.querySelector('[data-testid="resume-views-total"]'))).toBe('30 просмотров');
    expect(text(card('r-cooling').querySelector('[data-testid="raise-countdown"]'))).toContain('Можно поднять через 2 ч 14 мин');
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');

    await until(() => expect(background).toHaveBeenCalledWith('refresh', { force: false }));

    // The live half took over the very same elements: nothing on screen was replaced.
    expect(card('r-ready')).toBe(ready);
    expect(ready.isConnected).toBe(true);
    expect(background.mock.calls.filter(([name]) => name === 'refresh')).toHaveLength(1);
  });

  it('a press in the first frame is not lost: it goes to the background once the live half is in', async () => {
    await snapshotItem.setValue(snapshot);
    background.mockImplementation((name) =>
      name === 'raise' ? Promise.resolve({ kind: 'raised', at: T0, nextAt: T0 + 4 * HOUR, auto: false }) : new Promise(() => undefined),
    );
    await act(() => mountPopup(root, readFirstPaint()));
    expect(background).not.toHaveBeenCalled();

    await act(() => card('r-ready').querySelector<HTMLElement>('[data-testid="raise-now"]')!.click());

    await until(() => expect(text(card('r-ready').querySelector('[data-testid="raise-outcome"]'))).toBe('Поднято в 14:00'));
    expect(background.mock.calls.filter(([name]) => name === 'raise')).toEqual([['raise', { resumeId: 'r-ready' }]]);
  });

  it('a corrupt snapshot: no crash; the normal path reads it as absent and the refresh brings her resumes', async () => {
    await fakeBrowser.storage.local.set({ snapshot: { ...snapshot, resumes: [{ ...snapshot.resumes[0], title: null }] } });
    background.mockImplementation((name) => (name === 'refresh' ? Promise.resolve(snapshot) : new Promise(() => undefined)));

    await act(() => mountPopup(root, readFirstPaint()));

    await until(() => expect(cards()).toHaveLength(4));
    expect(text(card('r-ready').querySelector('.card__title'))).toBe('Frontend-разработчик (React, TypeScript)');
  });

  it('a corrupt snapshot with nothing to refresh from: says it is loading, as with none', async () => {
    await fakeBrowser.storage.local.set({ snapshot: { me: null, resumes: 'none', fetchedAt: T0, source: 'api' } });
    background.mockImplementation(() => new Promise(() => undefined));

    await act(() => mountPopup(root, readFirstPaint()));

    await until(() => expect(text(root)).toContain('Загружаем ваши резюме…'));
    expect(cards()).toHaveLength(0);
  });
});
