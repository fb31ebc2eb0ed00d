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
import { panelPreview, saveDraftFrom, setPanelCollapsed, vacancyPanel } from './vacancy/panel';
import { keepPanelPreview } from './vacancy/preview';
import { applyOnce, recheckApply } from './vacancy/apply';
import { searchMarks } from './vacancy/marks';
import { welcomeOnInstall } from './welcome';
import { listEmployer } from './vacancy/triage';
import { ANSWERS_ALARM, pollAnswers, scheduleAnswersPoll } from './applications/poll';
import { inbox, seeAnswers } from './applications/inbox';
import { historyRows } from './applications/history';
import { openNotice } from './applications/tell';
import * as store from '../store';
import { toolbarAction } from './resumes/badge';

const handlers: Handlers = {
  status: (_req, sender) => getStatus(sender.internal ? {} : { pageUrl: sender.url }),
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
  panelPreview: (req, sender) => panelPreview(req, sender),
  vacancyPanel: (req, sender) => vacancyPanel(req, sender),
  apply: (req, sender) => applyOnce(req, sender),
  recheckApply: (req, sender) => recheckApply(req, sender),
  saveDraft: (req, sender) => saveDraftFrom(req, sender),
  setPanelCollapsed: (req, sender) => setPanelCollapsed(req, sender),
  marks: (req, sender) => searchMarks(req, sender),
  listEmployer: (req, sender) => listEmployer(req, sender),
  inbox: () => inbox(),
  history: () => historyRows(),
  seeAnswers: async () => {
    await seeAnswers();
    return null;
  },
};

function onAlarm(alarm: { name: string; scheduledTime: number }): Promise<unknown> {
  return alarm.name === ANSWERS_ALARM ? pollAnswers() : handleAlarm(alarm);
}

function restoreAll(): Promise<void> {
  return Promise.all([restoreSchedule(), scheduleAnswersPoll()]).then(() => undefined);
}

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';

async function setAccessLevel(area: unknown, accessLevel: AccessLevel): Promise<void> {
  const a = area as { setAccessLevel?: (o: { accessLevel: AccessLevel }) => Promise<void> } | undefined;
  if (typeof a?.setAccessLevel !== 'function') return;
  try {
    await a.setAccessLevel({ accessLevel });
  } catch {
    // A browser that has the method but not for this area: nothing else to do.
  }
}

/**
 * Content scripts run beside hh.ru's page: where the browser can (Chrome's `setAccessLevel`),
 * storage.local is kept to the extension's own pages and worker; content scripts ask the
 * background for what they need. storage.session holds only the vacancy panel's first frame (the
 * resume titles as last seen, lib/store.ts `panelPreviewItem`), opened to our content scripts so
 * the panel is drawn without waiting for this worker to wake up. hh.ru's own scripts reach
 * neither area.
 */
export async function restrictStorage(): Promise<void> {
  await Promise.all([
    setAccessLevel(browser.storage.local, 'TRUSTED_CONTEXTS'),
    setAccessLevel((browser.storage as { session?: unknown }).session, 'TRUSTED_AND_UNTRUSTED_CONTEXTS'),
  ]);
}

export function startBackground(): void {
  // Listeners first and synchronously: MV3 wakes the worker for an event only if its listener
  // is registered in the first turn.
  listen(handlers);
  void restrictStorage();
  keepPanelPreview();
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));
  browser.notifications.onClicked.addListener((id) => void openNotice(id));
  browser.runtime.onStartup.addListener(() => void restoreAll());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void restoreAll();
    void welcomeOnInstall(reason).catch(() => false);
  });
  // Quiet hours or auto-raise changed in the options page: re-plan the timers now, not at the next refresh.
  store.settingsItem.watch((next, prev) => {
    const timing = (s: store.Settings | null) => JSON.stringify([s?.autoRaise, s?.quietHours]);
    if (timing(next) !== timing(prev)) void restoreSchedule();
    if (next?.answersPoll !== prev?.answersPoll) void scheduleAnswersPoll();
  });
  // A worker that died mid-apply or mid-raise left a pending entry (it may have reached hh.ru)
  // and may have taken a fired timer with it: settle the one, re-plan the others.
  void settleInterrupted()
    .catch(() => 0)
    .then(() => restoreAll());

  if (import.meta.env.MODE === 'e2e') {
    (globalThis as unknown as { otklikTest: unknown }).otklikTest = {
      setOAuthApp: store.setOAuthApp,
      setTokens: store.setTokens,
      getTokens: store.getTokens,
      getSettings: store.getSettings,
      patchSettings: store.patchSettings,
      ledger: () => store.ledgerItem.getValue(),
      alarms: () => browser.alarms.getAll(),
      fireAlarm: (name: string) => onAlarm({ name, scheduledTime: Date.now() }),
      applications: () => store.applicationsItem.getValue(),
      notices: () => store.noticesItem.getValue(),
      clickNotice: (id: string) => openNotice(id),
      badgeTitle: () => toolbarAction().getTitle({}),
      badge: () => toolbarAction().getBadgeText({}),
      refresh: () => refreshSnapshot(true),
    };
    // WebDriver BiDi may not navigate to moz-extension:// pages, so the Firefox harness gets its
    // foothold here: a blank extension page (entrypoints/e2e.html) with the whole `browser.*` API and
    // `runtime.getBackgroundPage()` (tests/e2e/firefox/harness.ts).
    if (import.meta.env.FIREFOX) {
      browser.runtime.onInstalled.addListener(() => void browser.tabs.create({ url: '/e2e.html' }));
    }
  }
}
