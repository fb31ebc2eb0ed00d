/**
 * The store listings (store/*.yaml) against the stores' limits and against the manifest: every
 * permission the extension asks for is justified once, in the listing and in docs/security.md, and
 * no justification is left for a permission it no longer asks for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config from '../../wxt.config';

type Text = { ru: string; en: string };
interface Listing {
  category: string;
  languages: Record<'ru' | 'en', { name: string; summary: string; description: string }>;
  single_purpose?: Text;
  permissions: Record<string, Text> & { hosts: Text & { patterns: string[] } };
  privacy_policy: string;
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const listing = (file: string) => parse(read(`store/${file}`)) as Listing;
const locale = (lang: string) =>
  JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<'extName' | 'extDescription', { message: string }>;
/** Characters as the stores count them (code points: "—" and "ё" are one each). */
const len = (s: string) => [...s.trim()].length;

/** What the stores allow (CWS: developer docs "Listing requirements"; AMO: the submission form). */
const STORES = {
  chrome: { file: 'chrome-web-store.yaml', name: 75, summary: 132, description: 16_000, mv: 3 },
  firefox: { file: 'addons-mozilla-org.yaml', name: 50, summary: 250, description: 15_000, mv: 2 },
} as const;

type Manifest = { permissions: string[]; host_permissions?: string[] };
async function declared(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const m = config.manifest as (env: { browser: string; mode: string; manifestVersion: number; command: string }) => unknown;
  return (await m({ browser, mode: 'production', manifestVersion: STORES[browser].mv, command: 'build' })) as Manifest;
}

/** API permissions and host patterns, apart (MV2 lists hosts among the permissions). */
function split(m: Manifest): { api: string[]; hosts: string[] } {
  const all = [...m.permissions, ...(m.host_permissions ?? [])];
  const isHost = (p: string) => p.includes('://') || p === '<all_urls>';
  return { api: all.filter((p) => !isHost(p)).sort(), hosts: all.filter(isHost).sort() };
}

for (const [browser, store] of Object.entries(STORES) as [keyof typeof STORES, (typeof STORES)[keyof typeof STORES]][]) {
  describe(`${store.file}`, () => {
    const l = listing(store.file);

    it('fits the store’s limits in Russian and English', () => {
      expect(Object.keys(l.languages).sort()).toEqual(['en', 'ru']);
      for (const [lang, t] of Object.entries(l.languages)) {
        expect(len(t.name), `${lang} name`).toBeGreaterThan(0);
        expect(len(t.name), `${lang} name: ${t.name}`).toBeLessThanOrEqual(store.name);
        expect(len(t.summary), `${lang} summary: ${t.summary}`).toBeLessThanOrEqual(store.summary);
        expect(len(t.summary), `${lang} summary`).toBeGreaterThan(20);
        expect(len(t.description), `${lang} description`).toBeLessThanOrEqual(store.description);
        expect(len(t.description), `${lang} description`).toBeGreaterThan(len(t.summary));
      }
      expect(l.category).toBeTruthy();
    });

    it('names the extension as its manifest does', () => {
      for (const lang of ['ru', 'en'] as const) {
        expect(l.languages[lang].name).toBe(locale(lang).extName.message);
      }
    });

    it('justifies every permission the manifest asks for, and nothing else', async () => {
      const want = split(await declared(browser));
      const built = `.output/${browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2'}/manifest.json`;
      // The built manifest, when there is one, must ask for the same as the declared one.
      if (existsSync(new URL(`../../${built}`, import.meta.url))) {
        expect(split(JSON.parse(read(built)) as Manifest), built).toEqual(want);
      }
      const { hosts, ...api } = l.permissions;
      expect(Object.keys(api).sort(), 'API permissions justified').toEqual(want.api);
      expect([...hosts.patterns].sort(), 'host patterns justified').toEqual(want.hosts);
      for (const [name, text] of Object.entries(l.permissions)) {
        expect(text.ru?.trim(), `${name} (ru)`).toBeTruthy();
        expect(text.en?.trim(), `${name} (en)`).toBeTruthy();
      }
    });

    it('points at a privacy policy that exists', () => {
      expect(existsSync(new URL(`../../${l.privacy_policy}`, import.meta.url))).toBe(true);
    });
  });
}

describe('the Chrome listing', () => {
  const l = listing(STORES.chrome.file);
  it('has the manifest’s description as its summary (the store takes it from there)', () => {
    for (const lang of ['ru', 'en'] as const) expect(l.languages[lang].summary).toBe(locale(lang).extDescription.message);
  });
  it('states its single purpose in both languages', () => {
    expect(l.single_purpose?.ru.length).toBeGreaterThan(20);
    expect(l.single_purpose?.en.length).toBeGreaterThan(20);
  });
});

describe('docs/security.md', () => {
  it('has a row for every permission the manifest asks for, and no other', async () => {
    const rows = read('docs/security.md')
      .split('\n')
      .map((line) => /^\| `([a-z]+)` \|/.exec(line)?.[1])
      .filter((p): p is string => !!p);
    expect(rows.sort()).toEqual(split(await declared('chrome')).api);
  });
});
