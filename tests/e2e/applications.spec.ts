/**
 * Employers' answers, end to end, over Anna's hh.ru session: she applies from a vacancy page, the
 * sandbox's employer answers (`/__sandbox/answer`), the answers poll's alarm fires, and she gets one
 * notification naming the vacancy and the employer, an unread item in the popup's inbox and a badge
 * that counts it, until she opens the inbox. Nothing is told twice and nothing is asked of hh.ru in
 * quiet hours or while a captcha stands (the sandbox's request log says what was asked).
 */
import type { Page } from '@playwright/test';
import { expect, test, type Ext, pressApply } from './fixtures';

const LIST = '/applicant/negotiations';
const HOUR = 3_600_000;

interface Notice {
  url: string;
  title: string;
  message: string;
  at: number;
}

/** What the browser shows now (ids), as Chrome itself reports it. */
async function shownIds(ext: Ext): Promise<string[]> {
  const sw = await ext.sw();
  const all = await sw.evaluate(() =>
    (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll(),
  );
  return Object.keys(all).sort();
}

const notices = (ext: Ext) => ext.hook<Record<string, Notice>>('notices');
const answerNotices = async (ext: Ext) => (await shownIds(ext)).filter((id) => id.startsWith('otklik-answer'));
const listReads = async (ext: Ext) => (await ext.sandbox.log({ host: 'hh.ru', method: 'GET', path: LIST })).length;
const poll = (ext: Ext) => ext.hook('fireAlarm', 'answers');

/** Anna logged in on hh.ru, her resumes read once (Otklik knows someone is signed in). */
async function signedIn(ext: Ext): Promise<void> {
  await ext.loginSite();
  await ext.hook('refresh');
}

/** Applies from the vacancy page's panel; returns the vacancy's name and employer as the page shows them. */
async function applyFromPage(ext: Ext, vacancyId: string): Promise<{ vacancy: string; employer: string }> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/vacancy/${vacancyId}`);
  const panel = page.locator('[data-otklik="panel"]');
  await pressApply(panel);
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  const vacancy = (await page.locator('[data-qa="vacancy-title"]').textContent())!.trim();
  const employer = (await page.locator('[data-qa="vacancy-company-name"]').first().textContent())!.trim();
  await page.close();
  return { vacancy, employer };
}

async function topicOf(ext: Ext, vacancyId: string): Promise<string> {
  const { applications } = (await ext.sandbox.state()) as unknown as { applications: Array<{ id: string; vacancyId: string }> };
  return applications.find((a) => a.vacancyId === vacancyId)!.id;
}

const badgeNumber = async (ext: Ext) => Number((await ext.hook<string>('badge')) || '0');

async function openInbox(ext: Ext): Promise<Page> {
  const popup = await ext.openPopup();
  await popup.getByTestId('inbox-open').click();
  return popup;
}

test('an invitation after her application: one notification naming vacancy and employer, unread in the inbox, counted on the badge, until she opens it', async ({ ext }) => {
  await signedIn(ext);
  expect((await ext.hook<Array<{ name: string; periodInMinutes?: number }>>('alarms')).find((a) => a.name === 'answers')?.periodInMinutes).toBe(20);
  const { vacancy, employer } = await applyFromPage(ext, '70000001');
  const topic = await topicOf(ext, '70000001');
  await poll(ext); // the first look learns what is there and tells nothing
  expect(await answerNotices(ext)).toEqual([]);
  const before = await badgeNumber(ext);

  await ext.sandbox.answer({ topic, state: 'invitation' });
  await poll(ext);

  expect(await answerNotices(ext)).toEqual([`otklik-answer-${topic}`]);
  const notice = (await notices(ext))[`otklik-answer-${topic}`]!;
  expect(notice.title).toBe('Приглашение');
  expect(notice.message).toBe(`«${vacancy}», ${employer}`);
  expect(notice.url).toBe(`https://hh.ru/applicant/negotiations/item?topicId=${topic}`);
  expect(await badgeNumber(ext)).toBe(before + 1);
  expect(await ext.hook('badgeTitle')).toContain('1 новый ответ работодателя');

  // A click on it opens that chat on hh.ru.
  const opened = ext.context.waitForEvent('page');
  await ext.hook('clickNotice', `otklik-answer-${topic}`);
  await expect.poll(async () => (await opened).url()).toBe(`https://hh.ru/applicant/negotiations/item?topicId=${topic}`);

  const popup = await ext.openPopup();
  await expect(popup.getByTestId('inbox-unseen')).toHaveText('1 новый ответ');
  await popup.getByTestId('inbox-open').click();
  const item = popup.locator(`[data-testid="inbox-item"][data-topic-id="${topic}"]`);
  await expect(item).toHaveAttribute('data-news', 'invitation');
  await expect(item.getByTestId('inbox-state')).toHaveText('Приглашение');
  await expect(item.getByTestId('inbox-vacancy')).toHaveText(vacancy);
  await expect(item.getByTestId('inbox-employer')).toHaveText(employer);
  await expect(item).toContainText('Резюме: Frontend-разработчик (React, TypeScript)');
  await expect(item.getByRole('link')).toHaveAttribute('href', `https://hh.ru/applicant/negotiations/item?topicId=${topic}`);
  await expect.poll(() => badgeNumber(ext)).toBe(before);

  // The next poll: nothing new on the first page, so one request and no second notification.
  await ext.sandbox.clearLog();
  await poll(ext);
  expect(await listReads(ext)).toBe(1);
  expect(Object.keys(await notices(ext)).filter((id) => id.startsWith('otklik-answer'))).toEqual([`otklik-answer-${topic}`]);
  expect(await badgeNumber(ext)).toBe(before);

  // The filter shows invitations only.
  await popup.getByTestId('inbox-filter').selectOption('invitation');
  await expect(popup.getByTestId('inbox-item')).not.toHaveCount(0);
  for (const state of await popup.getByTestId('inbox-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))) {
    expect(state).toBe('invitation');
  }
});

