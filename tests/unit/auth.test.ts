import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from '../../lib/zod';
import { createAuth, type IdentityLike } from '../../lib/hh/api/auth';
import { createHttp } from '../../lib/hh/http';
import { getOAuthApp, getTokens, setOAuthApp, setTokens, tokenStore, type Tokens } from '../../lib/store';
import { failure } from './failure';

const REDIRECT = 'https://mlmfmijdoifemilgnkcpapbabjlkldgo.chromiumapp.org/';
const APP = { clientId: 'OTKLIK-SANDBOX-CLIENT', clientSecret: 'otklik-sandbox-secret' };
const DAY = 86_400_000;

/**
 * A small api.hh.ru that keeps HH's token rules: a refresh token works once and only after the
 * access token expired ("token not expired" before), revoked tokens answer token_revoked.
 */
function fakeHh() {
  let clock = Date.UTC(2026, 10, 25, 9, 0, 0);
  let serial = 0;
  const tokens = new Map<string, { refresh: string; expiresAt: number; revoked: boolean; refreshed: boolean }>();
  const log: string[] = [];
  const forms: URLSearchParams[] = [];
  let meAnswers: Array<() => Response> = [];

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const oauth = (value: string) => json(403, { errors: [{ type: 'oauth', value }] });

  function issue(): { access_token: string; refresh_token: string; expires_in: number } {
    serial += 1;
    const pair = { access_token: `USERA${serial}`, refresh_token: `USERR${serial}`, expires_in: 1_209_600 };
    tokens.set(pair.access_token, { refresh: pair.refresh_token, expiresAt: clock + 1_209_600_000, revoked: false, refreshed: false });
    return pair;
  }

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    log.push(`${method} ${url.pathname}`);
    const bearer = new Headers(init?.headers).get('Authorization')?.replace('Bearer ', '');
    if (url.pathname === '/token' && method === 'POST') {
      const form = new URLSearchParams(String(init?.body));
      forms.push(form);
      if (form.get('grant_type') === 'authorization_code') {
        if (form.get('code') !== 'GOOD-CODE') return json(400, { error: 'invalid_grant', error_description: 'code not found' });
        return json(200, { ...issue(), token_type: 'bearer' });
      }
      const entry = [...tokens.entries()].find(([, t]) => t.refresh === form.get('refresh_token'));
      if (!entry) return json(400, { error: 'invalid_grant', error_description: 'token not found' });
      const [, t] = entry;
      if (t.revoked) return json(400, { error: 'invalid_grant', error_description: 'token was revoked' });
      if (t.refreshed) return json(400, { error: 'invalid_grant', error_description: 'token has already been refreshed' });
      if (clock < t.expiresAt) return json(400, { error: 'invalid_grant', error_description: 'token not expired' });
      t.refreshed = true;
      return json(200, issue());
    }
    if (url.pathname === '/oauth/token' && method === 'DELETE') {
      const t = bearer ? tokens.get(bearer) : undefined;
      if (!t) return oauth('bad_authorization');
      t.revoked = true;
      return new Response(null, { status: 204 });
    }
    if (url.pathname === '/me') {
      const scripted = meAnswers.shift();
      if (scripted) return scripted();
      const t = bearer ? tokens.get(bearer) : undefined;
      if (!t) return oauth('bad_authorization');
      if (t.revoked) return oauth('token_revoked');
      if (clock >= t.expiresAt) return oauth('token_expired');
      return json(200, { id: '5001', first_name: 'Анна', last_name: 'Смирнова', is_applicant: true });
    }
    return json(404, { errors: [{ type: 'not_found' }] });
  };

  return {
    fetch,
    log,
    forms,
    tokens,
    now: () => clock,
    advance: (ms: number) => void (clock += ms),
    /** The next /me answers, in order, before the real rules apply again. */
    scriptMe: (...answers: Array<() => Response>) => void (meAnswers = answers),
    expireAll: () => tokens.forEach((t) => (t.expiresAt = clock - 1)),
    revokeAll: () => tokens.forEach((t) => (t.revoked = true)),
    oauth,
    json,
  };
}

/** The consent page: what hh.ru does with the authorize URL the extension opens. */
type Consent = (authorize: URL) => string | Promise<string>;

function setup(consent: Consent = (u) => `${REDIRECT}?code=GOOD-CODE&state=${u.searchParams.get('state')}`) {
  const hh = fakeHh();
  const opened: URL[] = [];
  const identity: IdentityLike = {
    getRedirectURL: () => REDIRECT,
    launchWebAuthFlow: async ({ url }) => {
      const u = new URL(url);
      opened.push(u);
      return consent(u);
    },
  };
  const http = createHttp({ fetch: hh.fetch, sleep: async () => undefined, random: () => 0, now: hh.now });
  const auth = createAuth({ http, tokens: tokenStore, app: getOAuthApp, identity, now: hh.now });
  const me = () => auth.authorizedRequest({ url: 'https://api.hh.ru/me?host=hh.ru', read: z.object({ first_name: z.string() }) });
  return { hh, auth, opened, me };
}


