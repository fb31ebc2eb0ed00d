/**
 * What the popup paints first, read in ONE storage call before anything else of it loads: the
 * stored snapshot and the few items its resume cards show (issue #17, item 4). It imports only
 * ./native at run time, so the popup's first script carries neither zod, nor the store with every
 * item, nor the messaging client; those load after the first frame.
 *
 * The items are defined in lib/store.ts (key, schema, default); this reads their raw values under
 * the same keys (tests/unit/popup-first-paint.test.ts holds the two together). Nothing here is
 * trusted: each field a card shows is checked by hand, and anything off makes the reader answer
 * `null`, so the popup takes the normal path (lib/store.ts's zod schemas) instead of crashing.
 */
import type { AutomationPause, RaiseOutcome, Settings, Snapshot } from './store';
import { nativeExtension } from './native';

/** The storage.local keys (WXT's `local:<key>` items of lib/store.ts) the first frame needs. */
export const FIRST_PAINT_KEYS = {
  snapshot: 'snapshot',
  outcomes: 'raiseOutcomes',
  settings: 'settings',
  pause: 'automationPause',
  applicantSite: 'applicantSite',
} as const;

/** The settings the cards use: which site links point to, and each resume's auto-raise switch. */
export type PaintSettings = Pick<Settings, 'site' | 'autoRaise'>;

export interface FirstPaint {
  snapshot: Snapshot | null;
  outcomes: Record<string, RaiseOutcome>;
  settings: PaintSettings;
  pause: AutomationPause | null;
  applicantSite: string | null;
}

/** lib/store.ts's settings default, as far as the first frame reads it. */
const DEFAULT_PAINT_SETTINGS: PaintSettings = { site: 'auto', autoRaise: {} };

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNullish = (v: unknown): v is null | undefined => v === null || v === undefined;
const optional = (v: unknown, check: (v: unknown) => boolean) => isNullish(v) || check(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
const isRecordOf = (v: unknown, check: (v: unknown) => boolean) => isObject(v) && Object.values(v).every(check);

const STATUSES = ['published', 'not_published', 'blocked', 'on_moderation', 'unknown'];

/** Every field of a resume a card renders, of the type the card expects. */
function isResume(v: unknown): boolean {
  if (!isObject(v)) return false;
  const p = v.progress;
  return (
    isString(v.id) &&
    isString(v.title) &&
    STATUSES.includes(v.status as string) &&
    typeof v.canRaise === 'boolean' &&
    (v.nextRaiseAt === null || isNumber(v.nextRaiseAt)) &&
    optional(v.hash, isString) &&
    optional(v.url, isString) &&
    optional(v.access, isString) &&
    optional(v.totalViews, isNumber) &&
    optional(v.newViews, isNumber) &&
    optional(v.moderationNotes, isStrings) &&
    optional(p, (p) => isObject(p) && isNumber(p.percentage) && isStrings(p.mandatory))
  );
}

function isSnapshot(v: unknown): boolean {
  if (!isObject(v)) return false;
  const me = v.me;
  return (
    Array.isArray(v.resumes) &&
    v.resumes.every(isResume) &&
    (me === null || (isObject(me) && isString(me.firstName) && isString(me.lastName))) &&
    (v.source === null || v.source === 'api' || v.source === 'site')
  );
}

/** An error as a card or the pause banner words it (ErrorNote, outcomeText). */
const isErrorInfo = (v: unknown) => isObject(v) && isString(v.kind) && isString(v.ru) && isString(v.en) && optional(v.url, isString);

function isOutcome(v: unknown): boolean {
  if (!isObject(v) || !isNumber(v.at) || typeof v.auto !== 'boolean') return false;
  switch (v.kind) {
    case 'raised':
    case 'too_early':
      return v.nextAt === null || isNumber(v.nextAt);
    case 'failed':
      return isErrorInfo(v.error);
    default:
      return false;
  }
}

/**
 * The first frame's data from the raw values under FIRST_PAINT_KEYS, or null when any of it is not
 * what the cards can show (the normal path then reads and validates it).
 */
export function firstPaintOf(raw: Raw): FirstPaint | null {
  const snapshot = raw[FIRST_PAINT_KEYS.snapshot] ?? null;
  const outcomes = raw[FIRST_PAINT_KEYS.outcomes] ?? {};
  const settings = raw[FIRST_PAINT_KEYS.settings] ?? DEFAULT_PAINT_SETTINGS;
  const pause = raw[FIRST_PAINT_KEYS.pause] ?? null;
  const applicantSite = raw[FIRST_PAINT_KEYS.applicantSite] ?? null;
  if (snapshot !== null && !isSnapshot(snapshot)) return null;
  if (!isRecordOf(outcomes, isOutcome)) return null;
  if (!isObject(settings)) return null;
  const site = settings.site ?? DEFAULT_PAINT_SETTINGS.site;
  const autoRaise = settings.autoRaise ?? DEFAULT_PAINT_SETTINGS.autoRaise;
  if (!isString(site) || !isRecordOf(autoRaise, (on) => typeof on === 'boolean')) return null;
  if (pause !== null && !(isObject(pause) && isErrorInfo(pause.reason))) return null;
  if (applicantSite !== null && !isString(applicantSite)) return null;
  return {
    snapshot: snapshot as Snapshot | null,
    outcomes: outcomes as Record<string, RaiseOutcome>,
    settings: { site, autoRaise: autoRaise as Record<string, boolean> },
    pause: pause as AutomationPause | null,
    applicantSite,
  };
}

/**
 * Where popup.html's first script leaves the read it started (entrypoints/popup-first.ts) for the
 * popup's module to take (entrypoints/popup/main.ts): a global of the popup page only.
 */
export const FIRST_PAINT_READ = 'otklikFirstPaintRead';

/** The one call the first frame waits on: `storage.local.get` of the keys above. */
export interface StorageArea {
  get(keys: string[]): Promise<Raw>;
}

/**
 * Reads the first frame's data in one storage call. Null when storage is out of reach or holds
 * something the cards cannot show: the caller then takes the normal path.
 */
export async function readFirstPaint(area: StorageArea | undefined = nativeExtension()?.storage?.local): Promise<FirstPaint | null> {
  if (!area) return null;
  try {
    return firstPaintOf(await area.get(Object.values(FIRST_PAINT_KEYS)));
  } catch {
    return null;
  }
}
