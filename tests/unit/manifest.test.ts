import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { HOST_PERMISSIONS, SEARCH_MATCHES, VACANCY_MATCHES, siteOf } from '../../lib/hh/sites';

type Manifest = Record<string, unknown> & { permissions: string[]; host_permissions: string[] };

async function manifest(browser: string, mode: string): Promise<Manifest> {
  const m = config.manifest as (env: { browser: string; mode: string; manifestVersion: number; command: string }) => unknown;
  return (await m({ browser, mode, manifestVersion: browser === 'firefox' ? 2 : 3, command: 'build' })) as Manifest;
}

describe('least privilege', () => {
  it('asks only for what features use', async () => {
    const m = await manifest('chrome', 'production');
    expect([...m.permissions].sort()).toEqual(['alarms', 'identity', 'notifications', 'scripting', 'storage']);
    expect(m).not.toHaveProperty('externally_connectable');
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m).not.toHaveProperty('key');
  });

  it('reaches only the hh family of sites, over https', () => {
    expect(HOST_PERMISSIONS).not.toContain('<all_urls>');
    for (const pattern of [...HOST_PERMISSIONS, ...VACANCY_MATCHES, ...SEARCH_MATCHES]) {
      const host = /^https:\/\/(?:\*\.)?([^/]+)\//.exec(pattern)?.[1];
      expect(host && siteOf(host), pattern).toBeTruthy();
    }
    expect(siteOf('api.hh.ru')).toBe('hh.ru');
    expect(siteOf('hh.ru.evil.example')).toBeNull();
  });

  it('has a fixed Firefox id, and a fixed Chrome key only in the e2e build', async () => {
    const ff = await manifest('firefox', 'production');
    expect(ff).toMatchObject({ browser_specific_settings: { gecko: { id: 'otklik@otklik.dev' } } });
    expect(await manifest('chrome', 'e2e')).toHaveProperty('key');
    expect(await manifest('firefox', 'e2e')).not.toHaveProperty('key');
  });
});
