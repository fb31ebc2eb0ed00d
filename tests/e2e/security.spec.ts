/**
 * The security review's claims (docs/security.md), checked in a real Chromium: the loaded manifest
 * asks for what it says and no more, no extension page breaks its content security policy, and a
 * hostile script on an hh.ru page (or any page) cannot make Otklik apply, raise, or hand over the
 * user's tokens and data.
 *
 * A script on hh.ru already holds the user's hh.ru session (it runs in hh.ru's origin); what Otklik
 * must not add is a way in for it: to the OAuth token, to the extension's stored data, or to
 * actions the person did not take.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Ext, pressApply } from './fixtures';
import type { ExtensionGlobal } from './faults-support';

const APPLY_SITE = '/applicant/vacancy_response/popup';

/** Records every CSP violation a page reports, from before its first script runs. */
async function watchViolations(ext: Ext): Promise<void> {
  await ext.context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

const violations = (page: Page) => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);

/** hh.ru's vacancy page with Otklik's panel ready; the page's own scripts are the test's `page.evaluate`. */
async function vacancyPage(ext: Ext, id = '70000001'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/vacancy/${id}`);
  await expect(page.locator('[data-otklik="panel"]').getByRole('radio').first()).toBeVisible();
  return page;
}

/** Whatever reached hh.ru that changes something: applications and raises. */
async function writes(ext: Ext): Promise<string[]> {
  return (await ext.sandbox.log({ method: 'POST' }))
    .filter((e) => !e.path.startsWith('/account/'))
    .map((e) => `${e.host}${e.path}`);
}

test('the manifest Chromium loaded asks for exactly what docs/security.md lists', async ({ ext }) => {
  const sw = await ext.sw();
  const m = await sw.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest());
  expect([...(m.permissions as string[])].sort()).toEqual(['alarms', 'identity', 'notifications', 'scripting', 'storage']);
  expect(m).not.toHaveProperty('optional_permissions');
  expect(m).not.toHaveProperty('externally_connectable');
  expect(m).not.toHaveProperty('web_accessible_resources');
  expect(m).not.toHaveProperty('content_security_policy');
  const hh = /^https:\/\/(\*\.)?(hh\.ru|hh\.kz|rabota\.by|hh\.uz|hh1\.az|headhunter\.ge|headhunter\.kg)\//;
  for (const pattern of m.host_permissions as string[]) expect(pattern).toMatch(hh);
  const scripts = m.content_scripts as Array<{ matches: string[] }>;
  for (const pattern of scripts.flatMap((s) => s.matches)) expect(pattern).toMatch(new RegExp(`${hh.source}(vacancy|search)/`));
});

test('no extension page breaks its content security policy (no eval, no inline or remote code)', async ({ ext }) => {
  await watchViolations(ext);
  // The listener does hear a violation: code built from a string, run after the test's own evaluation.
  const probe = await ext.openOptions();
  await probe.evaluate(
    () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          try {
            new Function('return 1')();
          } catch {
            // Refused, as it must be.
          }
          resolve();
        }),
      ),
  );
  await expect.poll(() => violations(probe)).not.toEqual([]);
  await probe.close();

  await ext.connectApi();
  const popup = await ext.openPopup();
  await expect(popup.getByTestId('resume-card')).toHaveCount(4);
  await popup.getByTestId('views-open').first().click();
  await expect(popup.getByTestId('view-item').first()).toBeVisible();
  await popup.getByTestId('raise-now').first().click();
  await expect(popup.getByTestId('raise-outcome').first()).not.toBeEmpty();
  const options = await ext.openOptions();
  await expect(options.getByTestId('account-status')).toContainText('Анна Смирнова');
  await options.getByTestId('template-add').click();

  expect(await violations(popup)).toEqual([]);
  expect(await violations(options)).toEqual([]);
});

test('a hostile hh.ru page talks to Otklik every way it can: nothing is applied, raised or handed over', async ({ ext }) => {
  await ext.loginSite();
  await ext.connectApi();
  const { accessToken, refreshToken } = await ext.hook<{ accessToken: string; refreshToken: string }>('getTokens');
  const page = await vacancyPage(ext);
  await ext.sandbox.clearLog();

  const attempts = await page.evaluate(async (extensionId) => {
    const said: Record<string, string> = {};
    const envelope = (name: string, payload: unknown) => ({ otklik: 1, name, payload });
    const apply = envelope('apply', { vacancyId: '70000001', resumeId: '1001', letter: 'от страницы' });
    const raise = envelope('raise', { resumeId: '1001' });

    // Messages in every shape a page can post.
    for (const m of [apply, raise, envelope('status', {}), { type: 'apply', vacancyId: '70000001' }]) window.postMessage(m, '*');
    for (const name of ['otklik', 'otklik:apply', 'wxt:locationchange', 'wxt:content-script-started']) {
      window.dispatchEvent(new CustomEvent(name, { detail: apply }));
      document.dispatchEvent(new CustomEvent(name, { detail: apply, bubbles: true }));
    }

    // The extension's messaging, straight from the page.
    const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome
      ?.runtime;
    if (typeof runtime?.sendMessage !== 'function') said.runtime = 'no chrome.runtime.sendMessage on the page';
    else {
      for (const m of [apply, raise, envelope('status', {})]) {
        try {
          said.runtime = `answered ${JSON.stringify(await runtime.sendMessage(extensionId, m))}`;
        } catch (e) {
          said.runtime = `refused: ${String(e)}`;
        }
      }
    }

    // The extension's files (hh.ru probes for extensions this way).
    try {
      await fetch(`chrome-extension://${extensionId}/manifest.json`);
      said.files = 'readable';
    } catch {
      said.files = 'unreachable';
    }

    // Storage the page shares with a content script: nothing of Otklik's.
    said.storage = JSON.stringify({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: ((await indexedDB.databases?.()) ?? []).map((d) => d.name),
    });
    return said;
  }, ext.id);

  // Scripted clicks and typing inside the panel (its root is open only in this test build).
  const scripted = await page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-otklik="panel"]')!;
    const root = host.shadowRoot!;
    const textarea = root.querySelector('textarea')!;
    textarea.value = 'письмо от страницы';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    radios[1]?.click();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Откликнуться'))!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    // And around it: moved, removed, smothered.
    document.body.prepend(host);
    host.remove();
    return !!button;
  });
  expect(scripted).toBe(true);

  expect(attempts.runtime).not.toMatch(/^answered/);
  expect(attempts.files).toBe('unreachable');
  expect(attempts.storage).not.toMatch(/otklik/i);
  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'Откликнуться' })).toBeVisible();
  expect(await writes(ext)).toEqual([]);
  expect(await ext.hook('ledger')).toEqual([]);

  // The page never sees the tokens, not even inside the panel; nor does storage a content script can read.
  const html = await page.evaluate(() => {
    const host = document.querySelector('[data-otklik="panel"]');
    return document.documentElement.outerHTML + (host?.shadowRoot?.innerHTML ?? '');
  });
  for (const secret of [accessToken, refreshToken]) expect(html).not.toContain(secret);
  const sw = await ext.sw();
  const local = await sw.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(accessToken);

  // The same button under the person's own click sends exactly one application: the guard is the click.
  await pressApply(panel);
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  expect(await writes(ext)).toEqual([`api.hh.ru/negotiations`]);
});

