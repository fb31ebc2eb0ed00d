/**
 * `npm run bench`: measures what a user feels, each figure beside its baseline, and prints a
 * table (stdout; progress goes to stderr). Reports, never fails on a missed budget: the exit code
 * is 0 unless the harness itself breaks.
 *   --n N        runs per figure (default 15)      --smoke      one run each, fast (CI)
 *   --json FILE  rows as JSON                       --readme     rewrite README's bench section
 *   --only a,b   figure ids: panel overhead overhead-light marks popup raise size memory answers inbox history
 *   --build      rebuild the extension first
 */
import { writeFileSync } from 'node:fs';
import { startSandbox } from '../sandbox/server';
import { sandboxClient } from '../e2e/sandbox-client';
import { ensureBuilds } from './builds';
import { toRow, type Measures } from './figure';
import { launchBrowser, prepareExtension, type Bench, type BenchBrowser, type Options } from './harness';
import { describeMachine, machine } from './machine';
import { writeReadme } from './readme';
import { missed, table, type Section } from './report';
import { FIGURES } from './figures';
import { prepareFloorExtension } from './floor';

function parseArgs(argv: string[]): Options {
  const opts: Options = { n: 15, smoke: false, json: null, readme: false, only: [], build: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--smoke') opts.smoke = true;
    else if (a === '--n') opts.n = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (a === '--json') opts.json = value();
    else if (a === '--readme') opts.readme = true;
    else if (a === '--build') opts.build = true;
    else if (a === '--only') opts.only = value().split(',').filter(Boolean);
    else throw new Error(`unknown option ${a}`);
  }
  if (opts.smoke) opts.n = 1;
  const unknown = opts.only.filter((id) => !FIGURES.some((f) => f.id === id));
  if (unknown.length) throw new Error(`unknown figure ${unknown.join(', ')}; figures: ${FIGURES.map((f) => f.id).join(' ')}`);
  return opts;
}

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** A figure that hangs must not stall the run: it is reported n/a after this long. */
const timeoutMs = (opts: Options, scale = 1) => scale * (opts.smoke ? 90_000 : 60_000 + opts.n * 20_000);

async function main(): Promise<void> {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const m = machine();
  log(`${describeMachine(m)}; N=${opts.n}${opts.smoke ? ' (smoke)' : ''}`);
  const warnings = ensureBuilds(opts.build, log);
  const ext = prepareExtension();
  const floor = prepareFloorExtension();
  const sb = await startSandbox({ port: 0 });
  const sandbox = sandboxClient(sb.port);
  const sections: Section[] = [];
  try {
    const figures = FIGURES.filter((f) => opts.only.length === 0 || opts.only.includes(f.id));
    for (const figure of figures) {
      const t0 = Date.now();
      log(`${figure.title}...`);
      const open: BenchBrowser[] = [];
      const bench: Bench = {
        opts,
        sandbox,
        log: (msg) => log(`  ${msg}`),
        async launch({ extension }) {
          const extensionDir = extension === 'floor' ? floor.dir : extension ? ext.dir : null;
          const b = await launchBrowser({ port: sb.port, spki: sb.spki, extensionDir, otklik: extension === true, sandbox });
          open.push(b);
          return b;
        },
      };
      let measures: Measures = {};
      let failure: string | null = null;
      let timer: NodeJS.Timeout | undefined;
      try {
        await sandbox.reset();
        const running = figure.run(bench);
        // After a timeout its browsers are closed under it: what it throws then is expected.
        running.catch(() => undefined);
        measures = await Promise.race([
          running,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs(opts, figure.timeScale) / 1000} s`)), timeoutMs(opts, figure.timeScale));
          }),
        ]);
      } catch (e) {
        failure = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);
        log(`  ${figure.id} failed: ${failure}`);
      } finally {
        clearTimeout(timer);
        await Promise.all(open.map((b) => b.close()));
      }
      const rows = figure.rows.map((spec) => toRow(spec, measures[spec.key] ?? (failure ? { na: failure } : undefined)));
      sections.push({ figure, rows });
      log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await sb.close();
    ext.dispose();
    floor.dispose();
  }

  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`Otklik bench, N=${opts.n}, ${describeMachine(m)}\n\n${table(sections)}\n`);
  if (warnings.length) process.stdout.write(`\n${warnings.map((w) => `warning: ${w}`).join('\n')}\n`);
  const miss = missed(sections);
  process.stdout.write(
    miss.length
      ? `\nBudgets missed (${miss.length}): ${miss.map((r) => r.name).join('; ')}\n`
      : '\nAll measured figures within budget.\n',
  );
  process.stdout.write(`Done in ${seconds.toFixed(0)} s.\n`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(sections.flatMap((s) => s.rows), null, 2)}\n`);
  // README shows a whole run: a smoke run or a few figures would pass off partial numbers as the latest.
  if (opts.readme && !opts.smoke && opts.only.length === 0) writeReadme(sections, m, opts.n, seconds);
  else if (opts.readme) log('README left as it is: --readme needs a full run (no --smoke, no --only)');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    log(`harness error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
