/**
 * A hostile script on an hh.ru vacancy page (an injected ad, a compromised widget) tries to make
 * Anna's own click apply: it fades the panel out, lays a decoy over it, slides it under her pointer.
 * Her clicks are real (Playwright's mouse: trusted events), so `isTrusted` alone would let them
 * through; the panel must send nothing and say why, and still send exactly once when she clicks a
 * panel she can see.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Ext } from './fixtures';

const APPLY_PATH = '/applicant/vacancy_response/popup';

async function openVacancy(ext: Ext, id: string): Promise<{ page: Page; panel: Locator }> {
  const page = await ext.context.newPage();
  await page.goto(`https://hh.ru/vacancy/${id}`);
  const panel = page.locator('[data-otklik="panel"]');
  await expect(panel.getByText('Смотрим, какие резюме подходят…')).toHaveCount(0);
  await expect(panel).toHaveCount(1);
  return { page, panel };
}

async function centreOf(button: Locator): Promise<{ x: number; y: number }> {
  const box = (await button.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The hostile page finds the panel as any script could: the element hh.ru's apply block is followed
 * by (the host's name is random and its shadow root closed, but its place is not).
 */
function hostile(page: Page, act: 'fade' | 'cover' | 'move' | 'undo') {
  return page.evaluate((what) => {
    const host = document.querySelector('[data-qa="vacancy-response-link-top"]')!.parentElement!.nextElementSibling as HTMLElement;
    const block = host.parentElement!;
    if (what === 'fade') block.style.opacity = '0';
    if (what === 'move') {
      block.style.position = 'relative';
      block.style.top = '-80px';
    }
    if (what === 'cover') {
      const r = host.getBoundingClientRect();
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.textContent = 'Вы выиграли приз! Нажмите, чтобы забрать';
      // Clicks pass through the decoy to the panel below: the person sees the prize, presses Apply.
      decoy.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:#fc0;z-index:2147483647;pointer-events:none`;
      document.body.append(decoy);
    }
    if (what === 'undo') {
      block.style.opacity = '';
      block.style.position = '';
      block.style.top = '';
      document.getElementById('decoy')?.remove();
    }
  }, act);
}

test('a page that hides, covers or moves the panel gets nothing sent by the person’s clicks; a panel they can see sends once', async ({ ext }) => {
  await ext.loginSite();
  const { page, panel } = await openVacancy(ext, '70000001');
  const apply = panel.getByRole('button', { name: 'Откликнуться' });
  const sent = () => ext.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_PATH });
  // Settled: visible and still for half a second (the button is aria-disabled until then).
  await expect(apply).toBeEnabled();
  // Where the button is now (a note above it moves it: always ask again before clicking).
  const at = () => centreOf(apply);

  // Faded out through its container: Anna sees hh.ru's page, not the panel she clicks.
  let p = await at();
  await hostile(page, 'fade');
  await expect(apply).toBeDisabled();
  await page.mouse.click(p.x, p.y);
  await expect(panel.getByText('страница скрывала панель Отклика', { exact: false })).toBeVisible();
  await hostile(page, 'undo');
  await expect(apply).toBeEnabled();

  // A decoy on top that lets clicks through to the panel.
  p = await at();
  await hostile(page, 'cover');
  await expect(apply).toBeDisabled();
  await page.mouse.click(p.x, p.y);
  await expect(panel.getByText('панель Отклика была перекрыта', { exact: false })).toBeVisible();
  await hostile(page, 'undo');
  await expect(apply).toBeEnabled();

  // Slid under the pointer just as she clicks something else of hh.ru's.
  p = await at();
  const pointer = { x: p.x, y: p.y - 80 };
  await page.mouse.move(pointer.x, pointer.y);
  await hostile(page, 'move');
  await page.mouse.click(pointer.x, pointer.y);
  await expect(panel.getByText('панель только что сдвинулась', { exact: false })).toBeVisible();

  expect(await sent()).toHaveLength(0);
  expect(await ext.hook('ledger')).toEqual([]);

  // Back where it was, seen and still: the same kind of click sends exactly one application.
  // Moving back is a move too: the button goes unready, then ready once the panel stood still.
  await hostile(page, 'undo');
  await expect(apply).toBeDisabled();
  await expect(apply).toBeEnabled();
  p = await at();
  await page.mouse.click(p.x, p.y);
  await expect(panel.getByText('Отклик отправлен.')).toBeVisible();
  expect(await sent()).toHaveLength(1);
});