test('a rejection and an unread message are told the same way, each once; an unknown state is told once and shown as unknown', async ({ ext }) => {
  await signedIn(ext);
  const a = await applyFromPage(ext, '70000001');
  const rejected = await topicOf(ext, '70000001');
  await poll(ext);

  await ext.sandbox.answer({ topic: rejected, state: 'discard' });
  await poll(ext);
  let told = await notices(ext);
  expect(told[`otklik-answer-${rejected}`]).toMatchObject({ title: 'Отказ', message: `«${a.vacancy}», ${a.employer}` });

  // An older topic of hers (the seed's), a message from its employer.
  const seeded = '4100000002';
  await ext.sandbox.answer({ topic: seeded, message: true });
  await poll(ext);
  told = await notices(ext);
  expect(told[`otklik-answer-${seeded}`]!.title).toBe('Новое сообщение от работодателя');
  expect(told[`otklik-answer-${seeded}`]!.message).toMatch(/^«.+», .+$/);

  // A state hh.ru may add one day.
  await ext.sandbox.answer({ topic: seeded, rawState: 'OFFER_MADE' });
  await poll(ext);
  await poll(ext);
  told = await notices(ext);
  expect(Object.keys(told).filter((id) => id.startsWith('otklik-answer')).sort()).toEqual([`otklik-answer-${rejected}`, `otklik-answer-${seeded}`].sort());
  expect(told[`otklik-answer-${seeded}`]).toMatchObject({ title: 'Новый ответ на отклик' });
  expect(told[`otklik-answer-${seeded}`]!.message).toContain('Статус на hh.ru: OFFER_MADE');

  const popup = await openInbox(ext);
  await expect(popup.locator(`[data-testid="inbox-item"][data-topic-id="${rejected}"] [data-testid="inbox-state"]`)).toHaveText('Отказ');
  await expect(popup.locator(`[data-testid="inbox-item"][data-topic-id="${seeded}"] [data-testid="inbox-state"]`)).toHaveText(
    'Неизвестный статус: OFFER_MADE',
  );
  await expect(popup.locator(`[data-testid="inbox-item"][data-topic-id="${seeded}"]`)).toHaveAttribute('data-unread', 'true');
});

