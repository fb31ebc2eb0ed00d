/**
 * The vacancy panel's first frame without the background: the background mirrors the resumes as
 * last seen into storage.session, and the content script draws from that mirror, falling back to
 * the background's answer where it cannot read it (issue #17).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Resume } from '../../lib/hh/model';
import { panelPreviewItem, patchSettings, snapshotItem, wipeUserData } from '../../lib/store';
import { keepPanelPreview } from '../../lib/background/vacancy/preview';
import { PANEL_PREVIEW_KEY, asPanelPreview, readPanelPreview } from '../../lib/panel-preview';

const send = vi.fn();
vi.mock('../../lib/client', () => ({ send: (...a: unknown[]) => send(...a) }));
const { askPreview } = await import('../../entrypoints/vacancy/api');

const resume = (id: string, title: string): Resume => ({
  id, hash: `hash-${id}`, title, status: 'published', canRaise: false, nextRaiseAt: null, skills: [], area: 'Москва', experienceMonths: 12,
});
const snapshot = (...resumes: Resume[]) => ({ me: null, resumes, fetchedAt: 1, source: 'site' as const });

/** What a content script sees of storage.session: the browser's own area, as in the page. */
function contentScriptSees(session: unknown): void {
  vi.stubGlobal('chrome', { storage: { session } });
}

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  vi.unstubAllGlobals();
});

describe('the background keeps the mirror', () => {
  it('follows the snapshot and the folding, and a sign-out leaves no resume in it', async () => {
    keepPanelPreview();
    await snapshotItem.setValue(snapshot(resume('1', 'Frontend'), resume('2', 'Backend')));
    await vi.waitFor(async () =>
      expect(await panelPreviewItem.getValue()).toEqual({ resumes: [{ id: '1', title: 'Frontend' }, { id: '2', title: 'Backend' }], collapsed: false }),
    );
    await patchSettings({ panelCollapsed: true });
    await vi.waitFor(async () => expect((await panelPreviewItem.getValue())?.collapsed).toBe(true));
    await wipeUserData();
    await vi.waitFor(async () => expect((await panelPreviewItem.getValue())?.resumes ?? []).toEqual([]));
  });

  it('is written when the worker starts, for a session storage that a browser restart emptied', async () => {
    await snapshotItem.setValue(snapshot(resume('1', 'Frontend')));
    expect(await panelPreviewItem.getValue()).toBeNull();
    keepPanelPreview();
    await vi.waitFor(async () => expect((await panelPreviewItem.getValue())?.resumes).toEqual([{ id: '1', title: 'Frontend' }]));
  });
});

describe('the content script reads it itself', () => {
  it('reads what the background wrote, under the key the store defines', async () => {
    keepPanelPreview();
    await snapshotItem.setValue(snapshot(resume('1', 'Frontend')));
    await vi.waitFor(async () => expect(await panelPreviewItem.getValue()).not.toBeNull());
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual([PANEL_PREVIEW_KEY]);
    contentScriptSees(fakeBrowser.storage.session);
    expect(await readPanelPreview()).toEqual({ resumes: [{ id: '1', title: 'Frontend' }], collapsed: false });
  });

  it('answers null for a malformed value, a refused read (Firefox, an access level not set yet) or no session area', async () => {
    expect(asPanelPreview({ resumes: [{ id: 1, title: 'x' }], collapsed: false })).toBeNull();
    expect(asPanelPreview({ resumes: 'x', collapsed: false })).toBeNull();
    expect(asPanelPreview({ resumes: [], collapsed: 'no' })).toBeNull();
    expect(asPanelPreview({ resumes: [null], collapsed: false })).toBeNull();
    contentScriptSees({ get: async () => Promise.reject(new Error('Access to storage is not allowed from this context.')) });
    expect(await readPanelPreview()).toBeNull();
    contentScriptSees(undefined);
    expect(await readPanelPreview()).toBeNull();
  });

  it('draws from the mirror while the background has not answered, and still asks it (the API read starts there)', async () => {
    contentScriptSees({ get: async () => ({ [PANEL_PREVIEW_KEY]: { resumes: [{ id: '1', title: 'Frontend' }], collapsed: true } }) });
    send.mockReturnValue(new Promise(() => undefined));
    const preview = askPreview('70000001');
    await expect(preview.next).resolves.toEqual({ resumes: [{ id: '1', title: 'Frontend' }], collapsed: true });
    expect(preview.now).toEqual({ resumes: [{ id: '1', title: 'Frontend' }], collapsed: true });
    expect(send).toHaveBeenCalledWith('panelPreview', { vacancyId: '70000001' });
  });

  it('takes the background’s answer where the mirror cannot be read', async () => {
    contentScriptSees(undefined);
    send.mockResolvedValue({ resumes: [{ id: '2', title: 'Backend' }], collapsed: false });
    await expect(askPreview('70000001').next).resolves.toEqual({ resumes: [{ id: '2', title: 'Backend' }], collapsed: false });
  });
});
