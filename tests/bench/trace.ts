/**
 * "The longest task our scripts cause" and all our script time in a load, from a Chromium trace:
 * within each top-level task of the page's main thread (RunTask), the time spent in code of an
 * extension script (a script evaluation, compile or function call whose URL is ours). Tracing
 * slows everything a little (so these are upper bounds), and figures that time whole loads are
 * measured in runs without it. The trace sees what CDP's ScriptDuration does not: code that runs
 * as the continuation of an awaited runtime.sendMessage reply (tests/bench/variants.ts).
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

/**
 * Our code in a trace: per main-thread task (RunTask), the time our code from `origin` ran in it
 * (its script events, overlaps merged); `longest` is the largest of those (0 when none ran) and
 * `total` their sum over the load. Only our
 * part counts: a MutationObserver callback of ours runs inside the page's own task (hh.ru drawing
 * 30 cards, parsing its state), and that task's 100 ms are the page's, not ours (measured on the
 * real-weight search page: tasks of 60-160 ms holding 0.1-1.4 ms of our code).
 */
export function ourScriptFrom(events: TraceEvent[], origin: string): { longest: number; total: number } {
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const ours = events.filter((e) => e.ph === 'X' && onMain(e) && scriptUrl(e).startsWith(origin));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e) && e.dur !== undefined);
  let longest = 0;
  let sum = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const spans = ours
      .filter((o) => o.pid === task.pid && o.tid === task.tid && o.ts >= task.ts && o.ts <= end)
      .map((o) => [o.ts, Math.min(end, o.ts + (o.dur ?? 0))] as const)
      .sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [from, to] = [-1, -1];
    for (const [s, e] of spans) {
      if (s > to) {
        total += to - from;
        [from, to] = [s, e];
      } else to = Math.max(to, e);
    }
    total += to - from;
    longest = Math.max(longest, total / 1000);
    sum += total / 1000;
  }
  return { longest, total: sum };
}
