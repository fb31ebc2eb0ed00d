import { test, expect } from './fixtures';

test.describe('the extension runs against the sandbox hh.ru', () => {
  test('its service worker starts and its pages render', async ({ ext }) => {
    const sw = await ext.sw();
    expect(sw.url()).toBe(ext.url('background.js'));
    const popup = await ext.openPopup();
    await expect(popup.locator('main')).toBeVisible();
    const options = await ext.openOptions();
    await expect(options.locator('main')).toBeVisible();
  });

  test('on a vacancy page the content script mounts its panel in a shadow root', async ({ ext }) => {
    await ext.loginSite();
    const page = await ext.context.newPage();
    await page.goto('https://hh.ru/vacancy/70000001');
    const host = page.locator('[data-otklik="panel"]');
    await expect(host).toHaveCount(1);
    expect(await host.evaluate((el) => el.shadowRoot !== null)).toBe(true);
  });

  test('on a search page the search script marks cards, asking the background once', async ({ ext }) => {
    await ext.loginSite();
    const page = await ext.context.newPage();
    await ext.sandbox.clearLog();
    await page.goto('https://hh.ru/search/vacancy?text=react');
    await expect(page.locator('[data-otklik-mark]').first()).toBeAttached();
  });

  test('the background reaches api.hh.ru', async ({ ext }) => {
    await ext.connectApi();
    await ext.hook('patchSettings', { gateway: 'api' });
    await ext.sandbox.clearLog();
    await ext.hook('refresh');
    const log = await ext.sandbox.log({ host: 'api.hh.ru' });
    expect(log.map((e) => e.path)).toContain('/resumes/mine');
    expect(log.every((e) => e.headers['hh-user-agent']?.startsWith('Otklik/'))).toBe(true);
  });
});
