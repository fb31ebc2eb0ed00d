/**
 * Every stored item, in one place: key, shape, default.
 * - storage.local (WXT storage): settings, snapshot, drafts, ledger, raise state. Extension pages
 *   read these directly (the popup renders the snapshot before any network).
 * - storage.session: only the vacancy panel's first frame, which content scripts read themselves.
 * - IndexedDB of the extension origin (idb-keyval): tokens, the OAuth app's secret and the HTTP
 *   cache. Content scripts cannot reach it (their IndexedDB is the page's), so tokens stay with the
 *   background and extension pages.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { createStore, get, set, del, clear, keys, entries, delMany } from 'idb-keyval';
import { z } from './zod';
import { createSerial } from './serial';
import { AUTO_SITE, DEFAULT_SITE } from './site';
import { ErrorInfo } from './hh/errors';
import { GatewayKind, Me, Negotiation, NegotiationState, Resume } from './hh/model';
import { OAuthApp, Tokens, type TokenStore } from './hh/api/auth';
import type { CachedResponse, HttpCache } from './hh/http';
import type { RaiseVariant } from './hh/site/raise';
import { SITES } from './hh/sites';

export { OAuthApp, Tokens };

const serials = new WeakMap<object, ReturnType<typeof createSerial>>();

/**
 * Read-modify-write of one stored item, one at a time in this context: two tabs' clicks, parallel
 * raises and the options page's saves arrive together, and none may lose another's change.
 */
function serialOf(item: object): ReturnType<typeof createSerial> {
  let serial = serials.get(item);
  if (!serial) serials.set(item, (serial = createSerial()));
  return serial;
}

export function updateItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, fn: (value: T) => T): Promise<T> {
  return serialOf(item)(async () => {
    const next = fn(await item.getValue());
    await item.setValue(next);
    return next;
  });
}

/** A read that waits for the item's writes already asked for: what a page saved as it closed is there. */
export function readItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): Promise<T> {
  return serialOf(item)(() => item.getValue());
}

// ---------- settings ----------
export const GatewayMode = z.enum(['auto', 'api', 'site']);
export type GatewayMode = z.infer<typeof GatewayMode>;

export const LetterTemplate = z.object({ id: z.string(), name: z.string(), text: z.string() });
export type LetterTemplate = z.infer<typeof LetterTemplate>;

/** An employer on one of the person's lists: by hh.ru's id, or by name when added by hand. */
export const ListedEmployer = z.object({
  id: z.nullish(z.string().check(z.regex(/^\d{1,12}$/))),
  name: z.string().check(z.maxLength(300)),
});
export type ListedEmployer = z.infer<typeof ListedEmployer>;

/** What a search card of a vacancy already applied to (or rejected on) does: stays, dims, or folds away. */
export const CardAction = z.enum(['show', 'dim', 'hide']);
export type CardAction = z.infer<typeof CardAction>;

/** Employers one list holds at most: stored settings are read whole on every search page. */
export const EMPLOYER_LIST_MAX = 5000;

/** Search triage: the fit figure on cards, and what the person never wants to see or apply to. */
export const Triage = z.object({
  fitOnCards: z.boolean(),
  /** Their cards fold to a one-line stub on search pages. */
  hiddenEmployers: z.array(ListedEmployer).check(z.maxLength(EMPLOYER_LIST_MAX)),
  /** Whole words of a title; a trailing `*` takes any ending ("стаж*"). */
  stopWords: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(1000)),
  /** Cards whose best offer is below this fold away; `net`: the amount is take-home pay. */
  minSalary: z.object({ amount: z.nullable(z.number().check(z.gte(0))), currency: z.string(), net: z.boolean() }),
  applied: CardAction,
  rejected: CardAction,
  /** The panel stops an apply to these (a current employer) until the person ticks "apply anyway". */
  neverApply: z.array(ListedEmployer).check(z.maxLength(EMPLOYER_LIST_MAX)),
});
export type Triage = z.infer<typeof Triage>;

export const DEFAULT_TRIAGE: Triage = {
  fitOnCards: true,
  hiddenEmployers: [],
  stopWords: [],
  minSalary: { amount: null, currency: 'RUR', net: true },
  applied: 'show',
  rejected: 'show',
  neverApply: [],
};

