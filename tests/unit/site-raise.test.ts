import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HhError } from '../../lib/hh/errors';
import { createSiteGateway } from '../../lib/hh/site/gateway';
import { siteMemory } from '../../lib/background/hh-client';
import type { RaiseVariant } from '../../lib/hh/site/raise';
import type { ButtonOutcome, PageAnswer, PageCall } from '../../lib/hh/site/tab';
import { pauseItem, siteFactsItem } from '../../lib/store';
import { BUILD, HASH_1001, HASH_1003, NOW, fakeHh, fakePage, fieldsOf, fixture, pageHtmlAnswer, pageJson } from './site-fake-hh';
import { failure } from './failure';
import { withGateway } from '../../lib/background/gateways';


const FOUR_HOURS = 4 * 3_600_000;
const PROFILE_FRONT = 'https://resume-profile-front.hh.ru/profile/shards/resume/touch';

function variantOf(call: PageCall): RaiseVariant {
  return call.url === PROFILE_FRONT ? 'profile' : 'touch';
}

/**
 * hh.ru that accepts one raise form now (`accepts`); the others answer 404. A raise moves
 * nextTouchAt of resume 1001 four hours on; `early` plays a resume still cooling down.
 */
function world(
  accepts: RaiseVariant | 'none',
  opts: { early?: boolean; answer?: (c: PageCall) => PageAnswer | null; loseAnswer?: boolean; failInFlight?: boolean } = {},
) {
  const state = fixture('resumes-page.json');
  const r1001 = state.applicantResumes[0]._attributes;
  if (opts.early) Object.assign(r1001, { canTouch: false, nextTouchAt: NOW + 3_600_000 });
  const raised = () => Object.assign(r1001, { canTouch: false, nextTouchAt: NOW + FOUR_HOURS });
  const hh = fakeHh({ pages: { '/applicant/resumes': () => state } });
  const page = fakePage(
    (call) => {
      const special = opts.answer?.(call);
      if (special) return special;
      if (variantOf(call) !== accepts) return pageHtmlAnswer(404);
      raised();
      if (opts.loseAnswer) throw new HhError('network', { value: 'connection cut after the raise' });
      // The page's fetch rejected after hh.ru took the raise (site/tab.ts answers status 0).
      if (opts.failInFlight) return { status: 0, contentType: '', text: '', retryAfter: null, error: 'TypeError: Failed to fetch' };
      return pageJson(200, {});
    },
    (): ButtonOutcome => {
      if (accepts !== 'button') return 'no_button';
      raised();
      return 'clicked';
    },
  );
  const settles: number[] = [];
  const g = createSiteGateway({
    site: 'hh.ru',
    http: hh.http,
    memory: siteMemory,
    page: page.page,
    now: () => NOW,
    settle: async (ms) => void settles.push(ms),
  });
  return { g, hh, calls: page.calls, presses: page.presses, settles, state };
}

const remembered = async () => (await siteFactsItem.getValue()).raiseVariant ?? null;

beforeEach(async () => {
  fakeBrowser.reset();
  await siteFactsItem.setValue({ build: BUILD });
});

