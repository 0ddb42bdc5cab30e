// What Gloss keeps of a page where the reader met a term: its origin and path, never its query
// or fragment, which often carry session tokens, search words or account ids.

import { sameSite } from './anchor/page-identity';

function isHttp(u: URL): boolean {
  return u.protocol === 'http:' || u.protocol === 'https:';
}

function parse(raw: string | null | undefined): URL | null {
  if (!raw || !URL.canParse(raw)) return null;
  const u = new URL(raw);
  return isHttp(u) ? u : null;
}

/**
 * The location recorded for a page: its declared canonical URL when that is on the page's own
 * site (a page cannot make Gloss file it under another site), else the page's own URL; either way
 * only origin and path. Null for anything but http(s).
 */
export function encounterLocation(pageUrl: string, canonical?: string | null): string | null {
  const page = parse(pageUrl);
  if (!page) return null;
  const declared = parse(canonical);
  const chosen = declared && sameSite(declared.hostname, page.hostname) ? declared : page;
  return chosen.origin + chosen.pathname;
}

/** The same rule for a location stored before queries were stripped (schema v3's upgrade). */
export function stripToLocation(stored: string): string {
  return encounterLocation(stored) ?? stored.replace(/[?#].*$/s, '');
}
