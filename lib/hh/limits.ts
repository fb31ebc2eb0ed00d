/** hh.ru's limits, each in one place. Import-free: content scripts, schemas and services share them. */

/** The longest cover letter hh.ru takes (its apply form and the API's `message`). */
export const LETTER_MAX_LENGTH = 10_000;

/** hh.ru allows about this many applications per rolling 24 hours (hh-site.md "Limits"). */
export const DAILY_APPLY_CAP = 200;
export const APPLY_WINDOW_MS = 24 * 3_600_000;
