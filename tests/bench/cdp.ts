/**
 * A small browser-level CDP client over the DevTools WebSocket. Playwright opens CDP sessions on
 * pages only; the service worker's heap and network need a session on the worker's own target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export interface Cdp {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  on(method: string, fn: Listener): () => void;
  /** Attaches to the first target of `type` whose URL starts with `urlPrefix`; returns its session id. */
  attach(type: string, urlPrefix: string): Promise<string>;
  close(): void;
}

/** Chrome writes the port of `--remote-debugging-port=0` into the profile once it listens. */
async function devtoolsUrl(userDataDir: string): Promise<string> {
  const file = join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 200; i++) {
    try {
      const [port, path] = readFileSync(file, 'utf8').split('\n');
      if (port && path) return `ws://127.0.0.1:${port}${path}`;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no DevToolsActivePort in ${userDataDir}`);
}

export async function connectCdp(userDataDir: string): Promise<Cdp> {
  const ws = new WebSocket(await devtoolsUrl(userDataDir));
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('CDP websocket failed')), { once: true });
  });
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  const listeners = new Map<string, Set<Listener>>();
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as {
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: { message: string };
      sessionId?: string;
    };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    for (const fn of listeners.get(msg.method ?? '') ?? []) fn(msg.params ?? {}, msg.sessionId);
  });

  const cdp: Cdp = {
    send(method, params = {}, sessionId) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
        ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    },
    on(method, fn) {
      const set = listeners.get(method) ?? new Set();
      set.add(fn);
      listeners.set(method, set);
      return () => set.delete(fn);
    },
    async attach(type, urlPrefix) {
      const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>(
        'Target.getTargets',
      );
      const target = targetInfos.find((t) => t.type === type && t.url.startsWith(urlPrefix));
      if (!target) throw new Error(`no ${type} target at ${urlPrefix}`);
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: true,
      });
      return sessionId;
    },
    close() {
      ws.close();
    },
  };
  return cdp;
}
