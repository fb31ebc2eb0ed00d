/**
 * The sandbox's one truth: users, resumes, views, vacancies, negotiations, tokens, site sessions.
 * The API half (api.hh.ru) and the site half (hh.ru pages) both read and change this state through
 * the operations below, so an application made on the site shows up in the API and vice versa.
 * Times are ms epoch on the sandbox clock (`now()`), which tests can move.
 */
import { randomBytes } from 'node:crypto';
import { prng, seed } from './seed';

export { resumeHash } from './seed';

export type UserLogin = 'anna' | 'boris' | 'olga';

export interface User {
  id: string;
  login: UserLogin;
  firstName: string;
  lastName: string;
  middleName: string | null;
  email: string;
  phone: string;
  isApplicant: boolean;
  isEmployer: boolean;
  /** hh.ru flagged the account as a bot: site writes answer a captcha until it is solved on /account/captcha. */
  captchaRequired?: boolean;
}

export interface Area {
  id: string;
  name: string;
}

export interface Employer {
  id: string;
  name: string;
  /** https://hh.ru/... ; null when the employer has no logo. */
  logoUrl: string | null;
  trusted: boolean;
}

export type ResumeStatusId = 'published' | 'not_published' | 'blocked' | 'on_moderation';
export type AccessType = 'no_one' | 'whitelist' | 'blacklist' | 'clients' | 'everyone' | 'direct';

export interface ResumeExperience {
  company: string;
  position: string;
  /** YYYY-MM-DD */
  start: string;
  end: string | null;
  description: string;
  area: Area | null;
}

export interface ResumeView {
  id: string;
  at: number;
  /** null: an anonymous viewer. */
  employerId: string | null;
  viewed: boolean;
}

export interface Resume {
  /** The site's numeric id ("1001"). */
  id: string;
  /** 38 hex chars; the API's resume id is this hash. */
  hash: string;
  userId: string;
  title: string;
  status: ResumeStatusId;
  access: AccessType;
  skills: string[];
  salary: { amount: number; currency: string } | null;
  area: Area;
  totalExperienceMonths: number;
  experience: ResumeExperience[];
  progress: { percentage: number; mandatory: string[]; recommended: string[] };
  moderationNotes: string[];
  totalViews: number;
  newViews: number;
  searchShows: number;
  newSearchShows: number;
  invitations: number;
  newInvitations: number;
  /** When it can be raised next; in the past = can raise now. */
  nextPublishAt: number;
  createdAt: number;
  updatedAt: number;
  lastRaisedAt: number | null;
  /** Newest first. */
  views: ResumeView[];
}

export interface Salary {
  from: number | null;
  to: number | null;
  currency: 'RUR' | 'KZT' | 'BYR' | 'USD';
  gross: boolean;
}

export type ExperienceId = 'noExperience' | 'between1And3' | 'between3And6' | 'moreThan6';

export interface Vacancy {
  id: string;
  name: string;
  employerId: string;
  area: Area;
  salary: Salary | null;
  experience: ExperienceId;
  schedule: 'fullDay' | 'remote' | 'flexible' | 'shift';
  employment: 'full' | 'part' | 'project';
  keySkills: string[];
  /** HTML, as hh sends it. */
  description: string;
  archived: boolean;
  hasTest: boolean;
  testRequired: boolean;
  letterRequired: boolean;
  /** `direct`: applying happens on the employer's own site (`directUrl`). */
  type: 'open' | 'direct';
  directUrl: string | null;
  publishedAt: number;
  createdAt: number;
}

export type NegotiationState = 'response' | 'invitation' | 'interview' | 'discard';

