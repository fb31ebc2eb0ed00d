/**
 * What each fault kind answers, in the flavour of the host it hits: api.hh.ru speaks HH's JSON
 * errors, hh.ru its site answers (hh-site.md).
 */
import { apiError, captchaRequired, CAPTCHA_URL, forbidden, notFound, oauthError } from './api/errors';
import { empty, html, json } from './http';
import type { FaultKind, FaultSpec } from './faults';
import { forbiddenPage } from './site/html';
import type { SandboxRequest, SandboxResponse } from './types';

const HUGE_BYTES = 5 * 1024 * 1024;

function errorPage(status: number, title: string): SandboxResponse {
  return html(
    status,
    `<!doctype html><html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>`,
  );
}

/** The real answer's JSON cut in the middle (or a canned cut when it had no body). */
function truncated(real: SandboxResponse | null): SandboxResponse {
  const body = real?.body ? String(real.body) : '{"items":[{"id":"70000001","name":"Frontend-разработчик","employer":{"name":"Техн';
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: body.slice(0, Math.max(1, Math.floor(body.length / 2))) };
}

/** The real JSON object with ~5 MB of fields nobody knows about; a padding-only object otherwise. */
function padded(real: SandboxResponse | null): SandboxResponse {
  let base: Record<string, unknown> = {};
  let status = 200;
  if (real?.body) {
    try {
      const parsed: unknown = JSON.parse(String(real.body));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        base = parsed as Record<string, unknown>;
        status = real.status;
      }
    } catch {
      base = {};
    }
  }
  const chunk = 'x'.repeat(64 * 1024);
  const padding: Record<string, string> = {};
  for (let i = 0; i * chunk.length < HUGE_BYTES; i++) padding[`x_sandbox_padding_${i}`] = chunk;
  return json(status, { ...base, ...padding });
}

/** Kinds that need the real handler's answer first. */
export function needsRealAnswer(kind: FaultKind, method: string): boolean {
  if (kind === 'drop_after' || kind === 'huge') return true;
  // A garbled GET is the real answer cut short; a garbled write never reached the handler.
  return kind === 'malformed' && (method === 'GET' || method === 'HEAD');
}

/** Kinds answered with a response; the socket kinds (drop, drop_after, hang) are the core's. */
export type AnsweredFaultKind = Exclude<FaultKind, 'drop' | 'drop_after' | 'hang'>;

/** `site`: the request, for faults the site answers with one of its own pages. */
export function faultAnswer(
  fault: FaultSpec & { kind: AnsweredFaultKind },
  isApi: boolean,
  real: SandboxResponse | null,
  site?: SandboxRequest,
): SandboxResponse {
  switch (fault.kind) {
    case '500':
      return isApi ? apiError(500, [{ type: 'server_error' }], { description: 'Internal Server Error' }) : errorPage(500, 'Internal Server Error');
    case '502':
      return errorPage(502, 'Bad Gateway');
    case '503':
      return errorPage(503, 'Service Temporarily Unavailable');
    case '429':
      return empty(429, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
    case 'captcha':
      // The site's body carries `hhcaptcha`/`isBot` [M]; guess: its status and `error` word.
      return isApi
        ? captchaRequired()
        : json(403, {
            hhcaptcha: { isBot: true, captchaUrl: CAPTCHA_URL },
            request: { luxPageName: 'AccountCaptcha' },
            error: 'captcha_required',
          });
    case 'token_expired':
      return oauthError('token_expired');
    case 'token_revoked':
      return oauthError('token_revoked');
    case 'forbidden':
      // The site's refusal is its 403 HTML page ("a 403 HTML page = XSRF or not from the vacancy page" [M]).
      return isApi || !site ? forbidden() : forbiddenPage(site);
    case 'not_found':
      return isApi ? notFound() : errorPage(404, 'Not Found');
    case 'malformed':
      return truncated(real);
    case 'wrong_shape':
      return json(200, { items: 'nope' });
    case 'huge':
      return padded(real);
    case 'html200':
      return html(
        200,
        '<!doctype html><html lang="ru"><head><title>hh.ru</title></head><body><div data-qa="page">Страница временно недоступна. Обновите её через минуту.</div></body></html>',
      );
  }
}
