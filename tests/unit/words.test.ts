// @vitest-environment happy-dom
/**
 * Words that help: every message a person reads exists in Russian and English, and neither carries
 * developer detail (camelCase or snake_case identifiers, hh.ru's raw error values, English words
 * inside Russian text). The detail lives behind "Подробнее"; this test reads every `{ ru, en }`
 * pair in lib/ and components/, and renders every error kind where errors are shown.
 */
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, HhError } from '../../lib/hh/errors';
import { ERROR_KINDS } from '../../lib/hh/policy';
import { setLang } from '../../lib/i18n';
import { ErrorNote } from '../../components/ui/ErrorNote';

// A file mid-merge is listed once per stage: each is read once.
const files = [
  ...new Set(execSync("git ls-files 'lib/*.ts' 'lib/**/*.ts' 'components/**/*.ts' 'components/**/*.tsx'").toString().trim().split('\n')),
];

const LITERAL = String.raw`(?:'((?:[^'\\]|\\.)*)'|\x60((?:[^\x60\\]|\\.)*)\x60|"((?:[^"\\]|\\.)*)")`;
const PAIR = new RegExp(String.raw`\bru:\s*${LITERAL},\s*(?:\/\/[^\n]*\n\s*)?en:\s*${LITERAL}`, 'g');

/** Latin words a Russian sentence may carry: site names, and the names hh.ru's own developer pages use. */
const LATIN_IN_RU = /^(?:[\w-]+(?:\.[\w-]+)+|API|OAuth|Client|client|ID|id|secret|Redirect|URI|HTTP|JSON|CSV)$/;
const IDENTIFIER = /\b[a-z]+[A-Z]\w*|\b[A-Za-z]+_\w+\b/g;
/**
 * Interpolation into a sentence: names a person knows (the site, an employer, a vacancy) and numbers
 * are fine; hh.ru's error words, statuses and internal values belong behind «Подробнее».
 */
const DEVELOPER_VALUE = /\$\{[^}]*\b(?:error|value|refusal|what|detail|status|kind|code)\b[^}]*\}/;

interface Pair {
  file: string;
  ru: string;
  en: string;
}

function pairs(): Pair[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(PAIR)].map((m) => ({ file, ru: m[1] ?? m[2] ?? m[3] ?? '', en: m[4] ?? m[5] ?? m[6] ?? '' })),
  );
}

const words = (text: string) => text.replace(/\{\w+\}/g, ' ').replace(/\$\{[^}]*\}/g, ' ');

describe('every message a person reads', () => {
  const all = pairs();

  it('is found in both languages wherever a Russian text is written', () => {
    expect(all.length).toBeGreaterThan(150);
    for (const file of files) {
      const ruCount = [...readFileSync(file, 'utf8').matchAll(/\bru:\s*['`"]/g)].length;
      expect(all.filter((p) => p.file === file).length, file).toBe(ruCount);
    }
    for (const p of all) {
      expect(p.ru.trim(), `${p.file}: ${p.en}`).not.toBe('');
      expect(p.en.trim(), `${p.file}: ${p.ru}`).not.toBe('');
    }
  });

  it('has no raw identifiers, and no English words inside Russian', () => {
    for (const p of all) {
      expect(words(p.ru).match(IDENTIFIER) ?? [], `${p.file}: ${p.ru}`).toEqual([]);
      expect(words(p.en).match(IDENTIFIER) ?? [], `${p.file}: ${p.en}`).toEqual([]);
      const latin = (words(p.ru).match(/[A-Za-z][\w.-]*\w|[A-Za-z]/g) ?? []).filter((w) => !LATIN_IN_RU.test(w));
      expect(latin, `${p.file}: ${p.ru}`).toEqual([]);
    }
  });

  it('puts none of hh.ru’s error words or statuses into a sentence', () => {
    for (const p of all) {
      expect(p.ru, p.file).not.toMatch(DEVELOPER_VALUE);
      expect(p.en, p.file).not.toMatch(DEVELOPER_VALUE);
    }
  });
});

describe('every error kind where errors are shown', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`reads as words in ${lang}, with hh.ru's own detail behind "${lang === 'ru' ? 'Подробнее' : 'Details'}"`, () => {
      setLang(lang);
      for (const kind of ERROR_KINDS) {
        const error = new HhError(kind, { value: 'negotiations-limit-exceeded', status: 400 }).info;
        const root = document.createElement('div');
        render(h(ErrorNote, { error }), root);
        const text = root.querySelector('.ok-note__text')?.textContent ?? '';
        expect(text).toBe(ERROR_TEXT[kind][lang]);
        expect(text).not.toContain('negotiations-limit-exceeded');
        expect(root.querySelector('details summary')?.textContent).toBe(lang === 'ru' ? 'Подробнее' : 'Details');
        expect(root.querySelector('details code')?.textContent).toContain('negotiations-limit-exceeded');
      }
      setLang(undefined);
    });
  }

  it('an answer Otklik cannot read says, truthfully, that nothing was sent', () => {
    expect(ERROR_TEXT.invalid_response.ru).toMatch(/ничего не отправил/);
    expect(ERROR_TEXT.invalid_response.en).toMatch(/sent nothing/);
  });
});
