/**
 * The one way from the UI (popup, options, the content scripts' panel and marks) to the background.
 * Typed by the protocol (lib/messages.ts) but importing it as types only, so neither zod nor the
 * store lands in scripts that run on every hh.ru page. The reply is trusted as typed: it comes from
 * our own background, which validated what it received.
 */
import { browser } from 'wxt/browser';
import type { MessageName, Reply, Req, Res } from './messages';
import { BackgroundError, BROKEN } from './reply';

export { BackgroundError, errorInfoOf, isLost } from './reply';

const broken = (value: string) => new BackgroundError({ kind: 'internal', value, ...BROKEN });

export async function send<K extends MessageName>(name: K, payload: Req<K>): Promise<Res<K>> {
  let reply: Reply<Res<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ otklik: 1, name, payload })) as Reply<Res<K>> | undefined;
  } catch (e) {
    throw broken(`messaging: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw broken('no reply');
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}

export type Send = typeof send;
