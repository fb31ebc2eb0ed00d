/**
 * The search script's sender: the protocol's one sender (lib/reply.ts) over the browser's own
 * promise-returning `runtime.sendMessage` (Firefox's `browser`, Chrome's `chrome`), not the
 * polyfill's: its start-up on every search page view cost more main-thread time than the page's
 * whole overhead budget (entrypoints/search.ts).
 */
import { sender, type Runtime } from '../../lib/reply';

export const send = sender(() => {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return g.browser?.runtime ?? g.chrome?.runtime;
});
