/**
 * `npm run screenshots`: the README's pictures, taken from the built e2e extension against the
 * sandbox (so they show exactly what a user of the demo sees).
 */
import { startSandbox } from './sandbox/server';
import { EXTENSION_ID, launchChromium } from './e2e/browser';

const sandbox = await startSandbox({ port: 0 });
const { context, close } = await launchChromium({ port: sandbox.port, spki: sandbox.spki });
try {
  const page = await context.newPage();
  await page.goto('https://hh.ru/__sandbox/login?user=anna&next=/vacancy/70000001');
  await page.locator('[data-otklik="panel"]').getByRole('radio').first().waitFor();
  await page.screenshot({ path: 'docs/screenshot-panel.png', clip: { x: 0, y: 0, width: 1280, height: 900 } });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 720 });
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.getByTestId('resume-card').first().waitFor();
  await popup.screenshot({ path: 'docs/screenshot-popup.png', fullPage: false });
  console.log('docs/screenshot-panel.png, docs/screenshot-popup.png');
} finally {
  await close();
  await sandbox.close();
}
