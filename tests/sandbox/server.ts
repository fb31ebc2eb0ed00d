/**
 * The sandbox: one local HTTPS server that plays hh.ru (and its sister sites and subdomains) and
 * api.hh.ru on their real host names, routed by the Host header. Browsers reach it through
 * `--host-resolver-rules` (Chromium) or a CONNECT proxy (Firefox) and trust it by SPKI pin.
 *
 * Per request: read the body, log it, answer `/__sandbox/*` control calls, wait any latency,
 * apply a matching fault, else hand it to the host's half (api, OAuth, site).
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { siteOf } from '../../lib/hh/sites';
import { handleApi } from './api/index';
import { createControl, handleControl, type SandboxControl } from './control';
import { faultAnswer, needsRealAnswer } from './fault-answers';
import { createFaults } from './faults';
import { parseBody, parseCookies, text } from './http';
import { createLog, LOG_BODY_CAP } from './log';
import { handleOAuthSite } from './oauth';
import { handleSite } from './site/index';
import { createState, type SandboxState } from './state';
import { loadTlsIdentity } from './tls';
import type { SandboxRequest, SandboxResponse } from './types';

export interface Sandbox {
  port: number;
  /** `https://127.0.0.1:PORT` */
  origin: string;
  certPem: string;
  /** base64 sha256 of the cert's SPKI: `--ignore-certificate-errors-spki-list=<spki>`. */
  spki: string;
  state: SandboxState;
  control: SandboxControl;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

const API_HOST = 'api.hh.ru';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function hostOf(req: IncomingMessage): string {
  const raw = (req.headers.host ?? '').toLowerCase();
  return raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d+$/, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const tls = await loadTlsIdentity();
  const state = createState();
  const log = createLog();
  const faults = createFaults();
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const releaseHanging = () => {
    for (const res of hanging) res.destroy();
    hanging.clear();
  };
  const control = createControl({ state, log, faults, releaseHanging });

  async function route(ctx: SandboxRequest): Promise<SandboxResponse | null> {
    if (ctx.host === API_HOST) return handleApi(ctx);
    if (siteOf(ctx.host)) {
      if (ctx.path.startsWith('/oauth/')) return handleOAuthSite(ctx);
      return handleSite(ctx);
    }
    return text(421, `The sandbox plays hh.ru and api.hh.ru; ${ctx.host || 'no host'} is not one of them.`);
  }

  function send(res: ServerResponse, answer: SandboxResponse): void {
    res.statusCode = answer.status;
    res.setHeader('date', new Date(state.now()).toUTCString());
    for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
    const body = answer.body ?? '';
    if (answer.status !== 204 && answer.status !== 304) res.setHeader('content-length', Buffer.byteLength(body));
    res.end(answer.status === 204 || answer.status === 304 ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = hostOf(req);
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = flatHeaders(req);
    const body = await readBody(req);
    const isControl = url.pathname.startsWith('/__sandbox/');
    // Control calls are the test talking, not hh.ru being talked to: they stay out of the log.
    const entry = isControl
      ? null
      : log.add({
          t: state.now(),
          host,
          method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers,
          body: body.subarray(0, LOG_BODY_CAP).toString('utf8'),
          status: null,
        });

    const cookies = parseCookies(headers.cookie);
    const session = state.session(cookies.hhtoken) ?? null;
    const parsed = await parseBody(headers['content-type'] ?? '', body);
    const ctx: SandboxRequest = {
      state,
      method,
      host,
      url,
      path: url.pathname,
      query: url.searchParams,
      headers,
      cookies,
      body,
      bodyText: body.toString('utf8'),
      ...parsed,
      session,
      user: session ? (state.userById(session.userId) ?? null) : null,
      raw: req,
    };
    const answer = (a: SandboxResponse) => {
      if (entry) entry.status = a.status;
      send(res, a);
    };
    const drop = () => {
      if (entry) entry.status = 0;
      res.destroy();
    };

    if (isControl) return answer(handleControl(ctx, control));

    const delay = faults.latencyFor(host, url.pathname);
    if (delay > 0) await sleep(delay);

    const fault = faults.take(host, method, url.pathname);
    if (!fault) return answer((await route(ctx)) ?? text(404, 'Not Found'));
    switch (fault.kind) {
      case 'drop':
        return drop();
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      case 'drop_after': {
        await route(ctx);
        // Cut mid-answer, after the status line: a connection closed with no byte of answer would
        // let the browser resend the request by itself (it does for reused keep-alive sockets).
        if (entry) entry.status = 0;
        const socket = res.socket;
        socket?.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 4096\r\n\r\n{"', () =>
          socket.destroy(),
        );
        return;
      }
      default: {
        const real = needsRealAnswer(fault.kind, method) ? await route(ctx) : null;
        return answer(faultAnswer({ ...fault, kind: fault.kind }, host === API_HOST, real, ctx));
      }
    }
  }

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[sandbox] handler failed:', err);
      if (!res.headersSent) send(res, text(500, `sandbox error: ${err instanceof Error ? err.message : String(err)}`));
      else res.destroy();
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    certPem: tls.cert,
    spki: tls.spki,
    state,
    control,
    close() {
      releaseHanging();
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
