/**
 * Automatic work in Firefox, driven by real alarms (created with a `when` already past, so Firefox
 * fires them at once into the background page's onAlarm): an auto-raise that raises and notifies,
 * and a captcha that pauses automatic work until the person says they solved it.
 */
import type { Page } from 'puppeteer-core';
import { HOUR, annaResumes, raisesOf } from './hh';
import { check, element, equal, expectText, journey, until, waitFor, type Ff } from './harness';

const card = (hash: string) => `[data-testid="resume-card"][data-resume-id="${hash}"]`;

type Alarm = { name: string; scheduledTime: number };
const raiseAlarms = async (ff: Ff) => (await ff.ext(() => browser.alarms.getAll())).filter((a: Alarm) => a.name.startsWith('raise:'));

/** A real alarm, due already: Firefox fires it into the background's onAlarm as it would a planned one. */
const fireNow = (ff: Ff, name: string) => ff.ext((n) => browser.alarms.create(n, { when: Date.now() - 1000 }), name);

/** The notifications on screen: id and title. */
const notifications = (ff: Ff) =>
  ff.ext(async () =>
    Object.entries(await browser.notifications.getAll())
      .map(([id, n]) => `${id}: ${(n as unknown as { title?: string }).title}`)
      .sort(),
  );

async function popupWithAutoRaise(ff: Ff, hash: string): Promise<Page> {
  const popup = await ff.openPopup();
  const toggle = await element(popup, `${card(hash)} [data-testid="auto-raise-toggle"]`);
  await toggle.click();
  await until('the auto-raise toggle', () => toggle.evaluate((t) => (t as HTMLInputElement).checked), true);
  await waitFor(`the timer raise:${hash}`, async () => (await raiseAlarms(ff)).some((a) => a.name === `raise:${hash}`));
  return popup;
}

export const automationJourneys = [
  journey('auto-raise: a real alarm raises once when hh.ru allows it, notifies, and plans the next one', async (ff) => {
    await ff.connectApi();
    const r = await annaResumes(ff);
    const { hash } = r['1002']!;
    const popup = await popupWithAutoRaise(ff, hash);
    const planned = (await raiseAlarms(ff)).find((a) => a.name === `raise:${hash}`)!;
    check(planned.scheduledTime >= r['1002']!.nextPublishAt, `planned at ${planned.scheduledTime}, before hh.ru allows (${r['1002']!.nextPublishAt})`);

    // hh.ru's clock moves past the window; the timer fires.
    await ff.sandbox.clock({ advance: 3 * HOUR });
    await fireNow(ff, `raise:${hash}`);

    await waitFor('one raise of 1002 at hh.ru', async () => (await raisesOf(ff, '1002')).length === 1);
    await until('notifications', () => notifications(ff), [`otklik-raise-${hash}: Резюме поднято`]);
    await expectText(popup, `${card(hash)} [data-testid="raise-outcome"]`, /^Поднято автоматически в \d\d:\d\d$/);
    const next = (await annaResumes(ff))['1002']!.nextPublishAt;
    await waitFor('the next timer after hh.ru’s new time', async () =>
      (await raiseAlarms(ff)).some((a) => a.name === `raise:${hash}` && a.scheduledTime >= next),
    );
    // Fired again in the same window (a duplicate timer): nothing more is raised.
    await fireNow(ff, `raise:${hash}`);
    // Handled once it is planned again after hh.ru's time (a raise, had there been one, comes before that).
    await waitFor('the duplicate timer handled', async () =>
      (await raiseAlarms(ff)).some((a) => a.name === `raise:${hash}` && a.scheduledTime >= next),
    );
    equal((await raisesOf(ff, '1002')).length, 1, 'raises of 1002');
  }),

  journey('captcha: an auto-raise that meets one pauses automatic work until “I solved it”', async (ff) => {
    await ff.connectApi();
    const { hash } = (await annaResumes(ff))['1001']!;
    await ff.sandbox.fault({ host: 'api.hh.ru', method: 'POST', path: '/resumes/', kind: 'captcha' });
    const popup = await popupWithAutoRaise(ff, hash);

    await fireNow(ff, `raise:${hash}`);

    // The person is told, in the popup and by a notification; no raise reached hh.ru.
    await element(popup, '[data-testid="pause-continue"]', 'the pause note with «I solved it»');
    await until('notifications', () => notifications(ff), [`otklik-raise-${hash}: Не удалось поднять резюме`]);
    equal((await raisesOf(ff, '1001')).length, 0, 'raises of 1001');
    // Paused: no raise timer is left, and one fired anyway does nothing, though hh.ru would accept now.
    await until('raise timers while paused', async () => (await raiseAlarms(ff)).length, 0);
    await ff.sandbox.clearFaults();
    await ff.sandbox.clearLog();
    await fireNow(ff, `raise:${hash}`);
    await waitFor('the fired timer gone', async () => (await raiseAlarms(ff)).length === 0);
    await ff.hook('refresh');
    equal((await ff.sandbox.log({ method: 'POST' })).length, 0, 'writes to hh.ru while paused');

    await (await element(popup, '[data-testid="pause-continue"]')).click();

    await waitFor('the pause note gone', async () => (await popup.$('[data-testid="pause-continue"]')) === null);
    await waitFor('the raise timer planned again', async () => (await raiseAlarms(ff)).some((a) => a.name === `raise:${hash}`));
  }),
];

