/**
 * `GET /applicant/resumes`: the resume list with hh.ru's own raise button (two data-qa tokens) beside
 * the paid upsell (one token), or the «Поднять вручную можно ...» line while a resume cools down.
 * Pressing the button runs the page's script, which raises through whichever form "hh.ru" accepts
 * now (config raiseVariant) and redraws the card.
 *
 * With config resumesRedirect it answers 302 to `/applicant/profile/me` instead.
 *
 * Test URLs: /applicant/resumes (resume 1001 can be raised, 1002 is cooling down)
 */
import { redirect } from '../http';
import type { Resume, SandboxState } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { whenText } from './format';
import { isResponse, pageUser } from './guard';
import { encodeState, escapeHtml, page } from './html';
import { applicantResumes, applicantResumesStatistics } from './resume-shapes';
import { READ_XSRF } from './scripts';
import { siteOf } from '../../../lib/hh/sites';

const STATUS_TEXT: Record<Resume['status'], string> = {
  published: 'Опубликовано',
  not_published: 'Не опубликовано',
  blocked: 'Заблокировано',
  on_moderation: 'На проверке',
};

function raiseBlock(state: SandboxState, r: Resume): string {
  if (r.status !== 'published') return '';
  const upsell = `<button class="bloko-button bloko-button_secondary" type="button" data-qa="resume-update-button_actions">Поднять автоматически</button>`;
  if (state.canRaise(r)) {
    return `<button class="bloko-button" type="button" data-qa="resume-update-button resume-update-button_actions" data-resume-hash="${r.hash}">Поднять в поиске</button>
${upsell}`;
  }
  return `<div data-qa="title-description">Поднять вручную можно ${whenText(r.nextPublishAt, state.now())}</div>
${upsell}`;
}

function card(state: SandboxState, r: Resume): string {
  const notes = r.moderationNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<div class="card resume-card" data-qa="resume" data-qa-id="${r.hash}">
<a data-qa="resume-card-link-${r.hash}" href="/resume/${r.hash}"><h3 data-qa="resume-title">${escapeHtml(r.title)}</h3></a>
<div data-qa="resume-status">${STATUS_TEXT[r.status]}</div>
${notes ? `<ul data-qa="resume-moderation-notes">${notes}</ul>` : ''}
<div class="resume-card__stats">
<span data-qa="resume-views">Просмотры: ${r.totalViews}${r.newViews ? ` (+${r.newViews})` : ''}</span>
<span data-qa="resume-search-shows">Показы в поиске: ${r.searchShows}</span>
<span data-qa="resume-invitations">Приглашения: ${r.invitations}</span>
<a data-qa="resume-history-link" href="/applicant/resumeview/history?resumeHash=${r.hash}">Кто смотрел</a>
</div>
<div class="resume-card__actions">
${raiseBlock(state, r)}
</div>
</div>`;
}

/** hh.ru's own raise button: the request of the variant in force, then the card redrawn from a fresh page. */
function raiseScript(req: SandboxRequest): string {
  const variant = req.state.config.raiseVariant;
  const profileFront = `https://resume-profile-front.${siteOf(req.host) ?? 'hh.ru'}`;
  return `(function () {
  ${READ_XSRF}
  var variant = ${JSON.stringify(variant)};
  function send(hash) {
    var headers = { 'X-Xsrftoken': hhXsrf(), 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
    if (variant === 'profile') {
      headers['Content-Type'] = 'application/json';
      return fetch(${JSON.stringify(profileFront)} + '/profile/shards/resume/touch',
        { method: 'POST', credentials: 'include', headers: headers, body: JSON.stringify({ hash: hash }) });
    }
    var body = new FormData();
    body.append('resume', hash);
    body.append('undirectable', 'true');
    var url = variant === 'button' ? '/shards/applicant/resumes/raise' : '/applicant/resumes/touch';
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: body });
  }
  function redraw(hash, note) {
    return fetch(location.href, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var sel = '[data-qa="resume"][data-qa-id="' + hash + '"]';
        var fresh = doc.querySelector(sel);
        var current = document.querySelector(sel);
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
        if (note) {
          var p = document.createElement('p');
          p.setAttribute('data-qa', 'resume-update-message');
          p.textContent = note;
          var card = document.querySelector(sel);
          if (card) card.appendChild(p);
        }
      });
  }
  document.addEventListener('click', function (e) {
    var target = e.target && e.target.closest ? e.target : null;
    if (!target) return;
    var button = target.closest('button[data-qa~="resume-update-button"]');
    if (button) {
      e.preventDefault();
      button.disabled = true;
      var hash = button.getAttribute('data-resume-hash');
      send(hash).then(function (r) {
        return redraw(hash, r.ok ? 'Резюме поднято в поиске' : r.status === 409 ? 'Поднять резюме пока нельзя' : 'Не удалось поднять резюме');
      }, function () { button.disabled = false; });
      return;
    }
    var upsell = target.closest('button[data-qa="resume-update-button_actions"]');
    if (upsell) {
      e.preventDefault();
      var modal = document.createElement('div');
      modal.setAttribute('data-qa', 'resume-auto-update-upsell');
      modal.className = 'card';
      modal.textContent = 'Автоподнятие резюме — платная услуга. Выберите пакет, чтобы подключить её.';
      upsell.parentElement.appendChild(modal);
    }
  });
})();`;
}

