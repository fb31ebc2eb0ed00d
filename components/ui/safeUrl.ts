/**
 * A link from hh.ru's data as something safe to put in `href`: only http(s) URLs pass, so a
 * `javascript:` value in an employer record can never run in an extension page.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
