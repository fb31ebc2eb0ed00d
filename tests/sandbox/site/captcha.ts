/**
 * hh.ru's captcha: a flag that sticks to the account (User.captchaRequired) until a person solves it
 * on `/account/captcha`. While it is set, site writes answer the captcha body and vacancy pages
 * redirect to the captcha page (hh-site.md, "Limits and anti-bot").
 */
import { json, redirect } from '../http';
import type { SandboxRequest, SandboxResponse } from '../types';
import { writeRefusal } from './guard';
import { escapeHtml, page } from './html';
import { XSRF_FROM_COOKIE } from './scripts';
import { safeBackurl } from './session';

export function captchaUrl(req: SandboxRequest, backurl: string): string {
  const u = new URL('/account/captcha', req.url.origin);
  u.searchParams.set('state', 'captcha');
  u.searchParams.set('backurl', backurl);
  return u.href;
}

/**
 * What a site write answers while the account is flagged: a body carrying `hhcaptcha`/`isBot` and
 * the captcha page's `request.luxPageName` "AccountCaptcha" [M/S, "Limits and anti-bot"].
 * guess: the 403 status, the `error` word and `hhcaptcha.captchaUrl`.
 */
export function captchaAnswer(req: SandboxRequest): SandboxResponse {
  const back = req.headers['referer'] ?? `${req.url.origin}/`;
  return json(403, {
    error: 'captcha_required',
    hhcaptcha: { isBot: true, captchaUrl: captchaUrl(req, back) },
    request: { luxPageName: 'AccountCaptcha' },
  });
}

export function captchaPage(req: SandboxRequest): SandboxResponse {
  const backurl = safeBackurl(req, req.query.get('backurl'));
  return page(req, {
    title: 'Подтвердите, что вы не робот',
    luxPageName: 'AccountCaptcha',
    state: { hhcaptcha: { isBot: req.user?.captchaRequired ?? true, captchaState: req.query.get('state') ?? '' } },
    main: `<main class="account-captcha">
<h1 data-qa="account-captcha-title">Подтвердите, что вы не робот</h1>
<p>Мы заметили подозрительную активность. Введите символы с картинки, чтобы продолжить.</p>
<form method="post" action="/account/captcha" data-xsrf-form>
<input type="hidden" name="_xsrf" value="">
<input type="hidden" name="backurl" value="${escapeHtml(backurl)}">
<div class="captcha-picture" aria-label="Картинка с символами">7 Ж 4 К 9</div>
<input type="text" name="captchaText" data-qa="account-captcha-input" placeholder="Символы с картинки">
<button class="bloko-button" type="submit" data-qa="account-captcha-submit">Отправить</button>
</form>
</main>`,
    scripts: [XSRF_FROM_COOKIE],
  });
}

/** The person solved it: the flag is cleared and they go back where they were. */
export function solveCaptcha(req: SandboxRequest): SandboxResponse {
  const refused = writeRefusal(req);
  if (refused) return refused;
  if (req.user) req.state.setCaptcha(req.user, false);
  return redirect(safeBackurl(req, req.form['backurl']));
}
