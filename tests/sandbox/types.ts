/**
 * What a host handler (the API half, the site half) receives and returns. The core parses the
 * request once (cookies, session, form fields, JSON) and applies faults/latency around the handler,
 * so handlers only compute an answer from the state.
 */
import type { IncomingMessage } from 'node:http';
import type { SandboxState, SiteSession, User } from './state';

export interface SandboxRequest {
  readonly state: SandboxState;
  readonly method: string;
  /** Host header without the port, lowercased (`hh.ru`, `spb.hh.ru`, `api.hh.ru`). */
  readonly host: string;
  /** `https://<host><path>?<query>` */
  readonly url: URL;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lowercased names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly bodyText: string;
  /** Fields of a urlencoded or multipart/form-data body (last value wins; see `formAll`). */
  readonly form: Readonly<Record<string, string>>;
  readonly formAll: Readonly<Record<string, string[]>>;
  /** The parsed body when it was JSON, else undefined. */
  readonly json: unknown;
  /** The hh.ru site session from the `hhtoken` cookie, when valid. */
  readonly session: SiteSession | null;
  readonly user: User | null;
  readonly raw: IncomingMessage;
}

export interface SandboxResponse {
  status: number;
  /** Lowercase names. `set-cookie` may be a list. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}