test('nothing is asked of hh.ru in quiet hours or while a captcha stands, and polling goes on once she solved it', async ({ ext }) => {
  await signedIn(ext);
  await poll(ext);
  const seeded = '4100000001';

  // Quiet hours around now, in the browser's own time zone, as the options page writes them.
  const [from = '', to = ''] = await (await ext.sw()).evaluate(
    (times) => times.map((t) => new Date(t).toTimeString().slice(0, 5)),
    [Date.now() - HOUR, Date.now() + HOUR],
  );
  await ext.hook('patchSettings', { quietHours: { enabled: true, from, to } });
  await ext.sandbox.answer({ topic: seeded, state: 'invitation' });
  await ext.sandbox.clearLog();
  await poll(ext);
  expect(await listReads(ext)).toBe(0);
  expect(await answerNotices(ext)).toEqual([]);
  await ext.hook('patchSettings', { quietHours: { enabled: false, from, to } });

  // hh.ru asks for a captcha on the list: automatic work stops until she says she solved it.
  await ext.sandbox.fault({ host: 'hh.ru', path: LIST, kind: 'captcha' });
  await poll(ext);
  expect(await answerNotices(ext)).toEqual([]);
  await ext.sandbox.clearFaults();
  await ext.sandbox.clearLog();
  await poll(ext);
  await poll(ext);
  expect(await listReads(ext)).toBe(0);

  const popup = await ext.openPopup();
  await popup.getByTestId('pause-continue').click();
  await expect(popup.getByTestId('pause-continue')).toHaveCount(0);
  await poll(ext);
  expect(await listReads(ext)).toBeGreaterThanOrEqual(1);
  expect(await answerNotices(ext)).toEqual([`otklik-answer-${seeded}`]);
});

test('“Мои отклики” from the inbox: every application with the funnel, the ones waiting, and a CSV made in the browser', async ({ ext }) => {
  await signedIn(ext);
  const { vacancy } = await applyFromPage(ext, '70000001');
  const topic = await topicOf(ext, '70000001');
  await poll(ext);
  await ext.sandbox.answer({ topic, state: 'invitation' });
  await poll(ext);

  const popup = await openInbox(ext);
  const opened = ext.context.waitForEvent('page');
  await popup.getByTestId('inbox-history').click();
  await expect(await opened).toHaveURL(ext.url('/applications.html'));
  // The page as a tab Playwright opened itself: its ru-RU locale is applied to such tabs from their
  // first script, while a tab the extension opened may render before it (a test-only race).
  const page = await ext.context.newPage();
  await page.goto(ext.url('/applications.html'));
  await expect(page.getByRole('heading', { name: 'Мои отклики' })).toBeVisible();

  // The seed's eight topics and hers: three invitations now, one interview, two rejections.
  const total = page.getByTestId('funnel-total').getByTestId('funnel-row');
  await expect(total.locator('[data-step="sent"]')).toHaveText('9');
  await expect(total.locator('[data-step="invited"]')).toHaveText('4');
  await expect(total.locator('[data-step="interview"]')).toHaveText('1');
  await expect(total.locator('[data-step="rejected"]')).toHaveText('2');
  await expect(page.getByTestId('funnel-resume').getByTestId('funnel-row')).not.toHaveCount(0);
  const row = page.locator(`[data-testid="history-row"][data-id="${topic}"]`);
  await expect(row).toContainText(vacancy);
  await expect(row).toContainText('через Отклик');
  await expect(row).toHaveAttribute('data-state', 'invitation');
  // The seed's topics sent 2, 3 and 6 days ago still wait (sent or only viewed); hers is answered.
  await expect(page.getByTestId('waiting-count')).toHaveAttribute('data-count', '0');
  await page.getByTestId('waiting-days').fill('5');
  await expect(page.getByTestId('waiting-count')).toHaveAttribute('data-count', '1');
  await page.getByTestId('waiting-days').fill('2');
  await expect(page.getByTestId('waiting-count')).toHaveAttribute('data-count', '3');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('otklik-applications.csv');
  const csv = await new Promise<string>((resolve, reject) => {
    void file.createReadStream().then((s) => {
      const chunks: Buffer[] = [];
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      s.on('error', reject);
    }, reject);
  });
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines).toHaveLength(10);
  expect(lines.find((l) => l.startsWith(`${topic},`))).toContain(',invitation,');
});

