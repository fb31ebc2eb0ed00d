/**
 * What is stored, and who may read it: the site is one of ours; content scripts get no storage but
 * the vacancy panel's first frame in storage.session.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, patchSettings, settingsItem } from '../../lib/store';
import { restrictStorage } from '../../lib/background/index';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the site setting', () => {
  it('is “auto” or one of the known sites: anything else is refused, and a stored one falls back to the default (auto)', async () => {
    expect((await patchSettings({ site: 'hh.kz' })).site).toBe('hh.kz');
    await expect(patchSettings({ site: 'evil.example/phish?' })).rejects.toThrow();
    expect((await getSettings()).site).toBe('hh.kz');
    await settingsItem.setValue({ ...(await getSettings()), site: 'hh.ru.evil.example' });
    expect((await getSettings()).site).toBe('auto');
  });
});

describe('extension storage and content scripts', () => {
  it('storage.local is kept to trusted contexts where the browser can do that; storage.session is opened to our content scripts', async () => {
    const local = vi.fn(async () => undefined);
    const session = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: local });
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: session });
    await restrictStorage();
    expect(local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(session).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    local.mockRejectedValueOnce(new Error('not for this area'));
    await expect(restrictStorage()).resolves.toBeUndefined();
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
    delete (fakeBrowser.storage.session as { setAccessLevel?: unknown }).setAccessLevel;
    await expect(restrictStorage()).resolves.toBeUndefined();
  });

  it('storage.session holds nothing but the panel’s first frame: every session item of the store is that one', async () => {
    const { readFileSync } = await import('node:fs');
    const items = [...readFileSync('lib/store.ts', 'utf8').matchAll(/defineItem<[^>]*>\(\s*'session:([^']+)'/g)].map((m) => m[1]);
    expect(items).toEqual(['panelPreview']);
  });
});

describe('content scripts read no storage themselves, but the panel’s first frame', () => {
  it('no file of the panel, the search marks or the content scripts reads storage or imports the store’s values', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
      });
    const content = [
      ...files('components/panel'),
      ...files('components/search'),
      ...files('entrypoints/vacancy'),
      'entrypoints/search.ts',
    ];
    expect(content.length).toBeGreaterThan(10);
    const offenders = content.filter((f) => {
      const text = readFileSync(f, 'utf8');
      const valueImportOfStore = /^import\s+(?!type\b)[^;]*from\s+'[./]*lib\/store'/m.test(text);
      return valueImportOfStore || /\bstorage\.(local|sync|session)\b|wxt\/utils\/storage|idb-keyval/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
