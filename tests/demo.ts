/**
 * `npm run demo`: the sandbox hh.ru plus a real Chromium with the extension, logged in as the demo
 * user Анна Смирнова. No hh.ru account and no internet needed. Without a display it says so and
 * keeps serving the sandbox (reach it with the printed Chromium flags).
 */
import { startSandbox } from './sandbox/server';
import { chromiumArgs, EXTENSION_ID, launchChromium } from './e2e/browser';

const port = Number(process.env.SANDBOX_PORT ?? 9443);
const sandbox = await startSandbox({ port });
console.log(`Sandbox hh.ru and api.hh.ru on https://127.0.0.1:${sandbox.port}`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display here, so no browser window. The sandbox keeps running; start Chromium yourself with:');
  console.log(`  chromium ${chromiumArgs({ port: sandbox.port, spki: sandbox.spki }).map((a) => `'${a}'`).join(' ')}`);
  console.log('Then open https://hh.ru/__sandbox/login?user=anna to log in as the demo user. Ctrl+C stops.');
} else {
  const { context, close } = await launchChromium({ port: sandbox.port, spki: sandbox.spki, headless: false });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://hh.ru/__sandbox/login?user=anna&next=/vacancy/70000001');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await page.bringToFront();
  console.log('Chromium is open as Анна Смирнова on a sandbox vacancy page; the popup is in the second tab.');
  console.log('Try: https://hh.ru/search/vacancy?text=react , https://hh.ru/applicant/resumes . Close the window to stop.');
  context.on('close', () => void close().then(() => sandbox.close()).then(() => process.exit(0)));
}
