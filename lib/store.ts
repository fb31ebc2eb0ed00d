/**
 * Every stored item, in one place: key, shape, default.
 * - storage.local (WXT storage): settings, snapshot, drafts, ledger, raise state. Extension pages
 *   read these directly (the popup renders the snapshot before any network).
 * - IndexedDB of the extension origin (idb-keyval): tokens, the OAuth app's secret and the HTTP
 *   cache. Content scripts cannot reach it (their IndexedDB is the page's), so tokens stay with the
 *   background and extension pages.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { createStore, get, set, del, clear } from 'idb-keyval';
import { z } from './zod';
import { createSerial } from './serial';
import { ErrorInfo } from './hh/errors';
import { GatewayKind, Me, NegotiationState, Resume } from './hh/model';
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
export function updateItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, fn: (value: T) => T): Promise<T> {
  let serial = serials.get(item);
  if (!serial) serials.set(item, (serial = createSerial()));
  return serial(async () => {
    const next = fn(await item.getValue());
    await item.setValue(next);
    return next;
  });
}

// ---------- settings ----------
export const GatewayMode = z.enum(['auto', 'api', 'site']);
export type GatewayMode = z.infer<typeof GatewayMode>;

export const LetterTemplate = z.object({ id: z.string(), name: z.string(), text: z.string() });
export type LetterTemplate = z.infer<typeof LetterTemplate>;

export const Settings = z.object({
  /** The site the user works on (API `?host=`, OAuth authorize host): one of ours, never a free string that sign-in would turn into a URL. */
  site: z.enum(SITES.map((s) => s.host) as [string, ...string[]]),
  gateway: GatewayMode,
  /** Per resume id: raise automatically when hh allows. */
  autoRaise: z.record(z.string(), z.boolean()),
  quietHours: z.object({ enabled: z.boolean(), from: z.string(), to: z.string() }),
  templates: z.array(LetterTemplate),
  dimHidden: z.boolean(),
  panelCollapsed: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  site: 'hh.ru',
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
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...raw });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Settings are written by the background only (the options page asks it), one change at a time. */
export async function patchSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateItem(settingsItem, (raw) => {
    const current = Settings.safeParse({ ...DEFAULT_SETTINGS, ...raw });
    return Settings.parse({ ...(current.success ? current.data : DEFAULT_SETTINGS), ...patch });
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
export const MarksCache = z.object({ at: z.number(), states: z.record(z.string(), NegotiationState) });
export type MarksCache = z.infer<typeof MarksCache>;
export const marksCacheItem = storage.defineItem<MarksCache | null>('local:marksCache', { fallback: null });

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

/** The HTTP layer's ETag cache. */
export const httpCacheStore: HttpCache = {
  get: (key) => get<CachedResponse>(key, httpCache()),
  set: (key, value) => set(key, value, httpCache()),
};

/** Sign-out: forget the person. Settings (site, templates) stay; everything about the account goes. */
export async function wipeUserData(): Promise<void> {
  await Promise.all([
    clearTokens(),
    clear(httpCache()),
    snapshotItem.removeValue(),
    draftsItem.removeValue(),
    raiseOutcomesItem.removeValue(),
    pauseItem.removeValue(),
    gatewayStatusItem.removeValue(),
    marksCacheItem.removeValue(),
    resumeSiteIdsItem.removeValue(),
  ]);
}
