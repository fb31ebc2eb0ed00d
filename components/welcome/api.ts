/**
 * What the first-run page needs from the outside world: the account status from the background
 * (the same `status` message the popup and settings send) and the site from settings.
 */
import { browser } from 'wxt/browser';
import { send } from '../../lib/client';
import type { Status } from '../../lib/messages';

export interface WelcomeApi {
  status(): Promise<Status>;
  openOptions(): void;
}

export const realApi: WelcomeApi = {
  status: () => send('status', {}),
  openOptions: () => void browser.runtime.openOptionsPage(),
};
