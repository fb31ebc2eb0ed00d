/**
 * What a failed call to the background says: the refusal as a value, and how a page reads it.
 * Import-free at run time, so a page can word an error before the messaging client (and the
 * browser polyfill under it) has loaded; lib/client.ts re-exports all of it. The sender itself is
 * here too, over whichever runtime its caller hands it.
 */
import type { ErrorInfo } from './hh/errors';
import type { MessageName, Reply, Req, Res } from './messages';

/** The background's refusal (or a lost reply), carrying its `ErrorInfo` as `HhError` does. */
export class BackgroundError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.kind}: ${info.en}`);
    this.name = 'BackgroundError';
  }
}

export const BROKEN = {
  ru: 'Внутренняя ошибка Отклика. Перезагрузите страницу; если повторится, сообщите нам.',
  en: 'Otklik hit an internal error. Reload the page; if it happens again, tell us.',
};

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

/** The background's answer to a first "check again" that found nothing yet: the panel words it as a note, not a failure. */
export const NOT_SHOWN_YET = 'not-shown-yet';

/** The part of `runtime` a sender needs: the promise-returning `sendMessage` (Firefox's, Chrome's MV3). */
export interface Runtime {
  /** Chrome clears it in a content script whose extension was reloaded or updated. */
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

/** Nothing left the page: the Otklik this page was loaded with is gone (updated, reloaded, removed). */
const RELOADED = {
  kind: 'internal',
  value: 'extension-reloaded',
  notSent: true,
  ru: 'Отклик обновился или был перезапущен, эта страница ещё со старым. Ничего не отправлено: перезагрузите страницу.',
  en: 'Otklik was updated or restarted; this page still has the old one. Nothing was sent: reload the page.',
} as const satisfies ErrorInfo;

const broken = (value: string) => new BackgroundError({ kind: 'internal', value, ...BROKEN });

/**
 * The protocol's sender (`{otklik: 1, name, payload}`, answered `{ok, data | error}`) over the
 * runtime given; lib/client.ts gives it the browser's own.
 */
export function sender(runtime: () => Runtime | undefined) {
  return async function send<K extends MessageName>(name: K, payload: Req<K>): Promise<Res<K>> {
    let reply: Reply<Res<K>> | undefined;
    const to = runtime();
    if (!to?.id) throw new BackgroundError(RELOADED);
    try {
      reply = (await to.sendMessage({ otklik: 1, name, payload })) as Reply<Res<K>> | undefined;
    } catch (e) {
      throw broken(`messaging: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw broken('no reply');
    if (!reply.ok) throw new BackgroundError(reply.error);
    return reply.data;
  };
}