test('hh.ru’s other list shapes: flat names and ISO times are read the same; discarded topics that vanish stay in the inbox and are no news', async ({ ext }) => {
  await ext.sandbox.config({ topicShape: 'flat', topicTime: 'iso' });
  await signedIn(ext);
  const { vacancy, employer } = await applyFromPage(ext, '70000001');
  const topic = await topicOf(ext, '70000001');
  await poll(ext);

  await ext.sandbox.answer({ topic, state: 'discard' });
  await poll(ext);
  expect((await notices(ext))[`otklik-answer-${topic}`]).toMatchObject({ title: 'Отказ', message: `«${vacancy}», ${employer}` });

  // A month on hh.ru's clock: its list no longer shows the discarded topics.
  await ext.sandbox.clock({ advance: 31 * 24 * HOUR });
  await ext.sandbox.clearLog();
  await poll(ext);
  expect(await listReads(ext)).toBe(1);
  expect(await answerNotices(ext)).toEqual([`otklik-answer-${topic}`]);
  const popup = await openInbox(ext);
  await expect(popup.locator(`[data-testid="inbox-item"][data-topic-id="${topic}"]`)).toHaveAttribute('data-state', 'discard');
  await expect(popup.locator('[data-testid="inbox-item"][data-state="discard"]')).toHaveCount(3);
});

test('over the official API the same: an unread message is told once, and a quiet poll is one request', async ({ ext }) => {
  await ext.connectApi('anna');
  await ext.hook('refresh');
  await poll(ext);
  const seeded = '4100000003';

  await ext.sandbox.answer({ topic: seeded, message: true });
  await poll(ext);

  expect(await answerNotices(ext)).toEqual([`otklik-answer-${seeded}`]);
  expect((await notices(ext))[`otklik-answer-${seeded}`]).toMatchObject({
    title: 'Новое сообщение от работодателя',
    url: `https://hh.ru/applicant/negotiations/item?topicId=${seeded}`,
  });
  await ext.sandbox.clearLog();
  await poll(ext);
  expect(await ext.sandbox.log({ host: 'api.hh.ru', method: 'GET', path: '/negotiations' })).toHaveLength(1);
  expect(await listReads(ext)).toBe(0);
  expect(await answerNotices(ext)).toEqual([`otklik-answer-${seeded}`]);
});

test('the settings choose how often to look: once an hour, or never', async ({ ext }) => {
  const period = async () => (await ext.hook<Array<{ name: string; periodInMinutes?: number }>>('alarms')).find((a) => a.name === 'answers')?.periodInMinutes ?? null;
  await expect.poll(period).toBe(20);
  const options = await ext.openOptions();
  const select = options.getByTestId('answers-poll-select');
  await expect(select).toHaveValue('20');

  await select.selectOption('60');
  await expect.poll(period).toBe(60);
  await select.selectOption('off');
  await expect.poll(period).toBe(null);
  // Off: even a stray alarm asks nothing.
  await signedIn(ext);
  await ext.sandbox.clearLog();
  await poll(ext);
  expect(await listReads(ext)).toBe(0);
});
