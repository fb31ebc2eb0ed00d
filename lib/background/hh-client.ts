/**
 * The hh.ru client (lib/hh) as this extension builds it: its HTTP layer with the ETag cache in
 * IndexedDB, OAuth with the tokens in IndexedDB, and what the site gateway learns kept in storage.
 * One gateway per operation: what a gateway reads during one operation it may reuse within it
 * (an auto-raise reads the resume list once for its check and its raise), never across.
 */
import type { Gateway } from '../hh/gateway';
import type { GatewayKind } from '../hh/model';
import { createHttp } from '../hh/http';
import { createAuth } from '../hh/api/auth';
import { createApiGateway } from '../hh/api/gateway';
import { createSiteGateway, type SiteMemory } from '../hh/site/gateway';
import { applicantSiteItem, getOAuthApp, httpCacheStore, resumeSiteIdsItem, siteFact, snapshotItem, tokenStore } from '../store';
import { siteFor, type OperationScope } from './site-choice';

const http = createHttp({ cache: httpCacheStore });

/** OAuth for the API gateway; sign-in and sign-out go through it too. */
export const auth = createAuth({ http, tokens: tokenStore, app: getOAuthApp });

/** The site gateway's memory, in storage (exported for tests that play hh.ru against it). */
export const siteMemory: SiteMemory = {
  build: siteFact('build'),
  raiseVariant: siteFact('raiseVariant'),
  resumeIds: {
    get: () => resumeSiteIdsItem.getValue(),
    set: (ids) => resumeSiteIdsItem.setValue(ids),
  },
  knownResumes: async () => (await snapshotItem.getValue())?.resumes ?? [],
  applicantSite: {
    get: () => applicantSiteItem.getValue(),
    async set(site) {
      if ((await applicantSiteItem.getValue()) !== site) await applicantSiteItem.setValue(site);
    },
  },
};

export type { OperationScope };

export async function gatewayOf(kind: GatewayKind, scope: OperationScope = {}): Promise<Gateway> {
  const site = await siteFor(scope);
  return kind === 'api'
    ? createApiGateway({ site, auth })
    : createSiteGateway({ site, http, memory: siteMemory, tabId: scope.tabId });
}
