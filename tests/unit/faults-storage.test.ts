/**
 * Storage fails Anna: full when an application is about to be recorded, full when its outcome is,
 * and the worker gone before the outcome was written. Nothing is sent that the ledger cannot vouch
 * for, an outcome is never lost to a failed write, and what stays unknown is said to be unknown.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Gateway } from '../../lib/hh/gateway';
import { ledgerItem } from '../../lib/store';

const gateway = { kind: 'site', apply: vi.fn<Gateway['apply']>() };
vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async () => gateway as unknown as Gateway,
}));

const { settleInterrupted } = await import('../../lib/background/ledger');
const { applyOnce } = await import('../../lib/background/vacancy/apply');

const PAGE = { internal: false, url: 'https://hh.ru/vacancy/70000001', tabId: 3 };
const APPLY = { vacancyId: '70000001', resumeId: 'hash-1001', letter: 'Здравствуйте! 🙂' };
const storageFull = () => new Error('QUOTA_BYTES quota exceeded');

beforeEach(() => {
  fakeBrowser.reset();
  gateway.apply.mockReset();
  gateway.apply.mockResolvedValue({ kind: 'sent', negotiationId: '4200000001' });
  vi.restoreAllMocks();
});

describe('the ledger cannot be written', () => {
  it('before sending: nothing is sent, and Anna is told so and why', async () => {
    vi.spyOn(ledgerItem, 'setValue').mockRejectedValueOnce(storageFull());

    const refused = await applyOnce(APPLY, PAGE).catch((e: unknown) => e);

    expect(gateway.apply).not.toHaveBeenCalled();
    expect(refused).toMatchObject({ info: { kind: 'internal', value: expect.stringContaining('QUOTA_BYTES') } });
    expect((refused as { info: { ru: string } }).info.ru).toMatch(/^Ничего не отправлено/);
    expect(await ledgerItem.getValue()).toEqual([]);
  });

  it('after sending: she still sees what happened; the stored entry stays pending and the next start calls it unclear', async () => {
    const write = vi.spyOn(ledgerItem, 'setValue');
    write.mockImplementationOnce(async (v) => fakeBrowser.storage.local.set({ ledger: v })).mockRejectedValueOnce(storageFull());

    const entry = await applyOnce(APPLY, PAGE);

    expect(entry).toMatchObject({ state: 'done', negotiationId: '4200000001' });
    expect((await ledgerItem.getValue()).map((e) => e.state)).toEqual(['pending']);
    write.mockRestore();

    expect(await settleInterrupted()).toBe(1);
    expect(await ledgerItem.getValue()).toMatchObject([{ state: 'uncertain', error: { kind: 'uncertain', value: 'interrupted' } }]);
    expect((await applyOnce(APPLY, PAGE)).state).toBe('uncertain');
    expect(gateway.apply).toHaveBeenCalledTimes(1);
  });
});

describe('the worker died mid-raise', () => {
  it('the raise it left pending is "unclear" at the next start, never "pending" forever', async () => {
    const at = Date.now();
    await ledgerItem.setValue([{ id: 'raise-1', action: 'raise', target: 'hash-1001', state: 'pending', at, updatedAt: at }]);
    expect(await settleInterrupted()).toBe(1);
    expect(await ledgerItem.getValue()).toMatchObject([{ action: 'raise', state: 'uncertain' }]);
  });
});
