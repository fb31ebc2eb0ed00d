/**
 * Builds of the extension side by side on one page, to tell apart what a content script costs
 * from what the extension's presence costs (issue #17). Each variant is a Chromium with one
 * extension dir (signed in, resumes known, as the overhead figure has it), plus one without any;
 * every round loads the page once in each, in rotating order. Printed per variant: main-thread
 * scripting (CDP ScriptDuration) at the moment, and again 600 ms later (`later`: our work that comes
 * after the moment, e.g. on a page whose cards have no application to mark, where the `marks`
 * moment is the `cards` one); load and DOMContentLoaded; each as the median of the per-round ratio
 * to the browser without the extension, with quartiles. Then the requests hh.ru saw during the
 * loads (the sandbox is shared: another browser's background request may show), and when they came
 * after the page's own request, beside the load time.
 *
 *   npx tsx tests/bench/variants.ts <url> <rounds> <name>=<extension dir>[:<moment>] ...
 *   COLD=1 empties the marks cache before every load (a first visit: the background reads hh.ru).
 *   BARE_MOMENT=interactive: the moment the browser without an extension waits for (default `cards`,
 *   a search page's; on a vacancy page `interactive`, after the load event `goto` waits for).
 *
 * Variants are made by hand from a copy of .output/chrome-mv3-e2e (with an empty.html beside, as
 * harness.ts prepareExtension writes), e.g. a search.js that returns at once, or a manifest without
 * the search content script. Measured with it (2026-11-30): CDP ScriptDuration does not count code
 * that runs as the continuation of an awaited runtime.sendMessage reply (110 ms of arithmetic there
 * added 1 ms), while the same code in a timer, a MutationObserver callback or at the script's start
 * counts in full.
 */
import { startSandbox } from '../sandbox/server';
import { sandboxClient } from '../e2e/sandbox-client';
import { median } from './figure';
import { launchBrowser, rotate, type BenchBrowser } from './harness';
import { PROBE_SCRIPT, moment, navTiming } from './probe';

const [url, roundsArg, ...specs] = process.argv.slice(2);
const rounds = Number(roundsArg) || 9;

interface Variant {
  name: string;
  dir: string | null;
  moment: string;
  b?: BenchBrowser;
  script: number[];
  later: number[];
  load: number[];
  dcl: number[];
  requests: string[];
}

const variant = (name: string, dir: string | null, at: string): Variant => ({ name, dir, moment: at, script: [], later: [], load: [], dcl: [], requests: [] });
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quartile = (xs: number[], q: number) => sorted(xs)[Math.floor((xs.length - 1) * q)]!;
/** Per round: a over b in the same round; the median and quartiles of those. */
function ratio(a: number[], b: number[]): string {
  const r = a.map((x, k) => x / b[k]!);
  return `${median(r).toFixed(2)}x [${quartile(r, 0.25).toFixed(2)}-${quartile(r, 0.75).toFixed(2)}]`;
}

const scriptMs = async (cdp: { send(m: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }) =>
  ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;

async function main(): Promise<void> {
  if (!url || specs.length === 0) throw new Error('usage: variants.ts <url> <rounds> <name>=<extension dir>[:<moment>] ...');
  const sb = await startSandbox({ port: 0 });
  const sandbox = sandboxClient(sb.port);
  const variants = [variant('without', null, process.env.BARE_MOMENT ?? 'cards')];
  for (const s of specs) {
    const [name, rest] = s.split('=');
    const [dir, at] = (rest ?? '').split(':');
    variants.push(variant(name!, dir!, at || 'cards'));
  }
  try {
    for (const v of variants) {
      v.b = await launchBrowser({ port: sb.port, spki: sb.spki, extensionDir: v.dir, sandbox });
      await v.b.context.addInitScript(PROBE_SCRIPT);
      await v.b.loginSite();
      if (v.dir) await v.b.hook('refresh');
    }
    // Round -1 warms every browser up.
    for (let i = -1; i < rounds; i++) {
      for (const v of rotate(variants, i)) {
        const page = await v.b!.context.newPage();
        try {
          const cdp = await v.b!.context.newCDPSession(page);
          await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
          if (process.env.COLD && v.dir) {
            await (await v.b!.sw()).evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('marksCache'));
          }
          await sandbox.clearLog();
          await page.goto(url);
          await moment(page, v.moment);
          const atMoment = await scriptMs(cdp);
          const nav = await navTiming(page);
          await page.waitForTimeout(600);
          const later = await scriptMs(cdp);
          const log = await sandbox.log();
          if (i < 0) continue;
          v.script.push(atMoment);
          v.later.push(later);
          v.load.push(nav.load);
          v.dcl.push(nav.domContentLoaded);
          const pageAt = log.find((e) => e.path === new URL(url).pathname)?.t ?? 0;
          const asked = log.filter((e) => !e.path.startsWith('/employer-logo') && e.t > pageAt).map((e) => `${e.method} ${e.host}${e.path} +${Math.round((e.t - pageAt) / 50) * 50} ms`);
          v.requests.push(`${asked.join(', ') || 'nothing beyond the page and its images'} | load at ${Math.round(nav.load / 50) * 50} ms`);
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    for (const v of variants) await v.b?.close();
    await sb.close();
  }
  const base = variants[0]!;
  for (const v of variants) {
    console.log(
      `${v.name.padEnd(10)} scripting ${median(v.script).toFixed(1)} ms ${ratio(v.script, base.script)}  later ${median(v.later).toFixed(1)} ms ${ratio(v.later, base.later)}  load ${median(v.load).toFixed(0)} ms ${ratio(v.load, base.load)}  DCL ${median(v.dcl).toFixed(0)} ms ${ratio(v.dcl, base.dcl)}`,
    );
    const counts = new Map<string, number>();
    for (const r of v.requests) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const [r, k] of counts) console.log(`    ${k}x ${r}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
