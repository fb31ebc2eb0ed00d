/** The hh family of sites Otklik works on. One engine, several hosts. */
export interface Site {
  /** The host the official API knows (`?host=`). */
  host: string;
  /** Shown in settings. */
  label: string;
}

export const SITES: readonly Site[] = [
  { host: 'hh.ru', label: 'hh.ru' },
  { host: 'hh.kz', label: 'hh.kz' },
  { host: 'rabota.by', label: 'rabota.by' },
  { host: 'hh.uz', label: 'hh.uz' },
  { host: 'hh1.az', label: 'hh1.az' },
  { host: 'headhunter.ge', label: 'headhunter.ge' },
  { host: 'headhunter.kg', label: 'headhunter.kg' },
];

export const API_ORIGIN = 'https://api.hh.ru';

const roots = SITES.map((s) => s.host);

/** Match patterns for a path on every site and its regional subdomains (spb.hh.ru, ...). */
export function sitePatterns(path: string): string[] {
  return roots.flatMap((h) => [`https://${h}${path}`, `https://*.${h}${path}`]);
}

/** Host permissions: the sites (their pages and subdomains, api.hh.ru among them). Nothing else. */
export const HOST_PERMISSIONS = sitePatterns('/*');

export const VACANCY_MATCHES = sitePatterns('/vacancy/*');
export const SEARCH_MATCHES = sitePatterns('/search/vacancy*');

/** The site root a hostname belongs to (spb.hh.ru -> hh.ru), or null when it is not ours. */
export function siteOf(hostname: string): string | null {
  const h = hostname.toLowerCase();
  return roots.find((r) => h === r || h.endsWith(`.${r}`)) ?? null;
}

export function isSiteUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && siteOf(u.hostname) !== null;
  } catch {
    return false;
  }
}

/** `/vacancy/123456` -> "123456". */
export function vacancyIdFromPath(pathname: string): string | null {
  return /^\/vacancy\/(\d+)(?:[/?#]|$)/.exec(pathname)?.[1] ?? null;
}

export function siteOrigin(site: string): string {
  return `https://${site}`;
}

/** The site a URL belongs to, as a person names it: `https://spb.hh.ru` -> "hh.ru", `https://hh.kz/x` -> "hh.kz". */
export function siteNameOf(url: string): string {
  try {
    const host = new URL(url).hostname;
    return siteOf(host) ?? host;
  } catch {
    return 'hh.ru';
  }
}
