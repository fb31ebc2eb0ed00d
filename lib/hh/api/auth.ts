/**
 * OAuth with hh.ru (authorization code through identity.launchWebAuthFlow) and the token's life:
 * HH lets a refresh token work once and only after the access token expired, so refreshing is
 * single-flight and happens only on expiry or on HH's `token_expired`.
 * Where tokens are kept is the caller's choice (a TokenStore); they never leave it but for hh.ru.
 */
import { browser } from 'wxt/browser';
import { z } from '../../zod';
import { HhError } from '../errors';
import { ApiToken } from './parse';
import type { DataOf, Http, HttpResult, Read, RequestSpec } from '../http';
import { API_ORIGIN } from '../sites';

export const Tokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** ms epoch */
  expiresAt: z.number(),
  site: z.string(),
});
export type Tokens = z.infer<typeof Tokens>;

/** The OAuth app registered at dev.hh.ru. */
export const OAuthApp = z.object({ clientId: z.string(), clientSecret: z.string() });
export type OAuthApp = z.infer<typeof OAuthApp>;

export interface TokenStore {
  get(): Promise<Tokens | null>;
  set(tokens: Tokens): Promise<void>;
  clear(): Promise<void>;
}

export const TOKEN_URL = `${API_ORIGIN}/token`;
export const REVOKE_URL = `${API_ORIGIN}/oauth/token`;

export interface IdentityLike {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive?: boolean }): Promise<string | undefined>;
}

export interface AuthDeps {
  http: Http;
  tokens: TokenStore;
  /** The OAuth app to sign in with (client id empty: none configured). */
  app: () => Promise<OAuthApp>;
  identity: IdentityLike;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
}

export interface Auth {
  /** Interactive sign-in on `site` (hh.ru, hh.kz, ...). Resolves with the stored tokens. */
  signIn(site: string): Promise<Tokens>;
  /** Invalidate the token at HH (failures ignored) and forget it. Wins over a refresh in flight. */
  signOut(): Promise<void>;
  /** Refresh now (single-flight). HH's "token not expired" keeps the current pair. */
  refreshTokens(): Promise<Tokens>;
  /** A request with the bearer; on `token_expired` refreshes once and replays once. */
  authorizedRequest<R extends Read = 'none'>(spec: Omit<RequestSpec<R>, 'bearer'>): Promise<HttpResult<DataOf<R>>>;
}

const msg = (value: string, ru: string, en: string) => ({ value, ru, en });

export const SIGN_IN_ERRORS = {
  stateMismatch: msg(
    'state_mismatch',
    'Вход прерван: ответ hh.ru не совпал с запросом (проверка state не прошла). Ничего не сохранено — нажмите «Войти» ещё раз.',
    'Sign-in stopped: hh.ru’s answer did not match the request (the state check failed). Nothing was saved; press “Sign in” again.',
  ),
  denied: msg(
    'access_denied',
    'Вы не разрешили Отклику доступ к hh.ru. Чтобы войти, нажмите «Войти» и разрешите доступ на странице hh.ru.',
    'You did not allow Otklik access to hh.ru. To sign in, press “Sign in” and allow access on the hh.ru page.',
  ),
  closed: msg(
    'window_closed',
    'Окно входа закрыто до завершения входа. Нажмите «Войти», чтобы попробовать снова.',
    'The sign-in window was closed before sign-in finished. Press “Sign in” to try again.',
  ),
  noCode: msg(
    'no_code',
    'hh.ru не вернул код авторизации. Проверьте, что redirect URI приложения на dev.hh.ru совпадает с указанным в настройках, и войдите снова.',
    'hh.ru returned no authorization code. Check that the app’s redirect URI at dev.hh.ru matches the one shown in settings, then sign in again.',
  ),
  pageFailed: msg(
    'page_failed',
    'Страница входа hh.ru не открылась. Проверьте интернет и попробуйте снова.',
    'The hh.ru sign-in page did not load. Check your connection and try again.',
  ),
  signedOut: msg(
    'signed_out',
    'Вход через hh.ru больше не действует. Откройте настройки Отклика и нажмите «Войти», чтобы войти снова.',
    'Your hh.ru sign-in is no longer valid. Open Otklik settings and press “Sign in” to sign in again.',
  ),
  notSignedIn: msg(
    'not_signed_in',
    'Вы не вошли через hh.ru. Откройте настройки Отклика и нажмите «Войти».',
    'You are not signed in with hh.ru. Open Otklik settings and press “Sign in”.',
  ),
};

/** OAuth values after which the token pair is dead: only a new sign-in helps. */
const DEAD_TOKEN = new Set(['token_revoked', 'bad_authorization', 'user_auth_expected', 'application_not_found', 'token_expired']);

const isHh = (e: unknown, kind: HhError['kind'], value?: string): e is HhError =>
  e instanceof HhError && e.kind === kind && (value === undefined || e.info.value === value);

/** HH refuses to refresh a still-valid token: `invalid_grant` "token not expired". */
const isNotExpired = (e: unknown): boolean =>
  e instanceof HhError && /^invalid_grant\b/.test(e.info.value ?? '') && /not expired/i.test(e.info.value ?? '');

