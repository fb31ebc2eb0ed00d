/**
 * "The longest task our scripts cause", from a Chromium trace: the top-level tasks of the page's
 * main thread (RunTask) that ran code of an extension script (a script evaluation, compile or
 * function call whose URL is ours). Tracing slows everything a little, so figures that time whole
 * loads are measured in runs without it.
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; fileName?: string; data?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8'];

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

const scriptUrl = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';

/** Longest main-thread task (ms) that ran code from `origin`, or 0 when none did. */
export function longestTaskFrom(events: TraceEvent[], origin: string): number {
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const ours = events.filter((e) => e.ph === 'X' && onMain(e) && scriptUrl(e).startsWith(origin));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e) && e.dur !== undefined);
  let longest = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const runsOurs = ours.some((o) => o.pid === task.pid && o.tid === task.tid && o.ts >= task.ts && o.ts <= end);
    if (runsOurs) longest = Math.max(longest, task.dur! / 1000);
  }
  return longest;
}
