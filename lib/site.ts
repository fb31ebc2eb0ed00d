/**
 * Which hh-family site Otklik reads from and links to (hh.ru, hh.kz, rabota.by, ...). Pure, so the
 * background, the popup and the options page agree without asking one another.
 *
 * 1. A content script's request: the site of the page that asked (a person on hh.kz means hh.kz).
 * 2. Settings name a site: that one. The setting is an override; "auto" is the default.
 * 3. Auto: the site where the person was last seen logged in as an applicant (a read or a page's
 *    state showed `userType: "applicant"` there); hh.ru before anything was seen.
 */
import { siteOf } from './hh/sites';

export const AUTO_SITE = 'auto';
/** Where a person nobody has seen yet most likely is: most hh users are on hh.ru. */
export const DEFAULT_SITE = 'hh.ru';

export interface SiteInputs {
  /** `settings.site`: "auto" or a site root. */
  setting: string | null | undefined;
  /** Where a logged-in applicant was last seen (stored), if anywhere. */
  applicant?: string | null;
  /** The page a content script asked from (its URL as the browser reports it). */
  pageUrl?: string | null;
}

/** A site root of ours, or null: stored values and URLs are checked, never trusted. */
function rootOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const site = siteOf(value);
  return site === value.toLowerCase() ? site : null;
}

function pageSite(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? siteOf(u.hostname) : null;
  } catch {
    return null;
  }
}

export function chooseSite(inputs: SiteInputs): string {
  return pageSite(inputs.pageUrl) ?? rootOf(inputs.setting) ?? rootOf(inputs.applicant) ?? DEFAULT_SITE;
}
