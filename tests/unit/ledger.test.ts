import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HhError, notSent } from '../../lib/hh/errors';
import type { Gateway } from '../../lib/hh/gateway';
import type { ApplyRequest, ApplyResult } from '../../lib/hh/model';
import { draftsItem, ledgerItem, type LedgerEntry } from '../../lib/store';

const gateway = {
  kind: 'site',
  apply: vi.fn<Gateway['apply']>(),
  negotiations: vi.fn<Gateway['negotiations']>(),
  application: vi.fn<Gateway['application']>(),
};
vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async () => gateway as unknown as Gateway,
}));

const { appliedLast24h, settleInterrupted } = await import('../../lib/background/ledger');
const { applyOnce, recheckApply, SECOND_LOOK_MS } = await import('../../lib/background/vacancy/apply');
const { DAILY_APPLY_CAP } = await import('../../lib/hh/limits');

const PAGE = { internal: false, url: 'https://hh.ru/vacancy/70000001', tabId: 3 };
const APPLY = { vacancyId: '70000001', resumeId: 'hash-1002', letter: 'Здравствуйте!' };

/** What hh.ru "received": every apply that reached the gateway. */
const received = (): ApplyRequest[] => gateway.apply.mock.calls.map(([req]) => req);

beforeEach(() => {
  fakeBrowser.reset();
  gateway.apply.mockReset();
  gateway.negotiations.mockReset();
  gateway.application.mockReset();
  vi.useRealTimers();
});

describe('looking again at an unclear application', () => {
  async function unclear() {
    gateway.apply.mockResolvedValueOnce({ kind: 'uncertain', detail: 'cut' });
    return applyOnce(APPLY, PAGE);
  }

  it('finds it on hh.ru: done, and nothing is sent again', async () => {
    await unclear();
    gateway.application.mockResolvedValueOnce({ applied: true, negotiationId: '4100000042' });
    expect(await recheckApply({ vacancyId: '70000001' }, PAGE)).toMatchObject({ state: 'done', negotiationId: '4100000042' });
    expect(gateway.application).toHaveBeenCalledWith('70000001', { origin: 'https://hh.ru', state: null, build: null });
    expect(received()).toHaveLength(1);
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ state: 'done' });
    expect(received()).toHaveLength(1);
  });

  it('asks hh.ru about this vacancy, never the capped list of all applications', async () => {
    await unclear();
    // The list lags right after a POST and is capped: it would say "none" here.
    gateway.negotiations.mockResolvedValue([{ id: '1', state: 'invitation', vacancyId: '70000002' }]);
    gateway.application.mockResolvedValueOnce({ applied: true, negotiationId: null });
    expect(await recheckApply({ vacancyId: '70000001' }, PAGE)).toMatchObject({ state: 'done' });
    expect(gateway.negotiations).not.toHaveBeenCalled();
  });

  it('hh.ru shows none once: not yet; shows none again a minute later: the user may send again by hand', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await unclear();
    gateway.application.mockResolvedValue({ applied: false });

    // Right after the POST hh.ru may not show it yet: one "no" is not enough.
    const first = await recheckApply({ vacancyId: '70000001' }, PAGE);
    expect(first).toMatchObject({ state: 'uncertain', notSeenAt: Date.now(), error: { kind: 'uncertain', value: 'not-shown-yet' } });
    expect(first.error?.ru).toContain('Проверьте ещё раз через минуту');
    expect(first.error?.en).toContain('Check again in a minute');
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ id: first.id, state: 'uncertain' });

    // A second "no" too soon after the first changes nothing, and keeps the first one's time.
    vi.setSystemTime(Date.now() + SECOND_LOOK_MS - 1000);
    expect(await recheckApply({ vacancyId: '70000001' }, PAGE)).toMatchObject({ state: 'uncertain', notSeenAt: first.notSeenAt });
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ id: first.id, state: 'uncertain' });
    expect(received()).toHaveLength(1);

    // A "no" a minute after the first: hh.ru has none; the person may send again.
    vi.setSystemTime(first.notSeenAt! + SECOND_LOOK_MS);
    expect(await recheckApply({ vacancyId: '70000001' }, PAGE)).toMatchObject({ state: 'failed', error: { kind: 'not_found', value: 'not-on-hh' } });
    expect(received()).toHaveLength(1);
    gateway.apply.mockResolvedValueOnce({ kind: 'sent', negotiationId: '2' });
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ state: 'done' });
    expect(received()).toHaveLength(2);
  });

  it('a "no" then a "yes": done, nothing to send', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await unclear();
    gateway.application.mockResolvedValueOnce({ applied: false });
    await recheckApply({ vacancyId: '70000001' }, PAGE);
    vi.setSystemTime(Date.now() + 2 * SECOND_LOOK_MS);
    gateway.application.mockResolvedValueOnce({ applied: true, negotiationId: '7' });
    expect(await recheckApply({ vacancyId: '70000001' }, PAGE)).toMatchObject({ state: 'done', negotiationId: '7', error: null });
  });

  it('refuses when there is nothing unclear, and when hh.ru cannot be read it changes nothing', async () => {
    await expect(recheckApply({ vacancyId: '70000001' }, PAGE)).rejects.toMatchObject({ kind: 'not_found' });
    await unclear();
    gateway.application.mockRejectedValueOnce(new HhError('network'));
    await expect(recheckApply({ vacancyId: '70000001' }, PAGE)).rejects.toMatchObject({ kind: 'network' });
    expect(await ledgerItem.getValue()).toMatchObject([{ state: 'uncertain' }]);
    expect((await ledgerItem.getValue())[0]?.notSeenAt).toBeUndefined();
  });
});

