/** Small helpers to build answers and read requests, shared by every host half. */
import type { SandboxResponse } from './types';

export function json(status: number, body: unknown, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function html(status: number, body: string, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

export function text(status: number, body: string, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

export function empty(status: number, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers };
}

export function redirect(location: string, status = 302, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers: { location, ...headers } };
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export interface CookieOptions {
  domain?: string;
  path?: string;
  httpOnly?: boolean;
  maxAge?: number;
  sameSite?: 'Lax' | 'Strict' | 'None';
}

/** A `Set-Cookie` value; always Secure (everything here is HTTPS). */
export function setCookie(name: string, value: string, opts: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? '/'}`, 'Secure'];
  if (opts.domain) parts.push(`Domain=${opts.domain}`);
  if (opts.httpOnly) parts.push('HttpOnly');
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  if (opts.sameSite) parts.push(`SameSite=${opts.sameSite}`);
  return parts.join('; ');
}

export interface ParsedBody {
  form: Record<string, string>;
  formAll: Record<string, string[]>;
  json: unknown;
}

/** Reads urlencoded, multipart and JSON bodies; anything else leaves the fields empty. */
export async function parseBody(contentType: string, body: Buffer): Promise<ParsedBody> {
  const formAll: Record<string, string[]> = {};
  let parsedJson: unknown;
  const add = (k: string, v: string) => (formAll[k] ??= []).push(v);
  const ct = contentType.toLowerCase();
  if (body.length > 0) {
    if (ct.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) add(k, v);
    } else if (ct.startsWith('multipart/form-data')) {
      try {
        const fd = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
        for (const [k, v] of fd.entries()) add(k, typeof v === 'string' ? v : await v.text());
      } catch {
        // A malformed multipart body simply has no fields: the handler answers as hh.ru would to missing ones.
      }
    } else if (ct.includes('json')) {
      try {
        parsedJson = JSON.parse(body.toString('utf8'));
      } catch {
        parsedJson = undefined;
      }
    }
  }
  const form = Object.fromEntries(Object.entries(formAll).map(([k, v]) => [k, v[v.length - 1]!]));
  return { form, formAll, json: parsedJson };
}
