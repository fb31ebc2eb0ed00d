/**
 * Floors: the least any extension could cost where a budget is set, measured in the same run as
 * Otklik, so a ratio can be read against what is possible at all on this machine (issue #17: the
 * 1.05x page budgets and the 1.2x popup budget were set before anyone measured these).
 *
 * - A content script that places one element, in a shadow root, on hh.ru's pages once they are
 *   parsed: what the least visible panel or mark costs a page. Its own extension (nothing else:
 *   no worker, no storage), loaded in a third browser beside Otklik's and the bare one.
 * - An extension page drawn by one small classic script that reads localStorage (synchronous, as
 *   the popup's first frame does) and adds one element: what the least script-drawn popup costs.
 *   Written beside the empty page into the copy of Otklik's build the bench runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The probe's moment (probe.ts) once the floor content script's element is in the page. */
export const FLOOR_MOMENT = 'floor';
export const FLOOR_PAGE = 'floor.html';

const CONTENT_SCRIPT = `(() => {
  const host = document.createElement('div');
  host.dataset.otklik = 'floor';
  const p = document.createElement('p');
  p.textContent = 'Otklik';
  host.attachShadow({ mode: 'open' }).append(p);
  document.body.append(host);
})();
`;

const MANIFEST = {
  manifest_version: 3,
  name: 'Otklik bench floor',
  version: '1.0.0',
  content_scripts: [{ matches: ['https://hh.ru/*'], js: ['floor.js'], run_at: 'document_end' }],
};

/** The one-element extension, in a temporary directory. */
export function prepareFloorExtension(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-floor-'));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
  writeFileSync(join(dir, 'floor.js'), CONTENT_SCRIPT);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The one-script page, into an extension directory; the probe's `empty` moment sees its `body > p`. */
export function writeFloorPage(extensionDir: string): void {
  writeFileSync(
    join(extensionDir, FLOOR_PAGE),
    '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="floor-page.js"></script></body></html>\n',
  );
  writeFileSync(
    join(extensionDir, 'floor-page.js'),
    "const p = document.createElement('p');\np.textContent = localStorage.getItem('otklik.benchFloor') ?? '.';\ndocument.body.append(p);\n",
  );
}
