/**
 * `GET /applicant/resumeview/history?resumeHash=<hash>`: who viewed a resume, grouped by year, day
 * (Moscow) and company. Reading it marks every view seen, as the API's views method does.
 * The parameter is `resumeHash`; hh.ru answers 400 to `resume`.
 *
 * Test URLs: /applicant/resumeview/history?resumeHash=<hash of 1001>
 */
import { html, json } from '../http';
import type { ResumeView, SandboxState } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { dateText, msk } from './format';
import { isResponse, pageUser } from './guard';
import { escapeHtml, notFoundPage, page } from './html';
import { pageAnswer } from './session';

interface Company {
  id: number | null;
  name: string;
  views: number[];
  viewed: boolean;
}

interface Day {
  day: number;
  month: number;
  companies: Company[];
}

interface Year {
  year: number;
  days: Day[];
}

/** Newest first at every level, as hh.ru lists them. */
function group(state: SandboxState, views: ResumeView[]): Year[] {
  const years: Year[] = [];
  for (const v of [...views].sort((a, b) => b.at - a.at)) {
    const t = msk(v.at);
    let year = years.find((y) => y.year === t.year);
    if (!year) years.push((year = { year: t.year, days: [] }));
    let day = year.days.find((d) => d.day === t.day && d.month === t.month);
    if (!day) year.days.push((day = { day: t.day, month: t.month, companies: [] }));
    const id = v.employerId === null ? null : Number(v.employerId);
    let company = day.companies.find((c) => c.id === id);
    if (!company) {
      const name = v.employerId === null ? '' : (state.employer(v.employerId)?.name ?? '');
      day.companies.push((company = { id, name, views: [], viewed: true }));
    }
    company.views.push(v.at);
    company.viewed &&= v.viewed;
  }
  return years;
}

/** The 400 is seen [M]; guess: both bodies. */
function badRequest(req: SandboxRequest): SandboxResponse {
  if (pageAnswer(req) === 'json') return json(400, { error: 'bad-request', param: 'resumeHash' });
  return html(400, '<!DOCTYPE html><html lang="ru"><meta charset="utf-8"><title>400</title><h1>Неверный запрос</h1></html>');
}

function historyHtml(years: Year[]): string {
  const items = years
    .flatMap((y) => y.days)
    .map((d) => {
      const companies = d.companies
        .map(
          (c) => `<li data-qa="resume-history-item">
<span data-qa="resume-history-item-company">${c.name ? escapeHtml(c.name) : 'Анонимная компания'}</span>
<span data-qa="resume-history-item-count">${c.views.length}</span>${c.viewed ? '' : ' <span data-qa="resume-history-item-new">новый</span>'}
</li>`,
        )
        .join('');
      return `<section data-qa="resume-history-day"><h3>${escapeHtml(dateText(d.companies[0]!.views[0]!))}</h3><ul>${companies}</ul></section>`;
    })
    .join('\n');
  return items || '<p data-qa="resume-history-empty">Пока никто не смотрел это резюме</p>';
}

export function historyPage(req: SandboxRequest): SandboxResponse {
  const hash = req.query.get('resumeHash');
  if (!hash || req.query.has('resume')) return badRequest(req);
  const user = pageUser(req);
  if (isResponse(user)) return user;
  const r = req.state.resume(hash);
  if (!r || r.userId !== user.id || r.hash !== hash) return notFoundPage(req, 'Резюме не найдено');
  const stale = pageAnswer(req) === 'stale';
  // A stale build reads nothing (406), so it must not mark the views seen either.
  const views = stale ? r.views : req.state.readViews(r);
  const years = group(req.state, views);
  return page(req, {
    title: `Кто смотрел резюме «${r.title}»`,
    luxPageName: 'ResumeViewHistory',
    state: {
      applicantResumeViewHistory: {
        resume: { id: r.id, hash: r.hash, title: r.title },
        historyViews: { total: views.length, new: views.filter((v) => !v.viewed).length, years },
      },
    },
    main: `<main class="resume-view-history">
<h1 data-qa="resume-history-title">Кто смотрел резюме «${escapeHtml(r.title)}»</h1>
${historyHtml(years)}
</main>`,
  });
}