beforeEach(async () => {
  fakeBrowser.reset();
  const { wipeUserData } = await import('../../lib/store');
  await wipeUserData();
  await setOAuthApp(APP);
});

describe('signing in through hh.ru', () => {
  it('opens hh’s consent page on the chosen site, exchanges the code and keeps the tokens', async () => {
    const { hh, auth, opened } = setup();
    const tokens = await auth.signIn('hh.kz');

    const authorize = opened[0]!;
    expect(authorize.origin + authorize.pathname).toBe('https://hh.kz/oauth/authorize');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('client_id')).toBe(APP.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(authorize.searchParams.get('state')).toMatch(/^[0-9a-f]{32}$/);

    expect(hh.log).toEqual(['POST /token']);
    expect(Object.fromEntries(hh.forms[0]!)).toEqual({
      grant_type: 'authorization_code',
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      redirect_uri: REDIRECT,
      code: 'GOOD-CODE',
    });
    expect(tokens).toEqual({ accessToken: 'USERA1', refreshToken: 'USERR1', expiresAt: hh.now() + 1_209_600_000, site: 'hh.kz' });
    expect(await getTokens()).toEqual(tokens);
  });

  it('uses a fresh random state for every attempt', async () => {
    const { auth, opened } = setup();
    await auth.signIn('hh.ru');
    await auth.signIn('hh.ru');
    expect(opened[0]!.searchParams.get('state')).not.toBe(opened[1]!.searchParams.get('state'));
  });

  it('does nothing without a client id, and says so', async () => {
    await setOAuthApp({ clientId: '', clientSecret: '' });
    const { auth, opened } = setup();
    expect((await failure(auth.signIn('hh.ru'))).kind).toBe('no_app');
    expect(opened).toHaveLength(0);
  });

  const refusals: Array<[string, Consent, string, RegExp]> = [
    ['an answer for another attempt (state mismatch)', () => `${REDIRECT}?code=GOOD-CODE&state=forged`, 'state_mismatch', /state check failed/],
    ['a denied consent', (u) => `${REDIRECT}?error=access_denied&state=${u.searchParams.get('state')}`, 'access_denied', /did not allow Otklik/],
    ['an answer without a code', (u) => `${REDIRECT}?state=${u.searchParams.get('state')}`, 'no_code', /no authorization code/],
    [
      'a closed window',
      () => Promise.reject(new Error('The user did not approve access.')),
      'window_closed',
      /window was closed/,
    ],
    ['a page that did not load', () => Promise.reject(new Error('Authorization page could not be loaded.')), 'page_failed', /did not load/],
  ];

  it.each(refusals)('stops at %s with its own message and stores nothing', async (_name, consent, value, english) => {
    const { hh, auth } = setup(consent);
    const info = await failure(auth.signIn('hh.ru'));
    expect(info).toMatchObject({ kind: 'auth', value });
    expect(info.en).toMatch(english);
    expect(info.ru.length).toBeGreaterThan(20);
    expect(hh.log).toEqual([]);
    expect(await getTokens()).toBeNull();
  });

  it('reports a code hh no longer knows and stores nothing', async () => {
    const { auth } = setup((u) => `${REDIRECT}?code=STALE&state=${u.searchParams.get('state')}`);
    expect((await failure(auth.signIn('hh.ru'))).kind).toBe('auth');
    expect(await getTokens()).toBeNull();
  });
});

describe('signing out while a refresh is in flight', () => {
  it('the refresh’s answer, arriving after sign-out, does not bring the tokens back', async () => {
    const hh = fakeHh();
    // hh.ru takes the refresh (a new pair is issued) but its answer is still on the way when the
    // person signs out.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let refreshing = false;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const answer = await hh.fetch(input, init);
      if (String(input).endsWith('/token') && String(init?.body).includes('grant_type=refresh_token')) {
        refreshing = true;
        await held;
      }
      return answer;
    };
    const http = createHttp({ fetch, sleep: async () => undefined, random: () => 0, now: hh.now });
    const identity: IdentityLike = {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async ({ url }) => `${REDIRECT}?code=GOOD-CODE&state=${new URL(url).searchParams.get('state')}`,
    };
    const auth = createAuth({ http, tokens: tokenStore, app: getOAuthApp, identity, now: hh.now });
    await auth.signIn('hh.ru');
    hh.advance(15 * DAY);

    const refresh = auth.refreshTokens();
    await vi.waitFor(() => expect(refreshing).toBe(true));
    await auth.signOut();
    expect(await getTokens()).toBeNull();
    release();

    expect((await failure(refresh)).kind).toBe('auth');
    expect(await getTokens()).toBeNull();
    // hh.ru did issue a new pair meanwhile; Otklik kept none of it.
    expect(hh.log).toContain('POST /token');
  });
});

