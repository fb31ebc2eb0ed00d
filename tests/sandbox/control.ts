/**
 * The test remote: `/__sandbox/*` on any host (JSON in and out), mirrored in-process as
 * `sandbox.control`. Resets the world, moves the clock, injects faults and latency, reads the
 * request log, patches resumes, hands out tokens and site sessions.
 */
import { isFaultKind, type FaultSpec, type Faults, type LatencySpec } from './faults';
import { json, redirect, setCookie } from './http';
import type { LogEntry, LogFilter, RequestLog } from './log';
import { OAUTH_CLIENT_ID } from './oauth';
import { cookieDomain, sessionCookies } from './site/session';
import { DEFAULT_CONFIG, type Negotiation, type NegotiationState, type Resume, type ResumeView, type SandboxConfig, type SandboxState } from './state';
import type { SandboxRequest, SandboxResponse } from './types';
import { siteOf } from '../../lib/hh/sites';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: 'bearer';
}

/** A cookie in the shape Playwright's `context.addCookies` takes. */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Lax';
}

export interface SiteLogin {
  hhtoken: string;
  xsrf: string;
  cookies: BrowserCookie[];
}

export type ResumePatch = { id: string } & Partial<Omit<Resume, 'id' | 'hash' | 'userId' | 'views'>>;

export interface ViewSpec {
  /** Resume site id or hash. */
  resume: string;
  /** Omitted or null: an anonymous viewer. */
  employerId?: string | null;
  at?: number;
}

export interface AnswerSpec {
  /** The topic id; or `vacancy` (with `user`, default anna): her topic for that vacancy. */
  topic?: string;
  vacancy?: string;
  user?: string;
  state?: NegotiationState;
  /** A state word outside the four, as hh.ru would send it (e.g. `OFFER`); null drops an earlier one. */
  rawState?: string | null;
  /** The employer wrote (true) or the person read it (false). */
  message?: boolean;
}

export interface TopicsSpec {
  /** Whose list (default anna). */
  user?: string;
  /** How many topics to add (1..5000). */
  count: number;
}

/**
 * States of bulk topics, in turn: mostly no answer yet, then the three answers. guess: the mix is
 * not measured; hh.ru's list shows these four states [M] ("my applications").
 */
const BULK_STATES: NegotiationState[] = ['response', 'response', 'response', 'discard', 'response', 'invitation', 'discard', 'interview'];

export class ControlError extends Error {}

export interface SandboxControl {
  reset(): void;
  clock(opts: { now?: number; advance?: number }): { now: number };
  latency(spec: LatencySpec): void;
  fault(spec: FaultSpec): void;
  clearFaults(): void;
  log(filter?: LogFilter): LogEntry[];
  clearLog(): void;
  config(patch: Partial<SandboxConfig>): SandboxConfig;
  token(opts?: { user?: string }): TokenPair;
  resume(patch: ResumePatch): Resume;
  addView(spec: ViewSpec): ResumeView;
  dump(): ReturnType<SandboxState['dump']>;
  /**
   * A fresh hh.ru session made on `host` (default hh.ru), with cookies ready for
   * `context.addCookies`: `hhtoken` for the site, `_xsrf` for that host only.
   */
  login(user?: string, host?: string): SiteLogin;
  /** Sets (or, with false, solves) the account's captcha flag, as hh.ru's anti-bot and its captcha page do. */
  captcha(opts: { user?: string; required: boolean }): { user: string; required: boolean };
  /** Ends an hh.ru session: its cookies stop working. */
  logout(hhtoken: string): void;
  /** An employer answers a topic (state, unread message), as hh.ru's negotiations list then shows it. */
  answer(spec: AnswerSpec): Negotiation;
  /**
   * A long application history at once (the bench's 300 / 2,000 applications): `count` topics,
   * newest first from now back a minute apart, above every earlier one. guess: topics share the
   * seed's ~140 vacancies (hh.ru allows one topic per vacancy and resume; a list is what is measured).
   */
  topics(spec: TopicsSpec): { added: number; total: number };
}

const ANSWER_STATES = new Set(['response', 'invitation', 'interview', 'discard']);

const CONFIG_CHECKS: { [K in keyof SandboxConfig]: (v: unknown) => boolean } = {
  raiseVariant: (v) => v === 'touch' || v === 'profile' || v === 'button',
  vacancyShape: (v) => v === 'classic' || v === 'full',
  applicantApiRefused: (v) => typeof v === 'boolean',
  tokenTtl: (v) => typeof v === 'number' && v > 0,
  raiseIntervalMs: (v) => typeof v === 'number' && v > 0,
  applyLimit: (v) => typeof v === 'number' && v >= 0,
  siteBuild: (v) => typeof v === 'string' && v !== '',
  testPreflight: (v) => v === 'status' || v === 'redirect',
  resumesRedirect: (v) => typeof v === 'boolean',
  negotiationsOrder: (v) => v === 'stable' || v === 'shuffled',
  topicShape: (v) => v === 'classic' || v === 'flat',
  topicTime: (v) => v === 'ms' || v === 'iso',
  discardHiddenAfterMs: (v) => typeof v === 'number' && v >= 0,
  applyAdditionalData: (v) => typeof v === 'boolean',
  captchaAfterApplies: (v) => typeof v === 'number' && v >= 0,
  pageWeight: (v) => v === 'light' || v === 'real',
};