export const Settings = z.object({
  /**
   * The site the user works on (API `?host=`, OAuth authorize host, background reads): "auto" (the
   * site where the person was last seen logged in, lib/site.ts) or one of ours that overrides it;
   * never a free string that sign-in would turn into a URL.
   */
  site: z.enum([AUTO_SITE, ...SITES.map((s) => s.host)] as [string, ...string[]]),
  gateway: GatewayMode,
  /** Per resume id: raise automatically when hh allows. */
  autoRaise: z.record(z.string(), z.boolean()),
  quietHours: z.object({ enabled: z.boolean(), from: z.string(), to: z.string() }),
  templates: z.array(LetterTemplate),
  dimHidden: z.boolean(),
  panelCollapsed: z.boolean(),
  triage: Triage,
  /** How often (minutes) the background looks for employers' answers; off: never. */
  answersPoll: z.enum(['10', '20', '60', 'off']),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  site: AUTO_SITE,
  gateway: 'auto',
  autoRaise: {},
  quietHours: { enabled: false, from: '23:00', to: '08:00' },
  templates: [
    {
      id: 'default',
      name: 'Коротко',
      text: 'Здравствуйте! Меня заинтересовала вакансия «{vacancy}» в {company}. Буду рад обсудить детали.\n{name}',
    },
  ],
  dimHidden: false,
  panelCollapsed: false,
  triage: DEFAULT_TRIAGE,
  answersPoll: '20',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // Version 1 had no "auto" and stored its default hh.ru with any other change (a collapsed
    // panel, a template): a stored hh.ru says nothing about a choice. Auto still reads hh.ru for a
    // person logged in there, and follows one who works on hh.kz.
    2: (old: Settings) => (old && old.site === DEFAULT_SITE ? { ...old, site: AUTO_SITE } : old),
  },
});

/** Stored settings over the defaults; triage fields added later fill in one by one. */
function withDefaults(raw: Partial<Settings> | null | undefined): unknown {
  return { ...DEFAULT_SETTINGS, ...raw, triage: { ...DEFAULT_TRIAGE, ...raw?.triage } };
}

export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse(withDefaults(raw));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Settings are written by the background only (the options page asks it), one change at a time. */
export async function patchSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateSettings((current) => ({ ...current, ...patch }));
}

/** A change computed from the current settings, serialised with every other settings write. */
export async function updateSettings(fn: (current: Settings) => Settings): Promise<Settings> {
  return updateItem(settingsItem, (raw) => {
    const current = Settings.safeParse(withDefaults(raw));
    return Settings.parse(fn(current.success ? current.data : DEFAULT_SETTINGS));
  });
}

// ---------- the last known state (popup renders it at once) ----------
export const Snapshot = z.object({
  me: z.nullable(Me),
  resumes: z.array(Resume),
  fetchedAt: z.number(),
  source: z.nullable(GatewayKind),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const snapshotItem = storage.defineItem<Snapshot | null>('local:snapshot', { fallback: null });

// ---------- the vacancy panel's first frame: the one item a content script reads itself ----------
export const PanelPreview = z.object({
  resumes: z.array(z.object({ id: z.string(), title: z.string() })),
  collapsed: z.boolean(),
});
export type PanelPreview = z.infer<typeof PanelPreview>;

/**
 * The resumes as last seen and whether the panel is folded: what the vacancy panel draws before
 * the vacancy is read. The background mirrors it from the snapshot and the settings
 * (lib/background/vacancy/preview.ts); the vacancy content script reads it at document_start
 * without waking the background (lib/panel-preview.ts, issue #17). The only item in
 * storage.session, because that area is open to content scripts (restrictStorage in
 * lib/background/index.ts): nothing else may be stored there. Gone with the browser session, and
 * written again whenever the background starts.
 */
export const panelPreviewItem = storage.defineItem<PanelPreview | null>('session:panelPreview', { fallback: null });

// ---------- cover-letter drafts: kept until sent ----------
export const Draft = z.object({ text: z.string(), resumeId: z.nullish(z.string()), updatedAt: z.number() });
export type Draft = z.infer<typeof Draft>;
export const draftsItem = storage.defineItem<Record<string, Draft>>('local:drafts', { fallback: {} });

// ---------- the ledger: every write, recorded before it is sent ----------
export const LedgerEntry = z.object({
  id: z.string(),
  action: z.enum(['apply', 'raise']),
  /** vacancy id for apply, resume id for raise */
  target: z.string(),
  resumeId: z.nullish(z.string()),
  state: z.enum(['pending', 'done', 'failed', 'uncertain']),
  gateway: z.nullish(GatewayKind),
  at: z.number(),
  updatedAt: z.number(),
  error: z.nullish(ErrorInfo),
  negotiationId: z.nullish(z.string()),
  chatUrl: z.nullish(z.string()),
  /** hh.ru took the application but wants more from the person on its own pages. */
  followUp: z.nullish(z.array(z.string())),
  /** Unclear applies: when hh.ru first showed no application to the vacancy (a second look decides). */
  notSeenAt: z.nullish(z.number()),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const ledgerItem = storage.defineItem<LedgerEntry[]>('local:ledger', { fallback: [] });

// ---------- raise outcomes per resume, shown in the popup ----------
export const RaiseOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('raised'),
    at: z.number(),
    nextAt: z.nullable(z.number()),
    auto: z.boolean(),
    /** The server's raise time this raise used up: at most one raise per window, even if hh's reads lag. */
    window: z.nullish(z.number()),
  }),
  z.object({ kind: z.literal('too_early'), at: z.number(), nextAt: z.nullable(z.number()), auto: z.boolean() }),
  z.object({
    kind: z.literal('failed'),
    at: z.number(),
    error: ErrorInfo,
    auto: z.boolean(),
    /** How many refusals in a row hh.ru gave that waiting will not fix (resume-raise.ts `refusedForGood`). */
    streak: z.nullish(z.number()),
  }),
]);
export type RaiseOutcome = z.infer<typeof RaiseOutcome>;
export const raiseOutcomesItem = storage.defineItem<Record<string, RaiseOutcome>>('local:raiseOutcomes', {
  fallback: {},
});

