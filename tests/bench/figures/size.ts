/**
 * Figure 6: what each entry weighs once gzipped (the production build), and the store zips.
 * An entry's weight is its own file plus every chunk and stylesheet it loads, each gzipped alone.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUTPUT_DIR, PROD_DIR } from '../builds';
import type { Figure, Measures, RowSpec } from '../figure';

interface Manifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The files a built file pulls in: scripts and styles of an HTML page, imports of a JS chunk. */
function references(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const refs = file.endsWith('.html')
    ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])
    : file.endsWith('.js')
      ? [...text.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((m) => m[1])
      : [];
  return refs.flatMap((r) => (r === undefined ? [] : [r.startsWith('/') ? join(PROD_DIR, r) : resolve(dirname(file), r)]));
}

function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !existsSync(f)) return;
    seen.add(f);
    references(f).forEach(visit);
  };
  entries.forEach(visit);
  return seen;
}

const kb = (bytes: number) => bytes / 1024;

function entries(): { key: string; files: string[] }[] {
  const m = JSON.parse(readFileSync(join(PROD_DIR, 'manifest.json'), 'utf8')) as Manifest;
  const at = (p: string | undefined) => (p ? [join(PROD_DIR, p)] : []);
  const list = [
    { key: 'background', files: at(m.background?.service_worker) },
    { key: 'popup', files: at(m.action?.default_popup) },
    { key: 'options', files: at(m.options_ui?.page) },
  ];
  for (const cs of m.content_scripts ?? []) {
    const js = cs.js ?? [];
    const name = (js[0] ?? '').replace(/^content-scripts\//, '').replace(/\.js$/, '');
    // A shadow-root UI's stylesheet sits beside its script and is fetched at mount.
    const css = js.map((f) => join(PROD_DIR, f.replace(/\.js$/, '.css'))).filter(existsSync);
    list.push({ key: `content:${name}`, files: [...js.flatMap(at), ...(cs.css ?? []).flatMap(at), ...css] });
  }
  return list;
}

const CONTENT_SCRIPTS = ['vacancy', 'search'];

export const sizeFigure: Figure = {
  id: 'size',
  title: 'Size',
  rows: [
    { key: 'background', name: 'gzip: background', unit: 'KB', budget: 'backgroundKb', about: 'the service worker bundle, gzip -9' },
    { key: 'popup', name: 'gzip: popup', unit: 'KB', about: 'popup.html with every chunk and stylesheet it loads, each gzipped' },
    { key: 'options', name: 'gzip: options', unit: 'KB', about: 'options.html with every chunk and stylesheet it loads, each gzipped' },
    ...CONTENT_SCRIPTS.map(
      (name): RowSpec => ({
        key: `content:${name}`,
        name: `gzip: content script ${name}`,
        unit: 'KB',
        budget: 'contentScriptKb',
        about: `the ${name} content script (and its stylesheet), gzip -9`,
      }),
    ),
    { key: 'zip:chrome', name: 'zip: chrome', unit: 'KB', about: 'the Chrome Web Store upload (`wxt zip`)' },
    { key: 'zip:firefox', name: 'zip: firefox', unit: 'KB', about: 'the AMO upload (`wxt zip -b firefox`)' },
  ],
  async run(): Promise<Measures> {
    const out: Measures = {};
    for (const e of entries()) {
      if (e.files.length === 0) continue;
      out[e.key] = { value: [kb([...closure(e.files)].reduce((sum, f) => sum + gz(f), 0))] };
    }
    // Oldest first, so the newest zip of each browser is the one reported.
    const zips = readdirSync(OUTPUT_DIR)
      .filter((f) => /-(chrome|firefox)\.zip$/.test(f))
      .map((f) => ({ f, st: statSync(join(OUTPUT_DIR, f)) }))
      .sort((a, b) => a.st.mtimeMs - b.st.mtimeMs);
    for (const { f, st } of zips) out[`zip:${/-(chrome|firefox)\.zip$/.exec(f)![1]}`] = { value: [kb(st.size)] };
    return out;
  },
};
