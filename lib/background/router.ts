/**
 * The background's message router: checks who sent a message, validates its payload with the
 * protocol's schema, runs the handler, and replies `{ ok, data | error }`.
 */
import { browser, type Browser } from 'wxt/browser';
import { Envelope, PROTOCOL, type MessageName, type Reply, type Req, type Res } from '../messages';
import { HhError, toErrorInfo } from '../hh/errors';
import { isSiteUrl } from '../hh/sites';

export interface SenderInfo {
  /** An extension page (popup, options) of ours. */
  internal: boolean;
  /** URL of the sending page (the hh.ru page for content scripts). */
  url: string | undefined;
  tabId: number | undefined;
}

export type Handlers = {
  [K in MessageName]: (payload: z_out<K>, sender: SenderInfo) => Promise<Res<K>>;
};
type z_out<K extends MessageName> = ReturnType<(typeof PROTOCOL)[K]['req']['parse']>;

/** Who is talking: our own pages, our content scripts on hh sites, or someone to ignore. */
export function classifySender(sender: Browser.runtime.MessageSender, ownId: string, ownOrigin: string): SenderInfo | null {
  if (sender.id !== ownId) return null;
  const url = sender.url ?? sender.tab?.url;
  // Our pages may sit in a tab (options opens in one); a content script's url is the hh page's.
  if (url?.startsWith(ownOrigin)) return { internal: true, url, tabId: sender.tab?.id };
  if (sender.tab && isSiteUrl(url)) return { internal: false, url, tabId: sender.tab.id };
  return null;
}

export async function route(message: unknown, info: SenderInfo, handlers: Handlers): Promise<Reply<unknown>> {
  const env = Envelope.safeParse(message);
  // Own keys only: `in` also finds `toString`, `constructor`, `__proto__` on the prototype.
  if (!env.success || !Object.hasOwn(PROTOCOL, env.data.name)) {
    return { ok: false, error: new HhError('internal', { value: 'unknown message' }).info };
  }
  const name = env.data.name as MessageName;
  const spec = PROTOCOL[name];
  if (!info.internal && !spec.content) {
    return { ok: false, error: new HhError('forbidden', { value: `${name} is not for content scripts` }).info };
  }
  const payload = spec.req.safeParse(env.data.payload ?? {});
  if (!payload.success) return { ok: false, error: new HhError('internal', { value: `bad ${name} payload` }).info };
  try {
    const handler = handlers[name] as (p: unknown, s: SenderInfo) => Promise<unknown>;
    const data = await handler(payload.data, info);
    return { ok: true, data };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

/** Register the router; returns nothing to senders we do not know (they get no answer at all). */
export function listen(handlers: Handlers): void {
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const info = classifySender(sender, ownId, ownOrigin);
    if (!info) return undefined;
    return route(message, info, handlers);
  });
}

export type { Req };
