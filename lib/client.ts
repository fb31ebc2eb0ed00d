/**
 * The one way from the UI (popup, options, the content scripts' panel and marks) to the background.
 * Typed by the protocol (lib/messages.ts) but importing it as types only, so neither zod nor the
 * store lands in scripts that run on every hh.ru page. The reply is trusted as typed: it comes from
 * our own background, which validated what it received.
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './hh/errors';
import type { MessageName, Reply, Req, Res } from './messages';

/** The background's refusal (or a lost reply), carrying its `ErrorInfo` as `HhError` does. */
export class BackgroundError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.kind}: ${info.en}`);
    this.name = 'BackgroundError';
  }
}

const BROKEN = {
  ru: 'Внутренняя ошибка Отклика. Перезагрузите страницу; если повторится, сообщите нам.',
  en: 'Otklik hit an internal error. Reload the page; if it happens again, tell us.',
};

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

/** What a failed call says, as the background put it; anything else is our own breakage. */
export function errorInfoOf(e: unknown): ErrorInfo {
  const info = e && typeof e === 'object' && 'info' in e ? (e as { info: unknown }).info : null;
  if (info && typeof info === 'object' && 'kind' in info && 'ru' in info && 'en' in info) return info as ErrorInfo;
  return { kind: 'internal', ...BROKEN };
}

/**
 * The background's answer never came back (the worker stopped, the extension reloaded): what was
 * asked may have happened. Any answer that did come back says itself what happened.
 */
export function isLost(error: ErrorInfo): boolean {
  return error.kind === 'internal' && (error.value == null || /^(messaging:|no reply$)/.test(error.value));
}
