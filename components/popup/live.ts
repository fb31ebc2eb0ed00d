/**
 * The popup's live half, loaded after its first frame (./mount.tsx): the stored items it follows
 * (lib/store.ts, with zod), the messaging client, and the browser calls behind its buttons. Every
 * stored value is validated here before the popup shows it: a corrupt one reads as absent.
 */
import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { send } from '../../lib/client';
import type { FirstPaint, PaintSettings } from '../../lib/first-paint';
import { z, type ZodType } from '../../lib/zod';
import {
  AutomationPause,
  EMPTY_APPLICATIONS,
  RaiseOutcome,
  Settings,
  type ApplicationsState,
  Snapshot,
  applicantSiteItem,
  applicationsItem,
  pauseItem,
  raiseOutcomesItem,
  settingsItem,
  snapshotItem,
} from '../../lib/store';
import type { Live } from './Popup';
import type { Source } from './useStored';

type Item<T> = WxtStorageItem<T, Record<string, unknown>>;

/** A stored item as the popup reads it: through `check`, so what it shows is what it expects. */
function source<T>(item: Item<T>, check: (raw: unknown) => T): Source<T> {
  return {
    getValue: async () => check(await item.getValue()),
    watch: (cb) => item.watch((v) => cb(check(v))),
  };
}

/** `schema`'s reading of a stored value; `fallback` when it is not of that shape. */
const parsed =
  <T>(schema: ZodType<T>, fallback: T) =>
  (raw: unknown): T => {
    const r = schema.safeParse(raw);
    return r.success ? r.data : fallback;
  };

/** The settings the popup uses; the rest of the settings is the options page's. */
const PopupSettings = z.object({ site: Settings.shape.site, autoRaise: Settings.shape.autoRaise });
const DEFAULT_POPUP_SETTINGS: PaintSettings = { site: 'auto', autoRaise: {} };

const checkSnapshot = parsed(z.nullable(Snapshot), null);
const checkOutcomes = parsed(z.record(z.string(), RaiseOutcome), {});
const checkSettings = (raw: unknown): PaintSettings =>
  parsed(PopupSettings, DEFAULT_POPUP_SETTINGS)({ ...DEFAULT_POPUP_SETTINGS, ...(raw as object | null) });
const checkPause = parsed(z.nullable(AutomationPause), null);
const checkSite = (raw: unknown) => (typeof raw === 'string' ? raw : null);
/**
 * Up to APPLICATIONS_KEPT records the background wrote after its own checks, of which the popup
 * only counts the unseen: checked for shape, not record by record (that would cost the popup more
 * than the count is worth).
 */
const checkApplications = (raw: unknown): ApplicationsState =>
  raw && typeof raw === 'object' && 'topics' in raw && raw.topics && typeof raw.topics === 'object'
    ? (raw as ApplicationsState)
    : EMPTY_APPLICATIONS;

export const live: Live = {
  send,
  snapshot: source(snapshotItem, checkSnapshot),
  outcomes: source(raiseOutcomesItem, checkOutcomes),
  settings: source(settingsItem, checkSettings),
  pause: source(pauseItem, checkPause),
  applicantSite: source(applicantSiteItem, checkSite),
  applications: source(applicationsItem, checkApplications),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openHistory: () => void browser.tabs.create({ url: browser.runtime.getURL('/applications.html') }),
};

/**
 * The normal path, when the first-paint reader could not use what storage holds: the same items
 * in one storage call, each validated by its schema (what is corrupt reads as absent).
 */
export async function readPopupStored(): Promise<FirstPaint> {
  const [snapshot, outcomes, settings, pause, applicantSite] = await storage.getItems([
    snapshotItem,
    raiseOutcomesItem,
    settingsItem,
    pauseItem,
    applicantSiteItem,
  ]);
  return {
    snapshot: checkSnapshot(snapshot?.value),
    outcomes: checkOutcomes(outcomes?.value),
    settings: checkSettings(settings?.value),
    pause: checkPause(pause?.value),
    applicantSite: checkSite(applicantSite?.value),
  };
}