function randomState(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createAuth(given: Pick<AuthDeps, 'http' | 'tokens' | 'app'> & Partial<AuthDeps>): Auth {
  const deps: AuthDeps = {
    identity: {
      getRedirectURL: (path) => browser.identity.getRedirectURL(path),
      launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
    },
    now: Date.now,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    ...given,
  };
  let inflight: Promise<Tokens> | null = null;
  /** Bumped by sign-out: a refresh that started before it must not bring the tokens back. */
  let generation = 0;

  async function requireApp() {
    const app = await deps.app();
    if (!app.clientId) throw new HhError('no_app');
    return app;
  }

  function toTokens(answer: { access_token: string; refresh_token: string; expires_in: number }, site: string): Tokens {
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: deps.now() + answer.expires_in * 1000,
      site,
    };
  }

  async function signedOut(value?: string | null): Promise<HhError> {
    await deps.tokens.clear();
    return new HhError('auth', { ...SIGN_IN_ERRORS.signedOut, value: value ?? SIGN_IN_ERRORS.signedOut.value });
  }

  async function launch(url: string): Promise<URL> {
    let responseUrl: string | undefined;
    try {
      responseUrl = await deps.identity.launchWebAuthFlow({ url, interactive: true });
    } catch (e) {
      // Chrome: "The user did not approve access." / "Authorization page could not be loaded.";
      // Firefox: "User cancelled or denied access.".
      const text = e instanceof Error ? e.message : String(e);
      throw new HhError('auth', /could not be loaded/i.test(text) ? SIGN_IN_ERRORS.pageFailed : SIGN_IN_ERRORS.closed);
    }
    if (!responseUrl) throw new HhError('auth', SIGN_IN_ERRORS.closed);
    return new URL(responseUrl);
  }

  async function signIn(site: string): Promise<Tokens> {
    const app = await requireApp();
    const state = randomState(deps.randomBytes(16));
    const redirectUri = deps.identity.getRedirectURL();
    const authorize = new URL(`https://${site}/oauth/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      state,
      redirect_uri: redirectUri,
    }).toString();

    const back = await launch(authorize.toString());
    const params = back.searchParams;
    if (params.get('state') !== state) throw new HhError('auth', SIGN_IN_ERRORS.stateMismatch);
    const error = params.get('error');
    if (error === 'access_denied') throw new HhError('auth', SIGN_IN_ERRORS.denied);
    if (error) {
      throw new HhError('auth', {
        value: error,
        ru: 'hh.ru отказал во входе. Попробуйте войти снова; если не выйдет, проверьте приложение на dev.hh.ru.',
        en: 'hh.ru refused the sign-in. Try signing in again; if it fails again, check the app at dev.hh.ru.',
      });
    }
    const code = params.get('code');
    if (!code) throw new HhError('auth', SIGN_IN_ERRORS.noCode);

    const { data } = await deps.http.request({
      url: TOKEN_URL,
      method: 'POST',
      credentials: 'omit',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: redirectUri,
        code,
      }),
      read: ApiToken,
    });
    const tokens = toTokens(data, site);
    await deps.tokens.set(tokens);
    return tokens;
  }

  async function doRefresh(staleAccess: string | null): Promise<Tokens> {
    const started = generation;
    const current = await deps.tokens.get();
    if (!current) throw new HhError('auth', SIGN_IN_ERRORS.notSignedIn);
    // Another caller already swapped the pair: the old refresh token is spent, use the new pair.
    if (staleAccess && current.accessToken !== staleAccess) return current;
    try {
      const { data } = await deps.http.request({
        url: TOKEN_URL,
        method: 'POST',
        credentials: 'omit',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken }),
        read: ApiToken,
      });
      const next = toTokens(data, current.site);
      if (started !== generation) throw new HhError('auth', SIGN_IN_ERRORS.notSignedIn);
      await deps.tokens.set(next);
      return next;
    } catch (e) {
      if (isNotExpired(e)) return current;
      if (isHh(e, 'auth')) throw await signedOut(e.info.value);
      throw e;
    }
  }

  function refreshOnce(staleAccess: string | null): Promise<Tokens> {
    inflight ??= doRefresh(staleAccess).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  async function currentTokens(): Promise<Tokens> {
    const tokens = await deps.tokens.get();
    if (!tokens) throw new HhError('auth', SIGN_IN_ERRORS.notSignedIn);
    return deps.now() >= tokens.expiresAt ? refreshOnce(tokens.accessToken) : tokens;
  }

  async function deadTokenError(e: unknown): Promise<unknown> {
    if ((isHh(e, 'auth') || isHh(e, 'no_app')) && e.info.status === 403 && DEAD_TOKEN.has(e.info.value ?? '')) {
      return signedOut(e.info.value);
    }
    return e;
  }

  async function authorizedRequest<R extends Read = 'none'>(
    spec: Omit<RequestSpec<R>, 'bearer'>,
  ): Promise<HttpResult<DataOf<R>>> {
    await requireApp();
    const first = await currentTokens();
    try {
      return await deps.http.request({ ...spec, bearer: first.accessToken } as RequestSpec<R>);
    } catch (e) {
      if (!isHh(e, 'auth', 'token_expired')) throw await deadTokenError(e);
    }
    const fresh = await refreshOnce(first.accessToken);
    try {
      return await deps.http.request({ ...spec, bearer: fresh.accessToken } as RequestSpec<R>);
    } catch (e) {
      throw await deadTokenError(e);
    }
  }

  async function signOut(): Promise<void> {
    generation++;
    const tokens = await deps.tokens.get();
    // Forget first: whatever answers later (the revoke, a refresh in flight) finds nobody signed in.
    await deps.tokens.clear();
    if (tokens) {
      try {
        await deps.http.request({
          url: REVOKE_URL,
          method: 'DELETE',
          credentials: 'omit',
          bearer: tokens.accessToken,
          read: 'none',
        });
      } catch {
        // The token may already be dead or hh.ru unreachable: signing out locally must still happen.
      }
    }
  }

  return { signIn, signOut, refreshTokens: () => refreshOnce(null), authorizedRequest };
}
