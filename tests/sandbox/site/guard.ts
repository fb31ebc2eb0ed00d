/** The checks hh.ru makes before a page or a write does anything. */
import { json, redirect } from '../http';
import type { User } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { captchaAnswer } from './captcha';
import { forbiddenPage } from './html';
import { applicant, pageAnswer, sameSiteOrigin, xsrfOk, xsrfOkFor } from './session';

/**
 * `type: "needLogin"` is a preflight type hh.ru uses [M]. guess: the 403 status for a JSON asker and
 * the `error` word beside it.
 */
export const NEED_LOGIN = { type: 'needLogin', error: 'need-login' } as const;

/** A page for applicants: a guest is sent to the login page (a JSON asker gets 403 needLogin). */
export function pageUser(req: SandboxRequest): User | SandboxResponse {
  const user = applicant(req);
  if (user) return user;
  if (pageAnswer(req) === 'json') return json(403, NEED_LOGIN);
  return redirect(`/account/login?backurl=${encodeURIComponent(req.url.pathname + req.url.search)}`);
}

/**
 * Whether hh.ru takes a write at all, before looking at who sends it: it must come from an hh page
 * of the same site (the Origin; missing = refused) and echo the `_xsrf` hh.ru set for the host it
 * checks (this one; for a write across hosts, `pageHost`, the page's). Refused: the 403 HTML page
 * (hh-site.md: "a 403 HTML page = XSRF or not from the vacancy page" [M]; Newer evidence: "what
 * hh.ru refuses, the sandbox must refuse too").
 */
export function writeRefusal(req: SandboxRequest, crossHost = false): SandboxResponse | null {
  const origin = sameSiteOrigin(req);
  if (!origin) return forbiddenPage(req);
  const ok = crossHost && origin.hostname !== req.host ? xsrfOkFor(req, origin.hostname) : xsrfOk(req);
  return ok ? null : forbiddenPage(req);
}

/**
 * A write by an applicant: the Origin and the `_xsrf` echo first (a 403 HTML page, as hh.ru's
 * framework answers), then the session (403 needLogin), then the account's captcha flag.
 */
export function writer(req: SandboxRequest, crossHost = false): User | SandboxResponse {
  const refused = writeRefusal(req, crossHost);
  if (refused) return refused;
  const user = applicant(req);
  if (!user) return json(403, NEED_LOGIN);
  if (user.captchaRequired) return captchaAnswer(req);
  return user;
}

export function isResponse(x: User | SandboxResponse): x is SandboxResponse {
  return 'status' in x;
}
