import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { welcomeShownItem } from '../../lib/store';
import { WELCOME_PATH, welcomeOnInstall } from '../../lib/background/welcome';

// The fake browser starts with one blank tab (no URL): only the tabs we opened count.
const openTabs = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url).filter(Boolean);

describe('the first-run page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens on a fresh install, once', async () => {
    expect(await welcomeOnInstall('install')).toBe(true);
    expect(await openTabs()).toEqual([fakeBrowser.runtime.getURL(WELCOME_PATH)]);
    expect(await welcomeShownItem.getValue()).toBe(true);
    // An 'install' again for the same profile (a command-line extension re-added) opens nothing.
    expect(await welcomeOnInstall('install')).toBe(false);
    expect(await openTabs()).toHaveLength(1);
  });

  it('never opens on an update or a browser update', async () => {
    expect(await welcomeOnInstall('update')).toBe(false);
    expect(await welcomeOnInstall('chrome_update')).toBe(false);
    expect(await welcomeOnInstall('browser_update')).toBe(false);
    expect(await openTabs()).toEqual([]);
    expect(await welcomeShownItem.getValue()).toBe(false);
  });
});
