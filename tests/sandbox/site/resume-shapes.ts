/**
 * Resumes in the shapes hh.ru's pages and shards carry them (hh-site.md, "my resumes"): numeric id
 * and hash in `_attributes`, titles as `[{string}]`, statistics keyed by the numeric id.
 */
import type { Resume, SandboxState, User } from '../state';

export function resumeAttributes(state: SandboxState, r: Resume) {
  return {
    id: r.id,
    hash: r.hash,
    status: r.status,
    isSearchable: r.status === 'published' && r.access !== 'no_one',
    hasPublicVisibility: r.access === 'everyone',
    canPublishOrUpdate: state.canRaise(r),
    canTouch: state.canRaise(r),
    nextTouchAt: r.nextPublishAt,
    update_timeout: state.config.raiseIntervalMs,
    updated: r.updatedAt,
    created: r.createdAt,
    renewal: false,
    lang: 'ru',
  };
}

/** `/shards/applicant/resumes`: no titles. */
export function shardResume(state: SandboxState, r: Resume) {
  return { _attributes: resumeAttributes(state, r) };
}

/** With titles and skills: header_resumes, the profile and the vacancy page's `applicantResumes`. */
export function titledResume(state: SandboxState, r: Resume) {
  return {
    _attributes: resumeAttributes(state, r),
    title: [{ string: r.title }],
    keySkills: r.skills.map((s) => ({ string: s })),
    salary: r.salary ? [{ amount: r.salary.amount, currency: r.salary.currency }] : [],
    area: [{ id: r.area.id, title: r.area.name }],
    accessType: [{ string: r.access }],
    totalExperience: [{ months: r.totalExperienceMonths }],
  };
}

export function resumeStatistics(r: Resume) {
  return {
    periodDays: 7,
    searchShows: { count: r.searchShows, countNew: r.newSearchShows },
    views: { count: r.totalViews, countNew: r.newViews },
    invitations: { count: r.invitations, countNew: r.newInvitations },
  };
}

export function applicantResumesStatistics(resumes: Resume[]) {
  return { resumes: Object.fromEntries(resumes.map((r) => [r.id, { statistics: resumeStatistics(r) }])) };
}

export function applicantResumes(state: SandboxState, user: User | null) {
  return user ? state.resumesOf(user.id).map((r) => titledResume(state, r)) : [];
}