export interface Negotiation {
  /** Topic id. */
  id: string;
  chatId: string;
  userId: string;
  /** Resume site id (numeric). */
  resumeId: string;
  vacancyId: string;
  state: NegotiationState;
  message: string;
  createdAt: number;
  updatedAt: number;
  viewedByOpponent: boolean;
  hasUpdates: boolean;
  /**
   * A state word outside the four (`/__sandbox/answer`'s `rawState`), sent as is: hh.ru lists
   * `HIDDEN` besides them [M] and may add more; a client must show one it does not know.
   */
  rawState?: string;
  /** How it was made: seed data, the API, or the site. */
  via: 'seed' | 'api' | 'site';
}

export interface Raise {
  resumeId: string;
  userId: string;
  at: number;
  via: string;
}

export interface OAuthCode {
  code: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface OAuthToken {
  accessToken: string;
  refreshToken: string;
  userId: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** Its refresh token was used (a refresh token works once). */
  refreshed: boolean;
}

export interface SiteSession {
  /** The `hhtoken` cookie value. */
  hhtoken: string;
  /**
   * The `_xsrf` cookie value set with it, for the host the login happened on (each host sets its
   * own, see `issueXsrf`). Writes must echo the cookie (X-Xsrftoken / _xsrf).
   */
  xsrf: string;
  userId: string;
  createdAt: number;
}

export interface SandboxConfig {
  /** Which raise form "hh.ru" currently accepts (hh-site.md: A = touch, B = profile, C = button only). */
  raiseVariant: 'touch' | 'profile' | 'button';
  /** The vacancy page's state shape: before or after 2026-09-25. */
  vacancyShape: 'classic' | 'full';
  /** api.hh.ru answers 403 forbidden on applicant methods (HH's Dec 2025 closure). */
  applicantApiRefused: boolean;
  /** Access token lifetime, s. */
  tokenTtl: number;
  raiseIntervalMs: number;
  /** Applications per rolling 24 h per user. */
  applyLimit: number;
  /** hh.ru's front-end build (`globalVars.build`); JSON answers need it in `X-Static-Version`. */
  siteBuild: string;
  /**
   * The apply preflight for a vacancy whose test must be passed: 'status' = `{type: "testRequired",
   * body:{responseStatus}}` (hh-site.md table [M]); 'redirect' = `{type: "test-required",
   * redirect_uri}` with no body (Newer evidence [S, 2026-08-02/04]).
   */
  testPreflight: 'status' | 'redirect';
  /** `/applicant/resumes` answers 302 to `/applicant/profile/me` (Newer evidence [S, 2026-08-02]; [C] with 2026-09-08). */
  resumesRedirect: boolean;
  /** The negotiations list's order changes between requests ([M]); 'stable' keeps it newest first. */
  negotiationsOrder: 'stable' | 'shuffled';
  /** Topics named through `vacanciesShort` ('classic') or by flat `employerName`/`vacancyName` ('flat', [S] 2026-08-30). */
  topicShape: 'classic' | 'flat';
  /** A topic's `creationTime` as ms epoch ('ms') or an ISO string ('iso', Newer evidence [S, 2026-08]). */
  topicTime: 'ms' | 'iso';
  /** A discarded topic leaves the site's list this long after its last change ([M] that they vanish); 0 = never. */
  discardHiddenAfterMs: number;
  /** A site apply succeeds with `requiredAdditionalData: ["PREFERRED_WORK_AREAS"]` (Newer evidence [S, 2026-08]). */
  applyAdditionalData: boolean;
  /** Site applies within a minute (sandbox clock) after which the account gets the captcha flag ([S] ~10); 0 = never. */
  captchaAfterApplies: number;
  /** Default weight of the vacancy and search pages (site/weight.ts); a page's `?weight=` wins. */
  pageWeight: 'light' | 'real';
}

export const DEFAULT_CONFIG: Readonly<SandboxConfig> = {
  raiseVariant: 'touch',
  vacancyShape: 'classic',
  applicantApiRefused: false,
  tokenTtl: 1_209_600,
  raiseIntervalMs: 4 * 3_600_000,
  applyLimit: 200,
  siteBuild: '26.47.1.2',
  testPreflight: 'status',
  resumesRedirect: false,
  negotiationsOrder: 'shuffled',
  topicShape: 'classic',
  topicTime: 'ms',
  // guess: nobody measured how long a discarded topic stays listed; a month is a round number.
  discardHiddenAfterMs: 30 * 24 * 3_600_000,
  applyAdditionalData: false,
  captchaAfterApplies: 10,
  pageWeight: 'light',
};

/** The window of the apply-rate captcha (hh-site.md "Limits and anti-bot": ~10 in about a minute [S]). */
export const CAPTCHA_WINDOW_MS = 60_000;
/** A fixed seed for the negotiations list's changing order: the same requests see the same orders. */
const ORDER_SEED = 20_261_130;

const DAY_MS = 24 * 3_600_000;
export const LETTER_MAX_LENGTH = 10_000;

export type ApplyRefusal =
  | 'vacancy_not_found'
  | 'resume_not_found'
  | 'not_applicant'
  | 'archived'
  | 'direct'
  | 'not_published'
  | 'already_applied'
  | 'test_required'
  | 'letter_required'
  | 'too_long_message'
  | 'limit_exceeded';

export type ApplyOutcome =
  | { ok: true; negotiation: Negotiation }
  | { ok: false; reason: ApplyRefusal; vacancy?: Vacancy };

export type RaiseOutcome =
  | { ok: true; resume: Resume }
  | { ok: false; reason: 'not_found' | 'not_published' | 'blocked' }
  | { ok: false; reason: 'too_early'; nextPublishAt: number };

/** The data `seed()` builds; also what `reset()` restores. */
export interface SandboxData {
  users: User[];
  employers: Employer[];
  resumes: Resume[];
  vacancies: Vacancy[];
  negotiations: Negotiation[];
  raises: Raise[];
  codes: OAuthCode[];
  tokens: OAuthToken[];
  sessions: SiteSession[];
}

/** A random token for sessions and OAuth; not part of seed data, so Math.random-free determinism is kept there. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

export class SandboxState implements SandboxData {
  config: SandboxConfig = { ...DEFAULT_CONFIG };
  clockOffset = 0;
  users: User[] = [];
  employers: Employer[] = [];
  resumes: Resume[] = [];
  vacancies: Vacancy[] = [];
  negotiations: Negotiation[] = [];
  raises: Raise[] = [];
  codes: OAuthCode[] = [];
  tokens: OAuthToken[] = [];
  sessions: SiteSession[] = [];
  /** Every `_xsrf` value hh.ru handed out, and the host it was set for (Newer evidence: per host). */
  xsrfIssued = new Map<string, string>();
  /** Successful site applies, for the apply-rate captcha. */
  siteApplies: Array<{ userId: string; at: number }> = [];
  private counter = 0;
  private rng: () => number = prng(ORDER_SEED);