describe('applying from the vacancy panel, exactly once', () => {
  it('records the application before sending it, then marks it done with the conversation and drops the draft', async () => {
    await draftsItem.setValue({ '70000001': { text: 'Здравствуйте!', updatedAt: 1 }, '70000002': { text: 'другое', updatedAt: 1 } });
    let seenWhileSending: LedgerEntry[] = [];
    gateway.apply.mockImplementation(async () => {
      seenWhileSending = await ledgerItem.getValue();
      return { kind: 'sent', negotiationId: '4100000009', chatUrl: 'https://hh.ru/chat/5100000009' };
    });

    const entry = await applyOnce(APPLY, PAGE);

    expect(received()).toEqual([{ vacancyId: '70000001', resumeId: 'hash-1002', letter: 'Здравствуйте!' }]);
    expect(seenWhileSending).toMatchObject([{ action: 'apply', target: '70000001', state: 'pending', resumeId: 'hash-1002' }]);
    expect(entry).toMatchObject({ state: 'done', negotiationId: '4100000009', chatUrl: 'https://hh.ru/chat/5100000009', gateway: 'site' });
    expect(await ledgerItem.getValue()).toEqual([entry]);
    expect(Object.keys(await draftsItem.getValue())).toEqual(['70000002']);
  });

  it('a double click (or a second tab) while sending sends one application and both get the same answer', async () => {
    let release!: (r: ApplyResult) => void;
    gateway.apply.mockImplementation(() => new Promise((r) => (release = r)));

    const first = applyOnce(APPLY, PAGE);
    const second = applyOnce(APPLY, { ...PAGE, tabId: 4 });
    const secondEntry = await second;
    expect(secondEntry.state).toBe('pending');
    await vi.waitFor(() => expect(gateway.apply).toHaveBeenCalled());
    release({ kind: 'sent', negotiationId: '1' });
    const firstEntry = await first;

    expect(received()).toHaveLength(1);
    expect(secondEntry.id).toBe(firstEntry.id);
    expect(firstEntry.state).toBe('done');
  });

  it('after a sent application, another click returns it and sends nothing', async () => {
    gateway.apply.mockResolvedValue({ kind: 'sent', negotiationId: '1' });
    const sent = await applyOnce(APPLY, PAGE);
    const again = await applyOnce({ ...APPLY, resumeId: 'hash-1001' }, PAGE);
    expect(again).toEqual(sent);
    expect(received()).toHaveLength(1);
  });

  it('a connection cut after sending leaves it "may have been sent" and it is never resent', async () => {
    gateway.apply.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const entry = await applyOnce(APPLY, PAGE);
    expect(entry.state).toBe('uncertain');
    expect(entry.error?.kind).toBe('uncertain');
    expect(entry.error?.ru).toContain('Возможно, отправлено');

    const retry = await applyOnce(APPLY, PAGE);
    expect(retry.id).toBe(entry.id);
    expect(received()).toHaveLength(1);
  });

  it('a failure before anything left the browser (offline, preflight, tab) is "not sent": the person may send again', async () => {
    gateway.apply.mockRejectedValueOnce(notSent(new HhError('network', { value: 'hh.ru tab did not load' })));
    const entry = await applyOnce(APPLY, PAGE);
    expect(entry).toMatchObject({ state: 'failed', error: { kind: 'network', notSent: true } });
    expect(entry.error?.ru).toMatch(/^Ничего не отправлено\. Нет связи с hh\.ru/);
    expect(entry.error?.en).toMatch(/^Nothing was sent\./);

    gateway.apply.mockResolvedValueOnce({ kind: 'sent', negotiationId: '2' });
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ state: 'done' });
    expect(received()).toHaveLength(2);
  });

  it('keeps the letter as the draft from before the POST until hh.ru confirms it', async () => {
    let draftWhileSending: unknown = null;
    gateway.apply.mockImplementationOnce(async () => {
      draftWhileSending = (await draftsItem.getValue())['70000001'];
      throw new TypeError('Failed to fetch');
    });
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ state: 'uncertain' });
    expect(draftWhileSending).toMatchObject({ text: 'Здравствуйте!', resumeId: 'hash-1002' });
    // Unclear is not confirmed: the letter stays.
    expect((await draftsItem.getValue())['70000001']).toMatchObject({ text: 'Здравствуйте!' });

    gateway.apply.mockRejectedValueOnce(new HhError('letter_too_long'));
    await applyOnce({ ...APPLY, vacancyId: '70000002', letter: 'Длинное письмо' }, { ...PAGE, url: 'https://hh.ru/vacancy/70000002' });
    expect((await draftsItem.getValue())['70000002']).toMatchObject({ text: 'Длинное письмо' });
  });

  it('an answer hh.ru gives in an unknown shape is uncertain too', async () => {
    gateway.apply.mockResolvedValueOnce({ kind: 'uncertain', detail: '200 text/html' });
    expect(await applyOnce(APPLY, PAGE)).toMatchObject({ state: 'uncertain', error: { kind: 'uncertain', value: '200 text/html' } });
    gateway.apply.mockRejectedValueOnce(new HhError('invalid_response'));
    expect(await applyOnce({ ...APPLY, vacancyId: '70000002' }, { ...PAGE, url: 'https://hh.ru/vacancy/70000002' })).toMatchObject({
      state: 'uncertain',
    });
  });

  it('a refusal (letter required) is recorded as failed and the user may send again after writing a letter', async () => {
    gateway.apply.mockRejectedValueOnce(new HhError('letter_required', { value: 'letter-required' }));
    const refused = await applyOnce({ ...APPLY, letter: '' }, PAGE);
    expect(refused).toMatchObject({ state: 'failed', error: { kind: 'letter_required' } });
    expect(refused.error?.ru).toBe('Для этой вакансии нужно сопроводительное письмо.');

    gateway.apply.mockResolvedValueOnce({ kind: 'sent', negotiationId: '2' });
    const sent = await applyOnce(APPLY, PAGE);
    expect(sent.state).toBe('done');
    expect(received().map((r) => r.letter)).toEqual(['', 'Здравствуйте!']);
    expect((await ledgerItem.getValue()).map((e) => e.state)).toEqual(['failed', 'done']);
  });

  it('a direct vacancy (apply on the employer’s site) is a refusal with the link', async () => {
    gateway.apply.mockResolvedValueOnce({ kind: 'redirect', url: 'https://jobs.example/apply' });
    const entry = await applyOnce(APPLY, PAGE);
    expect(entry).toMatchObject({ state: 'failed', error: { kind: 'forbidden', value: 'redirect', url: 'https://jobs.example/apply' } });
    expect(entry.error?.en).toContain('employer’s own site');
  });

  it('the daily limit refusal says when it lifts, from our own ledger', async () => {
    const day = 24 * 3_600_000;
    const oldest = Date.now() - 20 * 3_600_000;
    await ledgerItem.setValue([
      { id: 'old', action: 'apply', target: '1', state: 'done', at: Date.now() - 2 * day, updatedAt: 0 },
      { id: 'a', action: 'apply', target: '2', state: 'done', at: oldest, updatedAt: 0 },
      { id: 'b', action: 'apply', target: '3', state: 'done', at: oldest + 1000, updatedAt: 0 },
    ]);
    gateway.apply.mockRejectedValueOnce(new HhError('limit', { value: 'negotiations-limit-exceeded' }));
    const entry = await applyOnce(APPLY, PAGE);
    expect(entry).toMatchObject({ state: 'failed', error: { kind: 'limit', retryAt: oldest + day } });
  });

  it('the daily limit refusal is settled even when the ledger cannot be read for its time: nothing stays in flight', async () => {
    gateway.apply.mockImplementationOnce(async () => {
      // The read for "when does the limit lift" fails (storage); the write after it works.
      vi.spyOn(ledgerItem, 'getValue').mockRejectedValueOnce(new Error('QuotaExceededError'));
      throw new HhError('limit', { value: 'negotiations-limit-exceeded' });
    });
    const entry = await applyOnce(APPLY, PAGE);
    expect(entry).toMatchObject({ state: 'failed', error: { kind: 'limit' } });
    expect(await ledgerItem.getValue()).toMatchObject([{ id: entry.id, state: 'failed' }]);
    // Not left in this worker's in-flight set (a Firefox background page never restarts to clear it).
    await ledgerItem.setValue([{ ...entry, state: 'pending' }]);
    expect(await settleInterrupted()).toBe(1);
  });

  it('a content script cannot apply to a vacancy its page is not showing, and nothing is recorded', async () => {
    await expect(applyOnce(APPLY, { ...PAGE, url: 'https://hh.ru/vacancy/70000002' })).rejects.toMatchObject({
      info: { kind: 'forbidden', value: 'vacancy-not-on-page' },
    });
    await expect(applyOnce(APPLY, { ...PAGE, url: 'https://evil.example/vacancy/70000001' })).rejects.toBeInstanceOf(HhError);
    expect(received()).toEqual([]);
    expect(await ledgerItem.getValue()).toEqual([]);
  });

  it('hands the gateway the page hint with the sender page’s own origin, whatever the message claims', async () => {
    gateway.apply.mockResolvedValueOnce({ kind: 'sent' });
    await applyOnce(
      { ...APPLY, hint: { origin: 'https://hh.ru.evil.example', state: '{"x":1}', build: '26.37.2.1' } },
      { ...PAGE, url: 'https://spb.hh.ru/vacancy/70000001?from=search' },
    );
    expect(gateway.apply.mock.calls[0]?.[1]).toEqual({ origin: 'https://spb.hh.ru', state: '{"x":1}', build: '26.37.2.1' });
  });
});

