/**
 * The site an operation reads from (lib/site.ts): the asking page's, the setting's, or where the
 * person was last seen logged in as an applicant.
 */
import { applicantSiteItem, getSettings } from '../store';
import { chooseSite } from '../site';

/** Where an operation comes from: writes prefer the tab the person acted in; reads go to its page's site. */
export interface OperationScope {
  tabId?: number;
  /** The hh page a content script asked from (the browser's word for it, not the page's). */
  pageUrl?: string;
}

export async function siteFor(scope: OperationScope = {}): Promise<string> {
  const [settings, applicant] = await Promise.all([getSettings(), applicantSiteItem.getValue()]);
  return chooseSite({ setting: settings.site, applicant, pageUrl: scope.pageUrl });
}
