/**
 * The toolbar popup in Firefox (opened in a tab, as the Chromium suite does): Анна's resumes, the
 * MV2 toolbar badge (`browserAction`), and Raise now through the API and through the hh.ru session.
 */
import { annaResumes, apiTime, raisesOf } from './hh';
import { check, element, equal, expectText, journey, toolbar, until, waitFor, type Ff } from './harness';

const card = (hash: string) => `[data-testid="resume-card"][data-resume-id="${hash}"]`;

async function popupWithResumes(ff: Ff) {
  const popup = await ff.openPopup();
  await until('resume cards in the popup', async () => (await popup.$$('[data-testid="resume-card"]')).length, 4);
  return popup;
}

export const popupJourneys = [
  journey('popup: Анна’s resumes with views and raise countdowns; the MV2 toolbar badge counts new views', async (ff) => {
    await ff.connectApi();
    const popup = await popupWithResumes(ff);
    const r = await annaResumes(ff);

    await expectText(popup, '[data-testid="user-name"]', /^Анна Смирнова$/);
    const ready = card(r['1001']!.hash);
    await expectText(popup, `${ready} [data-testid="resume-status"]`, /^Опубликовано$/);
    await expectText(popup, `${ready} [data-testid="resume-views-total"]`, /^30 просмотров$/);
    await expectText(popup, `${ready} [data-testid="resume-views-new"]`, /^3 новых$/);
    await element(popup, `${ready} [data-testid="raise-now"]`);

    const cooling = card(r['1002']!.hash);
    const countdown = await element(popup, `${cooling} [data-testid="raise-countdown"]`);
    equal(await countdown.evaluate((e) => e.getAttribute('data-next-at')), apiTime(r['1002']!.nextPublishAt), 'countdown target');
    await expectText(popup, `${cooling} [data-testid="raise-countdown"]`, /Можно поднять через 2 ч 1[34] мин/);
    check(!(await popup.$(`${cooling} [data-testid="raise-now"]`)), 'a cooling resume offers Raise now');

    // Firefox's MV2 build has `browserAction`, not `action`: 3 + 1 new views across the resumes.
    await until('the toolbar badge and title', () => toolbar(ff), { badge: '4', title: 'Отклик: 4 новых просмотра резюме' });
  }),

  journey('popup: Raise now (API) raises once, and the countdown restarts from hh.ru’s new time', async (ff) => {
    await ff.connectApi();
    const popup = await popupWithResumes(ff);
    const { hash } = (await annaResumes(ff))['1001']!;

    await (await element(popup, `${card(hash)} [data-testid="raise-now"]`)).click();

    await expectText(popup, `${card(hash)} [data-testid="raise-outcome"]`, /^Поднято в \d\d:\d\d$/);
    const raises = await raisesOf(ff, '1001');
    equal(raises.map((x) => x.via), ['api'], 'raises hh.ru received');
    const next = (await annaResumes(ff))['1001']!.nextPublishAt;
    await until(
      'the countdown',
      async () => (await popup.$eval(`${card(hash)} [data-testid="raise-countdown"]`, (e) => e.getAttribute('data-next-at')).catch(() => null)),
      apiTime(next),
    );
  }),

  journey('popup through the hh.ru session: Raise now is sent once from inside an hh.ru tab, as hh.ru’s own page sends it', async (ff) => {
    await ff.loginSite();
    await ff.sandbox.clearLog();
    const popup = await popupWithResumes(ff);
    const { hash } = (await annaResumes(ff))['1001']!;

    await (await element(popup, `${card(hash)} [data-testid="raise-now"]`)).click();

    await expectText(popup, `${card(hash)} [data-testid="raise-outcome"]`, /^Поднято в \d\d:\d\d$/);
    equal((await raisesOf(ff, '1001')).map((x) => x.via), ['site-touch'], 'raises hh.ru received');
    const writes = (await ff.sandbox.log({ method: 'POST' })).filter((e) => !e.path.startsWith('/account/'));
    equal(writes.map((e) => `${e.host} ${e.path} ${e.status}`), ['hh.ru /applicant/resumes/touch 200'], 'writes hh.ru received');
    // Firefox: only `content.fetch` sends with the page's Origin and cookies (lib/hh/site-tab.ts).
    const sent = writes[0]!;
    equal(sent.headers['origin'], 'https://hh.ru', 'Origin of the raise');
    const xsrf = /(?:^|;\s*)_xsrf=([^;]+)/.exec(sent.headers['cookie'] ?? '')?.[1];
    check(xsrf && sent.headers['x-xsrftoken'] === xsrf, `X-Xsrftoken ${sent.headers['x-xsrftoken']} does not echo the _xsrf cookie ${xsrf}`);
    // The tab opened for the job is closed again.
    await until('hh.ru tabs left open', async () => (await ff.ext(() => browser.tabs.query({ url: '*://*.hh.ru/*' }))).length, 0);
  }),

  journey('popup reopened: the cards come from storage, and hh.ru answers the refresh with 304s (cache in IndexedDB)', async (ff) => {
    await ff.connectApi();
    const first = await popupWithResumes(ff);
    // It kept its cards, under this build's name, for the next popup to draw before anything else
    // (components/popup/first-frame.ts): the next popup's first frame.
    const kept = await first.evaluate(() => {
      const k = JSON.parse(localStorage.getItem('otklik.popupFirstFrame') ?? 'null') as { build: string; html: string } | null;
      const build = document.querySelector('meta[name="otklik-build"]')?.getAttribute('content');
      return !!k && !!build && k.build === build && (k.html.match(/data-testid="resume-card"/g) ?? []).length;
    });
    check(kept === 4, `the popup kept its 4 cards for the next one (kept: ${String(kept)})`);
    await first.close();
    await ff.sandbox.clearLog();

    const popup = await popupWithResumes(ff);

    const { hash } = (await annaResumes(ff))['1001']!;
    await expectText(popup, `${card(hash)} [data-testid="resume-views-new"]`, /^3 новых$/);
    // The refresh sent the stored ETags (If-None-Match), and nothing changed on hh.ru: nothing but 304s.
    const answers = () => ff.sandbox.log({ host: 'api.hh.ru' }).then((l) => l.filter((e) => e.status != null));
    await waitFor('the refresh the popup starts', async () => (await answers()).some((e) => e.path === '/resumes/mine'));
    const got = (await answers()).map((e) => `${e.method} ${e.path} ${e.status}`);
    check(got.every((a) => a.endsWith(' 304')), `answers to the refresh: ${got.join(', ')}`);
  }),
];
