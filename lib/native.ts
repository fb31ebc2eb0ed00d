/**
 * The browser's own extension namespace, for scripts that must start without the webextension
 * polyfill (content scripts on every hh.ru page, the popup's first frame): Firefox's promise-based
 * `browser` while its runtime is alive, else Chrome's `chrome` (whose MV3 calls return promises
 * too); the same choice as WXT's own `@wxt-dev/browser`. Import-free, so nothing comes with it.
 */
import type { Runtime } from './reply';

type Area = { get(keys: string | string[]): Promise<Record<string, unknown>> };

export interface NativeExtension {
  runtime?: Runtime;
  storage?: { local?: Area; session?: Area };
}

export function nativeExtension(): NativeExtension | undefined {
  const g = globalThis as { browser?: NativeExtension; chrome?: NativeExtension };
  return g.browser?.runtime?.id ? g.browser : g.chrome;
}
