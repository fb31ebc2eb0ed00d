/**
 * Which gateway serves an operation. Settings say auto (default), API only, or hh.ru session
 * only. Auto uses the official API when an OAuth app is configured and the person signed in
 * through it, and falls back to the site session when the API refuses this app (403 on applicant
 * methods). The gateways themselves are built in hh-client.ts.
 */
import type { Gateway } from '../hh/gateway';
import type { GatewayKind } from '../hh/model';
import { HhError, toErrorInfo, type ErrorInfo } from '../hh/errors';
import { ERROR_POLICY } from '../hh/policy';
import { SITES, siteOrigin } from '../hh/sites';
import { applicantSiteItem, gatewayStatusItem, getOAuthApp, getSettings, getTokens } from '../store';
import { AUTO_SITE } from '../site';
import { pauseAutomation } from './automation';
import { gatewayOf, type OperationScope } from './hh-client';
import { siteFor } from './site-choice';

export type { OperationScope };

export interface GatewayPlan {
  /** Gateways to try, in order. */
  order: GatewayKind[];
  /** Why the API is not in the plan (shown to the user when nothing works). */
  apiProblem: ErrorInfo | null;
}

export async function planGateways(): Promise<GatewayPlan> {
  const settings = await getSettings();
  if (settings.gateway === 'site') return { order: ['site'], apiProblem: null };
  const [app, tokens] = await Promise.all([getOAuthApp(), getTokens()]);
  const apiProblem = !app.clientId ? new HhError('no_app').info : !tokens ? new HhError('auth').info : null;
  if (settings.gateway === 'api') return { order: apiProblem ? [] : ['api'], apiProblem };
  return { order: apiProblem ? ['site'] : ['api', 'site'], apiProblem };
}

const fallsBack = (e: unknown): boolean => e instanceof HhError && ERROR_POLICY[e.kind].fallsBack;

/**
 * Run one operation on the first gateway that answers it. Only reads and writes that were
 * refused before reaching the operation (app refused, signed out) fall through: an apply that
 * may have happened is never repeated on the other gateway. A captcha anywhere pauses automatic
 * work, whoever asked.
 */
export async function withGateway<T>(
  op: (g: Gateway) => Promise<T>,
  scope: OperationScope = {},
): Promise<{ value: T; kind: GatewayKind }> {
  try {
    return await onFirstGateway(op, scope);
  } catch (e) {
    if (!(e instanceof HhError && e.kind === 'no_session') || !(await findApplicant(scope))) throw e;
    // The person is logged in on another site of the family: that site is remembered now.
    return onFirstGateway(op, scope);
  }
}

/**
 * A person nobody has seen yet, not logged in on hh.ru: are they logged in on a sister site? Asked
 * only with the site setting on auto, for the popup and options (a content script's page names its
 * site), and only until some site has shown a logged-in applicant: one light read per site, in
 * parallel. The read that finds one remembers its site (SiteMemory.applicantSite); none found
 * leaves the first site's "log in on hh.ru" standing.
 */
async function findApplicant(scope: OperationScope): Promise<boolean> {
  if (scope.pageUrl) return false;
  const [settings, seen, tried] = await Promise.all([getSettings(), applicantSiteItem.getValue(), siteFor(scope)]);
  if (settings.site !== AUTO_SITE || seen || settings.gateway === 'api') return false;
  const others = SITES.map((s) => s.host).filter((host) => host !== tried);
  try {
    await Promise.any(others.map(async (host) => (await gatewayOf('site', { pageUrl: siteOrigin(host) })).me()));
  } catch {
    return false;
  }
  return (await applicantSiteItem.getValue()) !== null;
}

async function onFirstGateway<T>(op: (g: Gateway) => Promise<T>, scope: OperationScope): Promise<{ value: T; kind: GatewayKind }> {
  const plan = await planGateways();
  if (plan.order.length === 0) throw new HhError(plan.apiProblem?.kind ?? 'no_app');
  const errors: unknown[] = [];
  for (const kind of plan.order) {
    try {
      const value = await op(await gatewayOf(kind, scope));
      const problem = errors.length ? toErrorInfo(errors[0]) : plan.apiProblem;
      await gatewayStatusItem.setValue({ kind, problem });
      return { value, kind };
    } catch (e) {
      errors.push(e);
      if (e instanceof HhError && e.kind === 'captcha') await pauseAutomation(e.info);
      if (!fallsBack(e)) break;
    }
  }
  // The user who connected the API and lost that sign-in needs "sign in again", not the
  // site's "log in on hh.ru" that followed it.
  const first = errors[0];
  throw first instanceof HhError && first.kind === 'auth' ? first : errors.at(-1);
}
