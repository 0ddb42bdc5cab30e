// Which page a highlight belongs to. The same article is reached under many addresses: with a
// #fragment, with campaign tracking parameters, or under the canonical URL the page declares.
// pageIdentity picks one key for storage and lists the other forms, so a highlight saved under
// one form is found from another.

/**
 * Query parameters that only track where a visitor came from; they never select the content.
 * Matched case-insensitively; `utm_*` as a prefix.
 *
 * utm_*            Google Analytics campaign parameters (utm_source, utm_medium, utm_campaign…)
 * fbclid           Facebook click id
 * gclid, dclid     Google Ads / DoubleClick click ids
 * gbraid, wbraid   Google Ads click ids for iOS app/web campaigns
 * msclkid          Microsoft Advertising click id
 * mc_cid, mc_eid   Mailchimp campaign and subscriber ids
 * igshid           Instagram share id
 * yclid            Yandex click id
 * _ga, _gl         Google Analytics cross-domain linker
 * ref_src          Twitter/X referral source
 * spm              Alibaba/Taobao tracking position
 */
export const TRACKING_PARAMS: readonly string[] = [
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_ga',
  '_gl',
  'ref_src',
  'spm',
];
const TRACKING = new Set(TRACKING_PARAMS);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

export interface PageIdentity {
  /** The form highlights are stored under: the canonical URL when trusted, else the cleaned URL. */
  key: string;
  /** The other forms of the page's address (never `key` itself); may be empty. */
  aliases: string[];
}

function parseHttp(raw: string, base?: string): URL | null {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/**
 * The address without fragment and tracking parameters; the other parameters (which may select
 * the article: ?id=123, ?p=2) are kept, sorted by name (stable for repeated names), so the same
 * page with its parameters in another order gets the same key.
 */
function clean(u: URL): string {
  const out = new URL(u.href);
  out.hash = '';
  const kept = [...out.searchParams].filter(([name]) => !isTrackingParam(name));
  const params = new URLSearchParams(kept);
  params.sort();
  const query = params.toString();
  out.search = query ? `?${query}` : '';
  return out.href;
}

/**
 * Same site, as far as a URL alone tells: the same hostname, or one a subdomain of the other
 * (example.com and www.example.com, or m.example.com). Without the public suffix list a page on
 * one subdomain cannot claim a sibling subdomain (a.example.com → b.example.com), and a bare
 * top-level name (a hostname without a dot) never counts as a parent, so `com` does not vouch
 * for `example.com`. IP addresses must match exactly.
 */
export function sameSite(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (!short.includes('.') || /^[\d.]+$/.test(short) || short.startsWith('[')) return false;
  return long.endsWith(`.${short}`);
}

/**
 * The identity of the page at `url`, given the canonical URL it declares (`<link rel=canonical>`,
 * possibly relative), or null when `url` is not an http(s) address. A canonical URL on another
 * site, or not http(s), is ignored: a page must not file its highlights under someone else's
 * address.
 */
export function pageIdentity(url: string, canonical?: string | null): PageIdentity | null {
  const page = parseHttp(url);
  if (!page) return null;
  const cleaned = clean(page);
  const declared = canonical ? parseHttp(canonical, page.href) : null;
  if (!declared || !sameSite(declared.hostname, page.hostname)) return { key: cleaned, aliases: [] };
  const key = clean(declared);
  return { key, aliases: key === cleaned ? [] : [cleaned] };
}
