/**
 * Otklik through the user's own hh.ru login (no OAuth app): the popup's resumes and raise, the
 * vacancy panel from the page's own state, quick apply from inside the hh.ru page, refusals, and the
 * fallback from a refusing API. The sandbox plays hh.ru (docs hh-site.md) and logs what it received.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, SANDBOX_APP, test, type Ext, pressApply } from './fixtures';
import type { LogEntry } from './sandbox-client';

const HOUR = 3_600_000;
const APPLY = '/applicant/vacancy_response/popup';

async function popupWithResumes(ext: Ext): Promise<Page> {
  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  return popup;
}

/** A card is named by the resume's hash, whichever gateway served it (the API names resumes so). */
const card = (popup: Page, hash: string): Locator => popup.locator(`[data-testid="resume-card"][data-resume-id="${hash}"]`);

async function xsrfCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies('https://hh.ru/')).find((c) => c.name === '_xsrf');
  expect(cookie, 'the _xsrf cookie hh.ru set at login').toBeDefined();
  return cookie!.value;
}

/** Writes that reached hh.ru (or its profile front), login and captcha forms aside. */
async function writes(ext: Ext): Promise<LogEntry[]> {
  return (await ext.sandbox.log({ method: 'POST' })).filter((e) => !e.path.startsWith('/account/'));
}

interface SandboxResume {
  id: string;
  hash: string;
  nextPublishAt: number;
  lastRaisedAt: number | null;
}

async function sandboxResume(ext: Ext, id: string): Promise<SandboxResume> {
  const dump = (await ext.sandbox.state()) as { resumes: SandboxResume[] };
  return dump.resumes.find((r) => r.id === id)!;
}

/** The card of the resume hh.ru numbers `siteId`. */
async function cardOf(ext: Ext, popup: Page, siteId: string): Promise<Locator> {
  return card(popup, (await sandboxResume(ext, siteId)).hash);
}

/** The user raises resume 1001 from the popup; resolves once the countdown restarted. */
async function raiseFromPopup(ext: Ext): Promise<Locator> {
  const popup = await popupWithResumes(ext);
  const ready = await cardOf(ext, popup, '1001');
  await ready.getByTestId('raise-now').click();
  const countdown = ready.getByTestId('raise-countdown');
  await expect(countdown).toBeVisible();
  return countdown;
}

async function expectRaisedThrough(ext: Ext, countdown: Locator, via: string): Promise<void> {
  const r = await sandboxResume(ext, '1001');
  expect(r.lastRaisedAt).not.toBeNull();
  // The countdown restarts from what hh.ru says now, not from a guess.
  await expect(countdown).toHaveAttribute('data-next-at', String(r.nextPublishAt));
  const raises = ((await ext.sandbox.state()) as { raises: Array<{ resumeId: string; via: string }> }).raises;
  expect(raises).toEqual([expect.objectContaining({ resumeId: '1001', via })]);
}

function panelOf(page: Page): Locator {
  return page.locator('[data-otklik="panel"]');
}

