/**
 * The settings page: account, the hh.ru app, gateway mode, site, quiet hours, letter templates
 * and search dimming. Settings are saved as they change; the page never talks to hh.ru itself.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/store';
import { lang, tr } from '../../lib/i18n';
import { Account } from './Account';
import { AppSection } from './AppSection';
import { errorInfoOf, realApi, type OptionsApi } from './api';
import { AnswersPoll, GatewayMode, QuietHours, SearchPrefs, SitePicker } from './Preferences';
import { Templates } from './Templates';
import { TriageSection } from './Triage';
import { S } from './strings';
import './options.css';

const randomId = () => crypto.randomUUID();

export function Options({ api = realApi, newId = randomId }: { api?: OptionsApi; newId?: () => string }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [appVersion, setAppVersion] = useState(0);

  useEffect(() => {
    document.documentElement.lang = lang();
    document.title = tr(S.title);
    api.settings().then(setSettings, (e: unknown) => setSaveError(errorInfoOf(e)[lang()]));
  }, [api]);

  // The page shows the change at once; the write follows (queued, so the last edit wins).
  const patch = (p: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...p } : s));
    api.patchSettings(p).then(
      () => setSaveError(null),
      (e: unknown) => setSaveError(tr(S.saveFailed, { reason: errorInfoOf(e)[lang()] })),
    );
  };

  return (
    <main class="options" data-testid="options">
      <h1>{tr(S.title)}</h1>
      <p>
        <a class="ok-link" href="/welcome.html" data-testid="welcome-link">
          {tr(S.welcome)}
        </a>
      </p>
      {saveError && (
        <p class="bad" role="alert" data-testid="settings-error">
          {saveError}
        </p>
      )}
      <Account api={api} reload={appVersion} />
      <AppSection api={api} onSaved={() => setAppVersion((v) => v + 1)} />
      {settings && (
        <>
          <GatewayMode settings={settings} patch={patch} />
          <SitePicker settings={settings} patch={patch} />
          <QuietHours settings={settings} patch={patch} />
          <AnswersPoll settings={settings} patch={patch} />
          <Templates settings={settings} patch={patch} newId={newId} />
          <SearchPrefs settings={settings} patch={patch} />
          <TriageSection settings={settings} patch={patch} />
        </>
      )}
    </main>
  );
}