  constructor() {
    this.reset();
  }

  now(): number {
    return Date.now() + this.clockOffset;
  }

  setNow(ms: number): number {
    this.clockOffset = ms - Date.now();
    return this.now();
  }

  advance(ms: number): number {
    this.clockOffset += ms;
    return this.now();
  }

  /** Fresh seed data, default config, real time. */
  reset(): void {
    this.clockOffset = 0;
    this.config = { ...DEFAULT_CONFIG };
    this.counter = 0;
    this.xsrfIssued = new Map();
    this.siteApplies = [];
    this.rng = prng(ORDER_SEED);
    Object.assign(this, seed(this.now()));
  }

  /** Seeded randomness in [0, 1) for behaviour hh.ru shows at random (the negotiations order). */
  random(): number {
    return this.rng();
  }

  /** A fresh increasing number for new ids (topics, chats, views). */
  nextId(base: number): string {
    this.counter += 1;
    return String(base + this.counter);
  }

  // ---- lookups ----

  userByLogin(login: string): User | undefined {
    return this.users.find((u) => u.login === login);
  }

  userById(id: string): User | undefined {
    return this.users.find((u) => u.id === id);
  }

  employer(id: string | null | undefined): Employer | undefined {
    return id == null ? undefined : this.employers.find((e) => e.id === id);
  }

