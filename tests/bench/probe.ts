/**
 * In-page clocks, installed before any page script runs (main world). Each moment is read from
 * `performance.now()` (ms since the page's navigation started) inside a MutationObserver callback,
 * so it is the moment the DOM changed, not when a poller happened to look. `<name>:frame` is the
 * start of the next frame after it: when the change can first be on screen.
 *
 * Moments:
 *   interactive  the document's readyState became "interactive" (domInteractive): `interactive:frame`
 *           is the first frame that can show anything placed then, the floor a panel frame is
 *           compared with (a frame time against a frame time: against domInteractive itself, the
 *           wait for the next frame, up to 16.7 ms on a ~40 ms page, would count as ours)
 *   panel   the vacancy panel (e2e builds: open root, host `data-otklik="panel"`) lists resumes,
 *           the first frame's (as last seen, before the vacancy is read) or the complete list
 *   panelReady  the panel lists resumes to choose from: the vacancy's fit and apply state are in
 *   panelHost  the panel's host element is in the page (our content script has run)
 *   floor   floor.ts's one-element content script has placed its element (host `data-otklik="floor"`)
 *   cards   all search cards of the page's state are in the DOM (hh.ru draws them in stages)
 *   marks   `cards`, and every card whose vacancy has an application state carries our mark
 *   searchDone  `marks`, and the first card carries our fit figure (resumes known): all our work on a
 *           search page's first screen, which `marks` alone does not wait for when no card has an
 *           application (`marks` is then `cards`, before our script has even heard back)
 *   popup   the popup shows resume cards
 *   empty   the empty extension page shows its text (or floor.ts's one-script page its element)
 *   history the history page (applications.html) shows its first rows
 *   inbox   the popup's opened inbox lists its first applications
 */
import type { Page } from '@playwright/test';

export const PROBE_SCRIPT = `(() => {
  const t = {};
  const waiting = {};
  Object.defineProperty(window, '__otklikBench', { value: t });
  // Resolves once the moment's frame came: the harness waits on it instead of polling the page.
  Object.defineProperty(window, '__otklikBenchWait', {
    value: (k) => (k + ':frame' in t ? Promise.resolve() : new Promise((r) => (waiting[k] = waiting[k] || []).push(r))),
  });
  const at = (k) => {
    if (k in t) return;
    t[k] = performance.now();
    requestAnimationFrame(() => {
      t[k + ':frame'] = performance.now();
      (waiting[k] || []).forEach((r) => r());
    });
  };
  const CARD = '[data-qa="vacancy-serp__vacancy"]';
  const MARKED = ['response', 'invitation', 'interview', 'discard'];
  let search = null;
  const searchState = () => {
    // The state template is complete once the parser is done with the document.
    if (search || document.readyState === 'loading') return search;
    const tpl = document.getElementById('HH-Lux-InitialState');
    if (!tpl) return null;
    try {
      const s = JSON.parse(tpl.content.textContent);
      const ids = s.vacancySearchResult.vacancies.map((v) => String(v.vacancyId));
      const labels = s.userLabelsForVacancies || {};
      search = { cards: ids.length, marks: ids.filter((id) => (labels[id] || []).some((l) => MARKED.includes(l))).length };
      t.expectedCards = search.cards;
      t.expectedMarks = search.marks;
    } catch (e) {
      search = { cards: -1, marks: -1 };
    }
    return search;
  };
  const watched = new WeakSet();
  const check = () => {
    if (location.protocol === 'chrome-extension:') {
      if (!('popup' in t) && document.querySelector('[data-testid="resume-card"]')) at('popup');
      if (!('empty' in t) && document.querySelector('body > p')) at('empty');
      if (!('history' in t) && document.querySelector('[data-testid="history-row"]')) at('history');
      if (!('inbox' in t) && document.querySelector('[data-testid="inbox-item"]')) at('inbox');
      return;
    }
    if (!('floor' in t) && document.querySelector('[data-otklik="floor"]')) at('floor');
    if (!('panelReady' in t)) {
      const host = document.querySelector('[data-otklik="panel"]');
      const root = host && host.shadowRoot;
      if (host) at('panelHost');
      if (root && !watched.has(root)) {
        watched.add(root);
        new MutationObserver(check).observe(root, { childList: true, subtree: true });
      }
      if (root && root.querySelector('.resumes li')) at('panel');
      if (root && root.querySelector('.resumes li input')) at('panelReady');
    }
    if (!('marks' in t) && document.querySelector(CARD)) {
      const s = searchState();
      if (!s || s.cards <= 0) return;
      if (document.querySelectorAll(CARD).length < s.cards) return;
      at('cards');
      if (document.querySelectorAll(CARD + ' [data-otklik-mark]').length >= s.marks) at('marks');
    }
    if ('marks' in t && !('searchDone' in t) && document.querySelector(CARD + ' [data-otklik-fit]')) at('searchDone');
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') at('interactive');
  });
  document.addEventListener('DOMContentLoaded', check);
})();`;

export interface Moments {
  [name: string]: number | undefined;
  expectedCards?: number;
  expectedMarks?: number;
}

/** Waits until `name` (and its frame) happened in the page, then returns every moment so far. */
export async function moment(page: Page, name: string, timeout = 20_000): Promise<Moments> {
  const read = () => page.evaluate(() => ({ ...(window as unknown as { __otklikBench?: Moments }).__otklikBench }));
  const seen = page.evaluate(
    (k) => (window as unknown as { __otklikBenchWait: (k: string) => Promise<void> }).__otklikBenchWait(k).then(() => true),
    name,
  );
  // Still pending when the page closes after a timeout: that rejection means nothing.
  seen.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeout)));
  const ok = await Promise.race([seen, late]).finally(() => clearTimeout(timer));
  if (!ok) {
    const got = Object.keys(await read().catch(() => ({}))).filter((k) => !k.includes(':'));
    throw new Error(`"${name}" not seen within ${timeout / 1000} s on ${page.url()} (seen: ${got.join(', ') || 'nothing'})`);
  }
  return read();
}

/** Navigation timing of the page's document, ms since navigation start. */
export function navTiming(page: Page): Promise<{ interactive: number; domContentLoaded: number; load: number }> {
  return page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { interactive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
  });
}
