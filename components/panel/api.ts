/** What the panel needs from the outside world; the content script provides it over messages. */
import type { ErrorInfo } from '../../lib/hh/errors';
import type { VacancyPanel } from '../../lib/messages';
import type { LedgerEntry } from '../../lib/store';
import { S } from './strings';

export interface PanelApi {
  load(): Promise<VacancyPanel>;
  apply(req: { resumeId: string; letter: string }): Promise<LedgerEntry>;
  /** Look up an unclear application on hh.ru again (a read; nothing is resent). */
  recheck(): Promise<LedgerEntry>;
  /** Fire and forget: a lost draft save must never disturb the page. */
  saveDraft(draft: { text: string; resumeId: string | null }): void;
  setCollapsed(collapsed: boolean): void;
  openOptions(): void;
}

/** What a failed call says, as the background put it; anything else is our own breakage. */
export function errorInfoOf(e: unknown): ErrorInfo {
  const info = e && typeof e === 'object' && 'info' in e ? (e as { info: unknown }).info : null;
  if (info && typeof info === 'object' && 'kind' in info && 'ru' in info && 'en' in info) return info as ErrorInfo;
  return { kind: 'internal', ...S.broken };
}

/** Links that came from hh.ru's answers open only as web pages, never as `javascript:`. */
export function webUrl(url: string | null | undefined, fallback: string): string {
  return url && /^https:\/\//i.test(url) ? url : fallback;
}

/** The kinds that mean "Otklik has no way to act for you": the panel offers to sign in. */
export function isSignedOut(error: ErrorInfo): boolean {
  return error.kind === 'auth' || error.kind === 'no_app' || error.kind === 'no_session';
}

/**
 * The background's answer never came back (the worker stopped, the extension reloaded): what was
 * asked may have happened. Any answer that did come back says itself what happened.
 */
export function isLost(error: ErrorInfo): boolean {
  return error.kind === 'internal' && (error.value == null || /^(messaging:|no reply$)/.test(error.value));
}
