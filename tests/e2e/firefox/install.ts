/** The add-on as Firefox sees it: installed under its fixed id, its background a page (MV2), its timers planned. */
import { GECKO_ID, REDIRECT_URL, check, equal, journey } from './harness';

export const installJourneys = [
  journey('install: the add-on runs under its fixed id with a background page, its refresh timer planned', async (ff) => {
    const info = await ff.ext(() => ({
      id: browser.runtime.id,
      redirect: browser.identity.getRedirectURL(),
      mv: browser.runtime.getManifest().manifest_version,
    }));
    // The id fixes the OAuth redirect URL a person registers at dev.hh.ru (README).
    equal(info, { id: GECKO_ID, redirect: REDIRECT_URL, mv: 2 }, 'id, redirect URL, manifest version');
    // MV2: a background page that stays (no service worker), reachable as a window.
    const bgUrl = await ff.ext(async () => ((await browser.runtime.getBackgroundPage()) as unknown as { location: Location } | null)?.location.href ?? '');
    check(/^moz-extension:\/\/[^/]+\/_generated_background_page\.html$/.test(bgUrl), `background page at ${bgUrl}`);
    // The periodic refresh (lib/republish.ts restoreSchedule) ran on install.
    const alarms = await ff.hook<Array<{ name: string; periodInMinutes?: number }>>('alarms');
    check(alarms.some((a) => a.name === 'refresh' && a.periodInMinutes), `alarms: ${JSON.stringify(alarms)}`);
  }),
];
