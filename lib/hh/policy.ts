/**
 * Every error kind and what it means for the rest of the app, in one table. Import-free, so that
 * content scripts can read it without bundling zod. Adding a kind is a compile error until each
 * question below is answered for it.
 */
export const ERROR_KINDS = [
  /** Not signed in (no token, revoked token, unrefreshable): sign in again. */
  'auth',
  /** No OAuth app configured (client id missing). */
  'no_app',
  /** Not logged in on hh.ru (site session). */
  'no_session',
  /** The official API refused this app on an applicant method (403): fall back to the site. */
  'app_refused',
  'forbidden',
  /** hh.ru wants a captcha solved by the person: all automatic work stops. */
  'captcha',
  /** 429: too many requests; `retryAt` when known. */
  'rate',
  /** Daily application limit and similar quotas. */
  'limit',
  /** Raise too early: `retryAt` is the server's next time. */
  'too_early',
  'not_found',
  'bad_argument',
  'already_applied',
  'archived',
  'test_required',
  'letter_required',
  'letter_too_long',
  /** XSRF check failed or the write was refused as not coming from hh's page. */
  'xsrf',
  'server',
  'network',
  /** hh answered in a shape we do not know. */
  'invalid_response',
  /** The write may have happened: never retried. */
  'uncertain',
  /** The extension itself: bad message, storage full, ... */
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface KindPolicy {
  /** hh.ru answered and did nothing (an apply that failed this way was not sent): the person may try again after fixing it. */
  refused: boolean;
  /** Automatic work (auto-raise, polls) stops until the person acts. */
  stopsAutomation: boolean;
  /** Otklik has no way to act for the person: sign in (or log in on hh.ru). */
  signedOut: boolean;
  /** hh.ru or the way to it failed for now: a read may be retried, and the last known account still stands. */
  transient: boolean;
  /** The next gateway in the plan may serve the same operation: nothing reached the operation itself. */
  fallsBack: boolean;
}

const P = (refused: boolean, stopsAutomation: boolean, signedOut: boolean, transient: boolean, fallsBack: boolean): KindPolicy => ({
  refused,
  stopsAutomation,
  signedOut,
  transient,
  fallsBack,
});

/** refused, stopsAutomation, signedOut, transient, fallsBack */
export const ERROR_POLICY: Readonly<Record<ErrorKind, KindPolicy>> = {
  auth: P(true, true, true, false, true),
  no_app: P(true, false, true, false, false),
  no_session: P(true, true, true, false, false),
  app_refused: P(true, false, false, false, true),
  forbidden: P(true, false, false, false, false),
  captcha: P(true, true, false, false, false),
  rate: P(true, false, false, true, false),
  limit: P(true, false, false, false, false),
  too_early: P(false, false, false, false, false),
  not_found: P(true, false, false, false, false),
  bad_argument: P(true, false, false, false, false),
  already_applied: P(true, false, false, false, false),
  archived: P(true, false, false, false, false),
  test_required: P(true, false, false, false, false),
  letter_required: P(true, false, false, false, false),
  letter_too_long: P(true, false, false, false, false),
  xsrf: P(true, false, false, false, false),
  server: P(false, false, false, true, false),
  network: P(false, false, false, true, false),
  invalid_response: P(false, false, false, false, false),
  uncertain: P(false, false, false, false, false),
  internal: P(false, false, false, false, false),
};

export const policyOf = (kind: ErrorKind): KindPolicy => ERROR_POLICY[kind];
