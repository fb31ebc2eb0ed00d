/**
 * Background wiring: the message router, alarms, badge, install/startup hooks. Logic lives in
 * the modules it imports; this file only connects browser events to them.
 */
import { browser } from 'wxt/browser';
import { listen, type Handlers } from './router';
import { getStatus, signInAndStatus, signOutAndStatus } from './status';
import { settleInterrupted } from './ledger';
import { loadViews, refreshSnapshot } from './resumes/snapshot';
import { raiseNow } from './resumes/raise';
import { restoreSchedule, resumeAutomation, setAutoRaise } from './resumes/schedule';
import { handleAlarm } from './resumes/auto-raise';
import { saveDraftFrom, setPanelCollapsed, vacancyPanel } from './vacancy/panel';
import { applyOnce, recheckApply } from './vacancy/apply';
import { searchMarks } from './vacancy/marks';
import * as store from '../store';

const handlers: Handlers = {
  status: () => getStatus(),
  signIn: () => signInAndStatus(),
  signOut: () => signOutAndStatus(),
  openOptions: async () => {
    await browser.runtime.openOptionsPage();
    return null;
  },
  refresh: ({ force }) => refreshSnapshot(force),
  raise: ({ resumeId }) => raiseNow(resumeId, false),
  setAutoRaise: async ({ resumeId, on }) => {
    await setAutoRaise(resumeId, on);
    return null;
  },
  views: ({ resumeId, page }) => loadViews(resumeId, page),
  patchSettings: (patch) => store.patchSettings(patch),
  saveApp: async (app) => {
    await store.setOAuthApp({ clientId: app.clientId.trim(), clientSecret: app.clientSecret.trim() });
    return null;
  },
  resume: async () => {
    await resumeAutomation();
    return null;
  },
  vacancyPanel: (req, sender) => vacancyPanel(req, sender),
  apply: (req, sender) => applyOnce(req, sender),
  recheckApply: (req, sender) => recheckApply(req, sender),
  saveDraft: (req, sender) => saveDraftFrom(req, sender),
  setPanelCollapsed: (req, sender) => setPanelCollapsed(req, sender),
  marks: (req) => searchMarks(req),
};

/**
 * Content scripts run beside hh.ru's page: where the browser can (Chrome's
 * `storage.local.setAccessLevel`), extension storage is kept to the extension's own pages and
 * worker. Content scripts read nothing from it; they ask the background.
 */
export async function restrictStorage(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // A browser that has the method but not for this area: nothing else to do.
  }
}

export function startBackground(): void {
  // Listeners first and synchronously: MV3 wakes the worker for an event only if its listener
  // is registered in the first turn.
  listen(handlers);
  void restrictStorage();
  browser.alarms.onAlarm.addListener((alarm) => void handleAlarm(alarm));
  browser.runtime.onStartup.addListener(() => void restoreSchedule());
  browser.runtime.onInstalled.addListener(() => void restoreSchedule());
  // Quiet hours or auto-raise changed in the options page: re-plan the timers now, not at the next refresh.
  store.settingsItem.watch((next, prev) => {
    const timing = (s: store.Settings | null) => JSON.stringify([s?.autoRaise, s?.quietHours]);
    if (timing(next) !== timing(prev)) void restoreSchedule();
  });
  // A worker that died mid-apply or mid-raise left a pending entry (it may have reached hh.ru)
  // and may have taken a fired timer with it: settle the one, re-plan the others.
  void settleInterrupted()
    .catch(() => 0)
    .then(() => restoreSchedule());

  if (import.meta.env.MODE === 'e2e') {
    (globalThis as unknown as { otklikTest: unknown }).otklikTest = {
      setOAuthApp: store.setOAuthApp,
      setTokens: store.setTokens,
      getTokens: store.getTokens,
      getSettings: store.getSettings,
      patchSettings: store.patchSettings,
      ledger: () => store.ledgerItem.getValue(),
      alarms: () => browser.alarms.getAll(),
      fireAlarm: (name: string) => handleAlarm({ name, scheduledTime: Date.now() }),
      badge: () => browser.action.getBadgeText({}),
      refresh: () => refreshSnapshot(true),
    };
  }
}
