/**
 * The extension's CSP forbids code built from strings. zod builds its fast parsers that way unless
 * told not to, and only probes for it at the first parse: in the service worker that is at start,
 * before any test could listen. So the rule is checked at its source (the e2e suite listens on the
 * extension pages: tests/e2e/security.spec.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../lib/zod';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('no code from strings', () => {
  it('zod runs without its string-compiled parsers', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('every module takes zod from lib/zod.ts, so the setting is in place before any schema exists', () => {
    const direct = ['lib', 'components', 'entrypoints']
      .flatMap(sources)
      .filter((file) => file !== join('lib', 'zod.ts'))
      .filter((file) => /from ['"]zod(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')));
    expect(direct).toEqual([]);
  });

  it('nothing of ours evaluates strings as code', () => {
    const evaluating = ['lib', 'components', 'entrypoints']
      .flatMap(sources)
      .filter((file) => /\bnew Function\(|\beval\(|setTimeout\(\s*['"`]/.test(readFileSync(file, 'utf8')));
    expect(evaluating).toEqual([]);
  });
});
