/**
 * The first-run page: opened once, right after the extension is installed, so the first minute is
 * not a bare toolbar icon. Updates and browser restarts never open it; settings link to it.
 */
import { browser } from 'wxt/browser';
import { welcomeShownItem } from '../store';

/** The extension page WXT builds from entrypoints/welcome/. */
export const WELCOME_PATH = '/welcome.html';

/**
 * `runtime.onInstalled`: a fresh install opens the page, once. The stored flag guards against an
 * 'install' that fires again for the same profile (a browser that re-adds a command-line extension).
 */
export async function welcomeOnInstall(reason: string): Promise<boolean> {
  if (reason !== 'install') return false;
  if (await welcomeShownItem.getValue()) return false;
  await welcomeShownItem.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  return true;
}
