/**
 * The one way from the UI (popup, options, the content scripts' panel and marks) to the background.
 * Typed by the protocol (lib/messages.ts) but importing it as types only, so neither zod nor the
 * store lands in scripts that run on every hh.ru page. The reply is trusted as typed: it comes from
 * our own background, which validated what it received.
 */
import { browser } from 'wxt/browser';
import { sender } from './reply';

export { BackgroundError, errorInfoOf, isLost } from './reply';

export const send = sender(() => browser.runtime);

export type Send = typeof send;
