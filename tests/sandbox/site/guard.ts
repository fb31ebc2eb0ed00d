/** The checks hh.ru makes before a page or a write does anything. */
import { json, redirect } from '../http';
import type { User } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { captchaAnswer } from './captcha';
import { forbiddenPage } from './html';
import { applicant, pageAnswer, xsrfOk } from './session';

export const NEED_LOGIN = { type: 'needLogin', error: 'need-login' } as const;

/** A page for applicants: a guest is sent to the login page (a JSON asker gets 403 needLogin). */
export function pageUser(req: SandboxRequest): User | SandboxResponse {
  const user = applicant(req);
  if (user) return user;
  if (pageAnswer(req) === 'json') return json(403, NEED_LOGIN);
  return redirect(`/account/login?backurl=${encodeURIComponent(req.url.pathname + req.url.search)}`);
}

/**
 * A write: the `_xsrf` echo first (a 403 HTML page, as hh.ru's framework answers), then the
 * session (403 needLogin), then the account's captcha flag.
 */
export function writer(req: SandboxRequest): User | SandboxResponse {
  if (!xsrfOk(req)) return forbiddenPage(req);
  const user = applicant(req);
  if (!user) return json(403, NEED_LOGIN);
  if (user.captchaRequired) return captchaAnswer(req);
  return user;
}

export function isResponse(x: User | SandboxResponse): x is SandboxResponse {
  return 'status' in x;
}
