/**
 * Which hh-family site Otklik reads from for a person who never opened the settings (issue 14):
 * the asking page's site, else the setting's override, else where the person was last seen logged
 * in as an applicant; and a guest hears "log in on <that site>", never "forbidden".
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chooseSite } from '../../lib/site';
import { HhError } from '../../lib/hh/errors';
import { memoryFact } from '../../lib/hh/memory';
import { createSiteGateway, type SiteMemory } from '../../lib/hh/site/gateway';
import type { Resume } from '../../lib/hh/model';
import { NOW, fakeHh, fakePage, fixture, htmlAnswer, json, pageHtml } from './site-fake-hh';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('chooseSite', () => {
  it('reads hh.ru for a person nobody has seen yet, with the setting on auto', () => {
    expect(chooseSite({ setting: 'auto', applicant: null })).toBe('hh.ru');
  });

  it('follows the person to the site where they were last seen logged in', () => {
    expect(chooseSite({ setting: 'auto', applicant: 'hh.kz' })).toBe('hh.kz');
    expect(chooseSite({ setting: 'auto', applicant: 'rabota.by' })).toBe('rabota.by');
  });

  it('an explicit site in the settings overrides where the person was seen', () => {
    expect(chooseSite({ setting: 'rabota.by', applicant: 'hh.kz' })).toBe('rabota.by');
    expect(chooseSite({ setting: 'hh.ru', applicant: 'hh.kz' })).toBe('hh.ru');
  });

  it('a content script asks about its own page’s site, whatever the settings or memory say', () => {
    expect(chooseSite({ setting: 'hh.ru', applicant: 'hh.ru', pageUrl: 'https://hh.kz/vacancy/70000001' })).toBe('hh.kz');
    // A regional page of hh.ru is hh.ru.
    expect(chooseSite({ setting: 'auto', applicant: 'hh.kz', pageUrl: 'https://spb.hh.ru/search/vacancy?text=x' })).toBe('hh.ru');
  });

  it('ignores what is not an hh-family site root (a stored value or a page it cannot vouch for)', () => {
    expect(chooseSite({ setting: 'evil.example', applicant: 'hh.kz' })).toBe('hh.kz');
    expect(chooseSite({ setting: 'auto', applicant: 'spb.hh.ru' })).toBe('hh.ru');
    expect(chooseSite({ setting: 'auto', applicant: 'hh.kz.evil.example' })).toBe('hh.ru');
    expect(chooseSite({ setting: 'auto', applicant: 'hh.kz', pageUrl: 'http://rabota.by/vacancy/1' })).toBe('hh.kz');
    expect(chooseSite({ setting: 'auto', applicant: 'hh.kz', pageUrl: 'not a url' })).toBe('hh.kz');
    expect(chooseSite({ setting: undefined })).toBe('hh.ru');
  });
});

describe('the background’s site', () => {
  it('is the remembered site on auto, the setting when one is chosen, the page’s for a content script', async () => {
    const { siteFor } = await import('../../lib/background/site-choice');
    const { applicantSiteItem, patchSettings, getSettings } = await import('../../lib/store');
    expect((await getSettings()).site).toBe('auto');
    expect(await siteFor()).toBe('hh.ru');
    await applicantSiteItem.setValue('hh.kz');
    expect(await siteFor()).toBe('hh.kz');
    expect(await siteFor({ pageUrl: 'https://rabota.by/search/vacancy' })).toBe('rabota.by');
    await patchSettings({ site: 'hh.uz' });
    expect(await siteFor()).toBe('hh.uz');
    await patchSettings({ site: 'auto' });
    expect(await siteFor()).toBe('hh.kz');
  });
});

describe('settings stored before "auto" existed', () => {
  it('a stored default hh.ru becomes auto; another chosen site stays', async () => {
    // Version 1 stored its default site with any other change, here a collapsed panel.
    await fakeBrowser.storage.local.set({ settings: { site: 'hh.ru', gateway: 'auto', panelCollapsed: true } });
    vi.resetModules();
    const v1 = await import('../../lib/store');
    const migrated = await v1.getSettings();
    expect(migrated.site).toBe('auto');
    expect(migrated.panelCollapsed).toBe(true);

    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { site: 'rabota.by', gateway: 'site' } });
    vi.resetModules();
    const chosen = await import('../../lib/store');
    expect((await chosen.getSettings()).site).toBe('rabota.by');
  });
});

// ---------- the hh client: what it remembers, what a guest hears ----------

const noWrites = () =>
  fakePage(() => {
    throw new Error('a read must not write');
  });

function memory(): SiteMemory & { applicantSite: ReturnType<typeof memoryFact<string>> } {
  return {
    build: memoryFact<string>(),
    raiseVariant: memoryFact(),
    resumeIds: memoryFact<Record<string, string>>(),
    knownResumes: async (): Promise<Resume[]> => [],
    applicantSite: memoryFact<string>(),
  };
}

async function errorOf(p: Promise<unknown>): Promise<HhError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HhError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the site gateway on hh.kz', () => {
  it('reads the resumes from hh.kz and remembers hh.kz as where the applicant is', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('resumes-page.json') } });
    const mem = memory();
    const g = createSiteGateway({ site: 'hh.kz', http: hh.http, memory: mem, page: noWrites().page, now: () => NOW });
    expect(await g.resumes()).toHaveLength(4);
    expect(hh.seen.map((s) => s.url)).toEqual(['https://hh.kz/applicant/resumes']);
    expect(await mem.applicantSite.get()).toBe('hh.kz');
  });

  it('a guest on hh.kz is told to log in on hh.kz (login page of hh.kz), and nothing is remembered', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': fixture('logged-out.json') } });
    const mem = memory();
    const g = createSiteGateway({ site: 'hh.kz', http: hh.http, memory: mem, page: noWrites().page, now: () => NOW });
    const e = await errorOf(g.resumes());
    expect(e.kind).toBe('no_session');
    expect(e.info.url).toBe('https://hh.kz/account/login');
    expect(e.info.ru).toContain('Вы не вошли на hh.kz');
    expect(e.info.en).toContain('log in');
    expect(e.info.en).toContain('hh.kz');
    expect(await mem.applicantSite.get()).toBeNull();
  });

  it('a guest’s JSON read answered 403 needLogin is "log in", not "forbidden"', async () => {
    const hh = fakeHh({ pages: { '/applicant/resumes': () => json(403, { type: 'needLogin', error: 'need-login' }) } });
    const mem = memory();
    await mem.build.set('26.47.1.2');
    const g = createSiteGateway({ site: 'hh.kz', http: hh.http, memory: mem, page: noWrites().page, now: () => NOW });
    const e = await errorOf(g.me());
    expect(e.kind).toBe('no_session');
    expect(e.info.url).toBe('https://hh.kz/account/login');
  });

  it('a 403 page whose own state shows a guest is "log in"; a 403 for an applicant stays "forbidden"', async () => {
    const guest = fakeHh({ pages: { '/applicant/resumes': () => htmlAnswer(403, pageHtml(fixture('logged-out.json'), '26.47.1.2')) } });
    const g1 = createSiteGateway({ site: 'hh.kz', http: guest.http, memory: memory(), page: noWrites().page, now: () => NOW });
    expect((await errorOf(g1.me())).kind).toBe('no_session');

    const guestJson = fakeHh({ pages: { '/applicant/resumes': () => json(403, fixture('logged-out.json')) } });
    const g3 = createSiteGateway({ site: 'hh.kz', http: guestJson.http, memory: memory(), page: noWrites().page, now: () => NOW });
    expect((await errorOf(g3.me())).kind).toBe('no_session');

    const refused = fakeHh({ pages: { '/applicant/resumes': () => htmlAnswer(403, pageHtml(fixture('resumes-page.json'), '26.47.1.2')) } });
    const g2 = createSiteGateway({ site: 'hh.kz', http: refused.http, memory: memory(), page: noWrites().page, now: () => NOW });
    expect((await errorOf(g2.me())).kind).toBe('forbidden');
  });

  it('a vacancy page’s own state showing an applicant remembers that page’s site (spb.hh.ru is hh.ru)', async () => {
    const hh = fakeHh({});
    const mem = memory();
    const g = createSiteGateway({ site: 'hh.kz', http: hh.http, memory: mem, page: noWrites().page, now: () => NOW });
    const state = fixture('vacancy-classic.json');
    const id = String(Object.keys(state.applicantVacancyResponseStatuses)[0]);
    await g.vacancyContext(id, { origin: 'https://spb.hh.ru', state: JSON.stringify(state) }).catch(() => undefined);
    expect(await mem.applicantSite.get()).toBe('hh.ru');
  });
});

describe('an apply on hh.kz names hh.kz in what it says', () => {
  it('a refusal tells where to fix it, and a guest where to log in', async () => {
    const { readApplyAnswer } = await import('../../lib/hh/site/apply');
    const place = { origin: 'https://hh.kz', vacancyId: '70000001', now: NOW };
    const answer = (status: number, body: unknown) => ({
      status,
      contentType: 'application/json; charset=utf-8',
      text: JSON.stringify(body),
      retryAfter: null,
    });
    const unpublished = readApplyAnswer(answer(400, { error: 'resume-not-published' }), place);
    expect(unpublished.kind).toBe('refused');
    if (unpublished.kind !== 'refused') return;
    expect(unpublished.error.info.ru).toContain('Опубликуйте его на hh.kz');
    expect(unpublished.error.info.en).toContain('Publish it on hh.kz');

    const guest = readApplyAnswer(answer(403, { type: 'needLogin', error: 'need-login' }), place);
    expect(guest.kind === 'refused' && guest.error.kind).toBe('no_session');
    expect(guest.kind === 'refused' && guest.error.info.url).toBe('https://hh.kz/account/login');
  });
});
