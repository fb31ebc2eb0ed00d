/**
 * `send` for content scripts: the same protocol (lib/messages.ts), imported as types only, so
 * neither zod nor the store lands in scripts that run on every hh.ru vacancy and search page
 * (budget: 20 KB gzip each). The reply is trusted as typed: it comes from our own background,
 * which validates everything it receives.
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './hh/errors';
import type { MessageName, Reply, Req, Res } from './messages';

/** The background's refusal, carrying its `ErrorInfo` like `HhError` does. */
export class PageMessageError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.kind}: ${info.en}`);
    this.name = 'PageMessageError';
  }
}

const broken = (value: string) =>
  new PageMessageError({
    kind: 'internal',
    value,
    ru: 'Внутренняя ошибка Отклика. Перезагрузите страницу; если повторится, сообщите нам.',
    en: 'Otklik hit an internal error. Reload the page; if it happens again, tell us.',
  });

export async function sendFromPage<K extends MessageName>(name: K, payload: Req<K>): Promise<Res<K>> {
  let reply: Reply<Res<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ otklik: 1, name, payload })) as Reply<Res<K>> | undefined;
  } catch (e) {
    throw broken(`messaging: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw broken('no reply');
  if (!reply.ok) throw new PageMessageError(reply.error);
  return reply.data;
}
