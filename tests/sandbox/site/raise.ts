/**
 * Raising a resume ("поднять") through the site. hh.ru has been seen taking three forms
 * (hh-site.md); config `raiseVariant` says which one it accepts now, the others answer 404:
 * - 'touch' (A): `POST /applicant/resumes/touch`, multipart `resume=<hash>`, `undirectable=true`;
 * - 'profile' (B): `POST https://resume-profile-front.hh.ru/profile/shards/resume/touch`, JSON `{"hash"}`;
 * - 'button' (C): no public endpoint; only hh.ru's own button on the resume list works (it posts to
 *   a private path the page knows).
 * All: `X-Xsrftoken` must echo the cookie; 200 `{}` when raised, 409 when too early. The same state
 * rule as the API's publish: nextPublishAt = now + raiseIntervalMs.
 */
import { json } from '../http';
import type { SandboxConfig } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isResponse, writer } from './guard';
import { notFoundPage } from './html';
import { siteOf } from '../../../lib/hh/sites';

type Variant = SandboxConfig['raiseVariant'];

function raise(req: SandboxRequest, variant: Variant, hash: string | undefined): SandboxResponse {
  if (req.state.config.raiseVariant !== variant) return notFoundPage(req);
  const user = writer(req);
  if (isResponse(user)) return user;
  if (!hash) return json(400, { error: 'resume-hash-required' });
  const outcome = req.state.raise(user.id, hash, `site-${variant}`);
  if (outcome.ok) return json(200, {});
  switch (outcome.reason) {
    case 'too_early':
      return json(409, { error: 'resume-touch-too-early' });
    case 'not_found':
      return json(404, { error: 'resume-not-found' });
    case 'blocked':
      return json(400, { error: 'resume-blocked' });
    case 'not_published':
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
 * CORS for the hh family (credentials included) and the preflight its JSON body and header cause.
 */
function cors(req: SandboxRequest): Record<string, string> {
  const origin = req.headers['origin'];
  if (!origin) return {};
  try {
    if (!siteOf(new URL(origin).hostname)) return {};
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