export function resumesPage(req: SandboxRequest): SandboxResponse {
  const user = pageUser(req);
  if (isResponse(user)) return user;
  // Newer evidence [S, 2026-08-02]: the list may redirect to the profile, which carries
  // `applicantResumes` too; the 2026-09-08 sources show the list itself [C]: a switch.
  if (req.state.config.resumesRedirect) return redirect('/applicant/profile/me');
  const resumes = req.state.resumesOf(user.id);
  return page(req, {
    title: 'Мои резюме',
    luxPageName: 'ApplicantResumes',
    state: {
      applicantResumes: applicantResumes(req.state, user),
      applicantResumesStatistics: applicantResumesStatistics(resumes),
    },
    main: `<main class="applicant-resumes">
<h1 data-qa="page-title">Мои резюме</h1>
${resumes.map((r) => card(req.state, r)).join('\n')}
</main>`,
    scripts: [raiseScript(req)],
  });
}

/** `GET /applicant/profile/me`: the profile, with the profile front's own state template. */
export function profilePage(req: SandboxRequest): SandboxResponse {
  const user = pageUser(req);
  if (isResponse(user)) return user;
  const resumes = req.state.resumesOf(user.id);
  const front = {
    profile: { firstName: user.firstName, lastName: user.lastName, middleName: user.middleName, email: user.email },
    resumes: resumes.map((r) => ({
      id: r.id,
      hash: r.hash,
      title: r.title,
      status: r.status,
      canTouch: req.state.canRaise(r),
      nextTouchAt: r.nextPublishAt,
    })),
  };
  const list = resumes
    .map((r) => `<li><a data-qa="resume-card-link-${r.hash}" href="/resume/${r.hash}">${escapeHtml(r.title)}</a></li>`)
    .join('');
  return page(req, {
    title: 'Профиль соискателя',
    luxPageName: 'ApplicantProfile',
    state: {
      applicantResumes: applicantResumes(req.state, user),
      applicantResumesStatistics: applicantResumesStatistics(resumes),
    },
    main: `<main class="applicant-profile">
<h1 data-qa="profile-name">${escapeHtml(`${user.firstName} ${user.lastName}`)}</h1>
<h2>Резюме</h2><ul data-qa="profile-resumes">${list}</ul>
</main>`,
    extra: `<template class="ResumeProfileFront-InitialState">${encodeState(front)}</template>`,
  });
}
