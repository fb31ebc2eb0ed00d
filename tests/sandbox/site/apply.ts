/**
 * Applying through the site (hh-site.md, "apply preflight" and "apply").
 *
 * `GET /applicant/vacancy_response/popup?vacancyId=` (Accept + X-Requested-With): no side effects,
 * `{type, body:{responseStatus}}`, type one of '' / quickResponse / modal / alreadyApplied /
 * needLogin / noResumes / testRequired ('' with responseImpossible for archived and direct ones).
 *
 * `POST /applicant/vacancy_response/popup` (multipart or urlencoded): 200
 * `{"success":"true","topic_id","chat_id"}`. Status codes chosen here: 403 is the session's (the
 * XSRF HTML page, needLogin, captcha); every refusal of the application itself is 400
 * `{"error": ...}` (404 for an unknown vacancy): negotiations-limit-exceeded, test-required,
 * letter-required, already-applied, vacancy-archived, vacancy-direct, resume-not-published,
 * resume-not-found, letter-too-long.
 */
import { json, redirect } from '../http';
import { LETTER_MAX_LENGTH } from '../state';
import type { ApplyRefusal, SandboxState, User, Vacancy } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isResponse, pageUser, writer } from './guard';
import { escapeHtml, notFoundPage, page } from './html';
import { READ_XSRF } from './scripts';
import { applicant, xhrJson } from './session';
import { shortVacancy, topicShort, topicsFor } from './vacancy-shapes';

function responseStatus(state: SandboxState, user: User, v: Vacancy) {
  const resumes = state.resumesOf(user.id);
  const topics = topicsFor(state, user, v.id);
  const used = new Set(topics.map((t) => t.resumeId));
  const ids = (keep: (r: (typeof resumes)[number]) => boolean) => resumes.filter(keep).map((r) => Number(r.id));
  return {
    resumes: Object.fromEntries(
      resumes.map((r) => [
        r.id,
        {
          id: Number(r.id),
          hash: r.hash,
          title: [{ string: r.title }],
          isIncomplete: r.progress.mandatory.length > 0,
          forbidden: r.status === 'blocked',
        },
      ]),
    ),
    usedResumeIds: ids((r) => used.has(r.id)),
    unusedResumeIds: ids((r) => r.status === 'published' && !used.has(r.id)),
    unfinishedResumeIds: ids((r) => r.status === 'not_published'),
    hiddenResumeIds: ids((r) => r.access === 'no_one'),
    test: { hasTests: v.hasTest, required: v.testRequired },
    letterMaxLength: LETTER_MAX_LENGTH,
    responseImpossible: v.archived || v.type === 'direct',
    alreadyApplied: topics.length > 0,
    negotiations: { total: topics.length, topicList: topics.map(topicShort) },
    shortVacancy: shortVacancy(state, v),
  };
}

function preflightType(status: ReturnType<typeof responseStatus>, v: Vacancy): string {
  if (status.alreadyApplied) return 'alreadyApplied';
  if (status.responseImpossible) return '';
  if (Object.keys(status.resumes).length === 0) return 'noResumes';
  if (v.testRequired) return 'testRequired';
  return status.unusedResumeIds.length === 1 && !v.letterRequired ? 'quickResponse' : 'modal';
}

export function applyPreflight(req: SandboxRequest): SandboxResponse {
  const id = req.query.get('vacancyId') ?? '';
  if (!xhrJson(req)) return redirect(`/applicant/vacancy_response?vacancyId=${encodeURIComponent(id)}`);
  const v = req.state.vacancy(id);
  if (!v) return json(404, { error: 'vacancy-not-found' });
  const user = applicant(req);
  if (!user) return json(200, { type: 'needLogin', body: {} });
  const status = responseStatus(req.state, user, v);
  return json(200, {
    type: preflightType(status, v),
    body: { responseStatus: status, ...(v.type === 'direct' ? { redirectUrl: v.directUrl } : {}) },
  });
}

