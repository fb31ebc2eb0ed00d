/**
 * What the settings page needs from the outside world. Account actions go to the background
 * (sign-in runs there); settings and the OAuth app are this extension page's own storage.
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from '../../lib/hh/errors';
import { send, type Status } from '../../lib/messages';
import { getOAuthApp, getSettings, patchSettings, setOAuthApp, type OAuthApp, type Settings } from '../../lib/store';

export interface OptionsApi {
  status(): Promise<Status>;
  signIn(): Promise<Status>;
  signOut(): Promise<Status>;
  settings(): Promise<Settings>;
  patchSettings(patch: Partial<Settings>): Promise<Settings>;
  app(): Promise<OAuthApp>;
  saveApp(app: OAuthApp): Promise<void>;
  /** The redirect URI to register at dev.hh.ru: it differs per browser. */
  redirectUrl(): string;
  copy(text: string): Promise<void>;
}

/** Settings writes run one after another, so a fast typist's last keystroke is the one kept. */
let queue: Promise<unknown> = Promise.resolve();

export const realApi: OptionsApi = {
  status: () => send('status', {}),
  signIn: () => send('signIn', {}),
  signOut: () => send('signOut', {}),
  settings: getSettings,
  patchSettings: (patch) => {
    const next = queue.then(() => patchSettings(patch));
    queue = next.catch(() => undefined);
    return next;
  },
  app: getOAuthApp,
  saveApp: (app) => setOAuthApp({ clientId: app.clientId.trim(), clientSecret: app.clientSecret.trim() }),
  redirectUrl: () => browser.identity.getRedirectURL(),
  copy: (text) => navigator.clipboard.writeText(text),
};

/** A failed call's words as the background put them; anything else is our own breakage. */
export function errorInfoOf(e: unknown): ErrorInfo {
  const info = e && typeof e === 'object' && 'info' in e ? (e as { info: unknown }).info : null;
  if (info && typeof info === 'object' && 'kind' in info && 'ru' in info && 'en' in info) return info as ErrorInfo;
  return {
    kind: 'internal',
    ru: 'Внутренняя ошибка Отклика. Перезагрузите страницу настроек.',
    en: 'Otklik hit an internal error. Reload the settings page.',
    value: e instanceof Error ? e.message : String(e),
  };
}
