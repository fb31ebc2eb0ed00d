/**
 * The network as the HTTP client meets it: answers that never come, a browser that holds back
 * requests after a run of 5xx, failures that are ours rather than the network's. Each ends as an
 * error a person can act on, after a bounded number of tries.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from '../../lib/zod';
import { createHttp, RETRY, type HttpDeps } from '../../lib/hh/http';
import { toErrorInfo } from '../../lib/hh/errors';
import { wipeUserData } from '../../lib/store';
import { failure } from './failure';

const API = 'https://api.hh.ru/resumes/mine?host=hh.ru';
const Anything = z.unknown();


/** hh answers in turn from `script`; time is a number the test moves. */
function world(script: Array<'503' | 'ok' | 'unreachable' | 'silent'>) {
  let now = Date.UTC(2026, 10, 25, 12, 0, 0);
  const asked: string[] = [];
  const sleeps: number[] = [];
  const fetch: HttpDeps['fetch'] = (input, init) => {
    asked.push(String(input));
    const step = script.length > 1 ? script.shift()! : script[0]!;
    if (step === '503') return Promise.resolve(new Response('<html>503</html>', { status: 503 }));
    if (step === 'ok') return Promise.resolve(Response.json({ items: [] }));
    if (step === 'unreachable') return Promise.reject(new TypeError('Failed to fetch'));
    // Silent: no answer at all until the client gives up.
    return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  };
  const http = createHttp({
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 1,
    now: () => now,
  });
  return { http, asked, sleeps, pass: (ms: number) => (now += ms) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeUserData();
});

describe('hh.ru does not answer at all', () => {
  it('gives up on each try after its timeout and says there is no connection, after 3 tries', async () => {
    const w = world(['silent']);
    const info = await failure(w.http.request({ url: API, read: Anything, timeoutMs: 20 }));
    expect(info).toMatchObject({ kind: 'network', value: 'timeout' });
    expect(w.asked).toHaveLength(RETRY.attempts);
  });

  it('waits longer between tries, never beyond the cap', async () => {
    const w = world(['503']);
    await failure(w.http.request({ url: API, read: Anything, attempts: 7 }));
    expect(w.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(Math.max(...w.sleeps)).toBe(RETRY.capMs);
  });
});

describe('Chrome holds back requests to a URL that kept answering 5xx (its anti-DDoS throttling)', () => {
  it('reports the held-back request as hh.ru failing, not as Anna’s network', async () => {
    const w = world(['503', '503', '503', 'unreachable']);
    expect((await failure(w.http.request({ url: API, read: Anything }))).kind).toBe('server');
    const info = await failure(w.http.request({ url: API, read: Anything, attempts: 1 }));
    expect(info.kind).toBe('server');
    expect(info.ru).toBe('hh.ru сейчас отвечает с ошибкой. Попробуйте через несколько минут.');
  });

  it('only for that URL, and only for a while: later, or elsewhere, a failed fetch is the network', async () => {
    const w = world(['503', 'unreachable']);
    await failure(w.http.request({ url: API, read: Anything, attempts: 1 }));
    expect((await failure(w.http.request({ url: 'https://api.hh.ru/me', read: Anything, attempts: 1 }))).kind).toBe('network');
    w.pass(11 * 60_000);
    expect((await failure(w.http.request({ url: API, read: Anything, attempts: 1 }))).kind).toBe('network');
  });

  it('forgets the failures once hh.ru answers again', async () => {
    const w = world(['503', 'ok', 'unreachable']);
    await failure(w.http.request({ url: API, read: Anything, attempts: 1 }));
    await w.http.request({ url: API, read: Anything });
    expect((await failure(w.http.request({ url: API, read: Anything, attempts: 1 }))).kind).toBe('network');
  });
});

describe('a failure of our own is not the network', () => {
  it('calls a failed fetch a lost connection, and a bug of ours an internal error', () => {
    expect(toErrorInfo(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toErrorInfo(new TypeError('NetworkError when attempting to fetch resource.')).kind).toBe('network');
    const bug = toErrorInfo(new TypeError('i.map is not a function'));
    expect(bug).toMatchObject({ kind: 'internal', value: 'i.map is not a function' });
    expect(bug.ru).not.toContain('Проверьте интернет');
  });
});
