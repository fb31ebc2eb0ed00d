/**
 * A few top-level members of a large JSON object, without parsing the rest. hh.ru's vacancy page
 * carries a ~500 KB state, ~400 KB of it translations (hh-site.md, "Newer evidence"); the vacancy
 * panel needs a few kilobytes of it. Parsing all of it on the page's main thread, and then copying
 * it into a message, cost the page more than everything else Otklik does there; skipping over the
 * rest costs one scan that jumps from quote to quote.
 *
 * Pure and import-free: the content script bundles it.
 */

/**
 * Every top-level member of a vacancy page's state that state.ts reads for that page
 * (`requireApplicant`, `meFromState`, `vacancyFromState`): the content script hands over only
 * these, not the ~500 KB of translations and experiments around them. Kept here, not in state.ts:
 * importing that module would bring zod into the content script.
 */
export const VACANCY_PAGE_KEYS = [
  'userType',
  'userId',
  'account',
  'applicant',
  'user',
  'userStats',
  'request',
  'hhcaptcha',
  'applicantResumes',
  'applicantResumesStatistics',
  'applicantVacancyResponseStatuses',
  'vacancyView',
  'vacancyFull',
] as const;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

/** Index just past the string whose opening quote is at `i`, or -1 when it never closes. */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    let slashes = 0;
    for (let k = q - 1; s.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the JSON value starting at `i` (no whitespace before it), or -1 when malformed. */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return stringEnd(s, i);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next delimiter.
    let j = i;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
      j++;
    }
    return j > i ? j : -1;
  }
  let depth = 0;
  let j = i;
  while (j < s.length) {
    // Runs of strings with the colons and commas between them (a dictionary's entries) are
    // skipped by the regex engine in one go: a loop here, char by char, runs in V8's interpreter
    // on a page's first and only call, ~4 ms for hh.ru's state, ten times the regex's time.
    TOKENS.lastIndex = j;
    if (TOKENS.test(s)) j = TOKENS.lastIndex;
    if (j >= s.length) break;
    const d = s.charCodeAt(j);
    if (d === QUOTE) {
      j = stringEnd(s, j);
      if (j < 0) return -1;
      continue;
    }
    if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
    else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

/**
 * Strings (escapes included), each followed by a colon or comma, and the blanks between them, from
 * `lastIndex` on; stops before a string not followed by either (the last in an object) and before
 * anything else. The string's body is written unrolled so the engine keeps no state per character.
 */
const TOKENS = /(?:"[^"\\]*(?:\\.[^"\\]*)*"\s*[:,]\s*)+/y;

/**
 * The JSON text of an object holding only `keys` of the top-level object `json`, as they are
 * there; null when `json` is not an object this scanner can walk (the caller then keeps the whole
 * text). A key written twice keeps its last value, as JSON.parse does.
 */
export function pickTopLevel(json: string, keys: readonly string[]): string | null {
  const wanted = new Set(keys);
  const found = new Map<string, string>();
  let i = skipSpace(json, 0);
  if (json.charCodeAt(i) !== OPEN_BRACE) return null;
  i = skipSpace(json, i + 1);
  if (json.charCodeAt(i) === CLOSE_BRACE) return '{}';
  for (;;) {
    if (json.charCodeAt(i) !== QUOTE) return null;
    const keyEnd = stringEnd(json, i);
    if (keyEnd < 0) return null;
    const rawKey = json.slice(i, keyEnd);
    i = skipSpace(json, keyEnd);
    if (json.charCodeAt(i) !== COLON) return null;
    const start = skipSpace(json, i + 1);
    const end = valueEnd(json, start);
    if (end < 0) return null;
    // Plain keys need no decoding; one with escapes is decoded to compare.
    const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
    if (wanted.has(key)) found.set(key, `${rawKey}:${json.slice(start, end)}`);
    i = skipSpace(json, end);
    const c = json.charCodeAt(i);
    if (c === CLOSE_BRACE) break;
    if (c !== COMMA) return null;
    i = skipSpace(json, i + 1);
  }
  return `{${[...found.values()].join(',')}}`;
}
