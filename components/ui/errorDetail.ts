/** The developer's side of an error (its kind, hh.ru's own words, the status): shown behind "Подробнее", never in the main text. */
import type { ErrorInfo } from '../../lib/hh/errors';

export const DETAILS = { ru: 'Подробнее', en: 'Details' };

export function errorDetail(error: ErrorInfo): string {
  return [error.kind, error.value, error.status ? `HTTP ${error.status}` : null].filter(Boolean).join(' · ');
}
