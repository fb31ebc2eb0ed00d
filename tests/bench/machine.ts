/** The machine a run happened on: numbers mean little without it. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { CHROMIUM } from '../e2e/browser';

export interface Machine {
  cores: number;
  cpu: string;
  chromium: string;
  node: string;
  /** 1-minute load average when the run started: other work on the machine shows in every figure. */
  load: number;
}

export function machine(): Machine {
  let chromium = 'unknown';
  try {
    // Debian's wrapper prints a shell warning before the version line.
    const out = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    chromium = /Chromium [\d.]+/.exec(out)?.[0] ?? out.trim();
  } catch {
    // reported as unknown
  }
  return { cores: availableParallelism(), cpu: cpus()[0]?.model.trim() ?? 'unknown', chromium, node: process.version, load: loadavg()[0] ?? 0 };
}

export const describeMachine = (m: Machine) =>
  `${m.cores} cores, ${m.cpu}, ${m.chromium}, Node ${m.node.replace(/^v/, '')}, load average ${m.load.toFixed(1)} at start`;
