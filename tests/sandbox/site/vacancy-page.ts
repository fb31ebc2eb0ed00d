/**
 * `GET /vacancy/<id>`: hh.ru's vacancy page in the state shape the config picks ('classic' or the
 * 2026-09-25 'full'), with the user's resumes in the state, the apply markers (or none with
 * `?nomarkers=1`), and a "similar vacancies" block that navigates in-page like hh.ru's SPA.
 *
 * Test URLs: /vacancy/70000001 (open), /vacancy/70000002 (letter required), /vacancy/70000003
 * (test), /vacancy/70000004 (archived), /vacancy/70000005 (direct), /vacancy/70000001?nomarkers=1
 */
import { redirect } from '../http';
import type { SandboxState, User, Vacancy } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { captchaUrl } from './captcha';
import { EXPERIENCE_TEXT, salaryText } from './format';
import { escapeHtml, notFoundPage, page } from './html';
import { applicantResumes } from './resume-shapes';
import { applicant } from './session';
import {
  classicVacancyView,
  fullResponseStatus,
  fullVacancyView,
  searchItem,
  similarVacancies,
  sparseResponseStatus,
  topicsFor,
} from './vacancy-shapes';

function vacancyState(req: SandboxRequest, user: User | null, v: Vacancy) {
  const state = req.state;
  const full = state.config.vacancyShape === 'full';
  return {
    vacancyView: full ? fullVacancyView(state, user, v) : classicVacancyView(state, v),
    applicantVacancyResponseStatuses: {
      [v.id]: full ? sparseResponseStatus(state, user, v) : fullResponseStatus(state, user, v),
    },
    applicantResumes: applicantResumes(state, user),
    relatedVacancies: { vacancies: similarVacancies(state, v).map((x) => searchItem(state, user, x, req.url.origin)) },
  };
}

/** `data-qa` only when the page keeps its markers: `?nomarkers=1` plays a redesign that dropped them. */
function qa(markers: boolean, name: string): string {
  return markers ? ` data-qa="${name}"` : '';
}

function actions(state: SandboxState, user: User | null, v: Vacancy, markers: boolean, place: 'top' | 'bottom'): string {
  if (v.archived) {
    return place === 'top' ? `<p class="vacancy-archived" data-qa="vacancy-archive-description">Вакансия в архиве. Работодатель больше не принимает отклики.</p>` : '';
  }
  const applyHref = `/applicant/vacancy_response?vacancyId=${v.id}&amp;hhtmFrom=vacancy`;
  const topic = topicsFor(state, user, v.id)[0];
  if (!topic) {
    return `<a class="bloko-button"${qa(markers, `vacancy-response-link-${place}`)} href="${applyHref}">Откликнуться</a>`;
  }
  if (place === 'bottom') return '';
  return `<div class="vacancy-response-done">
<span>Вы откликнулись</span>
<a class="bloko-button bloko-button_secondary"${qa(markers, 'vacancy-response-link-view-topic')} href="/applicant/negotiations/item?topicId=${topic.id}">Смотреть отклик</a>
<a class="bloko-button bloko-button_secondary"${qa(markers, 'vacancy-response-link-top-again')} href="${applyHref}">Откликнуться ещё раз</a>
</div>`;
}

function similarBlock(req: SandboxRequest, v: Vacancy, markers: boolean): string {
  const suffix = markers ? '' : '?nomarkers=1';
  const items = similarVacancies(req.state, v)
    .map((x) => {
      const e = req.state.employer(x.employerId);
      return `<li class="similar-vacancy"><a data-qa="vacancy-serp__vacancy-title" data-spa-link href="/vacancy/${x.id}${suffix}">${escapeHtml(x.name)}</a>
<span data-qa="vacancy-serp__vacancy-employer">${escapeHtml(e?.name ?? '')}</span></li>`;
    })
    .join('\n');
  return `<section class="vacancy-similar" data-qa="vacancy-similar"><h2>Похожие вакансии</h2><ul>${items}</ul></section>`;
}

function mainBlock(req: SandboxRequest, user: User | null, v: Vacancy, markers: boolean): string {
  const employer = req.state.employer(v.employerId);
  const skills = v.keySkills.map((s) => `<li data-qa="skills-element">${escapeHtml(s)}</li>`).join('');
  return `<main class="vacancy-page" data-vacancy-id="${v.id}">
<div class="vacancy-title"><h1 data-qa="vacancy-title">${escapeHtml(v.name)}</h1></div>
<div data-qa="vacancy-salary">${escapeHtml(salaryText(v.salary))}</div>
<a data-qa="vacancy-company-name" href="/employer/${v.employerId}">${escapeHtml(employer?.name ?? '')}</a>
<p data-qa="vacancy-view-location">${escapeHtml(v.area.name)}</p>
<p>Требуемый опыт работы: <span data-qa="vacancy-experience">${EXPERIENCE_TEXT[v.experience]}</span></p>
<div class="vacancy-actions">${actions(req.state, user, v, markers, 'top')}</div>
<div class="vacancy-description" data-qa="vacancy-description">${v.description}</div>
<div class="vacancy-skills"><h2>Ключевые навыки</h2><ul>${skills}</ul></div>
<div class="vacancy-actions">${actions(req.state, user, v, markers, 'bottom')}</div>
${similarBlock(req, v, markers)}
</main>`;
}

/**
 * hh.ru is a SPA: a similar-vacancy link changes the URL first (pushState), then swaps the main
 * block for the new vacancy's. The lux state template keeps the first vacancy's state, as on hh.ru.
 */
const SPA_SCRIPT = `(function () {
  var root = document.getElementById('HH-React-Root');
  function render(url) {
    fetch(url, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var next = doc.querySelector('main');
        var current = root.querySelector('main');
        if (!next || !current) return;
        current.replaceWith(document.importNode(next, true));
        document.title = doc.title;
      });
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-spa-link]') : null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    history.pushState({ vacancy: a.getAttribute('href') }, '', a.href);
    render(a.href);
  });
  window.addEventListener('popstate', function () { render(location.href); });
})();`;

export function vacancyPage(req: SandboxRequest, id: string): SandboxResponse {
  const v = req.state.vacancy(id);
  if (!v) return notFoundPage(req, 'Вакансия не найдена');
  const user = applicant(req);
  if (user?.captchaRequired) return redirect(captchaUrl(req, req.url.href));
  const markers = req.query.get('nomarkers') !== '1';
  const employer = req.state.employer(v.employerId);
  return page(req, {
    title: `Вакансия ${v.name} (${v.area.name}), работа в компании ${employer?.name ?? ''}`,
    luxPageName: 'VacancyView',
    heavy: 'vacancy',
    state: vacancyState(req, user, v),
    main: mainBlock(req, user, v, markers),
    scripts: [SPA_SCRIPT],
  });
}
