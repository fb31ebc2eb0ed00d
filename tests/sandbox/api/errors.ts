/** api.hh.ru's error answers, in HH's exact shape: `{errors:[{type, value?}], description?, request_id}`. */
import { json } from '../http';
import type { SandboxResponse } from '../types';
import { requestId } from './format';

export interface ApiErrorItem {
  type: string;
  value?: string;
  [extra: string]: string | undefined;
}

export function apiError(status: number, errors: ApiErrorItem[], extra: Record<string, unknown> = {}): SandboxResponse {
  return json(status, { ...extra, errors, request_id: requestId() });
}

export const notFound = () => apiError(404, [{ type: 'not_found' }], { description: 'Not Found' });
export const forbidden = () => apiError(403, [{ type: 'forbidden' }], { description: 'Forbidden' });

export type OAuthValue =
  | 'bad_authorization'
  | 'token_expired'
  | 'token_revoked'
  | 'user_auth_expected'
  | 'application_not_found';

const LEGACY_OAUTH: Partial<Record<OAuthValue, string>> = {
  token_expired: 'token-expired',
  token_revoked: 'token-revoked',
  bad_authorization: 'bad-auth-type',
};

export function oauthError(value: OAuthValue): SandboxResponse {
  const legacy = LEGACY_OAUTH[value];
  return apiError(403, [{ type: 'oauth', value }], { description: 'Forbidden', ...(legacy ? { oauth_error: legacy } : {}) });
}

export const CAPTCHA_URL = 'https://hh.ru/account/captcha?state=x';

export const captchaRequired = () =>
  apiError(403, [{ type: 'captcha_required', value: 'captcha_required', captcha_url: CAPTCHA_URL }], { description: 'Forbidden' });

export const badArgument = (name: string) =>
  apiError(400, [{ type: 'bad_argument', value: name }], { description: `Bad argument: ${name}`, bad_argument: name });

export const badUserAgent = (value: 'unset' | 'blacklisted') =>
  apiError(400, [{ type: 'bad_user_agent', value }], { description: 'HH-User-Agent header is required' });

/** The token endpoint's own OAuth 2 error form: 400 `{error, error_description}`. */
export function tokenError(error: string, description: string, status = 400): SandboxResponse {
  return json(status, { error, error_description: description });
}