describe('raise now', () => {
  it('a raise whose answer was lost is found by re-reading, and no other form is tried', async () => {
    const { g, calls } = world('touch', { loseAnswer: true });
    const after = await g.raise(HASH_1001);
    expect(after).toMatchObject({ id: HASH_1001, nextRaiseAt: NOW + FOUR_HOURS });
    expect(calls).toHaveLength(1);
    expect(await remembered()).toBe('touch');
  });

  it('an in-page fetch that failed after hh.ru took the raise is re-read first, and no other form is tried', async () => {
    const { g, calls } = world('touch', { failInFlight: true });
    const after = await g.raise(HASH_1001);
    expect(after).toMatchObject({ id: HASH_1001, nextRaiseAt: NOW + FOUR_HOURS });
    expect(calls).toHaveLength(1);
    expect(await remembered()).toBe('touch');
  });

  it('hh.ru takes form A: one touch POST with the hash, confirmed by the new nextTouchAt, and remembered', async () => {
    const { g, calls } = world('touch');
    const after = await g.raise(HASH_1001);
    expect(after).toMatchObject({ id: HASH_1001, nextRaiseAt: NOW + FOUR_HOURS });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.call.url).toBe('/applicant/resumes/touch');
    expect(fieldsOf(calls[0]!.call)).toEqual({ resume: HASH_1001, undirectable: 'true' });
    expect(await remembered()).toBe('touch');
  });

  it('hh.ru switched to form B: A answers 404, B raises, and B is tried first next time', async () => {
    const { g, calls } = world('profile');
    await g.raise(HASH_1001);
    expect(calls.map((c) => variantOf(c.call))).toEqual(['touch', 'profile']);
    expect(calls[1]!.call.body).toEqual({ type: 'json', value: { hash: HASH_1001 } });
    expect(calls[1]!.call.referrerPath).toBe('/applicant/profile/me');
    expect(await remembered()).toBe('profile');

    // hh.ru's own number names the same resume.
    const next = world('profile');
    await next.g.raise('1001');
    expect(next.calls.map((c) => variantOf(c.call))).toEqual(['profile']);
  });

  it('only hh’s own button works: it is pressed after both forms fail', async () => {
    const { g, calls, presses } = world('button');
    const after = await g.raise(HASH_1001);
    expect(after.nextRaiseAt).toBe(NOW + FOUR_HOURS);
    expect(calls).toHaveLength(2);
    expect(presses).toEqual([HASH_1001]);
    expect(await remembered()).toBe('button');
  });

  it('a form that answers 200 but moves nothing does not count: the next one is tried', async () => {
    const { g, calls } = world('profile', {
      answer: (c) => (variantOf(c) === 'touch' ? pageJson(200, {}) : null),
    });
    await g.raise(HASH_1001);
    expect(calls.map((c) => variantOf(c.call))).toEqual(['touch', 'profile']);
    expect(await remembered()).toBe('profile');
  });

  it('409 means too early: the user gets hh’s own next time, re-read from the resume', async () => {
    const { g, state } = world('touch', {
      answer: () => {
        state.applicantResumes[0]._attributes.nextTouchAt = NOW + 42 * 60_000;
        return pageJson(409, { error: 'resume-touch-too-early' });
      },
    });
    const info = await failure(g.raise(HASH_1001));
    expect(info).toMatchObject({ kind: 'too_early', retryAt: NOW + 42 * 60_000 });
  });

  it('a resume still cooling down is not sent at all', async () => {
    const { g, calls, presses } = world('touch', { early: true });
    expect(await failure(g.raise(HASH_1001))).toMatchObject({ kind: 'too_early', retryAt: NOW + 3_600_000 });
    expect(calls).toHaveLength(0);
    expect(presses).toHaveLength(0);
  });

  it('when nothing works the user is told to press «Поднять» on hh.ru, with the link', async () => {
    const { g, calls, presses } = world('none');
    const info = await failure(g.raise(HASH_1001));
    expect(info).toMatchObject({ kind: 'invalid_response', url: 'https://hh.ru/applicant/resumes' });
    expect(info.ru).toContain('Поднять');
    expect(calls).toHaveLength(2);
    expect(presses).toHaveLength(1);
    expect(await remembered()).toBeNull();
  });

  it('a captcha answer stops everything: no other form is tried and automatic work pauses', async () => {
    const { g, calls } = world('profile', {
      answer: () => pageJson(403, { error: 'captcha', hhcaptcha: { isBot: true } }),
    });
    expect((await failure(withGateway(() => g.raise(HASH_1001)))).kind).toBe('captcha');
    expect(calls).toHaveLength(1);
    expect((await pauseItem.getValue())?.reason.kind).toBe('captcha');
  });

  it('an unpublished resume cannot be raised', async () => {
    const { g, calls } = world('touch');
    expect((await failure(g.raise(HASH_1003))).kind).toBe('forbidden');
    expect(calls).toHaveLength(0);
  });
});
