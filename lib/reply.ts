/**
 * What a failed call to the background says: the refusal as a value, and how a page reads it.
 * Import-free at run time, so a page can word an error before the messaging client (and the
 * browser polyfill under it) has loaded; lib/client.ts re-exports all of it.
 */
import type { ErrorInfo } from './hh/errors';

/** The background's refusal (or a lost reply), carrying its `ErrorInfo` as `HhError` does. */
export class BackgroundError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.kind}: ${info.en}`);
    this.name = 'BackgroundError';
  }
}

export const BROKEN = {
  ru: 'Внутренняя ошибка Отклика. Перезагрузите страницу; если повторится, сообщите нам.',
  en: 'Otklik hit an internal error. Reload the page; if it happens again, tell us.',
};

/** What a failed call says, as the background put it; anything else is our own breakage. */
export function errorInfoOf(e: unknown): ErrorInfo {
  const info = e && typeof e === 'object' && 'info' in e ? (e as { info: unknown }).info : null;
  if (info && typeof info === 'object' && 'kind' in info && 'ru' in info && 'en' in info) return info as ErrorInfo;
  return { kind: 'internal', ...BROKEN };
}

/**
 * The background's answer never came back (the worker stopped, the extension reloaded): what was
 * asked may have happened. Any answer that did come back says itself what happened.
 */
export function isLost(error: ErrorInfo): boolean {
  return error.kind === 'internal' && (error.value == null || /^(messaging:|no reply$)/.test(error.value));
}