/** The vacancy page with the panel ready (its resume list shown). */
async function openVacancy(ext: Ext, id: string): Promise<{ page: Page; panel: Locator }> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/vacancy/${id}`);
  const panel = panelOf(page);
  await expect(panel.getByRole('radio').first()).toBeVisible();
  return { page, panel };
}

/** What hh.ru received besides the page itself (and the browser's own favicon request). */
async function requestsBesidesThePage(ext: Ext, vacancyId: string): Promise<string[]> {
  return (await ext.sandbox.log({ host: 'hh.ru' }))
    .filter((e) => !(e.method === 'GET' && (e.path === `/vacancy/${vacancyId}` || e.path === '/favicon.ico')))
    .map((e) => `${e.method} ${e.path}`);
}

test.describe('the popup, logged in on hh.ru only', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.loginSite('anna');
  });

  test('shows the resumes with views and raise countdowns', async ({ ext }) => {
    const popup = await popupWithResumes(ext);
    const ready = await cardOf(ext, popup, '1001');
    await expect(ready.getByTestId('raise-now')).toBeVisible();
    await expect(ready.getByTestId('resume-views-total')).toHaveAttribute('data-count', '30');
    const cooling = await cardOf(ext, popup, '1002');
    const next = Number(await cooling.getByTestId('raise-countdown').getAttribute('data-next-at'));
    expect(next).toBe((await sandboxResume(ext, '1002')).nextPublishAt);
    expect(next - Date.now()).toBeGreaterThan(2 * HOUR);
    await expect((await cardOf(ext, popup, '1003')).getByTestId('resume-status')).toHaveAttribute('data-status', 'not_published');
    expect(await writes(ext)).toEqual([]);
  });

  test('"Raise now" raises through the form hh.ru accepts, echoing the _xsrf cookie', async ({ ext }) => {
    const countdown = await raiseFromPopup(ext);
    await expectRaisedThrough(ext, countdown, 'site-touch');
    const sent = await writes(ext);
    expect(sent.map((e) => `${e.host} ${e.path} ${e.status}`)).toEqual(['hh.ru /applicant/resumes/touch 200']);
    expect(sent[0]!.headers['x-xsrftoken']).toBe(await xsrfCookie(ext.context));
    // Sent from inside an hh.ru page, as hh.ru's own scripts send it.
    expect(sent[0]!.headers['origin']).toBe('https://hh.ru');
  });

  test('after hh.ru moved to the profile form, the raise still works and that form is remembered', async ({ ext }) => {
    await ext.sandbox.config({ raiseVariant: 'profile' });
    const countdown = await raiseFromPopup(ext);
    await expectRaisedThrough(ext, countdown, 'site-profile');
    expect((await writes(ext)).map((e) => `${e.host} ${e.path} ${e.status}`)).toEqual([
      'hh.ru /applicant/resumes/touch 404',
      'resume-profile-front.hh.ru /profile/shards/resume/touch 200',
    ]);
  });

  test('when only hh’s own button works, Otklik presses it (never the paid one)', async ({ ext }) => {
    await ext.sandbox.config({ raiseVariant: 'button' });
    const countdown = await raiseFromPopup(ext);
    await expectRaisedThrough(ext, countdown, 'site-button');
    expect((await writes(ext)).map((e) => `${e.path} ${e.status}`)).toEqual([
      '/applicant/resumes/touch 404',
      '/profile/shards/resume/touch 404',
      '/shards/applicant/resumes/raise 200',
    ]);
    // The tab opened for the job is gone again.
    await expect.poll(() => ext.context.pages().filter((p) => p.url().includes('/applicant/resumes')).length).toBe(0);
  });

  test('logged out on hh.ru: says to log in there', async ({ ext }) => {
    const page = await ext.context.newPage();
    await page.goto('https://hh.ru/__sandbox/logout?next=/');
    await page.close();
    const popup = await ext.openPopup();
    await expect(popup.getByText('Вы не вошли на hh.ru в этом браузере', { exact: false }).first()).toBeVisible();
  });
});

test.describe('the vacancy panel and quick apply, logged in on hh.ru only', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.loginSite('anna');
    await ext.sandbox.clearLog();
  });

  test('classic page state: suitable resumes with no request by the background', async ({ ext }) => {
    const { panel } = await openVacancy(ext, '70000001');
    await expect(panel.getByRole('radio', { name: /Frontend-разработчик \(React, TypeScript\)/ })).toBeEnabled();
    await expect(panel.getByRole('radio', { disabled: false })).toHaveCount(2);
    expect(await requestsBesidesThePage(ext, '70000001')).toEqual([]);
  });

  test('2026-09 page state: the same resumes; only the apply preflight is asked for test and letter', async ({ ext }) => {
    await ext.sandbox.config({ vacancyShape: 'full' });
    const { panel } = await openVacancy(ext, '70000001');
    await expect(panel.getByRole('radio', { name: /Frontend-разработчик \(React, TypeScript\)/ })).toBeEnabled();
    expect(await requestsBesidesThePage(ext, '70000001')).toEqual([`GET ${APPLY}`]);
  });

  test('quick apply sends exactly one POST with the cookie’s XSRF, and shows it applied', async ({ ext }) => {
    const { panel } = await openVacancy(ext, '70000001');
    await pressApply(panel);
    await expect(panel.getByText('Отклик отправлен.')).toBeVisible();

    const posts = await ext.sandbox.log({ path: APPLY, method: 'POST' });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(200);
    expect(posts[0]!.headers['x-xsrftoken']).toBe(await xsrfCookie(ext.context));
    expect(posts[0]!.headers['referer']).toBe('https://hh.ru/vacancy/70000001');
    expect(posts[0]!.body).toContain((await sandboxResume(ext, '1001')).hash);
    const applications = ((await ext.sandbox.state()) as { applications: Array<{ vacancyId: string; via: string }> }).applications;
    expect(applications).toEqual([expect.objectContaining({ vacancyId: '70000001', via: 'site' })]);
  });

  const refusals: Array<{ what: string; vacancy: string; prepare: (ext: Ext) => Promise<void>; says: RegExp; posts: number }> = [
    {
      what: 'the daily limit',
      vacancy: '70000001',
      prepare: (ext) => ext.sandbox.config({ applyLimit: 0 }).then(() => undefined),
      says: /дневной лимит откликов/,
      posts: 1,
    },
    {
      // hh.ru's 403 page for a write it does not take as its own (XSRF, not from the vacancy page). The
      // extension sends from hh's page with the cookie's value, which the sandbox accepts, so the refusal is injected.
      what: 'a write refused as not hh.ru’s own (403, XSRF)',
      vacancy: '70000001',
      prepare: (ext) => ext.sandbox.fault({ host: 'hh.ru', method: 'POST', path: APPLY, kind: 'forbidden' }).then(() => undefined),
      says: /защита сессии/,
      posts: 1,
    },
    {
      what: 'a captcha',
      vacancy: '70000001',
      prepare: (ext) => ext.sandbox.fault({ host: 'hh.ru', method: 'POST', path: APPLY, kind: 'captcha' }).then(() => undefined),
      says: /не робот/,
      posts: 1,
    },
    {
      what: 'an answer nobody knows (HTML 200)',
      vacancy: '70000001',
      prepare: (ext) => ext.sandbox.fault({ host: 'hh.ru', method: 'POST', path: APPLY, kind: 'html200' }).then(() => undefined),
      says: /Возможно, отправлено/,
      posts: 1,
    },
    {
      what: 'a test to pass (known from the page: nothing is sent)',
      vacancy: '70000003',
      prepare: async () => undefined,
      says: /ответить на вопросы|пройти тест/,
      posts: 0,
    },
  ];
  for (const r of refusals) {
    test(`${r.what}: the user sees why, and nothing is resent`, async ({ ext }) => {
      await r.prepare(ext);
      const page = await ext.context.newPage();
      await page.goto(`https://hh.ru/vacancy/${r.vacancy}`);
      const panel = panelOf(page);
      const apply = panel.getByRole('button', { name: 'Откликнуться' });
      if (r.posts > 0) await apply.click();
      await expect(panel.getByText(r.says)).toBeVisible();
      expect(await ext.sandbox.log({ path: APPLY, method: 'POST' })).toHaveLength(r.posts);
    });
  }

  test('a letter the employer requires, on a 2026-09 page that does not say so: asked for before sending', async ({ ext }) => {
    // The preflight carries the flag the page lost, so nothing is sent without a letter.
    await ext.sandbox.config({ vacancyShape: 'full' });
    const { panel } = await openVacancy(ext, '70000002');
    await expect(panel.getByText(/обязательно/)).toBeVisible();
    expect(await ext.sandbox.log({ path: APPLY, method: 'POST' })).toHaveLength(0);
  });
});

