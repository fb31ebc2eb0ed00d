/**
 * The toolbar popup against the sandbox (signed in through the API): Анна's resumes, raise timers,
 * Raise now, auto-raise on the server's clock, who viewed, the badge, and the first paint from cache.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Ext } from './fixtures';

const HOUR = 3_600_000;
const ANNA = '73514208';

interface SandboxResume {
  id: string;
  hash: string;
  userId: string;
  title: string;
  status: string;
  nextPublishAt: number;
}
interface SandboxDump {
  now: number;
  raises: Array<{ resumeId: string; at: number; via: string }>;
  resumes: SandboxResume[];
}

const dump = async (ext: Ext) => (await ext.sandbox.state()) as unknown as SandboxDump;

/** Анна's four resumes by their site id (1001..1004); the API knows them by hash. */
async function annaResumes(ext: Ext): Promise<Record<string, SandboxResume>> {
  const { resumes } = await dump(ext);
  return Object.fromEntries(resumes.filter((r) => r.userId === ANNA).map((r) => [r.id, r]));
}

const raisesOf = async (ext: Ext, siteId: string) => (await dump(ext)).raises.filter((r) => r.resumeId === siteId);

const card = (popup: Page, hash: string): Locator => popup.locator(`[data-testid="resume-card"][data-resume-id="${hash}"]`);

/** The API speaks ISO times to the second: that is the precision the popup can know. */
const apiTime = (ms: number) => String(Math.floor(ms / 1000) * 1000);

/** A clock time as the popup prints it: the browser runs on this machine, in its time zone. */
const clock = (at: number) => new Date(at).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
/** A time hours ahead may fall tomorrow (a run late in the evening): the popup names the day then, as a pattern. */
const dayOf = (at: number) => (new Date(at).toDateString() === new Date().toDateString() ? '' : '\\d{1,2} \\S+, ');

async function signedInPopup(ext: Ext): Promise<Page> {
  await ext.connectApi('anna');
  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  return popup;
}

test('the popup lists Анна’s resumes with statuses, views, completeness, and the server’s raise time', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const r = await annaResumes(ext);

  await expect(popup.getByTestId('user-name')).toHaveText('Анна Смирнова');
  await expect(popup.getByTestId('gateway-label')).toHaveAttribute('data-gateway', 'api');

  const ready = card(popup, r['1001']!.hash);
  await expect(ready.getByTestId('resume-status')).toHaveText('Опубликовано');
  await expect(ready.getByTestId('resume-views-total')).toHaveText('30 просмотров');
  await expect(ready.getByTestId('resume-views-new')).toHaveText('3 новых');
  await expect(ready).toContainText('Заполнено на 95%');
  await expect(ready).toContainText('Видно всем в интернете');
  await expect(ready.getByTestId('raise-now')).toBeEnabled();

  const cooling = card(popup, r['1002']!.hash);
  await expect(cooling.getByTestId('raise-countdown')).toHaveAttribute('data-next-at', apiTime(r['1002']!.nextPublishAt));
  await expect(cooling.getByTestId('raise-countdown')).toContainText(/Можно поднять через 2 ч 1[34] мин/);
  await expect(cooling.getByTestId('raise-countdown')).toContainText(new RegExp(`в ${dayOf(r['1002']!.nextPublishAt)}${clock(r['1002']!.nextPublishAt)}`));
  await expect(cooling.getByTestId('resume-views-total')).toHaveText('28 просмотров');
  await expect(cooling.getByTestId('resume-views-new')).toHaveText('1 новый');
  await expect(cooling).toContainText('Не хватает: Опыт работы: обязанности');
  await expect(cooling.getByTestId('raise-now')).toHaveCount(0);

  const hidden = card(popup, r['1003']!.hash);
  await expect(hidden.getByTestId('resume-status')).toHaveText('Не опубликовано');
  await expect(hidden).toContainText('Заполнено на 60%');
  await expect(hidden.getByTestId('raise-now')).toHaveCount(0);

  const blocked = card(popup, r['1004']!.hash);
  await expect(blocked.getByTestId('resume-status')).toHaveText('Заблокировано модератором');
  await expect(blocked).toContainText('В названии резюме указана не профессия');
  await expect(blocked.getByTestId('resume-views-total')).toHaveText('2 просмотра');

  expect(await ext.hook('badge')).toBe('4');
});

