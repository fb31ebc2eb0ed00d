/**
 * `npm run screenshots`: every picture of Otklik, taken from the built e2e extension against the
 * sandbox (so they show exactly what a user of the demo sees), never edited by hand.
 * - docs/screenshot-panel.png, docs/screenshot-popup.png: the README's.
 * - store/screenshots/<ru|en>/: the stores' 1280×800 screenshots (vacancy panel, search marks,
 *   popup, settings, first-run page) and the 440×280 promo tile, with the extension in that language.
 * The popup and the tile are laid out on a page of their own (caption beside the real popup) and
 * that page is photographed: still one command, nothing drawn by hand.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { startSandbox } from './sandbox/server';
import { EXTENSION_ID, launchChromium } from './e2e/browser';

const STORE = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
const ext = (path: string) => `chrome-extension://${EXTENSION_ID}/${path}`;

const CAPTIONS = {
  ru: {
    popupTitle: 'Все резюме в одном окне',
    popupPoints: ['Кто и когда смотрел резюме', 'Отсчёт до поднятия в поиске', 'Поднятие вовремя — по нажатию или само'],
    tileTitle: 'Отклик',
    tileText: 'Резюме, просмотры и отклик в один клик на hh.ru',
  },
  en: {
    popupTitle: 'Every resume in one place',
    popupPoints: ['Who viewed your resume, and when', 'A countdown to the next raise', 'Raised on time, by a click or by itself'],
    tileTitle: 'Otklik',
    tileText: 'Resumes, views and one-click apply on hh.ru',
  },
} as const;
type Lang = keyof typeof CAPTIONS;

const icon = `data:image/png;base64,${readFileSync('public/icon/128.png').toString('base64')}`;
const frameCss = `
  html, body { margin: 0; height: 100%; }
  body { font: 16px/1.4 system-ui, 'Segoe UI', Roboto, sans-serif; color: #1d1f23;
         background: #eef4fb; display: flex; align-items: center; }
  h1 { font-size: 44px; margin: 0 0 24px; line-height: 1.15; }
  ul { margin: 0; padding: 0; list-style: none; font-size: 24px; }
  li { margin: 0 0 14px; padding-left: 34px; position: relative; }
  li::before { content: '✓'; color: #0070ff; position: absolute; left: 0; font-weight: 700; }
`;

/** A page laid out from HTML, photographed at `size`. */
async function compose(context: BrowserContext, size: { width: number; height: number }, html: string, path: string) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>${frameCss}</style>${html}`);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  await page.screenshot({ path });
  await page.close();
}

async function shoot(lang: Lang, port: number, spki: string): Promise<string[]> {
  const dir = `store/screenshots/${lang}`;
  mkdirSync(dir, { recursive: true });
  const made: string[] = [];
  const { context, welcome, close } = await launchChromium({
    port,
    spki,
    firstRun: 'keep',
    locale: lang === 'ru' ? 'ru-RU' : 'en-US',
  });
  try {
    const shot = async (page: Page, name: string) => {
      await page.screenshot({ path: `${dir}/${name}` });
      made.push(`${dir}/${name}`);
    };

    // The vacancy panel, after logging in on the sandbox hh.ru.
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('https://hh.ru/__sandbox/login?user=anna&next=/vacancy/70000001');
    await page.locator('[data-otklik="panel"]').getByRole('radio').first().waitFor();
    if (lang === 'ru') {
      await page.screenshot({ path: 'docs/screenshot-panel.png', clip: { x: 0, y: 0, width: 1280, height: 900 } });
      made.push('docs/screenshot-panel.png');
    }
    await page.setViewportSize(STORE);
    await shot(page, '1-vacancy-panel.png');

    // Search results with marks on the vacancies Анна applied to.
    await page.goto('https://hh.ru/search/vacancy');
    const mark = page.locator('[data-otklik-mark]').first();
    await mark.waitFor();
    // Start the picture a little above the first marked card.
    await mark.evaluate((m) => {
      m.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
    });
    await shot(page, '2-search-marks.png');

    // The popup, beside a caption.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 720 });
    await popup.goto(ext('popup.html'));
    await popup.getByTestId('resume-card').first().waitFor();
    if (lang === 'ru') {
      await popup.screenshot({ path: 'docs/screenshot-popup.png' });
      made.push('docs/screenshot-popup.png');
    }
    const popupPng = `data:image/png;base64,${(await popup.screenshot()).toString('base64')}`;
    await popup.close();
    const c = CAPTIONS[lang];
    await compose(
      context,
      STORE,
      `<div style="display:flex;gap:64px;align-items:center;padding:0 80px;width:100%">
         <div style="flex:1"><h1>${c.popupTitle}</h1><ul>${c.popupPoints.map((p) => `<li>${p}</li>`).join('')}</ul></div>
         <img src="${popupPng}" width="400" height="720" style="border-radius:12px;box-shadow:0 12px 40px rgba(0,40,100,.25)">
       </div>`,
      `${dir}/3-popup.png`,
    );
    made.push(`${dir}/3-popup.png`);

    // Settings.
    await page.goto(ext('options.html'));
    await page.getByTestId('account-status').getByText('Анна', { exact: false }).waitFor();
    await shot(page, '4-settings.png');

    // The first-run page, which the install opened; reloaded now that Анна is logged in.
    await welcome!.setViewportSize(STORE);
    await welcome!.reload();
    await welcome!.locator('[data-testid="welcome-status"][data-state="applicant"]').waitFor();
    await shot(welcome!, '5-first-run.png');

    // The small promo tile.
    await compose(
      context,
      TILE,
      `<div style="display:flex;gap:22px;align-items:center;padding:0 32px">
         <img src="${icon}" width="96" height="96">
         <div><div style="font-size:40px;font-weight:700;margin-bottom:8px">${c.tileTitle}</div>
              <div style="font-size:19px;color:#3b4048">${c.tileText}</div></div>
       </div>`,
      `${dir}/promo-440x280.png`,
    );
    made.push(`${dir}/promo-440x280.png`);
  } finally {
    await close();
  }
  return made;
}

const sandbox = await startSandbox({ port: 0 });
try {
  for (const lang of ['ru', 'en'] as const) {
    for (const file of await shoot(lang, sandbox.port, sandbox.spki)) console.log(file);
  }
} finally {
  await sandbox.close();
}
