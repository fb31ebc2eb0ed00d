/** Signing out leaves nothing of the person behind: no raise timer fires for them, no cached answer. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { HhError } from '../../lib/hh/errors';
import type { Gateway } from '../../lib/hh/gateway';
import { httpCacheStore, patchSettings, setTokens, snapshotItem } from '../../lib/store';

const signOut = vi.fn(async () => undefined);
vi.mock('../../lib/background/hh-client', () => ({
  auth: { signOut: () => signOut() },
  // After sign-out hh.ru's site session is gone too in this play: no gateway can say who this is.
  gatewayOf: async () =>
    ({ kind: 'site', me: async () => Promise.reject(new HhError('no_session')) }) as unknown as Gateway,
}));

const { signOutAndStatus } = await import('../../lib/background/status');

beforeEach(() => {
  fakeBrowser.reset();
  signOut.mockClear();
});

describe('signing out', () => {
  it('clears every raise timer and the HTTP cache, and keeps the refresh timer', async () => {
    const resume = { id: 'r1', title: 'Frontend', status: 'published' as const, canRaise: false, nextRaiseAt: Date.now() + 3_600_000 };
    await snapshotItem.setValue({ me: { id: '1', firstName: 'Анна', lastName: 'Смирнова' }, resumes: [resume], fetchedAt: Date.now(), source: 'api' });
    await patchSettings({ autoRaise: { r1: true } });
    await setTokens({ accessToken: 'A', refreshToken: 'R', expiresAt: Date.now() + 1e9, site: 'hh.ru' });
    await browser.alarms.create('raise:r1', { when: Date.now() + 3_600_000 });
    await browser.alarms.create('raise:gone', { when: Date.now() + 7_200_000 });
    await browser.alarms.create('refresh', { periodInMinutes: 30 });
    await httpCacheStore.set('api:hh.ru:/resumes/mine', { etag: '"e1"', body: { items: [resume] }, at: Date.now() });

    const status = await signOutAndStatus();

    expect(signOut).toHaveBeenCalledTimes(1);
    expect(status.signedIn).toBe(false);
    const alarms = (await browser.alarms.getAll()).map((a) => a.name);
    expect(alarms.filter((n) => n.startsWith('raise:'))).toEqual([]);
    expect(alarms).toContain('refresh');
    expect(await httpCacheStore.get('api:hh.ru:/resumes/mine')).toBeUndefined();
    expect(await snapshotItem.getValue()).toBeNull();
  });
});