/** Set when hh asked for a captcha or the sign-in was lost: automatic work waits for the user. */
export const AutomationPause = z.object({ reason: ErrorInfo, at: z.number() });
export type AutomationPause = z.infer<typeof AutomationPause>;
export const pauseItem = storage.defineItem<AutomationPause | null>('local:automationPause', { fallback: null });

/** Site-session facts learned at run time (which raise request hh.ru accepts now, the build string). */
export const SiteFacts = z.object({
  raiseVariant: z.nullish(z.enum(['touch', 'profile', 'button'] as const satisfies readonly RaiseVariant[])),
  build: z.nullish(z.string()),
});
export type SiteFacts = z.infer<typeof SiteFacts>;
export const siteFactsItem = storage.defineItem<SiteFacts>('local:siteFacts', { fallback: {} });

/** One site fact as a get/set pair (the site gateway takes these, so tests can hand it their own). */
export function siteFact<K extends keyof SiteFacts>(key: K) {
  return {
    async get(): Promise<NonNullable<SiteFacts[K]> | null> {
      return (await siteFactsItem.getValue())[key] ?? null;
    },
    async set(value: NonNullable<SiteFacts[K]>): Promise<void> {
      const facts = await siteFactsItem.getValue();
      if (facts[key] !== value) await siteFactsItem.setValue({ ...facts, [key]: value });
    },
  };
}

/**
 * The hh-family site root (`hh.kz`) where a read or a content script's page last showed the person
 * logged in as an applicant. With the site setting on "auto", the popup and the timers read there.
 * Not wiped on sign-out: it names a place, not the person, and the site login there still serves.
 */
export const applicantSiteItem = storage.defineItem<string | null>('local:applicantSite', { fallback: null });

/**
 * hh.ru's numeric resume ids -> the resumes' ids (hashes), as the site last listed them. hh's topics
 * name resumes by number; this maps them without reading the resume list again.
 */
export const resumeSiteIdsItem = storage.defineItem<Record<string, string>>('local:resumeSiteIds', { fallback: {} });

/** Which gateway served last and why the other did not (shown small in the UI). */
export const gatewayStatusItem = storage.defineItem<{ kind: GatewayKind | null; problem: ErrorInfo | null }>(
  'local:gatewayStatus',
  { fallback: { kind: null, problem: null } },
);

/** Negotiation states per vacancy id for search-page marks: a few minutes' cache that outlives the worker. */
export const MarksCache = z.object({
  at: z.number(),
  states: z.record(z.string(), NegotiationState),
  /** The site the applications were read from: hh.kz's marks are not hh.ru's. */
  site: z.optional(z.string()),
});
export type MarksCache = z.infer<typeof MarksCache>;
export const marksCacheItem = storage.defineItem<MarksCache | null>('local:marksCache', { fallback: null });

/** The first-run page was opened (lib/background/welcome.ts): it opens once per install, never again. Kept at sign-out. */
export const welcomeShownItem = storage.defineItem<boolean>('local:welcomeShown', { fallback: false });
// ---------- applications: what the answers poll saw, and what it told the person ----------
/** What an employer did that the person is told about; `unknown`: a state Otklik does not know. */
export const AnswerKind = z.enum(['invitation', 'interview', 'discard', 'message', 'unknown']);
export type AnswerKind = z.infer<typeof AnswerKind>;