describe('after the worker died mid-apply', () => {
  it('turns the pending application (and raise) into "may have been sent" and never sends it again', async () => {
    await ledgerItem.setValue([
      { id: 'p', action: 'apply', target: '70000001', resumeId: 'hash-1002', state: 'pending', at: Date.now(), updatedAt: Date.now() },
      { id: 'r', action: 'raise', target: '1001', state: 'pending', at: Date.now(), updatedAt: Date.now() },
    ]);
    expect(await settleInterrupted()).toBe(2);
    const [apply, raise] = await ledgerItem.getValue();
    expect(apply).toMatchObject({ state: 'uncertain', error: { kind: 'uncertain', value: 'interrupted' } });
    expect(raise).toMatchObject({ state: 'uncertain', error: { kind: 'uncertain', value: 'interrupted' } });

    expect((await applyOnce(APPLY, PAGE)).id).toBe('p');
    expect(received()).toEqual([]);
  });

  it('leaves alone an application this worker is still sending', async () => {
    let release!: (r: ApplyResult) => void;
    gateway.apply.mockImplementation(() => new Promise((r) => (release = r)));
    const sending = applyOnce(APPLY, PAGE);
    await vi.waitFor(() => expect(gateway.apply).toHaveBeenCalled());
    expect(await settleInterrupted()).toBe(0);
    release({ kind: 'sent' });
    expect((await sending).state).toBe('done');
  });
});

