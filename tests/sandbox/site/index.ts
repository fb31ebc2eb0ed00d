/**
 * The hh.ru site half of the sandbox: the pages and session endpoints of hh.ru and its sister sites
 * (any host the core routes here: hh.ru, spb.hh.ru, resume-profile-front.hh.ru, hh.kz, ...), played
 * after shared/docs/hh-site.md over the same state as the API half. `/__sandbox/*` and `/oauth/*`
 * never reach here. Null lets the core answer 404.
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import { homePage, login, loginPage, logout } from './account';
import { apply, applyFormPage, applyPreflight } from './apply';
import { captchaPage, solveCaptcha } from './captcha';
import { historyPage } from './history-page';
import { negotiationsPage } from './negotiations-page';
import { profileFront, touchA, touchByButton } from './raise';
import { profilePage, resumesPage } from './resumes-page';
import { searchPage } from './search-page';
import { headerResumesShard, resumesShard } from './shards';
import { vacancyPage } from './vacancy-page';

type Handler = (req: SandboxRequest) => SandboxResponse;

const GET: Record<string, Handler> = {
  '/': homePage,
  '/search/vacancy': searchPage,
  '/applicant/resumes': resumesPage,
  '/applicant/profile/me': profilePage,
  '/applicant/resumeview/history': historyPage,
  '/applicant/negotiations': negotiationsPage,
  '/applicant/vacancy_response': applyFormPage,
  '/applicant/vacancy_response/popup': applyPreflight,
  '/shards/applicant/resumes': resumesShard,
  '/shards/applicant/header_resumes': headerResumesShard,
  '/account/login': loginPage,
  '/account/captcha': captchaPage,
};

const POST: Record<string, Handler> = {
  '/applicant/vacancy_response/popup': apply,
  '/applicant/resumes/touch': touchA,
  '/shards/applicant/resumes/raise': touchByButton,
  '/account/login': login,
  '/account/logout': logout,
  '/account/captcha': solveCaptcha,
};

export async function handleSite(req: SandboxRequest): Promise<SandboxResponse | null> {
  if (req.host.startsWith('resume-profile-front.')) return profileFront(req);
  const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const vacancyId = /^\/vacancy\/(\d+)$/.exec(path)?.[1];
    if (vacancyId) return vacancyPage(req, vacancyId);
    return GET[path]?.(req) ?? null;
  }
  if (req.method === 'POST') return POST[path]?.(req) ?? null;
  return null;
}
