/**
 * hh.ru's request rules as the site half plays them: who is logged in, the `_xsrf` echo on writes,
 * and when a page URL answers JSON instead of HTML (hh-site.md, "Session and transport").
 */
import { randomToken } from '../state';
import type { SiteSession, User } from '../state';
import type { SandboxRequest } from '../types';
import { setCookie } from '../http';
import { siteOf } from '../../../lib/hh/sites';

/**
 * `json`: all three headers with the current build. `stale`: all three but an old build (hh.ru
 * answers 406 so its front end reloads). `html`: anything less (any two alone give the page).
 */
export type PageAnswer = 'json' | 'stale' | 'html';

function acceptsJson(req: SandboxRequest): boolean {
  return (req.headers['accept'] ?? '').toLowerCase().includes('application/json');
}

function isXhr(req: SandboxRequest): boolean {
  return (req.headers['x-requested-with'] ?? '').toLowerCase() === 'xmlhttprequest';
}

export function pageAnswer(req: SandboxRequest): PageAnswer {
  const version = req.headers['x-static-version'];
  if (!acceptsJson(req) || !isXhr(req) || !version) return 'html';
  return version === req.state.config.siteBuild ? 'json' : 'stale';
}

/** The apply preflight is looser than pages: Accept + X-Requested-With suffice. */
export function xhrJson(req: SandboxRequest): boolean {
  return acceptsJson(req) && isXhr(req);
}

/** A write is hh.ru's own only when it echoes the `_xsrf` cookie (header first, then the form field). */
export function xsrfOk(req: SandboxRequest): boolean {
  const cookie = req.cookies['_xsrf'];
  const sent = req.headers['x-xsrftoken'] ?? req.form['_xsrf'];
  return Boolean(cookie) && sent === cookie;
}

/** The applicant behind the request, when logged in as one (employers do not count: hh.ru treats them apart). */
export function applicant(req: SandboxRequest): User | null {
  return req.user && req.session && req.user.isApplicant ? req.user : null;
}

/** `Domain=` for cookies: the site root (spb.hh.ru -> hh.ru), none for bare addresses. */
export function cookieDomain(host: string): string | undefined {
  return siteOf(host) ?? undefined;
}

export function sessionCookies(host: string, session: SiteSession): string[] {
  const domain = cookieDomain(host);
  const maxAge = 30 * 86_400;
  return [
    setCookie('hhtoken', session.hhtoken, { domain, httpOnly: true, sameSite: 'Lax', maxAge }),
    setCookie('_xsrf', session.xsrf, { domain, sameSite: 'Lax', maxAge }),
  ];
}

/** hh.ru hands every visitor an `_xsrf` cookie, logged in or not; the login form echoes it. */
export function xsrfCookieIfMissing(req: SandboxRequest): string[] {
  if (req.cookies['_xsrf']) return [];
  return [setCookie('_xsrf', randomToken(16).toLowerCase(), { domain: cookieDomain(req.host), sameSite: 'Lax' })];
}

/** Same-site places only: a `backurl` never leads off the hh family. */
export function safeBackurl(req: SandboxRequest, backurl: string | null | undefined): string {
  if (!backurl) return '/';
  try {
    const u = new URL(backurl, req.url.origin);
    return siteOf(u.hostname) || u.origin === req.url.origin ? u.href : '/';
  } catch {
    return '/';
  }
}
