/** How api.hh.ru writes things: Moscow-time ISO dates without a colon in the offset, request ids. */
import { randomBytes } from 'node:crypto';

const MSK_OFFSET_MS = 3 * 3_600_000;

/** `2026-11-25T18:30:57+0300` */
export function hhDate(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + MSK_OFFSET_MS).toISOString().slice(0, 19)}+0300`;
}

export function requestId(): string {
  return `${Date.now()}${randomBytes(12).toString('hex')}`;
}

export const API = 'https://api.hh.ru';
export const SITE = 'https://hh.ru';