test('Raise now raises once, and the timer restarts from the server’s new time', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const { hash } = (await annaResumes(ext))['1001']!;
  const ready = card(popup, hash);

  await ready.getByTestId('raise-now').click();

  await expect(ready.getByTestId('raise-outcome')).toHaveText(/^Поднято в \d\d:\d\d$/);
  const raises = await raisesOf(ext, '1001');
  expect(raises).toHaveLength(1);
  const serverNext = (await annaResumes(ext))['1001']!.nextPublishAt;
  expect(serverNext).toBe(raises[0]!.at + 4 * HOUR);
  await expect(ready.getByTestId('raise-countdown')).toHaveAttribute('data-next-at', apiTime(serverNext));
  await expect(ready.getByTestId('raise-countdown')).toContainText(/Можно поднять через (3 ч 59 мин|4 ч)/);
  await expect(ready.getByTestId('raise-now')).toHaveCount(0);
});

test('a too-early raise shows the time the server gives', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const { hash } = (await annaResumes(ext))['1001']!;
  const ready = card(popup, hash);
  await expect(ready.getByTestId('raise-now')).toBeEnabled();
  // Raised meanwhile on hh.ru itself: the popup still thinks it can.
  const serverNext = (await dump(ext)).now + 3 * HOUR + 7 * 60_000;
  await ext.sandbox.patchResume({ id: '1001', nextPublishAt: serverNext });

  await ready.getByTestId('raise-now').click();

  await expect(ready.getByTestId('raise-outcome')).toHaveText(new RegExp(`^Рано: hh\\.ru разрешит поднять ${dayOf(serverNext) || 'в '}${clock(serverNext)}$`));
  await expect(ready.getByTestId('raise-countdown')).toHaveAttribute('data-next-at', apiTime(serverNext));
  expect(await raisesOf(ext, '1001')).toEqual([]);
});

test('auto-raise fires once the server’s time has come, once per window, and never for resumes left off', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const r = await annaResumes(ext);
  const cooling = card(popup, r['1002']!.hash);

  await cooling.getByTestId('auto-raise-toggle').check();

  await expect(cooling.getByTestId('auto-raise-toggle')).toBeChecked();
  const alarms = async () => ext.hook<Array<{ name: string; scheduledTime: number }>>('alarms');
  await expect.poll(async () => (await alarms()).map((a) => a.name).filter((n) => n.startsWith('raise:'))).toEqual([`raise:${r['1002']!.hash}`]);
  const planned = (await alarms()).find((a) => a.name === `raise:${r['1002']!.hash}`)!;
  expect(planned.scheduledTime).toBeGreaterThanOrEqual(r['1002']!.nextPublishAt);

  // The alarm fires before hh.ru allows (a clock skew): nothing is raised.
  await ext.hook('fireAlarm', `raise:${r['1002']!.hash}`);
  expect(await raisesOf(ext, '1002')).toEqual([]);

  await ext.sandbox.clock({ advance: 3 * HOUR });
  await ext.hook('fireAlarm', `raise:${r['1002']!.hash}`);
  expect(await raisesOf(ext, '1002')).toHaveLength(1);
  await ext.hook('fireAlarm', `raise:${r['1002']!.hash}`);
  expect(await raisesOf(ext, '1002')).toHaveLength(1);

  // 1001 could be raised too, but Анна left it off.
  await ext.hook('fireAlarm', `raise:${r['1001']!.hash}`);
  expect(await raisesOf(ext, '1001')).toEqual([]);

  const serverNext = (await annaResumes(ext))['1002']!.nextPublishAt;
  const next = (await alarms()).find((a) => a.name === `raise:${r['1002']!.hash}`)!;
  expect(next.scheduledTime).toBeGreaterThanOrEqual(serverNext);
  await expect(cooling.getByTestId('raise-outcome')).toHaveText(/^Поднято автоматически в \d\d:\d\d$/);
  const sw = await ext.sw();
  const shown = await sw.evaluate(() =>
    (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll(),
  );
  expect(Object.keys(shown)).toEqual([`otklik-raise-${r['1002']!.hash}`]);
  await expect(cooling.getByTestId('raise-countdown')).toHaveAttribute('data-next-at', apiTime(serverNext));
});