describe('the rolling 24-hour count', () => {
  it('counts what may have reached hh.ru in the last day, not refusals or older ones', async () => {
    const now = Date.now();
    const hour = 3_600_000;
    const e = (id: string, state: LedgerEntry['state'], ago: number, action: LedgerEntry['action'] = 'apply'): LedgerEntry => ({
      id,
      action,
      target: id,
      state,
      at: now - ago,
      updatedAt: now,
    });
    await ledgerItem.setValue([
      e('1', 'done', 25 * hour),
      e('2', 'done', 23 * hour),
      e('3', 'uncertain', 2 * hour),
      e('4', 'failed', hour),
      e('5', 'pending', 0),
      e('6', 'done', hour, 'raise'),
    ]);
    expect(await appliedLast24h(now)).toBe(3);
    expect(DAILY_APPLY_CAP).toBe(200);
  });

  it('keeps the ledger bounded', async () => {
    const old: LedgerEntry[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `o${i}`,
      action: 'apply',
      target: String(i),
      state: 'failed',
      at: i,
      updatedAt: i,
    }));
    await ledgerItem.setValue(old);
    gateway.apply.mockResolvedValueOnce({ kind: 'sent' });
    await applyOnce(APPLY, PAGE);
    const kept = await ledgerItem.getValue();
    expect(kept).toHaveLength(1000);
    expect(kept[0]?.id).toBe('o1');
    expect(kept.at(-1)).toMatchObject({ target: '70000001', state: 'done' });
  });
});
