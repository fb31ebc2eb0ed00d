/**
 * OAuth 2 as hh.ru plays it (hh-api.md, "OAuth (user)"): the consent page on hh.ru, the token
 * endpoint on api.hh.ru (/token) and hh.ru (/oauth/token), sign-out on api.hh.ru. Codes are single
 * use and live 10 minutes; a refresh token works once and only after its access token expired.
 */
import { empty, escapeHtml, html, redirect, setCookie } from './http';
import { forbidden, oauthError, tokenError } from './api/errors';
import type { OAuthToken, SandboxState, User } from './state';
import type { SandboxRequest, SandboxResponse } from './types';

export const OAUTH_CLIENT_ID = 'OTKLIK-SANDBOX-CLIENT';
export const OAUTH_CLIENT_SECRET = 'otklik-sandbox-secret';
const APP_NAME = 'Otklik';

/** Chrome's identity redirect (`https://<32 a-p>.chromiumapp.org/...`) or Firefox's (`https://<hex>.extensions.allizom.org/...`). */
export function isAllowedRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    if (u.protocol !== 'https:' || u.port !== '') return false;
    return /^[a-p]{32}\.chromiumapp\.org$/.test(u.hostname) || /^[0-9a-f]+\.extensions\.allizom\.org$/.test(u.hostname);
  } catch {
    return false;
  }
}

