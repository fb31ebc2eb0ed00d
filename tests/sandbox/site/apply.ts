/**
 * Applying through the site (hh-site.md, "apply preflight" and "apply", and its Newer evidence).
 *
 * `GET /applicant/vacancy_response/popup?vacancyId=`: no side effects; JSON only to the three
 * headers (Newer evidence: "a JSON read without all three headers" is refused); `{type,
 * body:{responseStatus}}`, type one of '' / quickResponse / modal / alreadyApplied / needLogin /
 * noResumes / testRequired [M] ('' with responseImpossible for archived and direct ones), or for a
 * test with config testPreflight 'redirect' `{type: "test-required", redirect_uri}` and no body [S].
 * An unknown vacancy: 400 `{"error":"unknown"}` [S, 2026-08].
 *
 * `POST /applicant/vacancy_response/popup` (multipart or urlencoded), from an hh page of the same
 * site with the `_xsrf` echo (else the 403 HTML page): 200 `{"success":"true","topic_id","chat_id"}`
 * [M] (plus `requiredAdditionalData` with config applyAdditionalData [S]); a bad resume hash or
 * vacancy id 400 `{"error":"unknown"}` [S]; the refusal words hh.ru is seen to use [M]
 * (negotiations-limit-exceeded, test-required, letter-required, already-applied, vacancy-archived).
 * guess: the 400 status of every refusal, and the words marked below. About 10 applies within a
 * minute flag the account for the captcha [S] (config captchaAfterApplies).
 */
import { json, redirect } from '../http';
import { LETTER_MAX_LENGTH } from '../state';
import type { ApplyRefusal, SandboxState, User, Vacancy } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { isResponse, pageUser, writer } from './guard';
import { escapeHtml, notFoundPage, page } from './html';
import { READ_XSRF } from './scripts';
import { applicant, pageAnswer, partialJsonAsk } from './session';
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

/** Newer evidence [S, 2026-08]: a bad resume hash or vacancy id in preflight or apply. */
const UNKNOWN = { error: 'unknown' } as const;

/** The form a test is taken on (hh-site.md, "tests / questionnaires" [M]); `hhtmFrom` is a guess for the "&...". */
function testFormUrl(req: SandboxRequest, v: Vacancy): string {
  return `${req.url.origin}/applicant/vacancy_response?vacancyId=${v.id}&startedWithQuestion=true&hhtmFrom=vacancy`;
}

export function applyPreflight(req: SandboxRequest): SandboxResponse {
  const id = req.query.get('vacancyId') ?? '';
  if (pageAnswer(req) !== 'json') {
    // guess: an XHR short of the three headers (or with an old build) gets 406 and the build, as the
    // shards answer; a plain navigation gets hh's own apply form page.
    if (partialJsonAsk(req)) return json(406, { error: 'not-acceptable', build: req.state.config.siteBuild });
    return redirect(`/applicant/vacancy_response?vacancyId=${encodeURIComponent(id)}`);
  }
  const v = req.state.vacancy(id);
  if (!v) return json(400, UNKNOWN);
  const user = applicant(req);
  // guess: the empty body beside needLogin.
  if (!user) return json(200, { type: 'needLogin', body: {} });
  const status = responseStatus(req.state, user, v);
  const type = preflightType(status, v);
  if (type === 'testRequired' && req.state.config.testPreflight === 'redirect') {
    return json(200, { type: 'test-required', redirect_uri: testFormUrl(req, v) });
  }
  return json(200, {
    type,
    // guess: `redirectUrl` for a vacancy whose applications go to the employer's own site.
    body: { responseStatus: status, ...(v.type === 'direct' ? { redirectUrl: v.directUrl } : {}) },
  });
}

/** What each refusal of the state answers on the site. Status 400 throughout: guess. */
const REFUSAL: Record<ApplyRefusal, [number, string]> = {
  vacancy_not_found: [400, UNKNOWN.error],
  resume_not_found: [400, UNKNOWN.error],
  // guess: an employer's session; the apply handler lets only applicants this far.
  not_applicant: [403, 'need-login'],
  archived: [400, 'vacancy-archived'],
  // guess: the word, and the `redirectUrl` sent with it.
  direct: [400, 'vacancy-direct'],
  // guess
  not_published: [400, 'resume-not-published'],
  already_applied: [400, 'already-applied'],
  test_required: [400, 'test-required'],
  letter_required: [400, 'letter-required'],
  // guess
  too_long_message: [400, 'letter-too-long'],
  limit_exceeded: [400, 'negotiations-limit-exceeded'],
};

export function apply(req: SandboxRequest): SandboxResponse {
  const user = writer(req);
  if (isResponse(user)) return user;
  const vacancyId = req.form['vacancy_id'] ?? '';
  const hash = req.form['resume_hash'] ?? '';
  // The site takes the resume's hash only [M]; a numeric id, like any bad hash, is "unknown" [S].
  const resume = req.state.resumesOf(user.id).find((r) => r.hash === hash);
  if (!req.state.vacancy(vacancyId) || !resume) return json(400, UNKNOWN);
  const outcome = req.state.apply(user, vacancyId, resume.hash, req.form['letter'] ?? '', 'site');
  if (outcome.ok) {
    req.state.noteSiteApply(user);
    return json(200, {
      success: 'true',
      topic_id: outcome.negotiation.id,
      chat_id: outcome.negotiation.chatId,
      ...(req.state.config.applyAdditionalData ? { requiredAdditionalData: ['PREFERRED_WORK_AREAS'] } : {}),
    });
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
