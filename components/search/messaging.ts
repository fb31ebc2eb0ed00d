/**
 * The search script's one way to the background: lib/client.ts's protocol (`{otklik: 1, name,
 * payload}`, answered `{ok, data | error}`), through the browser's own promise-returning
 * `runtime.sendMessage` (Firefox's `browser`, Chrome's `chrome`) rather than lib/client.ts: that
 * module brings the webextension polyfill, whose start-up on every search page view cost more
 * main-thread time than the page's whole overhead budget (entrypoints/search.ts).
 * Typed by the protocol, importing it as types only.
 */
import type { MessageName, Reply, Req, Res } from '../../lib/messages';

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}
type Extension = { runtime?: Runtime } | undefined;

const runtime = (): Runtime | undefined => {
  const g = globalThis as { browser?: Extension; chrome?: Extension };
  return g.browser?.runtime ?? g.chrome?.runtime;
};

/** The background's answer; a refusal, a lost reply or a missing runtime (extension reloaded) throws. */
export async function send<K extends MessageName>(name: K, payload: Req<K>): Promise<Res<K>> {
  const to = runtime();
  if (!to) throw new Error('messaging: no extension runtime');
  const reply = (await to.sendMessage({ otklik: 1, name, payload })) as Reply<Res<K>> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error('messaging: no reply');
  if (!reply.ok) throw new Error(`${reply.error.kind}: ${reply.error.en}`);
  return reply.data;
}