function withParams(uri: string, params: Record<string, string>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

function page(title: string, body: string, status = 200): SandboxResponse {
  return html(
    status,
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;background:#f4f6fb;margin:0}main{max-width:420px;margin:60px auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px #0001}
h1{font-size:22px;margin:0 0 16px}button{font-size:16px;padding:10px 18px;border-radius:8px;border:0;cursor:pointer;margin-right:8px}
#allow,#login{background:#0070ff;color:#fff}#deny{background:#eef1f7}select{font-size:16px;padding:6px;margin-bottom:16px;width:100%}.logo{color:#d6001c;font-weight:bold;font-size:28px;margin-bottom:24px}</style>
</head><body><main><div class="logo">hh</div>${body}</main></body></html>`,
  );
}

function errorPage(message: string): SandboxResponse {
  return page('Ошибка авторизации', `<h1>Ошибка авторизации</h1><p data-qa="oauth-error">${escapeHtml(message)}</p>`, 400);
}

function hiddenFields(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
}

const AUTH_PARAMS = ['response_type', 'client_id', 'state', 'redirect_uri', 'skip_choose_account', 'force_login'] as const;

function fullName(u: User): string {
  return `${u.firstName} ${u.lastName}`;
}

/**
 * The login and session cookies hh.ru sets: `hhtoken` on `.hh.ru` so every subdomain shares the
 * login; `_xsrf` for the answering host only (hh-site.md, Newer evidence: `_xsrf` is set per host).
 */
export function sessionCookies(hhtoken: string, xsrf: string): string[] {
  return [
    setCookie('hhtoken', hhtoken, { domain: 'hh.ru', httpOnly: true, sameSite: 'Lax', maxAge: 30 * 86_400 }),
    setCookie('_xsrf', xsrf, { sameSite: 'Lax', maxAge: 30 * 86_400 }),
  ];
}

export function clearedSessionCookies(): string[] {
  return [
    setCookie('hhtoken', '', { domain: 'hh.ru', httpOnly: true, maxAge: 0 }),
    setCookie('_xsrf', '', { maxAge: 0 }),
  ];
}

/** `/oauth/*` on hh.ru hosts: the consent page and the legacy token endpoint. */
export function handleOAuthSite(ctx: SandboxRequest): SandboxResponse | null {
  if (ctx.path === '/oauth/token' && ctx.method === 'POST') return tokenEndpoint(ctx);
  if (ctx.path !== '/oauth/authorize') return null;
  if (ctx.method !== 'GET' && ctx.method !== 'POST') return null;

  const source = ctx.method === 'POST' ? new URLSearchParams(ctx.form) : ctx.query;
  const params: Record<string, string> = {};
  for (const k of AUTH_PARAMS) {
    const v = source.get(k);
    if (v !== null) params[k] = v;
  }
  if (params.client_id !== OAUTH_CLIENT_ID) return errorPage('Приложение не найдено: неизвестный client_id.');
  if (params.response_type !== 'code') return errorPage('Неподдерживаемый response_type: ожидается code.');
  if (!params.redirect_uri || !isAllowedRedirect(params.redirect_uri)) {
    return errorPage('Адрес перенаправления (redirect_uri) не совпадает с зарегистрированным для приложения.');
  }
  const { force_login: forceLogin, ...keep } = params;
  const back = `/oauth/authorize?${new URLSearchParams(keep)}`;

  if (ctx.method === 'POST' && ctx.form.action === 'login') {
    const user = ctx.state.userByLogin(ctx.form.user ?? 'anna');
    if (!user) return errorPage('Пользователь не найден.');
    const s = ctx.state.createSession(user.id, ctx.host);
    return redirect(back, 302, { 'set-cookie': sessionCookies(s.hhtoken, s.xsrf) });
  }

  const user = forceLogin === 'true' && ctx.method === 'GET' ? null : ctx.user;
  if (!user) return loginPage(ctx.state, keep);

  if (ctx.method === 'POST') {
    const decision = ctx.form.decision;
    if (decision === 'allow') {
      const code = ctx.state.issueCode(user.id, OAUTH_CLIENT_ID, params.redirect_uri);
      return redirect(withParams(params.redirect_uri, { code: code.code, ...(params.state !== undefined ? { state: params.state } : {}) }));
    }
    if (decision === 'deny') {
      return redirect(withParams(params.redirect_uri, { error: 'access_denied', ...(params.state !== undefined ? { state: params.state } : {}) }));
    }
  }
  return consentPage(user, keep);
}

function loginPage(state: SandboxState, params: Record<string, string>): SandboxResponse {
  const options = state.users.map((u) => `<option value="${u.login}">${escapeHtml(fullName(u))} (${u.login})</option>`).join('');
  return page(
    'Вход на hh.ru',
    `<h1>Войдите, чтобы продолжить</h1>
<p>Приложение «${APP_NAME}» запрашивает доступ к вашему аккаунту hh.ru.</p>
<form method="post" action="/oauth/authorize">${hiddenFields({ ...params, action: 'login' })}
<label for="user">Пользователь</label><select id="user" name="user">${options}</select>
<button id="login" type="submit" data-qa="account-login-submit">Войти</button></form>`,
  );
}

function consentPage(user: User, params: Record<string, string>): SandboxResponse {
  return page(
    `Доступ для приложения ${APP_NAME}`,
    `<h1>Разрешить доступ?</h1>
<p>Приложение <strong data-qa="oauth-app-name">${APP_NAME}</strong> получит доступ к вашим резюме, откликам и просмотрам.</p>
<p>Вы вошли как <strong data-qa="oauth-user-name">${escapeHtml(fullName(user))}</strong>.</p>
<form method="post" action="/oauth/authorize">${hiddenFields(params)}
<button id="allow" name="decision" value="allow" type="submit">Разрешить</button>
<button id="deny" name="decision" value="deny" type="submit">Отказать</button></form>`,
  );
}

function tokenAnswer(t: OAuthToken, state: SandboxState): SandboxResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({
      access_token: t.accessToken,
      token_type: 'bearer',
      expires_in: Math.max(0, Math.round((t.expiresAt - state.now()) / 1000)),
      refresh_token: t.refreshToken,
    }),
  };
}

/** POST https://api.hh.ru/token and https://hh.ru/oauth/token (form-encoded). */
export function tokenEndpoint(ctx: SandboxRequest): SandboxResponse {
  const f = ctx.form;
  const { state } = ctx;
  const now = state.now();
  switch (f.grant_type) {
    case 'authorization_code': {
      if (f.client_id !== OAUTH_CLIENT_ID || f.client_secret !== OAUTH_CLIENT_SECRET) {
        return tokenError('invalid_client', 'client_id or client_secret not found');
      }
      const code = state.codes.find((c) => c.code === f.code);
      if (!code) return tokenError('invalid_request', 'code not found');
      if (code.used) return tokenError('invalid_grant', 'code has already been used');
      if (now >= code.expiresAt) return tokenError('invalid_grant', 'code expired');
      if (f.redirect_uri !== undefined && f.redirect_uri !== code.redirectUri) return tokenError('invalid_request', 'bad redirect url');
      code.used = true;
      return tokenAnswer(state.issueToken(code.userId, code.clientId), state);
    }
    case 'refresh_token': {
      if (!f.refresh_token) return tokenError('invalid_request', 'token is empty');
      const old = state.tokenByRefresh(f.refresh_token);
      if (!old) return tokenError('invalid_request', 'token not found');
      if (old.revoked) return tokenError('invalid_grant', 'token was revoked');
      if (old.refreshed) return tokenError('invalid_grant', 'token has already been refreshed');
      if (now < old.expiresAt) return tokenError('invalid_grant', 'token not expired');
      old.refreshed = true;
      return tokenAnswer(state.issueToken(old.userId, old.clientId), state);
    }
    default:
      return tokenError('unsupported_grant_type', 'unsupported grant_type');
  }
}

export type BearerCheck = { ok: true; token: OAuthToken; user: User } | { ok: false; answer: SandboxResponse };

/** The bearer token of an api.hh.ru request, or HH's 403 for a bad, expired or revoked one. */
export function checkBearer(ctx: SandboxRequest): BearerCheck | null {
  const header = ctx.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const token = m ? ctx.state.tokenByAccess(m[1]!) : undefined;
  if (!token) return { ok: false, answer: oauthError('bad_authorization') };
  if (token.revoked) return { ok: false, answer: oauthError('token_revoked') };
  if (ctx.state.now() >= token.expiresAt) return { ok: false, answer: oauthError('token_expired') };
  const user = ctx.state.userById(token.userId);
  if (!user) return { ok: false, answer: forbidden() };
  return { ok: true, token, user };
}

/** DELETE https://api.hh.ru/oauth/token: works only with a valid access token. */
export function revokeEndpoint(ctx: SandboxRequest): SandboxResponse {
  const auth = checkBearer(ctx);
  if (!auth) return oauthError('user_auth_expected');
  if (!auth.ok) return auth.answer;
  auth.token.revoked = true;
  return empty(204);
}
