/**
 * The resume shards hh.ru's header and lists load: JSON only, asked with the three headers
 * (anything less, or an old build, gets 406 since there is no page to fall back to).
 */
import { json } from '../http';
import type { SandboxRequest, SandboxResponse } from '../types';
import { NEED_LOGIN } from './guard';
import { applicantResumesStatistics, shardResume, titledResume } from './resume-shapes';
import { applicant, pageAnswer } from './session';

function shard(req: SandboxRequest, body: (userId: string) => unknown): SandboxResponse {
  // The three-header rule [M]. guess: the 406 body (the extension reads the new build from `build`).
  if (pageAnswer(req) !== 'json') return json(406, { error: 'not-acceptable', build: req.state.config.siteBuild });
  const user = applicant(req);
  if (!user) return json(403, NEED_LOGIN);
  return json(200, body(user.id));
}

/** `GET /shards/applicant/resumes`: attributes only, no titles. */
export function resumesShard(req: SandboxRequest): SandboxResponse {
  return shard(req, (userId) => ({ resumes: req.state.resumesOf(userId).map((r) => shardResume(req.state, r)) }));
}

/** `GET /shards/applicant/header_resumes`: with titles, skills, salary, and the views summary. */
export function headerResumesShard(req: SandboxRequest): SandboxResponse {
  return shard(req, (userId) => {
    const resumes = req.state.resumesOf(userId);
    return {
      resumes: resumes.map((r) => titledResume(req.state, r)),
      statistics: applicantResumesStatistics(resumes),
    };
  });
}
