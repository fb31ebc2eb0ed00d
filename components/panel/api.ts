/** What the panel needs from the outside world; the content script provides it over messages. */
import type { ErrorInfo } from '../../lib/hh/errors';
import type { PanelPreview, VacancyPanel } from '../../lib/messages';
import type { LedgerEntry, ListedEmployer, Triage } from '../../lib/store';
import { ERROR_POLICY } from '../../lib/hh/policy';

export interface PanelApi {
  /**
   * What can be drawn before `load` answers (the resumes as last seen): `now` once it came, `next`
   * resolving with it (null when nothing is known). Absent: no preview.
   */
  preview?: { now: PanelPreview | null; next: Promise<PanelPreview | null> };
  load(): Promise<VacancyPanel>;
  /** `override`: the person ticked "apply anyway" for an employer on their never-apply list. */
  apply(req: { resumeId: string; letter: string; override?: boolean }): Promise<LedgerEntry>;
  /** Look up an unclear application on hh.ru again (a read; nothing is resent). */
  recheck(): Promise<LedgerEntry>;
  /** Fire and forget: a lost draft save must never disturb the page. */
  saveDraft(draft: { text: string; resumeId: string | null }): void;
  setCollapsed(collapsed: boolean): void;
  openOptions(): void;
  /** Puts the vacancy's employer on (or off) one of the person's lists; resolves with the lists as stored. Absent: no switches. */
  listEmployer?(list: 'hiddenEmployers' | 'neverApply', employer: ListedEmployer, on: boolean): Promise<Triage>;
}

/** Links that came from hh.ru's answers open only as web pages, never as `javascript:`. */
export function webUrl(url: string | null | undefined, fallback: string): string {
  return url && /^https:\/\//i.test(url) ? url : fallback;
}

/** The kinds that mean "Otklik has no way to act for you": the panel offers to sign in. */
export function isSignedOut(error: ErrorInfo): boolean {
  return ERROR_POLICY[error.kind].signedOut;
}

export { errorInfoOf, isLost } from '../../lib/client';
