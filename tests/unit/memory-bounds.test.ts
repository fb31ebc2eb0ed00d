/**
 * Nothing Otklik holds grows without bound over a long-lived worker (Firefox's background page lives
 * as long as the browser; issue #17): what the HTTP client remembers per URL, the notifications it
 * leaves in the browser, and what it stores per resume or per cached answer. Each test plays more
 * than the bound allows and checks that the oldest went, and the newest stayed.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { z } from '../../lib/zod';
import { createHttp, HELD_BACK_URLS, type HttpDeps } from '../../lib/hh/http';
import { tellAnswers } from '../../lib/background/applications/tell';
import type { Answer } from '../../lib/background/applications/diff';
import { recordOutcome, RAISE_OUTCOMES_KEPT } from '../../lib/background/resumes/raise';
import { createSiteGateway, RESUME_IDS_KEPT } from '../../lib/hh/site/gateway';
import { siteMemory } from '../../lib/background/hh-client';
import {
  HTTP_CACHE_KEPT,
  httpCacheStore,
  noticesItem,
  raiseOutcomesItem,
  resumeSiteIdsItem,
  wipeUserData,
  type RaiseOutcome,
} from '../../lib/store';
import { setLang } from '../../lib/i18n';
import { failure } from './failure';
import { NOW, fakeHh, fakePage, fixture } from './site-fake-hh';

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeUserData();
  setLang('ru');
});

describe('the HTTP client remembers URLs hh.ru answered with 5xx (Chrome holds them back), a bounded number of them', () => {
  it(`a day of vacancies failing one after another: the ${HELD_BACK_URLS} latest are remembered, the oldest forgotten`, async () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0);
    const failing = new Set<string>();
    const fetch: HttpDeps['fetch'] = async (input) => {
      const url = String(input);
      if (failing.has(url)) throw new TypeError('Failed to fetch');
      failing.add(url);
      return new Response('<html>503</html>', { status: 503 });
    };
    const http = createHttp({ fetch, sleep: async () => undefined, random: () => 0, now: () => now });
    const vacancy = (i: number) => `https://api.hh.ru/vacancies/${70_000_000 + i}?host=hh.ru`;
    const ask = (i: number) => failure(http.request({ url: vacancy(i), read: z.unknown(), attempts: 1 }));

    for (let i = 0; i <= HELD_BACK_URLS; i++) expect((await ask(i)).kind).toBe('server');

    // The first vacancy's 5xx was pushed out by 200 later ones: its failed fetch is the network's.
    expect((await ask(0)).kind).toBe('network');
    // The newest is still known as hh.ru failing.
    expect((await ask(HELD_BACK_URLS)).kind).toBe('server');
  });
});

function answer(i: number): Answer {
  return {
    topicId: String(4_000_000 + i),
    kind: 'invitation',
    rawState: 'INVITATION',
    vacancyName: `Вакансия ${i}`,
    employerName: `Работодатель ${i}`,
    chatUrl: `https://hh.ru/applicant/negotiations/item?topicId=${4_000_000 + i}`,
  };
}

describe('answer notifications over weeks', () => {
  it('the click map keeps the newest 30, and the browser’s list loses the notifications it forgot', async () => {
    const t0 = Date.UTC(2026, 10, 25, 12, 0, 0);
    for (let i = 0; i < 40; i++) await tellAnswers([answer(i)], 'hh.ru', t0 + i * 60_000);

    const kept = Object.keys(await noticesItem.getValue());
    expect(kept).toHaveLength(30);
    expect(kept).toContain('otklik-answer-4000039');
    expect(kept).not.toContain('otklik-answer-4000009');
    // What the browser still shows is exactly what a click still leads from.
    expect(Object.keys(await browser.notifications.getAll()).sort()).toEqual([...kept].sort());
  });
});

describe('raise outcomes, one per resume', () => {
  it(`keep the ${RAISE_OUTCOMES_KEPT} most recent resumes: deleted resumes' outcomes do not pile up`, async () => {
    const old: Record<string, RaiseOutcome> = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [`gone-${i}`, { kind: 'raised', at: 1_000 + i, nextAt: null, auto: true }]),
    );
    await raiseOutcomesItem.setValue(old);

    await recordOutcome('hash-1001', { kind: 'raised', at: Date.now(), nextAt: null, auto: false });

    const kept = await raiseOutcomesItem.getValue();
    expect(Object.keys(kept)).toHaveLength(RAISE_OUTCOMES_KEPT);
    expect(kept['hash-1001']).toMatchObject({ kind: 'raised', auto: false });
    expect(kept['gone-79']).toBeDefined();
    expect(kept['gone-0']).toBeUndefined();
  });
});

describe('hh.ru resume numbers remembered by the site gateway', () => {
  it(`keep the ones the resume list shows and at most ${RESUME_IDS_KEPT} in all`, async () => {
    const old = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [String(500_000 + i), `${'0'.repeat(32)}${i}`]));
    await resumeSiteIdsItem.setValue(old);
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('resumes-page.json') } });
    const page = fakePage(() => {
      throw new Error('a read must not write');
    }).page;
    const listed = await createSiteGateway({ site: 'hh.ru', http: hh.http, memory: siteMemory, page, now: () => NOW }).resumes();

    const kept = await resumeSiteIdsItem.getValue();
    expect(Object.keys(kept)).toHaveLength(RESUME_IDS_KEPT);
    // Every resume on the list is still found by its number.
    const numbers = Object.entries(kept).filter(([, hash]) => listed.some((r) => r.id === hash || r.hash === hash));
    expect(numbers).toHaveLength(listed.length);
    // Of the others, the highest numbers stayed.
    expect(kept[String(500_149)]).toBeDefined();
    expect(kept[String(500_000)]).toBeUndefined();
  });
});

describe('the ETag cache in IndexedDB', () => {
  it(`keeps at most ${HTTP_CACHE_KEPT} answers, dropping the oldest`, async () => {
    for (let i = 0; i < HTTP_CACHE_KEPT + 10; i++) {
      await httpCacheStore.set(`api:hh.ru:/vacancies/${i}`, { etag: `"${i}"`, body: { i }, at: 1_000 + i });
    }
    expect(await httpCacheStore.get('api:hh.ru:/vacancies/0')).toBeUndefined();
    expect(await httpCacheStore.get('api:hh.ru:/vacancies/9')).toBeUndefined();
    expect(await httpCacheStore.get('api:hh.ru:/vacancies/10')).toMatchObject({ etag: '"10"' });
    expect(await httpCacheStore.get(`api:hh.ru:/vacancies/${HTTP_CACHE_KEPT + 9}`)).toMatchObject({ body: { i: HTTP_CACHE_KEPT + 9 } });
  });
});
