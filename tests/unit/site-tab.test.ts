/**
 * Which tab a site write runs in: the sender's own tab when it can serve, never a private window's
 * or a Firefox container's (another cookie store: another hh.ru account than the one Otklik read).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createPageContext, sameCookieStore, type PageCall } from '../../lib/hh/site/tab';

type Tab = Browser.tabs.Tab & { cookieStoreId?: string };
const CALL: PageCall = { url: '/applicant/vacancy_response/popup', body: { type: 'form', fields: [['vacancy_id', '70000001']] } };
const TARGET = { origin: 'https://hh.ru', path: '/vacancy/70000001' };

const tab = (id: number, over: Partial<Tab> = {}): Tab => ({
  id,
  index: id,
  windowId: 1,
  url: 'https://hh.ru/vacancy/70000001',
  status: 'complete',
  active: false,
  discarded: false,
  incognito: false,
  highlighted: false,
  pinned: false,
  selected: false,
  autoDiscardable: true,
  frozen: false,
  groupId: -1,
  lastAccessed: 1,
  ...over,
});

let tabs: Tab[];
let ranIn: number[];

beforeEach(() => {
  fakeBrowser.reset();
  ranIn = [];
  tabs = [];
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    const t = tabs.find((x) => x.id === id);
    if (!t) throw new Error('no tab');
    return t;
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => tabs);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (inj: { target: { tabId: number } }) => {
    ranIn.push(inj.target.tabId);
    return [{ frameId: 0, result: { status: 200, contentType: 'application/json', text: '{"success":"true"}', retryAfter: null } }];
  }) as never);
});

describe('the tab a write runs in', () => {
  it('is the sender’s own tab when it shows the site', async () => {
    tabs = [tab(4), tab(5)];
    await createPageContext().send(CALL, { ...TARGET, tabId: 5 });
    expect(ranIn).toEqual([5]);
  });

  it('is never a private window’s or a Firefox container’s, even when the sender is one', async () => {
    tabs = [tab(5, { incognito: true }), tab(6, { cookieStoreId: 'firefox-container-1' }), tab(7, { cookieStoreId: 'firefox-default' })];
    await createPageContext().send(CALL, { ...TARGET, tabId: 5 });
    expect(ranIn).toEqual([7]);
  });

  it('opens its own tab in a normal window when only private ones are at hand', async () => {
    tabs = [tab(5, { incognito: true })];
    vi.spyOn(fakeBrowser.windows, 'getAll').mockImplementation((async () => [
      { id: 2, incognito: true, alwaysOnTop: false, focused: true },
      { id: 3, incognito: false, alwaysOnTop: false, focused: false },
    ]) as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (props) => {
      const t = tab(9, { windowId: props.windowId!, url: props.url! });
      tabs.push(t);
      return t;
    });
    vi.spyOn(fakeBrowser.tabs, 'remove').mockResolvedValue(undefined);
    await createPageContext().send(CALL, { ...TARGET, tabId: 5 });
    expect(create).toHaveBeenCalledWith({ url: 'https://hh.ru/vacancy/70000001', active: false, windowId: 3 });
    expect(ranIn).toEqual([9]);
  });

  it('a script the browser would not inject sent nothing; one that broke off mid-way may have', async () => {
    tabs = [tab(5)];
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    inject.mockRejectedValueOnce(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    await expect(createPageContext().send(CALL, { ...TARGET, tabId: 5 })).rejects.toMatchObject({ info: { kind: 'network', notSent: true } });
    inject.mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'));
    const lost = await createPageContext().send(CALL, { ...TARGET, tabId: 5 }).catch((e: { info: { notSent?: boolean } }) => e.info);
    expect(lost).toMatchObject({ kind: 'network' });
    expect(lost).not.toHaveProperty('notSent');
  });

  it('knows a tab of the background’s own cookie store', () => {
    expect(sameCookieStore({})).toBe(true);
    expect(sameCookieStore({ incognito: false, cookieStoreId: 'firefox-default' })).toBe(true);
    expect(sameCookieStore({ incognito: true })).toBe(false);
    expect(sameCookieStore({ cookieStoreId: 'firefox-private' })).toBe(false);
    expect(sameCookieStore({ cookieStoreId: 'firefox-container-2' })).toBe(false);
  });
});

describe('a tab opened for a write, over a long-lived worker (Firefox’s background page never restarts)', () => {
  it('leaves no tab listener behind, whether the tab loaded or was closed before it loaded', async () => {
    vi.spyOn(fakeBrowser.windows, 'getAll').mockImplementation((async () => [{ id: 1, incognito: false, alwaysOnTop: false, focused: true }]) as never);
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove').mockResolvedValue(undefined);
    let next = 100;
    let opened: Tab | null = null;
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (props) => {
      opened = tab(next++, { url: props.url!, status: 'loading' });
      tabs = [opened];
      return opened;
    });
    const send = () => createPageContext().send(CALL, TARGET).catch((e: { info: { value?: string } }) => e.info.value);
    /** Lets the write reach its wait for the opened tab. */
    const opening = () => vi.waitFor(() => expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(true));

    for (let i = 0; i < 5; i++) {
      // Loaded later: the browser says so.
      const later = send();
      await opening();
      const loaded = { ...opened!, status: 'complete' as const };
      tabs = [loaded];
      await fakeBrowser.tabs.onUpdated.trigger(loaded.id!, { status: 'complete' }, loaded);
      expect(await later).toMatchObject({ status: 200 });
      tabs = []; // closed after its write: the next one opens its own again

      // Closed before it loaded.
      const closed = send();
      await opening();
      await fakeBrowser.tabs.onRemoved.trigger(opened!.id!, { windowId: 1, isWindowClosing: false });
      expect(await closed).toBe('hh.ru tab was closed');
    }

    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(false);
    expect(remove).toHaveBeenCalledTimes(10);
  });
});