  vacancy(id: string): Vacancy | undefined {
    return this.vacancies.find((v) => v.id === id);
  }

  /** By site id or hash. */
  resume(idOrHash: string): Resume | undefined {
    return this.resumes.find((r) => r.id === idOrHash || r.hash === idOrHash);
  }

  resumesOf(userId: string): Resume[] {
    return this.resumes.filter((r) => r.userId === userId);
  }

  negotiationsOf(userId: string): Negotiation[] {
    return this.negotiations.filter((n) => n.userId === userId).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  negotiation(id: string): Negotiation | undefined {
    return this.negotiations.find((n) => n.id === id);
  }

  // ---- resumes: raise and views ----

  canRaise(r: Resume): boolean {
    return r.status === 'published' && this.now() >= r.nextPublishAt;
  }

  /** Raise ("поднять") a resume: the same rule whether it comes through the API or the site. */
  raise(userId: string, idOrHash: string, via: string): RaiseOutcome {
    const r = this.resume(idOrHash);
    if (!r || r.userId !== userId) return { ok: false, reason: 'not_found' };
    if (r.status === 'blocked') return { ok: false, reason: 'blocked' };
    if (r.status !== 'published') return { ok: false, reason: 'not_published' };
    const now = this.now();
    if (now < r.nextPublishAt) return { ok: false, reason: 'too_early', nextPublishAt: r.nextPublishAt };
    r.lastRaisedAt = now;
    r.updatedAt = now;
    r.nextPublishAt = now + this.config.raiseIntervalMs;
    this.raises.push({ resumeId: r.id, userId, at: now, via });
    return { ok: true, resume: r };
  }

  /** The view history, newest first; reading it marks every view seen (API or site history page). */
  readViews(r: Resume): ResumeView[] {
    const snapshot = r.views.map((v) => ({ ...v }));
    for (const v of r.views) v.viewed = true;
    r.newViews = 0;
    return snapshot;
  }

  addView(r: Resume, employerId: string | null, at = this.now()): ResumeView {
    const view: ResumeView = { id: this.nextId(900_000), at, employerId, viewed: false };
    r.views.unshift(view);
    r.views.sort((a, b) => b.at - a.at);
    r.totalViews += 1;
    r.newViews += 1;
    return view;
  }

  // ---- vacancies ----

  /** What the user's negotiations say about a vacancy (the API's `relations`). */
  relations(userId: string, vacancyId: string): Array<'got_response' | 'got_invitation' | 'got_rejection'> {
    const topics = this.negotiations.filter((n) => n.userId === userId && n.vacancyId === vacancyId);
    const out: Array<'got_response' | 'got_invitation' | 'got_rejection'> = [];
    if (topics.length > 0) out.push('got_response');
    if (topics.some((t) => t.state === 'invitation' || t.state === 'interview')) out.push('got_invitation');
    if (topics.some((t) => t.state === 'discard')) out.push('got_rejection');
    return out;
  }

  hasApplied(userId: string, vacancyId: string): boolean {
    return this.negotiations.some((n) => n.userId === userId && n.vacancyId === vacancyId);
  }

  /** Open, non-archived vacancies matching a text (title, employer or skill), newest first. */
  search(text = ''): Vacancy[] {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return this.vacancies
      .filter((v) => !v.archived)
      .filter((v) => {
        if (words.length === 0) return true;
        const hay = [v.name, this.employer(v.employerId)?.name ?? '', ...v.keySkills].join(' ').toLowerCase();
        return words.some((w) => hay.includes(w));
      })
      .sort((a, b) => b.publishedAt - a.publishedAt || Number(a.id) - Number(b.id));
  }

  /** Vacancies that fit a resume by shared key skills, best first. */
  similarTo(r: Resume): Vacancy[] {
    const skills = new Set(r.skills.map((s) => s.toLowerCase()));
    return this.vacancies
      .filter((v) => !v.archived)
      .map((v) => ({ v, score: v.keySkills.filter((s) => skills.has(s.toLowerCase())).length }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || Number(a.v.id) - Number(b.v.id))
      .map((x) => x.v);
  }

  // ---- applications ----

  appliedInLastDay(userId: string): number {
    const since = this.now() - DAY_MS;
    return this.negotiations.filter((n) => n.userId === userId && n.via !== 'seed' && n.createdAt > since).length;
  }

  /** Why a resume could not be used for a vacancy right now, or null when it can. */
  applyRefusal(user: User, vacancyId: string, resumeIdOrHash: string, message: string): ApplyRefusal | null {
    if (!user.isApplicant) return 'not_applicant';
    const v = this.vacancy(vacancyId);
    if (!v) return 'vacancy_not_found';
    const r = this.resume(resumeIdOrHash);
    if (!r || r.userId !== user.id) return 'resume_not_found';
    if (v.archived) return 'archived';
    if (v.type === 'direct') return 'direct';
    if (r.status !== 'published') return 'not_published';
    if (this.hasApplied(user.id, v.id)) return 'already_applied';
    if (v.testRequired) return 'test_required';
    if (v.letterRequired && message.trim() === '') return 'letter_required';
    if (message.length > LETTER_MAX_LENGTH) return 'too_long_message';
    if (this.appliedInLastDay(user.id) >= this.config.applyLimit) return 'limit_exceeded';
    return null;
  }

  /** Apply: the same rules and the same negotiations list for the API and the site. */
  apply(user: User, vacancyId: string, resumeIdOrHash: string, message: string, via: 'api' | 'site'): ApplyOutcome {
    const reason = this.applyRefusal(user, vacancyId, resumeIdOrHash, message);
    const vacancy = this.vacancy(vacancyId);
    if (reason) return { ok: false, reason, vacancy };
    const r = this.resume(resumeIdOrHash)!;
    const now = this.now();
    const negotiation: Negotiation = {
      id: this.nextId(4_200_000_000),
      chatId: this.nextId(5_200_000_000),
      userId: user.id,
      resumeId: r.id,
      vacancyId,
      state: 'response',
      message,
      createdAt: now,
      updatedAt: now,
      viewedByOpponent: false,
      hasUpdates: false,
      via,
    };
    this.negotiations.push(negotiation);
    return { ok: true, negotiation };
  }

  /**
   * An employer answers a topic: a new state, an unread message, or both. The employer has opened
   * the application by then (`viewedByOpponent`), and the change moves the topic to the top of the
   * list (`lastModified`, the list's newest-change-first order).
   * guess: that a message alone bumps `lastModified` (nobody saw it); an inference [I] for a state change.
   */
  answer(topicId: string, change: { state?: NegotiationState; rawState?: string | null; message?: boolean }): Negotiation {
    const n = this.negotiation(topicId);
    if (!n) throw new Error(`unknown topic ${topicId}`);
    if (change.state) n.state = change.state;
    if (change.rawState !== undefined) n.rawState = change.rawState ?? undefined;
    else if (change.state) n.rawState = undefined;
    if (change.message !== undefined) n.hasUpdates = change.message;
    n.viewedByOpponent = true;
    n.updatedAt = this.now();
    return n;
  }

  // ---- site sessions ----

  /** A session made on `host` (where the login form or shortcut ran): its `_xsrf` belongs to that host. */
  createSession(userId: string, host = 'hh.ru'): SiteSession {
    const session: SiteSession = { hhtoken: randomToken(20), xsrf: this.issueXsrf(host), userId, createdAt: this.now() };
    this.sessions.push(session);
    return session;
  }

  /** A fresh `_xsrf` value for one host: hh.ru sets `_xsrf` per host (spb.hh.ru has its own). */
  issueXsrf(host: string): string {
    const token = randomToken(16).toLowerCase();
    this.xsrfIssued.set(token, host.toLowerCase());
    return token;
  }

  /** The host an `_xsrf` value was set for, when hh.ru set it at all. */
  xsrfHost(token: string | undefined): string | undefined {
    return token ? this.xsrfIssued.get(token) : undefined;
  }

  /** A site apply went through: counts toward the captcha after ~10 a minute. True when the account is now flagged. */
  noteSiteApply(user: User): boolean {
    const now = this.now();
    this.siteApplies.push({ userId: user.id, at: now });
    const limit = this.config.captchaAfterApplies;
    const recent = this.siteApplies.filter((a) => a.userId === user.id && a.at > now - CAPTCHA_WINDOW_MS).length;
    if (limit > 0 && recent >= limit) user.captchaRequired = true;
    return user.captchaRequired === true;
  }

  /** Sets or clears the account's captcha flag; solving it also starts the apply count afresh. */
  setCaptcha(user: User, required: boolean): void {
    user.captchaRequired = required;
    if (!required) this.siteApplies = this.siteApplies.filter((a) => a.userId !== user.id);
  }

  session(hhtoken: string | undefined): SiteSession | undefined {
    return hhtoken ? this.sessions.find((s) => s.hhtoken === hhtoken) : undefined;
  }

  endSession(hhtoken: string | undefined): void {
    this.sessions = this.sessions.filter((s) => s.hhtoken !== hhtoken);
  }

  // ---- OAuth ----

  issueCode(userId: string, clientId: string, redirectUri: string): OAuthCode {
    const code: OAuthCode = { code: randomToken(32), userId, clientId, redirectUri, expiresAt: this.now() + 600_000, used: false };
    this.codes.push(code);
    return code;
  }

  issueToken(userId: string, clientId: string): OAuthToken {
    const now = this.now();
    const token: OAuthToken = {
      accessToken: `USER${randomToken(32)}`,
      refreshToken: `USER${randomToken(32)}`,
      userId,
      clientId,
      issuedAt: now,
      expiresAt: now + this.config.tokenTtl * 1000,
      revoked: false,
      refreshed: false,
    };
    this.tokens.push(token);
    return token;
  }

  tokenByAccess(access: string): OAuthToken | undefined {
    return this.tokens.find((t) => t.accessToken === access);
  }

  tokenByRefresh(refresh: string): OAuthToken | undefined {
    return this.tokens.find((t) => t.refreshToken === refresh);
  }

  /** For assertions: what was done, not the whole seed. */
  dump() {
    const now = this.now();
    return {
      now,
      config: this.config,
      applications: this.negotiations
        .filter((n) => n.via !== 'seed')
        .map((n) => ({
          id: n.id,
          userId: n.userId,
          vacancyId: n.vacancyId,
          resumeId: n.resumeId,
          message: n.message,
          via: n.via,
          createdAt: n.createdAt,
          state: n.state,
          hasUpdates: n.hasUpdates,
        })),
      raises: this.raises,
      resumes: this.resumes.map((r) => ({
        id: r.id,
        hash: r.hash,
        userId: r.userId,
        title: r.title,
        status: r.status,
        nextPublishAt: r.nextPublishAt,
        lastRaisedAt: r.lastRaisedAt,
        totalViews: r.totalViews,
        newViews: r.newViews,
      })),
      tokens: this.tokens.map((t) => ({
        userId: t.userId,
        clientId: t.clientId,
        issuedAt: t.issuedAt,
        expiresAt: t.expiresAt,
        expired: now >= t.expiresAt,
        revoked: t.revoked,
        refreshed: t.refreshed,
      })),
      sessions: this.sessions.map((s) => ({ userId: s.userId, createdAt: s.createdAt })),
    };
  }
}

export function createState(): SandboxState {
  return new SandboxState();
}