export const ApplicationRecord = z.object({
  topic: Negotiation,
  firstSeenAt: z.number(),
  /** The last poll that found it on hh.ru's list (a discarded topic vanishes from it after a while). */
  listedAt: z.number(),
  /** An answer the person has not looked at in the popup yet (the badge counts these). */
  unseen: z.nullable(AnswerKind),
  /** The states already told about (`state:INVITATION`): an answer is never notified twice. */
  told: z.array(z.string()),
});
export type ApplicationRecord = z.infer<typeof ApplicationRecord>;

export const ApplicationsState = z.object({
  /** By topic id; bounded to the newest APPLICATIONS_KEPT. */
  topics: z.record(z.string(), ApplicationRecord),
  /** The last poll that reached hh.ru; null: none yet (the first one only learns, it tells nothing). */
  polledAt: z.nullable(z.number()),
  /** The last poll that read every page. */
  sweptAt: z.nullable(z.number()),
});
export type ApplicationsState = z.infer<typeof ApplicationsState>;
export const APPLICATIONS_KEPT = 2000;
export const EMPTY_APPLICATIONS: ApplicationsState = { topics: {}, polledAt: null, sweptAt: null };
export const applicationsItem = storage.defineItem<ApplicationsState>('local:applications', { fallback: EMPTY_APPLICATIONS });

/** Notifications shown, by id: where a click on one leads (the worker that showed it may be gone). */
export const ShownNotice = z.object({ url: z.string(), title: z.string(), message: z.string(), at: z.number() });
export type ShownNotice = z.infer<typeof ShownNotice>;
export const noticesItem = storage.defineItem<Record<string, ShownNotice>>('local:notices', { fallback: {} });

// ---------- secrets and HTTP cache: extension-origin IndexedDB ----------
let secretsStore: ReturnType<typeof createStore> | undefined;
let cacheStore: ReturnType<typeof createStore> | undefined;
const secrets = () => (secretsStore ??= createStore('otklik-secrets', 'kv'));
const httpCache = () => (cacheStore ??= createStore('otklik-http-cache', 'kv'));

export async function getTokens(): Promise<Tokens | null> {
  const parsed = Tokens.safeParse(await get('tokens', secrets()));
  return parsed.success ? parsed.data : null;
}
export const setTokens = (t: Tokens) => set('tokens', t, secrets());
export const clearTokens = () => del('tokens', secrets());
/** The OAuth client's token store. */
export const tokenStore: TokenStore = { get: getTokens, set: setTokens, clear: clearTokens };

/** The OAuth app the user entered; falls back to the build-time defaults. */
export async function getOAuthApp(): Promise<OAuthApp> {
  const parsed = OAuthApp.safeParse(await get('app', secrets()));
  if (parsed.success && parsed.data.clientId) return parsed.data;
  return {
    clientId: import.meta.env.WXT_HH_CLIENT_ID ?? '',
    clientSecret: import.meta.env.WXT_HH_CLIENT_SECRET ?? '',
  };
}
export const setOAuthApp = (app: OAuthApp) => set('app', OAuthApp.parse(app), secrets());

/**
 * Answers the ETag cache keeps at most, the oldest going first. Its keys today are one per site
 * (the resume list); the cap keeps a key added later per vacancy or page from piling up for good.
 */
export const HTTP_CACHE_KEPT = 50;

/** The HTTP layer's ETag cache. */
export const httpCacheStore: HttpCache = {
  get: (key) => get<CachedResponse>(key, httpCache()),
  async set(key, value) {
    await set(key, value, httpCache());
    if ((await keys(httpCache())).length <= HTTP_CACHE_KEPT) return;
    const all = await entries<IDBValidKey, CachedResponse | undefined>(httpCache());
    const oldest = all.sort(([, a], [, b]) => (b?.at ?? 0) - (a?.at ?? 0)).slice(HTTP_CACHE_KEPT);
    await delMany(oldest.map(([k]) => k), httpCache());
  },
};

/** Sign-out: forget the person. Settings (site, templates) stay; everything about the account goes. */
export async function wipeUserData(): Promise<void> {
  await Promise.all([
    clearTokens(),
    clear(httpCache()),
    snapshotItem.removeValue(),
    panelPreviewItem.removeValue(),
    draftsItem.removeValue(),
    raiseOutcomesItem.removeValue(),
    pauseItem.removeValue(),
    gatewayStatusItem.removeValue(),
    marksCacheItem.removeValue(),
    resumeSiteIdsItem.removeValue(),
    applicationsItem.removeValue(),
    noticesItem.removeValue(),
  ]);
}