describe('keeping the sign-in alive by HH’s rules', () => {
  it('refreshes once on token_expired and replays the request once', async () => {
    const { hh, auth, me } = setup();
    await auth.signIn('hh.ru');
    hh.log.length = 0;
    hh.expireAll();

    // The stored expiry still lies ahead (HH expired it early): only the 403 tells.
    expect((await me()).data.first_name).toBe('Анна');
    expect(hh.log).toEqual(['GET /me', 'POST /token', 'GET /me']);
    expect(Object.fromEntries(hh.forms.at(-1)!)).toEqual({ grant_type: 'refresh_token', refresh_token: 'USERR1' });
    expect((await getTokens())?.accessToken).toBe('USERA2');
  });

  it('lets concurrent requests share one refresh', async () => {
    const { hh, auth, me } = setup();
    await auth.signIn('hh.ru');
    hh.log.length = 0;
    hh.expireAll();

    const answers = await Promise.all([me(), me(), me()]);
    expect(answers.map((a) => a.data.first_name)).toEqual(['Анна', 'Анна', 'Анна']);
    expect(hh.log.filter((l) => l === 'POST /token')).toHaveLength(1);
    expect(hh.log.filter((l) => l === 'GET /me')).toHaveLength(6);
  });

  it('refreshes before asking once the stored expiry has passed', async () => {
    const { hh, auth, me } = setup();
    await auth.signIn('hh.ru');
    hh.log.length = 0;
    hh.advance(15 * DAY);

    await me();
    expect(hh.log).toEqual(['POST /token', 'GET /me']);
  });

  it('keeps the current token when hh says it has not expired yet', async () => {
    const { hh, auth, me } = setup();
    const before = await auth.signIn('hh.ru');
    hh.log.length = 0;
    hh.scriptMe(() => hh.oauth('token_expired'));

    expect((await me()).data.first_name).toBe('Анна');
    expect(hh.log).toEqual(['GET /me', 'POST /token', 'GET /me']);
    expect(await getTokens()).toEqual(before);
  });

  it('does not refresh a valid token on request', async () => {
    const { auth } = setup();
    const before = await auth.signIn('hh.ru');
    expect(await auth.refreshTokens()).toEqual(before);
    expect(await getTokens()).toEqual(before);
  });

  it('signs out, with a way back, when the token was revoked', async () => {
    const { hh, auth, me } = setup();
    await auth.signIn('hh.ru');
    hh.log.length = 0;
    hh.revokeAll();

    const info = await failure(me());
    expect(info).toMatchObject({ kind: 'auth', value: 'token_revoked' });
    expect(info.en).toMatch(/press “Sign in” to sign in again/);
    expect(hh.log).toEqual(['GET /me']);
    expect(await getTokens()).toBeNull();
  });

  it('signs out when the refresh token is refused', async () => {
    const { hh, auth, me } = setup();
    await auth.signIn('hh.ru');
    hh.expireAll();
    hh.tokens.get('USERA1')!.refreshed = true;

    expect(await failure(me())).toMatchObject({ kind: 'auth', value: 'invalid_grant: token has already been refreshed' });
    expect(await getTokens()).toBeNull();
  });

  it('replays only once: a second token_expired ends the sign-in', async () => {
    const { hh, auth, me } = setup();
    await auth.signIn('hh.ru');
    hh.log.length = 0;
    hh.scriptMe(
      () => hh.oauth('token_expired'),
      () => hh.oauth('token_expired'),
    );

    expect((await failure(me())).kind).toBe('auth');
    expect(hh.log).toEqual(['GET /me', 'POST /token', 'GET /me']);
    expect(await getTokens()).toBeNull();
  });

  it('keeps the tokens when hh is only unreachable', async () => {
    const { hh, auth, me } = setup();
    const before = await auth.signIn('hh.ru');
    hh.scriptMe(
      () => new Response('', { status: 503 }),
      () => new Response('', { status: 503 }),
      () => new Response('', { status: 503 }),
    );
    expect((await failure(me())).kind).toBe('server');
    expect(await getTokens()).toEqual(before);
  });

  it('asks nothing of hh when nobody signed in', async () => {
    const { hh, me } = setup();
    expect(await failure(me())).toMatchObject({ kind: 'auth', value: 'not_signed_in' });
    expect(hh.log).toEqual([]);
  });
});

describe('signing out', () => {
  it('revokes the token at hh and forgets the tokens', async () => {
    const { hh, auth } = setup();
    await auth.signIn('hh.ru');

    await auth.signOut();
    expect(hh.log.at(-1)).toBe('DELETE /oauth/token');
    expect(hh.tokens.get('USERA1')!.revoked).toBe(true);
    expect(await getTokens()).toBeNull();
  });

  it('signs out locally even when hh cannot be reached', async () => {
    const { auth } = setup();
    const dead: Tokens = { accessToken: 'GONE', refreshToken: 'GONE', expiresAt: 0, site: 'hh.ru' };
    await setTokens(dead);
    await auth.signOut();
    expect(await getTokens()).toBeNull();
  });
});
