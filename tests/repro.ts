/**
 * `npm run repro`: the release can be rebuilt from its own sources zip. Unpacks
 * .output/otklik-<version>-sources.zip into a clean temporary folder, runs the steps its README gives
 * (the block between `<!-- repro:steps -->` markers, so the documented steps are the tested ones),
 * and compares every file of the rebuilt Chrome and Firefox zips, and the rebuilt sources zip, with
 * the release's, by sha256. Prints each difference and fails on any. Run `npm run build` first.
 *
 * The rebuild runs without WXT_/VITE_ variables from this shell: the store build must not depend on
 * a developer's environment (a client id there would end up in the zip and make this check fail).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const ZIPS = ['chrome', 'firefox', 'sources'].map((kind) => ({ kind, name: `otklik-${version}-${kind}.zip` }));

function fail(message: string): never {
  console.error(`repro: ${message}`);
  process.exit(1);
}

for (const z of ZIPS) {
  if (!existsSync(join(root, '.output', z.name))) fail(`no .output/${z.name}: run \`npm run build\` first`);
}

function unzip(zip: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const r = spawnSync('unzip', ['-q', '-o', zip, '-d', into], { stdio: 'inherit' });
  if (r.status !== 0) fail(`could not unzip ${zip} (is \`unzip\` installed?)`);
}

/** The build steps the sources' own README gives. */
function readmeSteps(readme: string): string[] {
  const block = /<!-- repro:steps -->\s*```sh\n([\s\S]*?)```\s*<!-- \/repro:steps -->/.exec(readme)?.[1];
  if (!block) fail('README.md in the sources zip has no `<!-- repro:steps -->` block');
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Differences between two unpacked zips, one line each. */
function compare(a: string, b: string): string[] {
  const [fa, fb] = [files(a), files(b)];
  const diffs: string[] = [];
  for (const [path, hash] of fa) {
    const other = fb.get(path);
    if (other === undefined) diffs.push(`only in the release: ${path}`);
    else if (other !== hash) diffs.push(`differs: ${path}  release ${hash.slice(0, 16)}…  rebuilt ${other.slice(0, 16)}…`);
  }
  for (const path of fb.keys()) if (!fa.has(path)) diffs.push(`only in the rebuild: ${path}`);
  return diffs.sort();
}

const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) console.warn(`repro: Node ${process.versions.node}; the README asks for Node 22, results may differ`);

const work = mkdtempSync(join(tmpdir(), 'otklik-repro-'));
const src = join(work, 'src');
unzip(join(root, '.output', `otklik-${version}-sources.zip`), src);
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WXT|VITE)_/.test(k)));
for (const step of readmeSteps(readFileSync(join(src, 'README.md'), 'utf8'))) {
  console.log(`repro: $ ${step}`);
  const r = spawnSync('bash', ['-c', step], { cwd: src, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) fail(`\`${step}\` failed in ${src} (exit ${r.status})`);
}

let differences = 0;
for (const z of ZIPS) {
  const rebuilt = join(src, '.output', z.name);
  if (!existsSync(rebuilt)) {
    console.log(`✗ ${z.name}: the rebuild made no such zip`);
    differences += 1;
    continue;
  }
  unzip(join(root, '.output', z.name), join(work, 'release', z.kind));
  unzip(rebuilt, join(work, 'rebuilt', z.kind));
  const diffs = compare(join(work, 'release', z.kind), join(work, 'rebuilt', z.kind));
  const count = files(join(work, 'release', z.kind)).size;
  if (diffs.length === 0) console.log(`✓ ${z.name}: ${count} files, each identical (sha256)`);
  else {
    console.log(`✗ ${z.name}: ${diffs.length} difference(s)`);
    for (const d of diffs) console.log(`    ${d}`);
  }
  differences += diffs.length;
}

if (differences > 0) {
  console.log(`repro: the release is NOT reproducible from its sources (${differences} difference(s)); rebuild kept in ${work}`);
  process.exit(1);
}
rmSync(work, { recursive: true, force: true });
console.log('repro: the release zips are rebuilt byte for byte from the sources zip');
