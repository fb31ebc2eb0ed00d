/**
 * Where our content scripts spend their time on a page: loads a page with the extension (signed in,
 * one warm-up load), samples the main thread with the CDP profiler until our work is on screen,
 * and prints the self time of the extension's code per function and script position, biggest first,
 * beside the page's own. The builds are minified: a position (`vacancy.js:1:23456`) is where to look.
 *
 *   npx tsx tests/bench/profile.ts [url] [moment] [runs]
 *   e.g. npx tsx tests/bench/profile.ts 'https://hh.ru/vacancy/70000001?weight=real' panel 5
 */
import { startSandbox } from '../sandbox/server';
import { sandboxClient } from '../e2e/sandbox-client';
import { EXT_ORIGIN, launchBrowser, prepareExtension } from './harness';
import { PROBE_SCRIPT, moment } from './probe';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [url = 'https://hh.ru/vacancy/70000001?weight=real', done = 'panel', runsArg = '5'] = process.argv.slice(2);
const runs = Number.parseInt(runsArg, 10) || 5;

async function main(): Promise<void> {
  const ext = prepareExtension();
  const sb = await startSandbox({ port: 0 });
  const b = await launchBrowser({ port: sb.port, spki: sb.spki, extensionDir: ext.dir, sandbox: sandboxClient(sb.port) });
  const self = new Map<string, number>();
  let ours = 0;
  let page = 0;
  try {
    await b.context.addInitScript(PROBE_SCRIPT);
    await b.loginSite();
    // Resumes known, as after the popup's first look (the overhead figure's state): search cards get fit figures.
    await b.hook('refresh');
    for (let i = -1; i < runs; i++) {
      const tab = await b.context.newPage();
      const cdp = await b.context.newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await tab.goto(url);
      await moment(tab, done);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await tab.close();
      if (i < 0) continue;
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => {
        const f = byId.get(id)!.callFrame;
        const ms = (profile.timeDeltas[k] ?? 0) / 1000;
        if (!f.url) return;
        if (f.url.startsWith(EXT_ORIGIN)) {
          ours += ms;
          const file = f.url.slice(EXT_ORIGIN.length + 1);
          const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
          self.set(key, (self.get(key) ?? 0) + ms);
        } else page += ms;
      });
    }
  } finally {
    await b.close();
    await sb.close();
    ext.dispose();
  }
  console.log(`${url}, ${runs} runs, until "${done}": our self time ${(ours / runs).toFixed(1)} ms/load, the page's scripts ${(page / runs).toFixed(1)} ms/load (sampled)`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(ms / runs).toFixed(2).padStart(8)} ms  ${key}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
