/** The Firefox harness's control page (entrypoints/e2e.html) is built for e2e only, never for a store. */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type Info = { name: string };
const found = (config.hooks as Record<string, unknown>)['entrypoints:found'] as (wxt: { config: { mode: string } }, infos: Info[]) => void;

function entrypoints(mode: string): string[] {
  const infos: Info[] = [{ name: 'background' }, { name: 'e2e' }, { name: 'popup' }];
  found({ config: { mode } }, infos);
  return infos.map((i) => i.name);
}

describe('the e2e control page', () => {
  it('is left out of production and development builds', () => {
    expect(entrypoints('production')).toEqual(['background', 'popup']);
    expect(entrypoints('development')).toEqual(['background', 'popup']);
  });

  it('is built in e2e mode', () => {
    expect(entrypoints('e2e')).toEqual(['background', 'e2e', 'popup']);
  });
});
