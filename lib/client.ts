/**
 * The one way from the UI (popup, options, the content scripts' panel and marks) to the background.
 * Typed by the protocol (lib/messages.ts) but importing it as types only, so neither zod nor the
 * store lands in scripts that run on every hh.ru page. The reply is trusted as typed: it comes from
 * our own background, which validated what it received.
 *
 * Through the browser's own promise-returning `runtime.sendMessage` (Firefox's `browser`, Chrome's
 * `chrome` in MV3), not the webextension polyfill: the polyfill's start-up on every hh.ru page view
 * cost more main-thread time than a search page's whole overhead budget (issue #17).
 */
import { sender } from './reply';
import { nativeExtension } from './native';

export { BackgroundError, errorInfoOf, isLost } from './reply';

export const send = sender(() => nativeExtension()?.runtime);

export type Send = typeof send;