test('search results mark applied, invited and rejected vacancies from hh.ru’s negotiations list', async ({ ext }) => {
  await ext.loginSite('anna');
  const page = await ext.context.newPage();
  // What hh.ru itself says: its negotiations page state.
  await page.goto('https://hh.ru/applicant/negotiations?filter=all');
  const topics = await page.evaluate(() => {
    const state = JSON.parse(document.querySelector<HTMLTemplateElement>('#HH-Lux-InitialState')!.content.textContent!);
    return (state.applicantNegotiations.topicList as Array<{ vacancyId: number; lastState: string }>).map((t) => [
      String(t.vacancyId),
      t.lastState.toLowerCase(),
    ]);
  });
  const expected = Object.fromEntries(topics);

  await page.goto('https://hh.ru/search/vacancy?items_on_page=100');
  await expect(page.locator('[data-otklik-mark]').first()).toBeAttached();
  const marked = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-otklik-mark]')].map((host) => {
      const link = host.closest('[data-qa="vacancy-serp__vacancy"]')?.querySelector('[data-qa="serp-item__title"]');
      return [/\/vacancy\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? '?', host.dataset.otklikMark!];
    }),
  );
  expect(marked.length).toBeGreaterThan(0);
  for (const [id, state] of marked) expect(state, `vacancy ${id}`).toBe(expected[id!]);
  // Not only "applied": invitations and rejections are told apart.
  expect(new Set(marked.map(([, s]) => s)).size).toBeGreaterThan(1);
});

test('with an OAuth app whose applicant methods hh.ru refuses, auto mode serves from the hh.ru session', async ({ ext }) => {
  await ext.sandbox.config({ applicantApiRefused: true });
  await ext.loginSite('anna');
  await ext.connectApi('anna');
  expect(SANDBOX_APP.clientId).toBeTruthy();
  const popup = await popupWithResumes(ext);
  await expect((await cardOf(ext, popup, '1001')).getByTestId('raise-now')).toBeVisible();
  const api = await ext.sandbox.log({ host: 'api.hh.ru' });
  expect(api.some((e) => e.status === 403)).toBe(true);
  expect((await ext.sandbox.log({ host: 'hh.ru', path: '/applicant/resumes' })).length).toBeGreaterThan(0);
});
