/**
 * The hh.ru page shell: header, `window.globalVars` with the build, the page state in
 * `<template id="HH-Lux-InitialState">` (entity-encoded JSON, as fetched HTML carries it), and the
 * same state as the JSON answer when a page URL is asked with the three headers.
 */
import { escapeHtml, html, json } from '../http';
import { randomToken } from '../state';
import type { SandboxRequest, SandboxResponse } from '../types';
import { applicant, pageAnswer, xsrfCookieIfMissing } from './session';
import { HYDRATE_SCRIPT, REAL_WEIGHT, footerFill, heavyState, heavyStyle, iconSprite, pageWeight } from './weight';

export { escapeHtml };

/** JSON inside HTML the way hh.ru serves it: `&quot;`-encoded; `template.content.textContent` decodes it. */
export function encodeState(state: unknown): string {
  return JSON.stringify(state).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside a `<script>`: only `</script` and line separators can break out. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** What every page state carries, whoever looks at it. */
export function commonState(req: SandboxRequest, luxPageName: string): Record<string, unknown> {
  const user = applicant(req);
  const resumes = user ? req.state.resumesOf(user.id) : [];
  return {
    userType: user ? 'applicant' : req.user ? 'employer' : 'anonymous',
    // hh.ru's page state carries xsrf-looking values that rotate and never match the cookie.
    xsrfToken: randomToken(16).toLowerCase(),
    request: { luxPageName, host: req.host, path: req.path, url: req.url.href },
    // Newer evidence [S, capture 2026-09-08]: these five, nulls when anonymous, and no user id.
    account: {
      firstName: user?.firstName ?? null,
      middleName: user ? user.middleName : null,
      lastName: user?.lastName ?? null,
      email: user?.email ?? null,
      phone: user?.phone ?? null,
    },
    userStats: user ? { 'new-resumes-views': resumes.reduce((n, r) => n + r.newViews, 0) } : {},
    lang: 'RU',
  };
}

export interface PageSpec {
  title: string;
  luxPageName: string;
  /** Page-specific state, merged over the common part. */
  state?: Record<string, unknown>;
  /** The page's main block. */
  main: string;
  /** Inline scripts run after the DOM (hh.ru's front end). */
  scripts?: string[];
  /** More markup after the lux state (e.g. the profile front's own template). */
  extra?: string;
  status?: number;
  /**
   * Which of hh.ru's captured pages this is, when it has a real weight (weight.ts): with
   * `?weight=real` (or the `pageWeight` setting) it is served at that page's captured size.
   */
  heavy?: 'vacancy' | 'search';
}

function header(req: SandboxRequest): string {
  const user = applicant(req) ?? req.user;
  const account = user
    ? `<a class="supernova-link" data-qa="mainmenu_applicantProfile" href="/applicant/profile/me">${escapeHtml(`${user.firstName} ${user.lastName}`)}</a>`
    : `<a class="supernova-button" data-qa="login" href="/account/login">Войти</a>`;
  return `<header class="supernova-navi" data-qa="supernova-navi">
<a class="supernova-logo" href="/" data-qa="supernova-logo">hh</a>
<nav class="supernova-menu">
<a data-qa="mainmenu_vacancies" href="/search/vacancy">Вакансии</a>
<a data-qa="mainmenu_myResumes" href="/applicant/resumes">Мои резюме</a>
<a data-qa="mainmenu_vacancyResponses" href="/applicant/negotiations">Отклики</a>
</nav>
${account}
</header>`;
}

export function pageHtml(req: SandboxRequest, spec: PageSpec, state: Record<string, unknown>, real = false): string {
  const globalVars = { build: req.state.config.siteBuild, lang: 'RU', area: '1', userType: state['userType'] };
  // The hydrating front end runs first, as hh.ru's bundle does before its later scripts.
  const scripts = [...(real ? [HYDRATE_SCRIPT] : []), ...(spec.scripts ?? [])].map((s) => `<script>${s}</script>`).join('\n');
  const shell = (footer: string) => `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)}</title>
<script id="js-script-global-vars">window.globalVars = ${scriptJson(globalVars)};</script>
<style>body{font-family:Arial,sans-serif;margin:0;color:#222}main{max-width:980px;margin:0 auto;padding:16px}
.supernova-navi{display:flex;gap:16px;align-items:center;padding:12px 24px;background:#0d0d0d;color:#fff}
.supernova-navi a{color:#fff}.supernova-menu{display:flex;gap:12px;flex:1}
.bloko-button{display:inline-block;padding:8px 16px;border-radius:8px;background:#0070ff;color:#fff;border:0;cursor:pointer;text-decoration:none}
.bloko-button_secondary{background:#eef3f9;color:#222}.card{border:1px solid #ddd;border-radius:12px;padding:12px;margin:12px 0}</style>
${real ? heavyStyle() : ''}
</head>
<body class="s-friendly">
${real ? iconSprite() : ''}
${header(req)}
<div id="HH-React-Root">
${spec.main}
</div>
${footer}
<template id="HH-Lux-InitialState">${encodeState(state)}</template>
${spec.extra ?? ''}
${scripts}
</body>
</html>`;
  if (!real || !spec.heavy) return shell('');
  // Filled up to the captured page's weight; a page already heavier (100 cards) gets no filler.
  const bare = Buffer.byteLength(shell(footerFill(1)));
  return shell(footerFill(REAL_WEIGHT[spec.heavy].totalBytes - bare));
}

/**
 * A page URL's answer: its state as JSON when asked with the three headers, 406 for an old build,
 * the HTML page otherwise.
 */
export function page(req: SandboxRequest, spec: PageSpec): SandboxResponse {
  const real = spec.heavy !== undefined && pageWeight(req) === 'real';
  // The page's own state wins over the heavy blocks (translations, experiments) merged under it.
  const state = { ...(real ? heavyState() : {}), ...commonState(req, spec.luxPageName), ...spec.state };
  const answer = pageAnswer(req);
  // [I] an old build gets 406 so hh's front end reloads; guess: the body.
  if (answer === 'stale') return json(406, { error: 'static-version-mismatch', build: req.state.config.siteBuild });
  if (answer === 'json') return json(spec.status ?? 200, state);
  const cookies = xsrfCookieIfMissing(req);
  return html(spec.status ?? 200, pageHtml(req, spec, state, real), cookies.length ? { 'set-cookie': cookies } : {});
}

/** hh.ru's refusal page: what a write without the right `_xsrf` gets. */
export function forbiddenPage(req: SandboxRequest): SandboxResponse {
  const state = commonState(req, 'ForbiddenPage');
  return html(
    403,
    pageHtml(
      req,
      {
        title: 'Доступ запрещён',
        luxPageName: 'ForbiddenPage',
        main: `<main><h1 data-qa="error-title">Доступ запрещён</h1><p>Запрос отклонён. Обновите страницу и попробуйте ещё раз.</p></main>`,
      },
      state,
    ),
  );
}

export function notFoundPage(req: SandboxRequest, text = 'Такой страницы нет'): SandboxResponse {
  return page(req, {
    title: 'Страница не найдена',
    luxPageName: 'ErrorPage',
    status: 404,
    main: `<main><h1 data-qa="error-title">${escapeHtml(text)}</h1><p><a href="/">На главную</a></p></main>`,
  });
}
