/**
 * Employers' answers: what the poll tells and what it never tells twice, what it costs in requests,
 * when it does not ask at all, the badge and the inbox. The gateway is a small fake of hh.ru's list
 * (20 a page, newest change first); the store and alarms are WXT's fake browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { Gateway } from '../../lib/hh/gateway';
import type { Negotiation } from '../../lib/hh/model';
import { HhError } from '../../lib/hh/errors';
import { merge, markSeen, unseenCount } from '../../lib/background/applications/diff';
import { pollAnswers, scheduleAnswersPoll, ANSWERS_ALARM, SWEEP_EVERY_MS } from '../../lib/background/applications/poll';
import { inbox, seeAnswers } from '../../lib/background/applications/inbox';
import { noticeText } from '../../lib/background/applications/tell';
import { badgeTitle } from '../../lib/background/resumes/badge';
import { setLang } from '../../lib/i18n';
import {
  applicationsItem,
  EMPTY_APPLICATIONS,
  noticesItem,
  patchSettings,
  pauseItem,
  snapshotItem,
  type ApplicationsState,
} from '../../lib/store';

const shown: Array<{ id: string; title: string; message: string }> = [];
vi.mock('../../lib/background/notify', () => ({
  notify: async (id: string, title: string, message: string) => void shown.push({ id, title, message }),
}));

let gateway: Gateway;
vi.mock('../../lib/background/hh-client', () => ({ gatewayOf: async () => gateway }));

const T0 = new Date(2026, 10, 25, 14, 0).getTime();
const MIN = 60_000;

function topic(i: number, patch: Partial<Negotiation> = {}): Negotiation {
  return {
    id: String(4_000_000 + i),
    state: 'response',
    rawState: 'RESPONSE',
    vacancyId: String(100 + i),
    vacancyName: `Вакансия ${i}`,
    employerName: `Работодатель ${i}`,
    resumeId: 'r1',
    updatedAt: T0 - i * MIN,
    createdAt: T0 - i * MIN,
    hasNewMessages: false,
    viewed: false,
    chatUrl: `https://hh.ru/applicant/negotiations/item?topicId=${4_000_000 + i}`,
    ...patch,
  };
}

/** hh.ru's list: 20 a page, newest change first; `hide` drops topics (discarded ones vanish). */
function fakeList(count: number) {
  const topics = new Map<string, Negotiation>(Array.from({ length: count }, (_, i) => [topic(i).id, topic(i)]));
  const hidden = new Set<string>();
  const reads: number[] = [];
  const g: Gateway = {
    kind: 'site',
    negotiationsPage: async (page) => {
      reads.push(page);
      const all = [...topics.values()].filter((n) => !hidden.has(n.id)).sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
      return { items: all.slice(page * 20, page * 20 + 20), page, pages: Math.max(1, Math.ceil(all.length / 20)) };
    },
    negotiations: async () => [...topics.values()],
    application: async () => {
      throw new Error('not played');
    },
    me: async () => {
      throw new Error('not played');
    },
    resumes: async () => [],
    resume: async () => {
      throw new Error('not played');
    },
    raise: async () => {
      throw new Error('not played');
    },
    views: async () => {
      throw new Error('not played');
    },
    vacancyContext: async () => {
      throw new Error('not played');
    },
    apply: async () => {
      throw new Error('not played');
    },
  };
  return {
    g,
    reads,
    /** An employer answers: the topic's change makes it the newest. */
    answer(i: number, patch: Partial<Negotiation>) {
      const t = topic(i);
      const now = Date.now();
      topics.set(t.id, { ...topics.get(t.id)!, ...patch, updatedAt: now });
    },
    hide: (i: number) => hidden.add(topic(i).id),
    show: (i: number) => hidden.delete(topic(i).id),
  };
}

const SNAPSHOT = { me: null, resumes: [{ id: 'r1', title: 'Аналитик данных' } as never], fetchedAt: T0, source: 'site' as const };

