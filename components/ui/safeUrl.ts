import { siteOf } from '../../lib/hh/sites';

/**
 * A link from hh.ru's data as something safe to put in `href`: only https URLs pass, so a
 * `javascript:` value in an employer record can never run in an extension page, and no link
 * sends the person to a page anyone on the way could rewrite.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An image from hh.ru's data, loaded only from hh's own hosts (its sites and its image CDN,
 * hhcdn.ru): the popup asks nothing of any other host, whatever a record says.
 */
export function hhImageUrl(url: string | null | undefined): string | undefined {
  const safe = safeUrl(url);
  if (!safe) return undefined;
  const u = new URL(safe);
  const hh = siteOf(u.hostname) !== null || u.hostname === 'hhcdn.ru' || u.hostname.endsWith('.hhcdn.ru');
  return u.protocol === 'https:' && hh ? safe : undefined;
}
