/**
 * The home page and hh.ru's login/logout, played simply: a login form that picks a sandbox user
 * and sets the same cookies as the core's `/__sandbox/login` shortcut.
 *
 * Test URLs: /, /account/login?backurl=/applicant/resumes
 */
import { redirect, setCookie } from '../http';
import type { SandboxRequest, SandboxResponse } from '../types';
import { writeRefusal } from './guard';
import { escapeHtml, page } from './html';
import { XSRF_FROM_COOKIE } from './scripts';
import { cookieDomain, safeBackurl, sessionCookies } from './session';

export function homePage(req: SandboxRequest): SandboxResponse {
  const latest = req.state
    .search()
    .slice(0, 5)
    .map((v) => `<li><a href="/vacancy/${v.id}">${escapeHtml(v.name)}</a></li>`)
    .join('');
  return page(req, {
    title: 'Работа в Москве, поиск персонала и публикация вакансий — hh.ru',
    luxPageName: 'IndexPage',
    main: `<main class="index-page">
<h1>Работа найдётся для каждого</h1>
<form action="/search/vacancy" method="get" data-qa="search-form">
<input type="text" name="text" data-qa="search-input" placeholder="Профессия, должность или компания">
<button class="bloko-button" type="submit" data-qa="search-button">Найти</button>
</form>
<h2>Свежие вакансии</h2><ul>${latest}</ul>
</main>`,
  });
}

export function loginPage(req: SandboxRequest): SandboxResponse {
  const backurl = safeBackurl(req, req.query.get('backurl'));
  const options = req.state.users
    .map((u) => `<option value="${u.login}">${escapeHtml(`${u.firstName} ${u.lastName}`)} (${u.isApplicant ? 'соискатель' : 'работодатель'})</option>`)
    .join('');
  return page(req, {
    title: 'Вход в личный кабинет',
    luxPageName: 'AccountLogin',
    main: `<main class="account-login">
<h1 data-qa="account-login-title">Вход в личный кабинет</h1>
<form method="post" action="/account/login" data-xsrf-form>
<input type="hidden" name="_xsrf" value="">
<input type="hidden" name="backurl" value="${escapeHtml(backurl)}">
<label>Пользователь <select name="user" data-qa="account-login-user">${options}</select></label>
<button class="bloko-button" type="submit" data-qa="account-login-submit">Войти</button>
</form>
</main>`,
    scripts: [XSRF_FROM_COOKIE],
  });
}

export function login(req: SandboxRequest): SandboxResponse {
  const refused = writeRefusal(req);
  if (refused) return refused;
  const user = req.state.userByLogin(req.form['user'] ?? '');
  if (!user) return redirect(`/account/login?backurl=${encodeURIComponent(req.form['backurl'] ?? '/')}`);
  const session = req.state.createSession(user.id, req.host);
  return redirect(safeBackurl(req, req.form['backurl']), 302, { 'set-cookie': sessionCookies(req.host, session) });
}

export function logout(req: SandboxRequest): SandboxResponse {
  const refused = writeRefusal(req);
  if (refused) return refused;
  req.state.endSession(req.cookies['hhtoken']);
  const domain = cookieDomain(req.host);
  return redirect('/', 302, {
    'set-cookie': [setCookie('hhtoken', '', { domain, httpOnly: true, maxAge: 0 }), setCookie('_xsrf', '', { maxAge: 0 })],
  });
}