beforeEach(async () => {
  fakeBrowser.reset();
  shown.length = 0;
  setLang('ru');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  await snapshotItem.setValue(SNAPSHOT);
});

afterEach(() => {
  vi.useRealTimers();
  setLang(undefined);
});

describe('merge: what is news', () => {
  const held = (topics: Negotiation[]): ApplicationsState => merge(EMPTY_APPLICATIONS, topics, T0, true).state;

  it('the first look only learns: old invitations and unread messages are not news', () => {
    const first = merge(EMPTY_APPLICATIONS, [topic(1, { state: 'invitation', rawState: 'INVITATION', hasNewMessages: true })], T0, true);
    expect(first.answers).toEqual([]);
    expect(unseenCount(first.state)).toBe(0);
  });

  it('an invitation, a rejection and an unread message are each news, with vacancy, employer and chat', () => {
    const before = held([topic(1), topic(2), topic(3)]);
    const { answers, state } = merge(
      before,
      [topic(1, { state: 'invitation', rawState: 'INVITATION' }), topic(2, { state: 'discard', rawState: 'DISCARD' }), topic(3, { hasNewMessages: true })],
      T0 + MIN,
      false,
    );
    expect(answers.map((a) => [a.topicId, a.kind, a.vacancyName, a.employerName])).toEqual([
      ['4000001', 'invitation', 'Вакансия 1', 'Работодатель 1'],
      ['4000002', 'discard', 'Вакансия 2', 'Работодатель 2'],
      ['4000003', 'message', 'Вакансия 3', 'Работодатель 3'],
    ]);
    expect(answers[0]!.chatUrl).toBe('https://hh.ru/applicant/negotiations/item?topicId=4000001');
    expect(unseenCount(state)).toBe(3);
  });

  it('nothing changed: nothing is news; the same answer seen again is not news twice', () => {
    const before = held([topic(1), topic(2)]);
    expect(merge(before, [topic(1), topic(2)], T0 + MIN, false).answers).toEqual([]);
    const invited = merge(before, [topic(1, { state: 'invitation', rawState: 'INVITATION', hasNewMessages: true })], T0 + MIN, false);
    expect(invited.answers.map((a) => a.kind)).toEqual(['invitation']);
    const again = merge(invited.state, [topic(1, { state: 'invitation', rawState: 'INVITATION', hasNewMessages: true })], T0 + 2 * MIN, false);
    expect(again.answers).toEqual([]);
    // Still unseen until the person looks, but told once.
    expect(unseenCount(again.state)).toBe(1);
  });

  it('a topic that vanished from the list is kept as it was and is never news', () => {
    const before = held([topic(1, { state: 'discard', rawState: 'DISCARD' }), topic(2)]);
    const { answers, state } = merge(before, [topic(2)], T0 + MIN, false);
    expect(answers).toEqual([]);
    expect(state.topics['4000001']!.topic.state).toBe('discard');
    expect(state.topics['4000001']!.listedAt).toBe(T0);
    // Back on the list in the same state: still not news.
    expect(merge(state, [topic(1, { state: 'discard', rawState: 'DISCARD' })], T0 + 2 * MIN, false).answers).toEqual([]);
  });

  it('a state Otklik does not know is news once, as unknown with hh.ru’s word; HIDDEN is not an answer', () => {
    const before = held([topic(1), topic(2)]);
    const odd = merge(before, [topic(1, { state: 'other', rawState: 'OFFER_MADE' }), topic(2, { state: 'other', rawState: 'HIDDEN' })], T0 + MIN, false);
    expect(odd.answers.map((a) => [a.topicId, a.kind, a.rawState])).toEqual([['4000001', 'unknown', 'OFFER_MADE']]);
    expect(merge(odd.state, [topic(1, { state: 'other', rawState: 'OFFER_MADE' })], T0 + 2 * MIN, false).answers).toEqual([]);
  });

  it('a new message after the last one was read is news again', () => {
    const before = held([topic(1)]);
    const first = merge(before, [topic(1, { hasNewMessages: true })], T0 + MIN, false);
    const read = merge(first.state, [topic(1, { hasNewMessages: false })], T0 + 2 * MIN, false);
    const second = merge(read.state, [topic(1, { hasNewMessages: true })], T0 + 3 * MIN, false);
    expect([first, read, second].map((m) => m.answers.length)).toEqual([1, 0, 1]);
  });

  it('a topic new to us that already has an answer is news; one the person just sent is not', () => {
    const before = held([topic(1)]);
    // Both changed after the newest change we had seen (topic 1's): they came after our last look.
    const later = { updatedAt: T0 + MIN / 2 };
    const { answers } = merge(before, [topic(1), topic(7, { state: 'interview', rawState: 'INTERVIEW', ...later }), topic(8, later)], T0 + MIN, false);
    expect(answers.map((a) => [a.topicId, a.kind])).toEqual([['4000007', 'interview']]);
  });

  it('a topic the last read missed (older than what it saw) is learned, not told: its answer is old', () => {
    // The list shifted between the pages of the first read: topic 5 slipped past it (bench: 19 of 300 on the site).
    const before = held([topic(1), topic(9)]);
    const { answers, state } = merge(before, [topic(1), topic(5, { state: 'discard', rawState: 'DISCARD', hasNewMessages: true }), topic(9)], T0 + MIN, false);
    expect(answers).toEqual([]);
    expect(state.topics['4000005']!.told).toEqual(['state:discard']);
    expect(unseenCount(state)).toBe(0);
    // Its next answer is news as usual.
    const next = merge(state, [topic(5, { state: 'invitation', rawState: 'INVITATION', updatedAt: T0 + 2 * MIN })], T0 + 2 * MIN, false);
    expect(next.answers.map((a) => [a.topicId, a.kind])).toEqual([['4000005', 'invitation']]);
  });

  it('keeps the newest 2,000 topics', () => {
    const many = Array.from({ length: 2010 }, (_, i) => topic(i));
    const { state } = merge(EMPTY_APPLICATIONS, many, T0, true);
    expect(Object.keys(state.topics)).toHaveLength(2000);
    expect(state.topics[topic(0).id]).toBeDefined();
    expect(state.topics[topic(2009).id]).toBeUndefined();
  });

  it('seen: nothing new remains', () => {
    const { state } = merge(held([topic(1)]), [topic(1, { state: 'invitation', rawState: 'INVITATION' })], T0 + MIN, false);
    expect(unseenCount(markSeen(state))).toBe(0);
  });
});

