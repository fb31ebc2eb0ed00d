/**
 * Figure 5: auto-raise precision, on the sandbox clock. For each of 20 timers (half through the
 * API, half through the hh.ru session) the resume's next raise window is set (patchResume
 * nextPublishAt), the extension refreshes and plans its alarm, the sandbox clock is moved to the
 * alarm's time and the alarm fired through the e2e hook (as Chrome would, minus Chrome's own alarm
 * delay). What hh.ru recorded gives the delay after the window opened; its request log, the raise
 * requests that came too early.
 */
import type { Figure, Measures } from '../figure';
import type { Bench, BenchBrowser } from '../harness';

const TIMERS = 20;
/** Raise requests of every kind: API publish, site touch (A), profile touch (B), hh's button (C). */
const RAISE_PATH = /\/publish$|\/resumes?\/touch$|\/resumes\/raise$/;
/** Attempts per timer: an alarm planned before the window is re-planned by the extension. */
const ALARMS_PER_TIMER = 3;

type Gateway = 'api' | 'site';

interface SandboxDump {
  now: number;
  raises: { resumeId: string; at: number }[];
  resumes: { id: string; hash: string; status: string; nextPublishAt: number }[];
}

/** Spreads the windows over minutes to hours after the previous one, the same way each run. */
const offset = (i: number) => 30_000 + ((i * 2_654_435_761) % 7_200_000);

async function timers(bench: Bench, b: BenchBrowser, gateway: Gateway, count: number): Promise<{ delays: number[]; early: number }> {
  await b.hook('patchSettings', { gateway });
  const snapshot = await b.hook<{ resumes: { id: string; hash?: string | null; status: string }[] }>('refresh');
  const dump = (await bench.sandbox.state()) as unknown as SandboxDump;
  const target = dump.resumes.find((r) => r.status === 'published');
  // The snapshot names a resume by the id its gateway uses (the API's hash, the site's number).
  const ours = snapshot.resumes.find((r) => r.id === target?.id || r.id === target?.hash || r.hash === target?.hash);
  if (!target || !ours) throw new Error(`${gateway}: no published resume to raise`);
  const alarmName = `raise:${ours.id}`;
  await b.hook('patchSettings', { autoRaise: { [ours.id]: true } });

  const delays: number[] = [];
  let early = 0;
  for (let i = 0; i < count; i++) {
    const before = (await bench.sandbox.state()) as unknown as SandboxDump;
    const current = before.resumes.find((r) => r.id === target.id)!;
    const window = Math.max(before.now, current.nextPublishAt) + offset(i);
    await bench.sandbox.patchResume({ id: target.id, nextPublishAt: window });
    await b.hook('refresh');
    let raisedAt: number | undefined;
    for (let attempt = 0; attempt < ALARMS_PER_TIMER && raisedAt === undefined; attempt++) {
      const alarm = (await b.hook<{ name: string; scheduledTime: number }[]>('alarms')).find((a) => a.name === alarmName);
      if (!alarm) throw new Error(`${gateway} timer ${i}: no alarm ${alarmName} after the refresh`);
      await bench.sandbox.clock({ now: Math.max(alarm.scheduledTime, (await bench.sandbox.clock({})).now) });
      await bench.sandbox.clearLog();
      const raisesBefore = ((await bench.sandbox.state()) as unknown as SandboxDump).raises.length;
      await b.hook('fireAlarm', alarmName);
      const requests = (await bench.sandbox.log({ method: 'POST' })).filter((e) => RAISE_PATH.test(e.path));
      early += requests.filter((e) => e.t < window || e.status === 409 || e.status === 429).length;
      const raised = ((await bench.sandbox.state()) as unknown as SandboxDump).raises.slice(raisesBefore);
      raisedAt = raised.find((r) => r.resumeId === target.id)?.at;
    }
    if (raisedAt === undefined) throw new Error(`${gateway} timer ${i}: not raised after ${ALARMS_PER_TIMER} alarms`);
    early += raisedAt < window ? 1 : 0;
    delays.push((raisedAt - window) / 1000);
  }
  return { delays, early };
}

const GATEWAYS: { key: Gateway; label: string }[] = [
  { key: 'api', label: 'API' },
  { key: 'site', label: 'hh.ru session' },
];

export const raiseFigure: Figure = {
  id: 'raise',
  title: 'Auto-raise',
  rows: [
    ...GATEWAYS.map(({ key, label }) => ({
      key,
      name: `raise after the window opened, ${label} (${TIMERS / 2} timers)`,
      unit: 's',
      budget: 'raiseDelayS' as const,
      about: `hh.ru's time of the raise minus the resume's next_publish_at, ${TIMERS / 2} timers through the ${label} (sandbox clock; alarms fired at their planned time, Chrome's own alarm delay not included)`,
    })),
    {
      key: 'early',
      name: `raises before the window (${TIMERS} timers)`,
      unit: 'count',
      budget: 'raiseEarly',
      about: 'raise requests hh.ru received before next_publish_at, or answered "too early", over all timers',
    },
  ],
  async run(bench): Promise<Measures> {
    const b = await bench.launch({ extension: true });
    await b.loginSite();
    await b.connectApi();
    const count = bench.opts.smoke ? 2 : TIMERS / GATEWAYS.length;
    const out: Measures = {};
    let early = 0;
    for (const { key } of GATEWAYS) {
      try {
        const r = await timers(bench, b, key, count);
        out[key] = { value: r.delays, ...(bench.opts.smoke ? { note: `${count} timers (smoke)` } : {}) };
        early += r.early;
      } catch (e) {
        out[key] = { na: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
      }
    }
    out['early'] = { value: [early] };
    return out;
  },
};
