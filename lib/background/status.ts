/** What the popup, options and panel show about the account: signed in? through what? what to do? */
import type { Status } from '../messages';
import { HhError, toErrorInfo } from '../hh/errors';
import { ERROR_POLICY } from '../hh/policy';
import { withGateway, type OperationScope } from './gateways';
import { auth } from './hh-client';
import { siteFor } from './site-choice';
import { restoreSchedule } from './resumes/schedule';
import { getOAuthApp, getTokens, pauseItem, snapshotItem, wipeUserData } from '../store';

/** `scope`: a content script's page, whose site is the one asked about. */
export async function getStatus(scope: OperationScope = {}): Promise<Status> {
  const result = await withGateway((g) => g.me(), scope).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  // Read after the call: a revoked token found by it is already gone, and a read that found the
  // person logged in on a site has remembered that site.
  const [app, tokens, paused, snapshot, site] = await Promise.all([
    getOAuthApp(),
    getTokens(),
    pauseItem.getValue(),
    snapshotItem.getValue(),
    siteFor(scope),
  ]);
  const base = { hasApp: !!app.clientId, apiSignedIn: !!tokens, paused, site };
  if (!(result instanceof Error)) {
    return { ...base, signedIn: true, me: result.value, gateway: result.kind, problem: null };
  }
  const problem = toErrorInfo(result);
  // Offline or hh.ru down is not "signed out": keep showing the last known user.
  if (ERROR_POLICY[problem.kind].transient) {
    return { ...base, signedIn: !!snapshot?.me, me: snapshot?.me ?? null, gateway: snapshot?.source ?? null, problem };
  }
  return { ...base, signedIn: false, me: null, gateway: null, problem };
}

export async function signInAndStatus(): Promise<Status> {
  await auth.signIn(await siteFor());
  return getStatus();
}

export async function signOutAndStatus(): Promise<Status> {
  await auth.signOut();
  await wipeUserData();
  // The raise timers belonged to the person who left: with the snapshot gone, none is wanted.
  await restoreSchedule();
  const status = await getStatus();
  // After signing out of the API the site session may still serve; say so rather than pretend.
  return status.signedIn ? status : { ...status, problem: status.problem ?? new HhError('auth').info };
}
