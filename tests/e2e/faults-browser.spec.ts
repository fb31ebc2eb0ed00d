/**
 * The browser gets in the way: the service worker is stopped mid-apply and mid-raise, the browser
 * restarts with timers pending, the popup is closed mid-request, two tabs apply at once, storage
 * is cleared or full. Afterwards hh.ru has no duplicate, Anna's letter is not lost, the timers are
 * set again, and the ledger says what is known and what is not.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import { expect, test, type Ext, pressApply } from './fixtures';
import { newProfile, openSession, stored, type Alarm, type ExtensionGlobal } from './faults-support';
import { SANDBOX_APP } from './fixtures';

const ANNA = '73514208';
const HOUR = 3_600_000;
const APPLY_SITE = '/applicant/vacancy_response/popup';
const MAY_HAVE_BEEN_SENT = 'Возможно, отправлено: проверьте на hh.ru.';

interface SandboxDump {
  resumes: Array<{ id: string; hash: string; userId: string; nextPublishAt: number }>;
  raises: Array<{ resumeId: string; at: number }>;
  applications: Array<{ vacancyId: string; message: string }>;
}
const dump = async (ext: { sandbox: Ext['sandbox'] }) => (await ext.sandbox.state()) as unknown as SandboxDump;
const resumeOf = async (ext: { sandbox: Ext['sandbox'] }, id: string) =>
  (await dump(ext)).resumes.find((r) => r.userId === ANNA && r.id === id)!;
const raisesOf = async (ext: { sandbox: Ext['sandbox'] }, id: string) => (await dump(ext)).raises.filter((r) => r.resumeId === id);

async function openVacancy(ext: Ext, id = '70000001'): Promise<{ page: Page; panel: Locator }> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/vacancy/${id}`);
  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel.getByRole('radio').first()).toBeVisible();
  return { page, panel };
}

const ways = [
  { via: 'the official API', sign: (ext: Ext) => ext.connectApi(), host: 'api.hh.ru', path: '/negotiations' },
  { via: 'the hh.ru session', sign: (ext: Ext) => ext.loginSite(), host: 'hh.ru', path: APPLY_SITE },
];

for (const way of ways) {
  test(`the service worker stops in the middle of an apply (${way.via}): one application, "may have been sent", the letter kept`, async ({ ext }) => {
    await way.sign(ext);
    const letter = 'Добрый день! Письмо, набранное до того, как браузер остановил Отклик.';
    const { page, panel } = await openVacancy(ext);
    await panel.getByRole('textbox').fill(letter);
    await ext.sandbox.latency({ ms: 3000, host: way.host, path: way.path });

    await pressApply(panel);
    await expect.poll(async () => (await ext.sandbox.log({ host: way.host, method: 'POST', path: way.path })).length).toBe(1);
    await ext.stopServiceWorker();

    await expect(panel.getByText(MAY_HAVE_BEEN_SENT, { exact: false })).toBeVisible();
    // hh.ru finishes what it received.
    await expect.poll(async () => (await dump(ext)).applications.length).toBe(1);
    await ext.sandbox.latency({ ms: 0 });
    await expect.poll(async () => (await ext.hook<Array<{ state: string }>>('ledger')).map((e) => e.state)).toEqual(['uncertain']);
    expect(await stored(await ext.sw(), 'drafts')).toMatchObject({ '70000001': { text: letter } });

    await page.reload();
    await expect(panel.getByText(MAY_HAVE_BEEN_SENT, { exact: false })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
    expect(await ext.sandbox.log({ host: way.host, method: 'POST', path: way.path })).toHaveLength(1);
  });
}

test('the service worker stops in the middle of an automatic raise: one raise, the ledger says "unclear", the timer is set again', async ({ ext }) => {
  await ext.connectApi();
  const { hash } = await resumeOf(ext, '1001');
  await ext.hook('patchSettings', { autoRaise: { [hash]: true } });
  await ext.hook('refresh');
  await ext.sandbox.latency({ ms: 3000, host: 'api.hh.ru', path: `/resumes/${hash}/publish` });

  // The timer comes due for real: Chrome fires the alarm.
  const sw = await ext.sw();
  await sw.evaluate((name) => (globalThis as unknown as ExtensionGlobal).chrome.alarms.create(name, { when: Date.now() }), `raise:${hash}`);
  await expect.poll(async () => (await ext.sandbox.log({ host: 'api.hh.ru', method: 'POST', path: `/resumes/${hash}/publish` })).length).toBe(1);
  await ext.stopServiceWorker();
  await expect.poll(async () => (await raisesOf(ext, '1001')).length).toBe(1);
  await ext.sandbox.latency({ ms: 0 });

  // Later Anna opens Otklik's settings: the worker starts again (the popup would re-read hh.ru itself).
  const options = await ext.openOptions();
  await expect(options.locator('main')).toBeVisible();
  await expect
    .poll(async () => (await ext.hook<Array<{ action: string; state: string }>>('ledger')).map((e) => `${e.action} ${e.state}`))
    .toEqual(['raise uncertain']);
  const alarms = async () => (await ext.hook<Alarm[]>('alarms')).filter((a) => a.name === `raise:${hash}`);
  await expect.poll(async () => (await alarms()).length).toBe(1);

  // When that timer fires, hh.ru's own answer decides: no second raise in the same window.
  await ext.hook('fireAlarm', `raise:${hash}`);
  expect(await raisesOf(ext, '1001')).toHaveLength(1);
  const serverNext = (await resumeOf(ext, '1001')).nextPublishAt;
  expect((await alarms())[0]!.scheduledTime).toBeGreaterThanOrEqual(Math.floor(serverNext / 1000) * 1000);
});

test('the browser restarts with a raise timer pending (and drops its alarms): the timer is back and raises once, on time', async ({ sandboxWorker }) => {
  const { port, spki, client } = sandboxWorker;
  await client.reset();
  const profile = newProfile();
  const ext = { sandbox: client };
  try {
    const first = await openSession({ port, spki, profile: profile.dir });
    const t = await client.token('anna');
    await first.hook('setOAuthApp', SANDBOX_APP);
    await first.hook('setTokens', {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: Date.now() + t.expires_in * 1000,
      site: 'hh.ru',
    });
    const { hash, nextPublishAt } = await resumeOf(ext, '1002');
    await first.hook('patchSettings', { autoRaise: { [hash]: true } });
    await first.hook('refresh');
    await expect.poll(async () => (await first.hook<Alarm[]>('alarms')).map((a) => a.name).sort()).toEqual(['answers', 'raise:' + hash, 'refresh']);
    // Chrome may drop alarms across a restart: play the worst case.
    const sw: Worker = await first.sw();
    await sw.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.alarms.clearAll());
    await first.close();

    const second = await openSession({ port, spki, profile: profile.dir });
    const timers = async () => second.hook<Alarm[]>('alarms');
    await expect.poll(async () => (await timers()).map((a) => a.name).sort()).toEqual(['answers', 'raise:' + hash, 'refresh']);
    const raise = (await timers()).find((a) => a.name === `raise:${hash}`)!;
    expect(raise.scheduledTime).toBeGreaterThanOrEqual(Math.floor(nextPublishAt / 1000) * 1000);

    await client.clock({ advance: 3 * HOUR });
    await second.hook('fireAlarm', `raise:${hash}`);
    await second.hook('fireAlarm', `raise:${hash}`);
    expect(await raisesOf(ext, '1002')).toHaveLength(1);
    await second.close();
  } finally {
    profile.remove();
  }
});

test('the popup is closed while a raise is on its way: it happens once, and the reopened popup shows it', async ({ ext }) => {
  await ext.connectApi();
  const { hash } = await resumeOf(ext, '1001');
  const popup = await ext.openPopup();
  const card = (p: Page) => p.locator(`[data-testid="resume-card"][data-resume-id="${hash}"]`);
  await ext.sandbox.latency({ ms: 2000, host: 'api.hh.ru', path: `/resumes/${hash}/publish` });

  await card(popup).getByTestId('raise-now').click();
  await popup.close();

  await expect.poll(async () => (await raisesOf(ext, '1001')).length).toBe(1);
  await expect.poll(async () => (await ext.hook<Array<{ state: string }>>('ledger')).map((e) => e.state)).toEqual(['done']);
  await ext.sandbox.latency({ ms: 0 });
  const again = await ext.openPopup();
  await expect(card(again).getByTestId('raise-outcome')).toHaveText(/^Поднято в \d\d:\d\d$/);
  const serverNext = (await resumeOf(ext, '1001')).nextPublishAt;
  await expect(card(again).getByTestId('raise-countdown')).toHaveAttribute('data-next-at', String(Math.floor(serverNext / 1000) * 1000));
  expect(await raisesOf(ext, '1001')).toHaveLength(1);
});

test('two tabs apply to the same vacancy at the same moment: hh.ru receives exactly one application', async ({ ext }) => {
  await ext.loginSite();
  const one = await openVacancy(ext);
  const two = await openVacancy(ext);
  await ext.sandbox.latency({ ms: 1500, host: 'hh.ru', path: APPLY_SITE });

  await Promise.all([
    pressApply(one.panel),
    pressApply(two.panel),
  ]);

  // One tab sends; the other is told it is already being sent (or, if it asked later, that it was).
  const said = async () =>
    (await Promise.all([one, two].map(({ panel }) => panel.getByRole('status').textContent()))).map((t) =>
      t?.includes('Отклик отправлен.') ? 'sent' : t?.includes('Отклик уже отправляется') ? 'sending' : t,
    );
  await expect.poll(async () => (await said()).sort()).toEqual(expect.arrayContaining(['sent']));
  expect((await said()).every((s) => s === 'sent' || s === 'sending')).toBe(true);
  await ext.sandbox.latency({ ms: 0 });
  expect(await ext.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_SITE })).toHaveLength(1);
  expect((await dump(ext)).applications).toHaveLength(1);
  await two.page.reload();
  await expect(two.panel.getByText('Отклик отправлен.')).toBeVisible();
});

test('the extension’s storage is cleared after an application: hh.ru’s own record prevents a second one', async ({ ext }) => {
  await ext.loginSite();
  const { page, panel } = await openVacancy(ext);
  await pressApply(panel);
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();

  const sw = await ext.sw();
  await sw.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.clear());
  await page.reload();

  await expect(panel.getByText('Вы уже откликались на эту вакансию.').first()).toBeVisible();
  const apply = panel.getByRole('button', { name: 'Откликнуться' });
  if (await apply.count()) await apply.click();
  await expect(panel.getByText('Вы уже откликались на эту вакансию.').first()).toBeVisible();
  expect(await ext.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_SITE })).toHaveLength(1);

  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
});

test('the extension’s storage is full: nothing is sent, Anna is told why, her letter stays in the form', async ({ ext }) => {
  await ext.loginSite();
  const { panel } = await openVacancy(ext);
  const letter = 'Письмо, которое не должно пропасть';
  await panel.getByRole('textbox').fill(letter);
  const sw = await ext.sw();
  await sw.evaluate(async () => {
    const local = (globalThis as unknown as ExtensionGlobal).chrome.storage.local;
    const used = await local.getBytesInUse(null);
    // Leave less room than one more ledger entry needs.
    await local.set({ filler: 'x'.repeat(local.QUOTA_BYTES - used - 64) });
  });

  await pressApply(panel);

  await expect(panel.getByRole('alert')).toContainText('Ничего не отправлено');
  expect(await ext.sandbox.log({ method: 'POST', path: APPLY_SITE })).toEqual([]);
  await expect(panel.getByText(MAY_HAVE_BEEN_SENT, { exact: false })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Изменить и отправить снова' }).click();
  await expect(panel.getByRole('textbox')).toHaveValue(letter);
});