const LOCKED_RESUME_FIELDS = new Set(['id', 'hash', 'userId', 'views']);

export function createControl(deps: { state: SandboxState; log: RequestLog; faults: Faults; releaseHanging: () => void }): SandboxControl {
  const { state, log, faults } = deps;
  const userOf = (login = 'anna') => {
    const user = state.userByLogin(login);
    if (!user) throw new ControlError(`unknown user ${login}`);
    return user;
  };
  return {
    reset() {
      state.reset();
      log.clear();
      faults.clear();
      faults.clearLatency();
      deps.releaseHanging();
    },
    clock({ now, advance }) {
      if (now !== undefined && typeof now !== 'number') throw new ControlError('now must be ms');
      if (advance !== undefined && typeof advance !== 'number') throw new ControlError('advance must be ms');
      if (now !== undefined) state.setNow(now);
      if (advance !== undefined) state.advance(advance);
      return { now: state.now() };
    },
    latency(spec) {
      if (typeof spec.ms !== 'number' || spec.ms < 0) throw new ControlError('ms must be a number >= 0');
      faults.setLatency(spec);
    },
    fault(spec) {
      if (!isFaultKind(spec.kind)) throw new ControlError(`unknown fault kind ${String(spec.kind)}`);
      if (typeof spec.path !== 'string' || spec.path === '') throw new ControlError('path is required');
      faults.add(spec);
    },
    clearFaults() {
      faults.clear();
      deps.releaseHanging();
    },
    log: (filter) => log.read(filter),
    clearLog: () => log.clear(),
    config(patch) {
      for (const [k, v] of Object.entries(patch)) {
        const check = CONFIG_CHECKS[k as keyof SandboxConfig];
        if (!check) throw new ControlError(`unknown config key ${k}`);
        if (!check(v)) throw new ControlError(`bad value for ${k}`);
      }
      Object.assign(state.config, patch);
      return { ...state.config };
    },
    token(opts = {}) {
      const t = state.issueToken(userOf(opts.user).id, OAUTH_CLIENT_ID);
      return {
        access_token: t.accessToken,
        refresh_token: t.refreshToken,
        expires_in: Math.round((t.expiresAt - state.now()) / 1000),
        token_type: 'bearer',
      };
    },
    resume(patch) {
      const r = state.resume(String(patch.id));
      if (!r) throw new ControlError(`unknown resume ${patch.id}`);
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'id') continue;
        if (LOCKED_RESUME_FIELDS.has(k) || !(k in r)) throw new ControlError(`resume field ${k} cannot be patched`);
        (r as unknown as Record<string, unknown>)[k] = v;
      }
      return r;
    },
    addView(spec) {
      const r = state.resume(String(spec.resume));
      if (!r) throw new ControlError(`unknown resume ${spec.resume}`);
      if (spec.employerId && !state.employer(spec.employerId)) throw new ControlError(`unknown employer ${spec.employerId}`);
      return state.addView(r, spec.employerId ?? null, spec.at);
    },
    dump: () => state.dump(),
    login(user, host = 'hh.ru') {
      const s = state.createSession(userOf(user).id, host);
      const cookie = (name: string, value: string, domain: string, httpOnly: boolean): BrowserCookie => ({
        name,
        value,
        domain,
        path: '/',
        httpOnly,
        secure: true,
        sameSite: 'Lax',
      });
      // A leading dot: every host of the site; none: this host only (Playwright's rule).
      const site = `.${siteOf(host) ?? 'hh.ru'}`;
      return {
        hhtoken: s.hhtoken,
        xsrf: s.xsrf,
        cookies: [cookie('hhtoken', s.hhtoken, site, true), cookie('_xsrf', s.xsrf, host, false)],
      };
    },
    captcha({ user, required }) {
      if (typeof required !== 'boolean') throw new ControlError('required must be true or false');
      const u = userOf(user);
      state.setCaptcha(u, required);
      return { user: u.login, required };
    },
    logout: (hhtoken) => state.endSession(hhtoken),
    answer(spec) {
      if (spec.state !== undefined && !ANSWER_STATES.has(spec.state)) throw new ControlError(`unknown state ${String(spec.state)}`);
      if (spec.rawState != null && !/^[A-Z_]{1,40}$/.test(spec.rawState)) throw new ControlError('rawState must be an upper-case word');
      if (spec.message !== undefined && typeof spec.message !== 'boolean') throw new ControlError('message must be true or false');
      let id = spec.topic;
      if (!id && spec.vacancy) {
        const u = userOf(spec.user);
        id = state.negotiationsOf(u.id).find((n) => n.vacancyId === String(spec.vacancy))?.id;
      }
      if (!id || !state.negotiation(String(id))) throw new ControlError('no such topic (give topic, or vacancy and user)');
      return state.answer(String(id), spec);
    },
    topics(spec) {
      const count = spec.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 5000) throw new ControlError('count must be 1..5000');
      const u = userOf(spec.user);
      const resumes = state.resumesOf(u.id).filter((r) => r.status === 'published');
      if (resumes.length === 0) throw new ControlError(`${u.login} has no published resume`);
      const vacancies = state.vacancies.filter((v) => !v.archived);
      const now = state.now();
      for (let i = 0; i < count; i++) {
        const kind = BULK_STATES[i % BULK_STATES.length]!;
        const updatedAt = now - i * 60_000;
        state.negotiations.push({
          id: state.nextId(4_300_000_000),
          chatId: state.nextId(5_300_000_000),
          userId: u.id,
          resumeId: resumes[i % resumes.length]!.id,
          vacancyId: vacancies[i % vacancies.length]!.id,
          state: kind,
          message: '',
          // An answer comes after the application: a day earlier for an answered topic.
          createdAt: kind === 'response' ? updatedAt : updatedAt - 86_400_000,
          updatedAt,
          viewedByOpponent: kind !== 'response' || i % 2 === 0,
          hasUpdates: kind === 'invitation' && i % 3 === 0,
          via: 'seed',
        });
      }
      return { added: count, total: state.negotiationsOf(u.id).length };
    },
  };
}

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** JSON whatever the content type says (curl -d sends it as a form). */
function body<T>(ctx: SandboxRequest): T {
  if (ctx.bodyText.trim() === '') return {} as T;
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.bodyText);
  } catch {
    throw new ControlError('body must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ControlError('body must be a JSON object');
  return parsed as T;
}

function filterOf(q: URLSearchParams): LogFilter {
  return { host: q.get('host') ?? undefined, path: q.get('path') ?? undefined, method: q.get('method') ?? undefined };
}

/** `/__sandbox/*` over HTTP. */
export function handleControl(ctx: SandboxRequest, control: SandboxControl): SandboxResponse {
  const route = `${ctx.method} ${ctx.path.slice('/__sandbox'.length)}`;
  try {
    switch (route) {
      case 'POST /reset':
        control.reset();
        return json(200, { ok: true, config: DEFAULT_CONFIG });
      case 'POST /clock':
        return json(200, control.clock(body(ctx)));
      case 'POST /latency':
        control.latency(body(ctx));
        return json(200, { ok: true });
      case 'POST /fault':
        control.fault(body(ctx));
        return json(200, { ok: true });
      case 'DELETE /fault':
        control.clearFaults();
        return json(200, { ok: true });
      case 'GET /log':
        return json(200, control.log(filterOf(ctx.query)));
      case 'DELETE /log':
        control.clearLog();
        return json(200, { ok: true });
      case 'POST /config':
        return json(200, control.config(body(ctx)));
      case 'POST /token':
        return json(200, control.token(body(ctx)));
      case 'POST /resume': {
        const r = control.resume(body(ctx));
        return json(200, { id: r.id, hash: r.hash, status: r.status, nextPublishAt: r.nextPublishAt, newViews: r.newViews });
      }
      case 'POST /views':
        return json(200, control.addView(body(ctx)));
      case 'GET /state':
        return json(200, control.dump());
      case 'POST /answer': {
        const n = control.answer(body(ctx));
        return json(200, { id: n.id, vacancyId: n.vacancyId, state: n.state, rawState: n.rawState ?? null, hasUpdates: n.hasUpdates, updatedAt: n.updatedAt });
      }
      case 'POST /topics':
        return json(200, control.topics(body(ctx)));
      case 'POST /captcha':
        return json(200, control.captcha(body(ctx)));
      case 'GET /login': {
        // The cookies of the site asked (`https://hh.kz/__sandbox/login` logs in on hh.kz only), as
        // hh.ru's own login sets them for its site root (hh-site.md, "Session and transport").
        const s = control.login(ctx.query.get('user') ?? 'anna', ctx.host);
        const session = { hhtoken: s.hhtoken, xsrf: s.xsrf, userId: '', createdAt: 0 };
        return redirect(safeNext(ctx.query.get('next')), 302, { 'set-cookie': sessionCookies(ctx.host, session) });
      }
      case 'GET /logout': {
        if (ctx.cookies.hhtoken) control.logout(ctx.cookies.hhtoken);
        const domain = cookieDomain(ctx.host);
        return redirect(safeNext(ctx.query.get('next')), 302, {
          'set-cookie': [setCookie('hhtoken', '', { domain, httpOnly: true, maxAge: 0 }), setCookie('_xsrf', '', { domain, maxAge: 0 })],
        });
      }
      default:
        return json(404, { error: `no control endpoint ${route}` });
    }
  } catch (e) {
    if (e instanceof ControlError) return json(400, { error: e.message });
    throw e;
  }
}
