/**
 * The vacancy panel hands the background only the members of hh.ru's page state it reads
 * (lib/hh/site/slice.ts): what the background makes of them must be what it made of the whole.
 */
import { describe, expect, it } from 'vitest';
import { VACANCY_PAGE_KEYS, pickTopLevel } from '../../lib/hh/site/slice';
import { meFromState, parseStateText, requireApplicant, unescapeEntities, vacancyFromState } from '../../lib/hh/site/state';
import type { Sandbox } from '../sandbox/server';
import type { SandboxClient } from '../sandbox/client';
import { withSandbox } from './with-sandbox';

let sandbox: Sandbox;
let client: SandboxClient;
withSandbox((s, c) => {
  sandbox = s;
  client = c;
});

describe('pickTopLevel', () => {
  it('keeps the asked members as written and drops the rest', () => {
    const json = ' { "a" : {"x":"}{\\"]"} , "big":[1,{"a":2},"\\\\"], "b":-1.5e3,"c":null , "d":"x\\"y" } ';
    const picked = pickTopLevel(json, ['a', 'b', 'c', 'd', 'absent'])!;
    expect(JSON.parse(picked)).toEqual({ a: { x: '}{"]' }, b: -1500, c: null, d: 'x"y' });
    expect(picked).not.toContain('big');
  });

  it('reads a key spelled with escapes, and a key given twice keeps its last value, as JSON.parse does', () => {
    expect(JSON.parse(pickTopLevel('{"\\u0075serType":"applicant","n":1,"n":2}', ['userType', 'n'])!)).toEqual({ userType: 'applicant', n: 2 });
  });

  it('finds a member only at the top level, never the same name nested deeper', () => {
    const json = '{"vacancyView":{"userType":"employer"},"translations":{"userType":"employer"},"userType":"applicant"}';
    expect(JSON.parse(pickTopLevel(json, ['userType'])!)).toEqual({ userType: 'applicant' });
  });

  it('says null for what is not a JSON object it can walk, so the caller keeps the whole text', () => {
    for (const bad of ['', '[1,2]', '{"a":1', '{"a":"x}', '{"a" 1}', '{"a":1 "b":2}', '{a:1}', '&quot;']) {
      expect(pickTopLevel(bad, ['a'])).toBeNull();
    }
    expect(pickTopLevel('{}', ['a'])).toBe('{}');
  });
});

describe("a vacancy page's state, sliced", () => {
  for (const shape of ['classic', 'full'] as const) {
    it(`reads the same vacancy, resumes and person from the slice as from the whole (${shape} shape, real weight)`, async () => {
      sandbox.control.config({ vacancyShape: shape });
      const s = sandbox.control.login('anna');
      const reply = await client.request({ host: 'hh.ru', path: '/vacancy/70000001?weight=real', headers: { cookie: `hhtoken=${s.hhtoken}; _xsrf=${s.xsrf}` } });
      // As a content script reads it from the live DOM: the template's text, entities decoded.
      const text = unescapeEntities(/<template id="HH-Lux-InitialState">([\s\S]*?)<\/template>/.exec(reply.text)![1]!);
      const sliced = pickTopLevel(text, VACANCY_PAGE_KEYS)!;
      expect(sliced.length).toBeLessThan(text.length / 20);
      const [whole, part] = [parseStateText(text), parseStateText(sliced)];
      expect(() => requireApplicant(part, 'https://hh.ru')).not.toThrow();
      expect(meFromState(part)).toEqual(meFromState(whole));
      expect(vacancyFromState(part, '70000001', 'https://hh.ru')).toEqual(vacancyFromState(whole, '70000001', 'https://hh.ru'));
    });
  }
});
