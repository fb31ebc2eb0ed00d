/**
 * Raising a resume ("поднять") through the site. hh.ru has been seen taking three forms
 * (hh-site.md); config `raiseVariant` says which one it accepts now, the others answer 404:
 * - 'touch' (A): `POST /applicant/resumes/touch`, multipart `resume=<hash>`, `undirectable=true` [M, older];
 * - 'profile' (B): `POST https://resume-profile-front.hh.ru/profile/shards/resume/touch`, JSON
 *   `{"hash"}`, sent from hh.ru's page (Origin/Referer https://hh.ru) [S]; 200 with an EMPTY body
 *   (Newer evidence [S, 2026-08]): success shows only in the re-read `nextTouchAt`;
 * - 'button' (C): no public endpoint; only hh.ru's own button on the resume list works (it posts to
 *   a private path the page knows: the path is the sandbox's own).
 * All: a write from an hh page of the same site echoing `_xsrf` (else the 403 HTML page), the
 * resume named by its hash (a numeric id is refused: Newer evidence, "what hh.ru refuses"), 409 when
 * too early [M]. The same state rule as the API's publish: nextPublishAt = now + raiseIntervalMs.
 */
import { empty, json } from '../http';
import type { SandboxConfig } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isResponse, writer } from './guard';
import { notFoundPage } from './html';
import { siteOf } from '../../../lib/hh/sites';

type Variant = SandboxConfig['raiseVariant'];

function raise(req: SandboxRequest, variant: Variant, hash: string | undefined): SandboxResponse {
  if (req.state.config.raiseVariant !== variant) return notFoundPage(req);
  // B is posted by hh.ru's page to another host: its `_xsrf` is checked against the page's host.
  const user = writer(req, variant === 'profile');
  if (isResponse(user)) return user;
  // The hash only: the numeric id (or no resume of hers) is refused.
  // guess: the answer, 400 {"error":"unknown"}, as apply answers a bad hash [S].
  const resume = req.state.resumesOf(user.id).find((r) => r.hash === hash);
  if (!resume) return json(400, { error: 'unknown' });
  const outcome = req.state.raise(user.id, resume.hash, `site-${variant}`);
  if (outcome.ok) {
    if (variant === 'profile') return empty(200);
    // guess: A's (and the button's) body; the evidence says only "200 ok".
    return json(200, {});
  }
  switch (outcome.reason) {
    case 'too_early':
      // The 409 is seen [M]; guess: its body.
      return json(409, { error: 'resume-touch-too-early' });
    case 'not_found':
      return json(400, { error: 'unknown' });
    case 'blocked':
      // guess
      return json(400, { error: 'resume-blocked' });
    case 'not_published':
      // guess
      return json(400, { error: 'resume-not-published' });
  }
}

/** A: the form the resume list used before 2026-07. */
export function touchA(req: SandboxRequest): SandboxResponse {
  return raise(req, 'touch', req.form['resume']);
}

/** C: what hh.ru's own button sends when no public form is accepted. */
export function touchByButton(req: SandboxRequest): SandboxResponse {
  return raise(req, 'button', req.form['resume']);
}

/**
 * B lives on resume-profile-front.<site>: a cross-origin call from hh.ru's pages, so it answers
 * CORS for pages of the same site (credentials included) and the preflight its JSON body and header
 * cause. guess: the exact CORS headers (a browser needs them for the call to work at all).
 */
function cors(req: SandboxRequest): Record<string, string> {
  const origin = req.headers['origin'];
  if (!origin) return {};
  try {
    const host = new URL(origin).hostname;
    if (!siteOf(host) || siteOf(host) !== siteOf(req.host)) return {};
  } catch {
    return {};
  }
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}

export function profileFront(req: SandboxRequest): SandboxResponse | null {
  if (req.path !== '/profile/shards/resume/touch') return null;
  if (req.method === 'OPTIONS') {
    return {
      status: 204,
      headers: {
        ...cors(req),
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, x-xsrftoken, x-requested-with, accept',
        'access-control-max-age': '600',
      },
    };
  }
  if (req.method !== 'POST') return null;
  const body = req.json as { hash?: unknown } | undefined;
  const answer = raise(req, 'profile', typeof body?.hash === 'string' ? body.hash : undefined);
  return { ...answer, headers: { ...answer.headers, ...cors(req) } };
}
