/**
 * The builds the bench measures: the production build and store zips (sizes) and the e2e build
 * (the browser runs, it carries the test hook). Both are production builds (NODE_ENV): WXT would
 * otherwise take the e2e mode for a development one, with Preact's development JSX and devtools hook. Built when missing or when asked; a build older
 * than the sources is measured but flagged, since its numbers describe old code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR } from '../e2e/browser';

export const PROD_DIR = resolve('.output/chrome-mv3');
export const OUTPUT_DIR = resolve('.output');
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

const zips = () => (existsSync(OUTPUT_DIR) ? readdirSync(OUTPUT_DIR).filter((f) => f.endsWith('.zip')) : []);

function run(args: string[], log: (m: string) => void): void {
  log(`$ npx ${args.join(' ')}`);
  // NODE_ENV as the store build has it, whatever the mode (package.json build:e2e does the same).
  execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}

/** Makes sure both builds exist; returns warnings about stale ones. */
export function ensureBuilds(force: boolean, log: (m: string) => void): string[] {
  if (force || !existsSync(join(PROD_DIR, 'manifest.json')) || zips().length === 0) {
    run(['wxt', 'zip'], log);
    run(['wxt', 'zip', '-b', 'firefox'], log);
  }
  if (force || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) run(['wxt', 'build', '--mode', 'e2e'], log);
  const sources = Math.max(...SOURCES.map((s) => newestMtime(resolve(s))));
  return [PROD_DIR, EXTENSION_DIR]
    .filter((dir) => statSync(join(dir, 'manifest.json')).mtimeMs < sources)
    .map((dir) => `${dir} is older than the sources: pass --build to measure the current code`);
}