describe('the poll', () => {
  it('learns on the first poll (every page), then one request when nothing changed, and tells nothing', async () => {
    const hh = fakeList(45);
    gateway = hh.g;
    const first = await pollAnswers();
    expect(first).toMatchObject({ kind: 'polled', requests: 3, swept: true, answers: [] });
    hh.reads.length = 0;
    vi.setSystemTime(T0 + 20 * MIN);
    const second = await pollAnswers();
    expect(second).toMatchObject({ kind: 'polled', requests: 1, swept: false, answers: [] });
    expect(hh.reads).toEqual([0]);
    expect(shown).toEqual([]);
  });

  it('topics the first read missed in the shifting order: the next poll is still one request, and tells nothing', async () => {
    const hh = fakeList(45);
    gateway = hh.g;
    // The order shifted between the pages of the first read: three topics fell between them.
    for (const i of [3, 21, 40]) hh.hide(i);
    await pollAnswers();
    for (const i of [3, 21, 40]) hh.show(i);
    hh.reads.length = 0;
    vi.setSystemTime(T0 + 20 * MIN);
    expect(await pollAnswers()).toMatchObject({ kind: 'polled', requests: 1, answers: [] });
    expect(hh.reads).toEqual([0]);
    expect(shown).toEqual([]);
  });

  it('a list longer than the page cap: the sweep stops at 25 pages, and the next poll is one request again', async () => {
    const hh = fakeList(600);
    gateway = hh.g;
    expect(await pollAnswers()).toMatchObject({ kind: 'polled', requests: 25, swept: true });
    vi.setSystemTime(T0 + 20 * MIN);
    expect(await pollAnswers()).toMatchObject({ kind: 'polled', requests: 1, swept: false });
    vi.setSystemTime(T0 + SWEEP_EVERY_MS);
    expect(await pollAnswers()).toMatchObject({ kind: 'polled', requests: 25, swept: true });
  });

  it('an invitation: one notification naming vacancy and employer, the badge counts it, the next poll is silent', async () => {
    const hh = fakeList(30);
    gateway = hh.g;
    await pollAnswers();
    vi.setSystemTime(T0 + 20 * MIN);
    hh.answer(25, { state: 'invitation', rawState: 'INVITATION', viewed: true });

    const polled = await pollAnswers();

    expect(polled).toMatchObject({ kind: 'polled', requests: 2 });
    expect(shown).toEqual([{ id: 'otklik-answer-4000025', title: 'Приглашение', message: '«Вакансия 25», Работодатель 25' }]);
    expect((await noticesItem.getValue())['otklik-answer-4000025']!.url).toBe('https://hh.ru/applicant/negotiations/item?topicId=4000025');
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.action.getTitle({})).toBe('Отклик: 1 новый ответ работодателя');

    vi.setSystemTime(T0 + 40 * MIN);
    await pollAnswers();
    expect(shown).toHaveLength(1);
  });

  it('several answers at once: one notification for all of them', async () => {
    const hh = fakeList(5);
    gateway = hh.g;
    await pollAnswers();
    vi.setSystemTime(T0 + 20 * MIN);
    hh.answer(1, { state: 'discard', rawState: 'DISCARD' });
    hh.answer(2, { hasNewMessages: true });
    hh.answer(3, { state: 'interview', rawState: 'INTERVIEW' });

    await pollAnswers();

    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('3 новых ответа работодателей');
    expect(shown[0]!.message.split('\n').sort()).toEqual(
      [
        'Отказ: «Вакансия 1», Работодатель 1',
        'Новое сообщение от работодателя: «Вакансия 2», Работодатель 2',
        'Приглашение на собеседование: «Вакансия 3», Работодатель 3',
      ].sort(),
    );
  });

  it('a vanished rejected topic is not news and stays in the inbox', async () => {
    const hh = fakeList(3);
    gateway = hh.g;
    hh.answer(1, { state: 'discard', rawState: 'DISCARD' });
    await pollAnswers();
    hh.hide(1);
    vi.setSystemTime(T0 + SWEEP_EVERY_MS);
    expect(await pollAnswers()).toMatchObject({ kind: 'polled', swept: true, answers: [] });
    expect((await inbox()).items.find((i) => i.id === '4000001')?.state).toBe('discard');
  });

  it('asks nothing when off, in quiet hours, while paused, or signed out', async () => {
    const hh = fakeList(3);
    gateway = hh.g;
    await patchSettings({ answersPoll: 'off' });
    expect(await pollAnswers()).toEqual({ kind: 'skipped', why: 'off' });
    await patchSettings({ answersPoll: '20', quietHours: { enabled: true, from: '13:00', to: '15:00' } });
    expect(await pollAnswers()).toEqual({ kind: 'skipped', why: 'quiet' });
    await patchSettings({ quietHours: { enabled: false, from: '13:00', to: '15:00' } });
    await pauseItem.setValue({ reason: new HhError('captcha').info, at: T0 });
    expect(await pollAnswers()).toEqual({ kind: 'skipped', why: 'paused' });
    await pauseItem.setValue(null);
    await snapshotItem.setValue(null);
    expect(await pollAnswers()).toEqual({ kind: 'skipped', why: 'signed_out' });
    expect(hh.reads).toEqual([]);
  });

  it('a captcha on the read pauses automatic work; the next poll asks nothing', async () => {
    const hh = fakeList(3);
    gateway = { ...hh.g, negotiationsPage: async () => Promise.reject(new HhError('captcha')) };
    expect(await pollAnswers()).toMatchObject({ kind: 'failed', error: { kind: 'captcha' } });
    expect((await pauseItem.getValue())?.reason.kind).toBe('captcha');
    gateway = hh.g;
    expect(await pollAnswers()).toEqual({ kind: 'skipped', why: 'paused' });
    expect(hh.reads).toEqual([]);
  });

  it('the alarm follows the setting', async () => {
    await scheduleAnswersPoll();
    expect((await browser.alarms.get(ANSWERS_ALARM))?.periodInMinutes).toBe(20);
    await scheduleAnswersPoll(await patchSettings({ answersPoll: '60' }));
    expect((await browser.alarms.get(ANSWERS_ALARM))?.periodInMinutes).toBe(60);
    await scheduleAnswersPoll(await patchSettings({ answersPoll: 'off' }));
    expect(await browser.alarms.get(ANSWERS_ALARM)).toBeUndefined();
  });
});

