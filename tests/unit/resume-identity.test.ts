/**
 * One resume, one id: whether api.hh.ru or the user's hh.ru session served it, a resume is named by
 * its hash. Auto mode falls back between the gateways, and everything keyed by resume id (auto-raise,
 * raise outcomes, drafts, the ledger, the popup's cards) must survive the switch. Both gateways read
 * the same sandbox user here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiGateway } from '../../lib/hh/api/gateway';
import type { Gateway } from '../../lib/hh/gateway';
import { createSiteGateway } from '../../lib/hh/site/gateway';
import { siteMemory } from '../../lib/background/hh-client';
import { createHttp, type Read, type RequestSpec } from '../../lib/hh/http';
import { sandboxClient, type SandboxClient } from '../sandbox/client';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
let client: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = sandboxClient(sandbox);
});
afterAll(async () => {
  client.close();
  await sandbox.close();
});
beforeEach(() => {
  sandbox.control.reset();
  fakeBrowser.reset();
});

/** The browser's fetch, pointed at the sandbox; hh.ru requests carry anna's session cookie. */
function browserFetch(cookie: string): typeof globalThis.fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    if (url.hostname === 'hh.ru') headers['cookie'] = cookie;
    const reply = await client.request({ host: url.hostname, method: init?.method ?? 'GET', path: url.pathname + url.search, headers });
    const answer = new Headers();
    for (const [k, v] of Object.entries(reply.headers)) if (typeof v === 'string') answer.set(k, v);
    return new Response(reply.status === 204 || reply.status === 304 ? null : reply.text, { status: reply.status, headers: answer });
  };
}

function gateways(): { api: Gateway; site: Gateway } {
  const session = sandbox.control.login('anna');
  const http = createHttp({ fetch: browserFetch(`hhtoken=${session.hhtoken}; _xsrf=${session.xsrf}`), sleep: async () => undefined });
  const token = sandbox.control.token({ user: 'anna' }).access_token;
  const auth = {
    authorizedRequest: <R extends Read = 'none'>(spec: Omit<RequestSpec<R>, 'bearer'>) =>
      http.request({ ...spec, bearer: token } as RequestSpec<R>),
  };
  return { api: createApiGateway({ site: 'hh.ru', auth }), site: createSiteGateway({ site: 'hh.ru', http, memory: siteMemory }) };
}

const byTitle = (list: Array<{ id: string; title: string }>) => Object.fromEntries(list.map((r) => [r.title, r.id]));

describe('the same resume has the same id from both gateways', () => {
  it('in the resume list, and each gateway finds a resume by the id the other gave', async () => {
    const { api, site } = gateways();
    const [fromApi, fromSite] = await Promise.all([api.resumes(), site.resumes()]);
    expect(fromApi).toHaveLength(4);
    expect(byTitle(fromSite)).toEqual(byTitle(fromApi));
    const first = fromApi[0]!;
    expect(first.id).toBe(sandbox.state.resume('1001')!.hash);
    expect((await site.resume(first.id)).title).toBe(first.title);
    // hh.ru's own number still finds it on the site.
    expect((await site.resume('1001')).id).toBe(first.id);
  });

  for (const shape of ['classic', 'full'] as const) {
    it(`in a vacancy’s apply options (${shape} vacancy page), also the resume that already applied`, async () => {
      sandbox.control.config({ vacancyShape: shape });
      const anna = sandbox.state.userByLogin('anna')!;
      const applied = sandbox.state.negotiationsOf(anna.id)[0]!.vacancyId;
      const { api, site } = gateways();
      for (const vacancyId of ['70000001', applied]) {
        const [a, s] = await Promise.all([api.vacancyContext(vacancyId), site.vacancyContext(vacancyId)]);
        const offered = (ctx: typeof a) => byTitle(ctx.options.map((o) => o.resume));
        expect(Object.keys(offered(a)).length).toBeGreaterThan(0);
        expect(offered(s)).toEqual(offered(a));
        const appliedWith = (ctx: typeof a) => ctx.options.filter((o) => o.reason === 'already_applied').map((o) => o.resume.id);
        expect(appliedWith(s)).toEqual(appliedWith(a));
        if (vacancyId === applied) expect(appliedWith(a)).toHaveLength(1);
      }
    });
  }

  it('in the applications list, once the site has listed the resumes', async () => {
    const { api, site } = gateways();
    await site.resumes();
    const [a, s] = await Promise.all([api.negotiations(), gateways().site.negotiations()]);
    const resumeOf = (list: typeof a) => Object.fromEntries(list.map((n) => [n.id, n.resumeId]));
    expect(a.length).toBeGreaterThan(0);
    expect(resumeOf(s)).toEqual(resumeOf(a));
  });
});
