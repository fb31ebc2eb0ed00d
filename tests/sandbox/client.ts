/**
 * A node client for tests that talk to the sandbox as a browser would: real host names (SNI and
 * Host header), the sandbox certificate as the only trusted CA.
 */
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Sandbox } from './server';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  host?: string;
  method?: string;
  /** Path with query. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface ApiOptions {
  token?: string;
  /** false: send no HH-User-Agent. */
  userAgent?: boolean;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent as multipart/form-data (POST /negotiations). */
  multipart?: Record<string, string>;
}

export const TEST_USER_AGENT = 'Otklik/0.1.0 (tests@otklik.dev)';

async function multipartBody(fields: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const req = new Request('https://api.hh.ru/', { method: 'POST', body: fd });
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

export function sandboxClient(sandbox: Pick<Sandbox, 'port' | 'certPem'>) {
  const agent = new Agent({ keepAlive: true, ca: sandbox.certPem });

  function request(opts: RequestOptions): Promise<Reply> {
    const host = opts.host ?? 'hh.ru';
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          agent,
          host: '127.0.0.1',
          port: sandbox.port,
          servername: host,
          method: opts.method ?? 'GET',
          path: opts.path,
          headers: { host, ...(body ? { 'content-length': String(body.length) } : {}), ...opts.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async function api(method: string, path: string, opts: ApiOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(opts.userAgent === false ? {} : { 'hh-user-agent': TEST_USER_AGENT }) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: Buffer | string | undefined;
    if (opts.form) {
      body = new URLSearchParams(opts.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (opts.multipart) {
      const mp = await multipartBody(opts.multipart);
      body = mp.body;
      headers['content-type'] = mp.contentType;
    }
    return request({ host: 'api.hh.ru', method, path, headers: { ...headers, ...opts.headers }, body });
  }

  /** `/__sandbox/*` over HTTP. */
  function control(method: string, path: string, payload?: unknown): Promise<Reply> {
    return request({
      host: 'hh.ru',
      method,
      path: `/__sandbox${path}`,
      headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  }

  return { request, api, control, close: () => agent.destroy() };
}

export type SandboxClient = ReturnType<typeof sandboxClient>;
