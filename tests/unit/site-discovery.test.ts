/**
 * The popup of a person logged in on a sister site only, before Otklik has seen them anywhere:
 * hh.ru says "not logged in", the other sites are asked once, the one with an applicant is
 * remembered and serves. Never with a chosen site, never for a content script's page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Gateway } from '../../lib/hh/gateway';
import { noSessionError } from '../../lib/hh/errors';
import { applicantSiteItem, patchSettings } from '../../lib/store';
import { siteFor, type OperationScope } from '../../lib/background/site-choice';

/** Which sites have Anna logged in (the fake hh family), and which sites were asked. */
let loggedInOn = new Set<string>();
let asked: string[] = [];

vi.mock('../../lib/background/hh-client', () => ({
  gatewayOf: async (_kind: string, scope: OperationScope = {}) => {
    const site = await siteFor(scope);
    return {
      kind: 'site',
      async me() {
        asked.push(site);
        if (!loggedInOn.has(site)) throw noSessionError(`https://${site}`);
        // What the real site gateway does on a read that shows an applicant (SiteMemory.applicantSite).
        await applicantSiteItem.setValue(site);
        return { id: '1', firstName: 'Анна', lastName: 'Смирнова' };
      },
    } as unknown as Gateway;
  },
}));

const { withGateway } = await import('../../lib/background/gateways');

beforeEach(() => {
  fakeBrowser.reset();
  loggedInOn = new Set();
  asked = [];
});

const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { kind: string; info: { url?: string } });

describe('a person nobody has seen yet, logged in on hh.kz only', () => {
  it('is found on hh.kz after hh.ru says "not logged in"; hh.kz is remembered and asked first next time', async () => {
    loggedInOn.add('hh.kz');
    const { value } = await withGateway((g) => g.me());
    expect(value.firstName).toBe('Анна');
    expect(asked[0]).toBe('hh.ru');
    expect(asked.at(-1)).toBe('hh.kz');
    expect(await applicantSiteItem.getValue()).toBe('hh.kz');

    asked = [];
    await withGateway((g) => g.me());
    expect(asked).toEqual(['hh.kz']);
  });

  it('with a site chosen in the settings, only that site is asked', async () => {
    loggedInOn.add('hh.kz');
    await patchSettings({ site: 'hh.ru' });
    expect((await failureOf(withGateway((g) => g.me())))?.kind).toBe('no_session');
    expect(asked).toEqual(['hh.ru']);
  });

  it('a content script’s page is asked about its own site only', async () => {
    loggedInOn.add('hh.kz');
    const e = await failureOf(withGateway((g) => g.me(), { pageUrl: 'https://rabota.by/vacancy/1' }));
    expect(e?.kind).toBe('no_session');
    expect(e?.info.url).toBe('https://rabota.by/account/login');
    expect(asked).toEqual(['rabota.by']);
  });
});

describe('nobody logged in anywhere', () => {
  it('hears "log in on hh.ru" (the default site), and nothing is remembered', async () => {
    const e = await failureOf(withGateway((g) => g.me()));
    expect(e?.kind).toBe('no_session');
    expect(e?.info.url).toBe('https://hh.ru/account/login');
    expect(new Set(asked)).toEqual(new Set(['hh.ru', 'hh.kz', 'rabota.by', 'hh.uz', 'hh1.az', 'headhunter.ge', 'headhunter.kg']));
    expect(await applicantSiteItem.getValue()).toBeNull();
  });

  it('once a site was seen, a logged-out person is told about that site and no other is asked', async () => {
    await applicantSiteItem.setValue('hh.kz');
    const e = await failureOf(withGateway((g) => g.me()));
    expect(e?.info.url).toBe('https://hh.kz/account/login');
    expect(asked).toEqual(['hh.kz']);
  });
});