describe('the inbox', () => {
  it('lists the latest with resume title, state and unread; seeing it clears the badge', async () => {
    const hh = fakeList(3);
    gateway = hh.g;
    await pollAnswers();
    vi.setSystemTime(T0 + 20 * MIN);
    hh.answer(2, { state: 'invitation', rawState: 'INVITATION', hasNewMessages: true, viewed: true });
    await pollAnswers();

    const box = await inbox();
    expect(box.unseen).toBe(1);
    expect(box.items[0]).toMatchObject({
      id: '4000002',
      state: 'invitation',
      vacancyName: 'Вакансия 2',
      resumeTitle: 'Аналитик данных',
      unread: true,
      news: 'invitation',
    });
    expect(box.items.map((i) => i.state)).toEqual(['invitation', 'sent', 'sent']);

    await seeAnswers();
    expect((await inbox()).unseen).toBe(0);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await applicationsItem.getValue()).toMatchObject({ polledAt: T0 + 20 * MIN });

    // Opened again with nothing new: the stored list (up to 2,000 applications) is not rewritten.
    const write = vi.spyOn(applicationsItem, 'setValue');
    await seeAnswers();
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});

describe('texts', () => {
  it('ru and en, with plurals', () => {
    const a = (kind: 'invitation' | 'unknown', i: number) => ({
      topicId: String(i),
      kind,
      rawState: kind === 'unknown' ? 'OFFER' : null,
      vacancyName: `V${i}`,
      employerName: `E${i}`,
      chatUrl: null,
    });
    expect(badgeTitle(2, 5)).toBe('Отклик: 2 новых ответа работодателей, 5 новых просмотров резюме');
    expect(badgeTitle(0, 0)).toBe('Отклик');
    expect(noticeText([a('unknown', 1)])).toEqual({ title: 'Новый ответ на отклик', message: '«V1», E1\nСтатус на hh.ru: OFFER' });
    const five = noticeText([1, 2, 3, 4, 5].map((i) => a('invitation', i)));
    expect(five.title).toBe('5 новых ответов работодателей');
    expect(five.message.split('\n').at(-1)).toBe('…и ещё 1');
    setLang('en');
    expect(badgeTitle(1, 21)).toBe('Otklik: 1 new answer from an employer, 21 new resume views');
    expect(noticeText([a('invitation', 1), a('invitation', 2)]).title).toBe('2 new answers from employers');
    expect(noticeText([a('invitation', 1)])).toEqual({ title: 'Invitation', message: '“V1”, E1' });
  });
});