const REFUSAL: Record<ApplyRefusal, [number, string]> = {
  vacancy_not_found: [404, 'vacancy-not-found'],
  resume_not_found: [400, 'resume-not-found'],
  not_applicant: [403, 'need-login'],
  archived: [400, 'vacancy-archived'],
  direct: [400, 'vacancy-direct'],
  not_published: [400, 'resume-not-published'],
  already_applied: [400, 'already-applied'],
  test_required: [400, 'test-required'],
  letter_required: [400, 'letter-required'],
  too_long_message: [400, 'letter-too-long'],
  limit_exceeded: [400, 'negotiations-limit-exceeded'],
};

export function apply(req: SandboxRequest): SandboxResponse {
  const user = writer(req);
  if (isResponse(user)) return user;
  const vacancyId = req.form['vacancy_id'] ?? '';
  const hash = req.form['resume_hash'] ?? '';
  // The site takes the resume's hash only; a numeric id finds nothing, as on hh.ru.
  const resume = req.state.resumesOf(user.id).find((r) => r.hash === hash);
  if (!req.state.vacancy(vacancyId)) return json(404, { error: 'vacancy-not-found' });
  if (!resume) return json(400, { error: 'resume-not-found' });
  const outcome = req.state.apply(user, vacancyId, resume.hash, req.form['letter'] ?? '', 'site');
  if (outcome.ok) {
    return json(200, { success: 'true', topic_id: outcome.negotiation.id, chat_id: outcome.negotiation.chatId });
  }
  const [status, error] = REFUSAL[outcome.reason];
  return json(status, { error, ...(outcome.reason === 'direct' ? { redirectUrl: outcome.vacancy?.directUrl } : {}) });
}

/** hh.ru's own apply form: where tests, questionnaires and letters are filled in by the person. */
const FORM_SCRIPT = `(function () {
  ${READ_XSRF}
  var form = document.querySelector('form[data-qa="vacancy-response-form"]');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = new FormData(form);
    body.append('_xsrf', hhXsrf());
    fetch('/applicant/vacancy_response/popup', {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-Xsrftoken': hhXsrf(), 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' },
    }).then(function (r) { return r.json(); }).then(function (answer) {
      var out = document.querySelector('[data-qa="vacancy-response-result"]');
      out.textContent = answer.success ? 'Отклик отправлен' : 'Отклик не отправлен: ' + (answer.error || answer.type || '');
      out.setAttribute('data-result', answer.success ? 'success' : answer.error || 'error');
    });
  });
})();`;

export function applyFormPage(req: SandboxRequest): SandboxResponse {
  const v = req.state.vacancy(req.query.get('vacancyId') ?? '');
  if (!v) return notFoundPage(req, 'Вакансия не найдена');
  const user = pageUser(req);
  if (isResponse(user)) return user;
  const options = req.state
    .resumesOf(user.id)
    .filter((r) => r.status === 'published')
    .map((r, i) => `<label><input type="radio" name="resume_hash" value="${r.hash}"${i === 0 ? ' checked' : ''}> ${escapeHtml(r.title)}</label>`)
    .join('<br>');
  const test = v.hasTest
    ? `<fieldset data-qa="vacancy-response-test"><legend>Вопросы работодателя</legend>
<label>Сколько лет вы работаете с TypeScript? <input type="text" name="task_1"></label></fieldset>`
    : '';
  return page(req, {
    title: `Отклик на вакансию ${v.name}`,
    luxPageName: 'VacancyResponse',
    state: { vacancyResponse: { vacancyId: Number(v.id), responseStatus: responseStatus(req.state, user, v) } },
    main: `<main class="vacancy-response">
<h1>Отклик на вакансию «${escapeHtml(v.name)}»</h1>
<form data-qa="vacancy-response-form">
<input type="hidden" name="vacancy_id" value="${v.id}">
<input type="hidden" name="lux" value="true">
<input type="hidden" name="ignore_postponed" value="true">
${options}
${test}
<label>Сопроводительное письмо${v.letterRequired ? ' (обязательно)' : ''}<br>
<textarea name="letter" data-qa="vacancy-response-popup-form-letter-input" maxlength="${LETTER_MAX_LENGTH}"></textarea></label>
<button class="bloko-button" type="submit" data-qa="vacancy-response-submit-popup">Откликнуться</button>
</form>
<p data-qa="vacancy-response-result"></p>
</main>`,
    scripts: [FORM_SCRIPT],
  });
}