test('a page that rewrites its state to claim another vacancy cannot redirect the application', async ({ ext }) => {
  await ext.loginSite();
  const page = await ext.context.newPage();
  // Before hh.ru's state is read: the page says it is vacancy 70000004 (archived), named as it likes.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const template = document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState');
      if (!template?.content.textContent) return;
      const forged = template.content.textContent.replaceAll('70000001', '70000004').replaceAll('Frontend-разработчик (React, TypeScript)', 'Поддельная вакансия');
      template.content.textContent = forged;
    });
  });
  await page.goto('https://hh.ru/vacancy/70000001');
  const state = await page.evaluate(() => document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState')!.content.textContent);
  expect(state).toContain('Поддельная вакансия');
  expect(state).not.toContain('70000001');
  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel.getByRole('radio').first()).toBeVisible();
  await expect(panel).not.toContainText('Поддельная вакансия');

  await pressApply(panel);

  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  const sent = await ext.sandbox.log({ method: 'POST', path: APPLY_SITE });
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body).toMatch(/name="vacancy_id"\r\n\r\n70000001\r\n/);
  const { applications } = (await ext.sandbox.state()) as { applications: Array<{ vacancyId: string }> };
  expect(applications.map((a) => a.vacancyId)).toEqual(['70000001']);
});

test('a page that puts another vacancy in its address gets that vacancy’s panel, as hh.ru describes it', async ({ ext }) => {
  await ext.loginSite();
  const page = await vacancyPage(ext);
  await ext.sandbox.clearLog();

  // The page claims to be vacancy 70000004 (archived) without hh.ru navigating anywhere.
  await page.evaluate(() => history.pushState({}, '', '/vacancy/70000004'));

  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel).toHaveAttribute('data-otklik-vacancy', '70000004');
  await expect(panel.getByText('Вакансия в архиве: работодатель больше не принимает отклики.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Откликнуться' })).toHaveCount(0);
  // Its facts came from hh.ru, not from the page that claimed them.
  expect((await ext.sandbox.log({ method: 'GET' })).map((e) => e.path)).toContain('/vacancy/70000004');
  expect(await writes(ext)).toEqual([]);
});

test('a page elsewhere (not hh.ru) cannot reach Otklik at all', async ({ ext }) => {
  await ext.connectApi();
  const page = await ext.context.newPage();
  await page.setContent('<!doctype html><title>elsewhere</title><p>a page that is not hh.ru</p>');
  const said = await page.evaluate(async (extensionId) => {
    const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome
      ?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
    try {
      return `answered ${JSON.stringify(await runtime.sendMessage(extensionId, { otklik: 1, name: 'status', payload: {} }))}`;
    } catch (e) {
      return `refused: ${String(e)}`;
    }
  }, ext.id);
  expect(said).not.toMatch(/^answered/);
  expect(await page.locator('[data-otklik]').count()).toBe(0);
  expect(await ext.hook('ledger')).toEqual([]);
});
