// Page identity: which address a highlight is stored under, and which other forms find it.

import { describe, expect, it } from 'vitest';
import { isTrackingParam, pageIdentity, TRACKING_PARAMS } from '../../lib/anchor/page-identity';

/** All forms a page is looked up by, as the background does: key first, then aliases. */
function forms(url: string, canonical?: string | null): string[] {
  const id = pageIdentity(url, canonical);
  return id ? [id.key, ...id.aliases] : [];
}

describe('pageIdentity', () => {
  it('drops the fragment', () => {
    expect(pageIdentity('https://example.org/news/a#comments')).toEqual({ key: 'https://example.org/news/a', aliases: [] });
  });

  it('strips tracking parameters and keeps the others, sorted by name (stable)', () => {
    const id = pageIdentity('https://example.org/story?utm_source=x&p=2&UTM_Medium=y&fbclid=abc&id=9&gclid=1&p=1&_ga=2.1&spm=a.b&ref_src=twsrc#top');
    expect(id).toEqual({ key: 'https://example.org/story?id=9&p=2&p=1', aliases: [] });
    expect(pageIdentity('https://example.org/story?utm_campaign=z')!.key).toBe('https://example.org/story');
    for (const name of TRACKING_PARAMS) expect(isTrackingParam(name)).toBe(true);
    expect(isTrackingParam('utm_anything')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('ref')).toBe(false);
  });

  it('gives the same key whatever order the parameters come in', () => {
    expect(pageIdentity('http://example.org/?b=2&a=1')!.key).toBe(pageIdentity('http://example.org/?a=1&b=2&mc_cid=3')!.key);
  });

  it('uses a canonical URL on the same site, with the cleaned page URL as alias', () => {
    const id = pageIdentity('https://www.example.org/2024/01/story.html?utm_source=feed#x', 'https://example.org/2024/01/story.html');
    expect(id).toEqual({ key: 'https://example.org/2024/01/story.html', aliases: ['https://www.example.org/2024/01/story.html'] });
    // Subdomain either way, a relative canonical, and a canonical that is the page itself.
    expect(pageIdentity('https://m.example.org/a', 'https://www.m.example.org/a')!.key).toBe('https://www.m.example.org/a');
    expect(pageIdentity('https://example.org/a?id=3&fbclid=1', '/a?id=3')).toEqual({ key: 'https://example.org/a?id=3', aliases: [] });
    expect(pageIdentity('https://example.org/a', 'https://example.org/a#main')).toEqual({ key: 'https://example.org/a', aliases: [] });
  });

  it('ignores a canonical URL on another site or of another kind', () => {
    const own = { key: 'https://example.org/a', aliases: [] };
    expect(pageIdentity('https://example.org/a', 'https://attacker.example.net/a')).toEqual(own);
    expect(pageIdentity('https://example.org/a', 'https://notexample.org/a')).toEqual(own);
    expect(pageIdentity('https://a.example.org/x', 'https://b.example.org/x')!.key).toBe('https://a.example.org/x');
    expect(pageIdentity('https://example.org/a', 'https://org/a')).toEqual(own);
    expect(pageIdentity('https://example.org/a', 'javascript:alert(1)')).toEqual(own);
    expect(pageIdentity('https://example.org/a', 'http://[::1')).toEqual(own);
    expect(pageIdentity('https://example.org/a', '')).toEqual(own);
    expect(pageIdentity('https://example.org/a', null)).toEqual(own);
  });

  it('finds a highlight both ways between the canonical and the page URL', () => {
    const url = 'https://www.example.org/story?id=7&utm_medium=social';
    const canonical = 'https://example.org/story?id=7';
    const withCanonical = forms(url, canonical);
    const without = forms(url);
    // Saved without the canonical (say it was added to the page later): found with it.
    expect(withCanonical).toContain(without[0]);
    // Saved under the canonical: found from the plain URL through the alias stored with it.
    expect(withCanonical).toEqual(expect.arrayContaining([canonical, without[0]]));
    // And from another address of the same article declaring the same canonical.
    expect(forms('https://example.org/story?utm_source=rss&id=7#c', canonical)[0]).toBe(withCanonical[0]);
  });

  it('refuses anything but http(s)', () => {
    for (const url of ['file:///home/me/a.html', 'chrome://extensions', 'about:blank', 'data:text/html,hi', 'moz-extension://x/y', 'ftp://example.org/', 'not a url', '']) {
      expect(pageIdentity(url)).toBeNull();
    }
  });
});
