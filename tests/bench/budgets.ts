/**
 * The project's performance promises, in one place. Every budget is an upper bound on the figure
 * it names (`on`: the median, the ratio to its baseline, or the worst run).
 */
export interface Budget {
  max: number;
  on: 'value' | 'ratio' | 'max';
}

export const BUDGETS = {
  /** Panel with resumes, as a multiple of the floor (the page without Otklik, its first frame after interactive; + one API round trip). */
  panelRatio: { max: 1.15, on: 'ratio' },
  /** Main-thread scripting and load time of hh.ru pages with Otklik, as a multiple of without. */
  pageOverheadRatio: { max: 1.05, on: 'ratio' },
  /** The longest main-thread task that runs our content-script code, ms. */
  longestTaskMs: { max: 50, on: 'value' },
  /** All 100 search cards marked, ms after the page became interactive. */
  marksMs: { max: 50, on: 'value' },
  /** Requests to hh that marking a search page costs. */
  marksRequests: { max: 2, on: 'value' },
  /** Popup resume cards from the cache, as a multiple of an empty extension page. */
  popupRatio: { max: 1.2, on: 'ratio' },
  /** A warm refresh revalidates: every answer a 304. */
  warmRefreshNot304: { max: 0, on: 'max' },
  /** Auto-raise: the latest raise after hh's window opened, s. */
  raiseDelayS: { max: 60, on: 'max' },
  /** Auto-raise before the window opened: never. */
  raiseEarly: { max: 0, on: 'value' },
  /** Each content script, gzip KB. */
  contentScriptKb: { max: 20, on: 'value' },
  /** The background, gzip KB. */
  backgroundKb: { max: 60, on: 'value' },
  /** An answers poll when nothing changed since the last: one request (page 0), every time. */
  answersPollRequests: { max: 1, on: 'max' },
  /** The service worker's heap with the 2,000 applications it keeps, MB. */
  applicationsHeapMb: { max: 10, on: 'value' },
  /** The service worker's heap after a day of use (50 vacancy pages, 2,000 applications, 10 timers), MB. */
  dayHeapMb: { max: 10, on: 'value' },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof BUDGETS;
