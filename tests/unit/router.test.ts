import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classifySender, route, type Handlers } from '../../lib/background/router';
import { PROTOCOL } from '../../lib/messages';

const OWN = 'mlmfmijdoifemilgnkcpapbabjlkldgo';
const ORIGIN = `chrome-extension://${OWN}/`;

function handlers(): Handlers {
  const h = new Proxy({} as Record<string, unknown>, {
    get: (t, k: string) => (t[k] ??= vi.fn(async () => ({ handled: k }))),
  });
  return h as unknown as Handlers;
}

describe('who may talk to the background', () => {
  it('accepts our own popup and options pages as internal', () => {
    expect(classifySender({ id: OWN, url: `${ORIGIN}popup.html` }, OWN, ORIGIN)).toEqual({
      internal: true,
      url: `${ORIGIN}popup.html`,
      tabId: undefined,
    });
  });

  it('accepts our options page opened in a tab as internal', () => {
    const info = classifySender({ id: OWN, url: `${ORIGIN}options.html`, tab: { id: 4 } as never }, OWN, ORIGIN);
    expect(info).toMatchObject({ internal: true, tabId: 4 });
  });

  it('accepts our content script on an hh page, but not as internal', () => {
    const info = classifySender({ id: OWN, url: 'https://spb.hh.ru/vacancy/1', tab: { id: 7 } as never }, OWN, ORIGIN);
    expect(info).toMatchObject({ internal: false, tabId: 7 });
  });

  it('ignores other extensions and our scripts on pages that are not hh sites', () => {
    expect(classifySender({ id: 'someone-else', url: `${ORIGIN}popup.html` }, OWN, ORIGIN)).toBeNull();
    expect(classifySender({ id: OWN, url: 'https://evil.example/vacancy/1', tab: { id: 1 } as never }, OWN, ORIGIN)).toBeNull();
    expect(classifySender({ id: OWN, url: 'http://hh.ru/vacancy/1', tab: { id: 1 } as never }, OWN, ORIGIN)).toBeNull();
    expect(classifySender({ id: OWN, url: 'https://hh.ru.evil.example/', tab: { id: 1 } as never }, OWN, ORIGIN)).toBeNull();
  });
});

describe('routing', () => {
  const content = { internal: false, url: 'https://hh.ru/vacancy/1', tabId: 3 };
  const page = { internal: true, url: `${ORIGIN}popup.html`, tabId: undefined };

  it('refuses messages a content script must not send (sign-in, raise, views)', async () => {
    const h = handlers();
    for (const name of ['signIn', 'signOut', 'raise', 'views', 'refresh']) {
      const reply = await route({ otklik: 1, name, payload: { resumeId: 'x', page: 0 } }, content, h);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect((h as unknown as Record<string, ReturnType<typeof vi.fn>>).raise).not.toHaveBeenCalled();
  });

  it('validates payloads before any handler runs', async () => {
    const h = handlers();
    const reply = await route({ otklik: 1, name: 'apply', payload: { vacancyId: '1; drop', resumeId: 'r', letter: '' } }, content, h);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect((h as unknown as Record<string, ReturnType<typeof vi.fn>>).apply).not.toHaveBeenCalled();
  });

  it('ignores unknown message names and foreign envelopes', async () => {
    expect(await route({ otklik: 1, name: 'readTokens', payload: {} }, page, handlers())).toMatchObject({ ok: false });
    // Names every object has through its prototype are not messages either.
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await route({ otklik: 1, name, payload: {} }, page, handlers())).toMatchObject({
        ok: false,
        error: { kind: 'internal', value: 'unknown message' },
      });
    }
    expect(await route({ type: 'status' }, page, handlers())).toMatchObject({ ok: false });
  });

  it('runs the handler and wraps its errors as values', async () => {
    const ok = await route({ otklik: 1, name: 'status', payload: {} }, page, handlers());
    expect(ok).toEqual({ ok: true, data: { handled: 'status' } });
    const failing = { status: async () => Promise.reject(new TypeError('Failed to fetch')) } as unknown as Handlers;
    expect(await route({ otklik: 1, name: 'status', payload: {} }, page, failing)).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
  });
});

describe('what a content script may send', () => {
  it('is exactly what the content scripts (panel, search marks) send, and nothing more', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
      });
    const content = [...files('entrypoints/vacancy'), 'entrypoints/search.ts', ...files('components/panel'), ...files('components/search')];
    const sent = new Set(content.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bsend\('(\w+)'/g)].map((m) => m[1]!)));
    const allowed = Object.entries(PROTOCOL)
      .filter(([, spec]) => spec.content)
      .map(([name]) => name);
    expect(sent.size).toBeGreaterThan(3);
    expect([...sent].sort()).toEqual(allowed.sort());
  });
});