test('quiet hours set in the options move a planned auto-raise to their end', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const r = await annaResumes(ext);
  const name = `raise:${r['1002']!.hash}`;
  await card(popup, r['1002']!.hash).getByTestId('auto-raise-toggle').check();
  const planned = async () => (await ext.hook<Array<{ name: string; scheduledTime: number }>>('alarms')).find((a) => a.name === name);
  await expect.poll(async () => (await planned())?.scheduledTime ?? 0).toBeGreaterThanOrEqual(r['1002']!.nextPublishAt);

  // A night that covers the planned raise, in the browser's own time zone, as the options page writes it.
  const nextAt = r['1002']!.nextPublishAt;
  const [from = '', to = ''] = await (await ext.sw()).evaluate(
    (times) => times.map((t) => new Date(t).toTimeString().slice(0, 5)),
    [nextAt - HOUR, nextAt + 2 * HOUR],
  );
  await ext.hook('patchSettings', { quietHours: { enabled: true, from, to } });
  await expect.poll(async () => (await planned())?.scheduledTime ?? 0).toBeGreaterThanOrEqual(nextAt + 2 * HOUR - 60_000);
});

test('who viewed lists the employers, newest first, and clears the new views and the badge', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const { hash } = (await annaResumes(ext))['1001']!;
  const ready = card(popup, hash);
  expect(await ext.hook('badge')).toBe('4');

  await ready.getByTestId('views-open').click();

  // The sandbox holds 30 views for this resume; hh pages them 20 at a time.
  const items = ready.getByTestId('view-item');
  await expect(items).toHaveCount(20);
  await expect(ready.locator('[data-testid="view-item"][data-anonymous="true"]').first()).toContainText('Компания скрыла своё название');
  // An employer's name with markup in it stays text.
  await expect(items.filter({ hasText: 'ООО «Ромашка» <b>IT</b>' }).first()).toBeVisible();
  await expect(items.locator('b')).toHaveCount(0);
  await expect(items.first().getByRole('link').first()).toHaveAttribute('href', /^https:\/\/hh\.ru\//);
  await expect(ready.getByTestId('resume-views-new')).toHaveCount(0);
  await expect.poll(() => ext.hook('badge')).toBe('1');

  await ready.getByRole('button', { name: 'Показать ещё' }).click();

  await expect(items).toHaveCount(30);
  await expect(ready.getByRole('button', { name: 'Показать ещё' })).toHaveCount(0);
  const times = await items.locator('time').evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime')!)));
  expect(times).toEqual([...times].sort((a, b) => b - a));
});

test('the popup paints the cached resumes before hh.ru answers, then updates in place', async ({ ext }) => {
  const first = await signedInPopup(ext);
  const { hash } = (await annaResumes(ext))['1001']!;
  await first.close();
  await ext.sandbox.patchResume({ id: '1001', newViews: 7, totalViews: 34 });
  await ext.sandbox.latency({ ms: 5000, host: 'api.hh.ru', path: '/resumes/mine' });

  const popup = await ext.openPopup();

  const ready = card(popup, hash);
  await expect(ready.getByTestId('resume-views-new')).toHaveText('3 новых', { timeout: 3000 });
  await expect(popup.getByTestId('user-name')).toHaveText('Анна Смирнова');
  await expect(ready.getByTestId('resume-views-new')).toHaveText('7 новых', { timeout: 15_000 });
  await expect(ready.getByTestId('resume-views-total')).toHaveText('34 просмотра');
});

/**
 * Installed before any of a page's own scripts: how many resume cards the page held once its HTML
 * was parsed (before the popup's module runs or storage answers), and whether it ever held one.
 */
const WATCH_CARDS = `(() => {
  const seen = () => document.querySelectorAll('[data-testid="resume-card"]').length;
  window.__cards = { atParse: null, ever: false };
  new MutationObserver(() => { if (seen()) window.__cards.ever = true; }).observe(document, { childList: true, subtree: true });
  document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive') window.__cards.atParse = seen(); });
})();`;
const cardsSeen = (page: Page) => page.evaluate(() => (window as unknown as { __cards: { atParse: number | null; ever: boolean } }).__cards);

