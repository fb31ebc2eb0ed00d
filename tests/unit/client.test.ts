/** The protocol's sender (lib/reply.ts), over a runtime played by hand. */
import { describe, expect, it } from 'vitest';
import { errorInfoOf, isLost, sender, type Runtime } from '../../lib/reply';

const ERROR = { kind: 'forbidden', ru: 'нельзя', en: 'no' } as const;

describe('sending to the background', () => {
  it('hands back the data of an answer, and a refusal as the background worded it', async () => {
    const answers: unknown[] = [{ ok: true, data: { n: 1 } }, { ok: false, error: ERROR }];
    const sent: unknown[] = [];
    const runtime: Runtime = { id: 'otklik', sendMessage: async (m) => (sent.push(m), answers.shift()) };
    const send = sender(() => runtime);
    await expect(send('status', {})).resolves.toEqual({ n: 1 });
    await expect(send('status', {})).rejects.toMatchObject({ info: ERROR });
    expect(sent).toEqual([{ otklik: 1, name: 'status', payload: {} }, { otklik: 1, name: 'status', payload: {} }]);
  });

  it('an answer that never came may mean it happened: lost', async () => {
    const send = sender(() => ({ id: 'otklik', sendMessage: () => Promise.reject(new Error('The message port closed')) }));
    const info = errorInfoOf(await send('status', {}).catch((e: unknown) => e));
    expect(isLost(info)).toBe(true);
  });

  it('a page left with the Otklik that was reloaded sends nothing and says so: not sent, reload', async () => {
    let called = false;
    // Chrome clears runtime.id in such a page; sendMessage would throw "Extension context invalidated".
    const send = sender(() => ({ sendMessage: async () => ((called = true), { ok: true, data: null }) }));
    const info = errorInfoOf(await send('status', {}).catch((e: unknown) => e));
    expect(called).toBe(false);
    expect(info).toMatchObject({ kind: 'internal', notSent: true });
    expect(info.ru).toContain('перезагрузите страницу');
    expect(isLost(info)).toBe(false);
  });
});
