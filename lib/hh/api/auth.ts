/**
 * OAuth with hh.ru (authorization code through identity.launchWebAuthFlow) and the token's life:
 * HH lets a refresh token work once and only after the access token expired, so refreshing is
 * single-flight and happens only on expiry or on HH's `token_expired`.
 * Tokens live in the extension-origin IndexedDB (store.ts) and never leave the background.
 */
import { browser } from 'wxt/browser';
import { HhError } from '../errors';
import { ApiToken } from './parse';
import { http as sharedHttp, type DataOf, type Http, type HttpResult, type Read, type RequestSpec } from '../http';
import { API_ORIGIN } from '../sites';
import { clearTokens, getOAuthApp, getSettings, getTokens, setTokens, wipeUserData, type Tokens } from '../../store';

export const TOKEN_URL = `${API_ORIGIN}/token`;
export const REVOKE_URL = `${API_ORIGIN}/oauth/token`;

export interface IdentityLike {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive?: boolean }): Promise<string | undefined>;
}

export interface AuthDeps {
  http: Http;
  identity: IdentityLike;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
}

export interface Auth {
  /** Interactive sign-in on the settings' site. Resolves with the stored tokens. */
  signIn(): Promise<Tokens>;
  /** Invalidate the token at HH (failures ignored) and forget the user's data. */
  signOut(): Promise<void>;
  /** The current access token, refreshed first when it is past its expiry. Throws `auth` when signed out. */
  getAccessToken(): Promise<string>;
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

export function createAuth(overrides: Partial<AuthDeps> = {}): Auth {
  const deps: AuthDeps = {
    http: sharedHttp,
    identity: {
      getRedirectURL: (path) => browser.identity.getRedirectURL(path),
      launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
    },
    now: Date.now,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    ...overrides,
  };
  let inflight: Promise<Tokens> | null = null;

  async function requireApp() {
    const app = await getOAuthApp();
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
    await clearTokens();
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

  async function signIn(): Promise<Tokens> {
    const app = await requireApp();
    const { site } = await getSettings();
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
        ru: `hh.ru отказал во входе (${error}). Попробуйте войти снова.`,
        en: `hh.ru refused the sign-in (${error}). Try signing in again.`,
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
    await setTokens(tokens);
    return tokens;
  }

  async function doRefresh(staleAccess: string | null): Promise<Tokens> {
    const current = await getTokens();
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
      await setTokens(next);
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
    const tokens = await getTokens();
    if (!tokens) throw new HhError('auth', SIGN_IN_ERRORS.notSignedIn);
    return deps.now() >= tokens.expiresAt ? refreshOnce(tokens.accessToken) : tokens;
  }

  async function getAccessToken(): Promise<string> {
    return (await currentTokens()).accessToken;
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
    const tokens = await getTokens();
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
    await wipeUserData();
  }

  return { signIn, signOut, getAccessToken, refreshTokens: () => refreshOnce(null), authorizedRequest };
}

const auth = createAuth();

export const signIn = (): Promise<Tokens> => auth.signIn();
export const signOut = (): Promise<void> => auth.signOut();
export const getAccessToken = (): Promise<string> => auth.getAccessToken();
export const refreshTokens = (): Promise<Tokens> => auth.refreshTokens();
export const authorizedRequest = <R extends Read = 'none'>(
  spec: Omit<RequestSpec<R>, 'bearer'>,
): Promise<HttpResult<DataOf<R>>> => auth.authorizedRequest(spec);
export { auth as defaultAuth };