test('the next popup shows the cards it last showed as soon as it is parsed; after a sign-out in the settings, never', async ({ ext }) => {
  const first = await signedInPopup(ext);
  await expect(first.locator('main')).toHaveAttribute('aria-busy', 'false');
  await first.close();
  await first.context().addInitScript(WATCH_CARDS);
  await ext.sandbox.latency({ ms: 5000, host: 'api.hh.ru', path: '/resumes/mine' });

  const again = await ext.openPopup();
  await expect(again.getByTestId('resume-card')).toHaveCount(4);
  expect((await cardsSeen(again)).atParse).toBe(4);
  await again.close();

  const options = await ext.openOptions();
  await options.getByTestId('sign-out').click();
  await expect(options.getByTestId('sign-in')).toBeVisible();

  const after = await ext.openPopup();
  await expect(after.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(after.getByRole('button', { name: 'Настройки входа' }).or(after.getByTestId('sign-in')).first()).toBeVisible();
  expect(await cardsSeen(after)).toEqual({ atParse: 0, ever: false });
});

test('a warm popup asks hh.ru for the account and the resume list once each, and both answers are 304', async ({ ext }) => {
  // The cold round: nothing stored yet, so every read is answered in full and its ETag kept.
  const first = await signedInPopup(ext);
  await expect(first.locator('main')).toHaveAttribute('aria-busy', 'false');
  await first.close();
  await ext.sandbox.clearLog();

  const popup = await ext.openPopup();
  await expect(popup.locator('main')).toHaveAttribute('aria-busy', 'false');

  // Nothing changed on hh.ru: the refresh the popup starts revalidates what it holds (no per-resume
  // reads, nothing asked twice), and every answer is a 304 with no body (bench "warm refresh").
  const asked = (await ext.sandbox.log({ host: 'api.hh.ru' })).map((e) => ({
    request: `${e.method} ${e.path}`,
    status: e.status,
    revalidated: !!e.headers['if-none-match'],
  }));
  expect(asked.sort((a, b) => a.request.localeCompare(b.request))).toEqual([
    { request: 'GET /me', status: 304, revalidated: true },
    { request: 'GET /resumes/mine', status: 304, revalidated: true },
  ]);
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
});

test('a captcha on a raise: the popup links to hh’s check, and “I solved it” lets automatic work go on', async ({ ext }) => {
  const popup = await signedInPopup(ext);
  const { hash } = (await annaResumes(ext))['1001']!;
  const ready = card(popup, hash);
  await ext.sandbox.fault({ host: 'api.hh.ru', method: 'POST', path: '/resumes/', kind: 'captcha' });

  await ready.getByTestId('raise-now').click();

  await expect(ready.getByTestId('raise-outcome')).toContainText('hh.ru просит подтвердить, что вы не робот');
  await expect(ready.getByTestId('raise-outcome').getByRole('link')).toHaveAttribute('href', /^https:\/\/hh\.ru\/account\/captcha/);
  const note = popup.getByTestId('error-note');
  await expect(note).toHaveCount(1);
  await expect(note.getByRole('link', { name: 'Пройти проверку на hh.ru' })).toHaveAttribute('href', /^https:\/\/hh\.ru\/account\/captcha/);
  expect(await raisesOf(ext, '1001')).toEqual([]);

  await note.getByRole('button', { name: 'Я прошёл проверку' }).click();

  await expect(popup.getByTestId('error-note')).toHaveCount(0);
  await ready.getByTestId('raise-now').click();
  await expect(ready.getByTestId('raise-outcome')).toHaveText(/^Поднято в \d\d:\d\d$/);
  expect(await raisesOf(ext, '1001')).toHaveLength(1);
});

test('signed out, with no app and no hh.ru login: one way in, through hh.ru', async ({ ext }) => {
  const popup = await ext.openPopup();

  await expect(popup.getByTestId('sign-in')).toHaveAttribute('href', 'https://hh.ru/account/login');
  await expect(popup.getByTestId('sign-in')).toHaveText('Войти на hh.ru');
  await expect(popup.getByRole('button', { name: 'Настройки входа' })).toBeVisible();
  await expect(popup.getByTestId('resume-card')).toHaveCount(0);
  await expect(popup.getByTestId('user-name')).toHaveCount(0);
});
