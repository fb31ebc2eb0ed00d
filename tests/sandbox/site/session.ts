/**
 * hh.ru's request rules as the site half plays them: who is logged in, the `_xsrf` echo on writes,
 * and when a page URL answers JSON instead of HTML (hh-site.md, "Session and transport").
 */
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

/**
 * An XHR that did not earn JSON: some of the three headers but not all, or an old build. JSON-only
 * routes answer it 406 (guess: the sandbox's reading of "any two alone give HTML or 406").
 */
export function partialJsonAsk(req: SandboxRequest): boolean {
  return pageAnswer(req) !== 'json' && (acceptsJson(req) || isXhr(req) || Boolean(req.headers['x-static-version']));
}

/**
 * The page a write comes from, when it is an https page of the hh family on the same site as this
 * host (spb.hh.ru and resume-profile-front.hh.ru are hh.ru's; hh.kz is not); null otherwise, and
 * when the Origin is missing or "null". hh-site.md, Newer evidence: hh.ru refuses a write "whose
 * Origin is not an hh-family page of the same site (or is missing)"; "a 403 HTML page = XSRF or not
 * from the vacancy page" [M].
 */
export function sameSiteOrigin(req: SandboxRequest): URL | null {
  const origin = req.headers['origin'];
  if (!origin || origin === 'null') return null;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const site = siteOf(u.hostname);
  return site !== null && site === siteOf(req.host) ? u : null;
}

/** What a write echoed as its `_xsrf`: the `X-Xsrftoken` header first, else the `_xsrf` form field. */
function echoedXsrf(req: SandboxRequest): string | undefined {
  return req.headers['x-xsrftoken'] ?? req.form['_xsrf'];
}

/**
 * A write is hh.ru's own only when it echoes the `_xsrf` cookie [M], and that cookie is the one hh.ru
 * set for this very host (`_xsrf` is set per host, Newer evidence [S]): another host's value, a
 * made-up one, or the rotating `xsrfToken` values of the page state do not pass.
 */
export function xsrfOk(req: SandboxRequest): boolean {
  const cookie = req.cookies['_xsrf'];
  return Boolean(cookie) && echoedXsrf(req) === cookie && req.state.xsrfHost(cookie) === req.host;
}

/**
 * A write sent to another host of the site from a page (raise B: hh.ru's page posts to
 * resume-profile-front.hh.ru, whose cookies hold no `_xsrf` of hh.ru's, as it is set per host).
 * guess: how the profile front checks the token is unknown; it passes here when the echoed value is
 * the `_xsrf` hh.ru set for the page's own host (the Origin).
 */
export function xsrfOkFor(req: SandboxRequest, pageHost: string): boolean {
  const sent = echoedXsrf(req);
  return Boolean(sent) && req.state.xsrfHost(sent) === pageHost.toLowerCase();
}

/** The applicant behind the request, when logged in as one (employers do not count: hh.ru treats them apart). */
export function applicant(req: SandboxRequest): User | null {
  return req.user && req.session && req.user.isApplicant ? req.user : null;
}

/** `Domain=` for cookies: the site root (spb.hh.ru -> hh.ru), none for bare addresses. */
export function cookieDomain(host: string): string | undefined {
  return siteOf(host) ?? undefined;
}

/** `hhtoken` for the whole site; `_xsrf` for the host only (Newer evidence: `_xsrf` is set per host [S]). */
export function sessionCookies(host: string, session: SiteSession): string[] {
  const maxAge = 30 * 86_400;
  return [
    setCookie('hhtoken', session.hhtoken, { domain: cookieDomain(host), httpOnly: true, sameSite: 'Lax', maxAge }),
    setCookie('_xsrf', session.xsrf, { sameSite: 'Lax', maxAge }),
  ];
}

/**
 * hh.ru hands every visitor an `_xsrf` cookie, logged in or not (the login form echoes it), and
 * each host its own: a browser that holds none hh.ru set for this host gets one, host-only.
 */
export function xsrfCookieIfMissing(req: SandboxRequest): string[] {
  if (req.state.xsrfHost(req.cookies['_xsrf']) === req.host) return [];
  return [setCookie('_xsrf', req.state.issueXsrf(req.host), { sameSite: 'Lax' })];
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
