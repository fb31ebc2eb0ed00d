/**
 * What the settings page needs from the outside world. Every change goes to the background (the
 * one writer of settings, so a save here never races one there); reads come from storage.
 */
import { browser } from 'wxt/browser';
import { send } from '../../lib/client';
import type { Status } from '../../lib/messages';
import { getOAuthApp, getSettings, type OAuthApp, type Settings } from '../../lib/store';
import { forgetFirstFrame } from '../popup/first-frame';

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

export const realApi: OptionsApi = {
  status: () => send('status', {}),
  // An account coming or going: the popup's kept first frame (its cards of the account it last
  // showed, components/popup/first-frame.ts) is not drawn again.
  signIn: () => (forgetFirstFrame(), send('signIn', {})),
  signOut: () => (forgetFirstFrame(), send('signOut', {})),
  settings: getSettings,
  patchSettings: (patch) => send('patchSettings', patch),
  app: getOAuthApp,
  saveApp: async (app) => void (await send('saveApp', app)),
  redirectUrl: () => browser.identity.getRedirectURL(),
  copy: (text) => navigator.clipboard.writeText(text),
};

export { errorInfoOf } from '../../lib/client';
