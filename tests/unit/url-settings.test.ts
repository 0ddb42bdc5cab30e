import { describe, expect, it } from 'vitest';
import { isSiteDisabled, normalizeHost, sanitizeSettings } from '../../lib/settings';
import { matchesPattern, safeHttpUrl } from '../../lib/url';
import { inflectedForms } from '../../lib/text/inflect';

describe('links', () => {
  it('makes links only of http(s) URLs', () => {
    expect(safeHttpUrl('https://en.wikipedia.org/wiki/Almaty')).toBe('https://en.wikipedia.org/wiki/Almaty');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});

describe('pack scope', () => {
  it('follows WebExtension match patterns', () => {
    expect(matchesPattern('*://*.opendemocracy.net/*', 'https://www.opendemocracy.net/en/x/')).toBe(true);
    expect(matchesPattern('*://*.opendemocracy.net/*', 'https://opendemocracy.net/')).toBe(true);
    expect(matchesPattern('*://*.opendemocracy.net/*', 'https://evil-opendemocracy.net/')).toBe(false);
    expect(matchesPattern('https://example.org/news/*', 'http://example.org/news/a')).toBe(false);
    expect(matchesPattern('https://example.org/news/*', 'https://example.org/sport/a')).toBe(false);
    expect(matchesPattern('<all_urls>', 'https://x.test/')).toBe(true);
    expect(matchesPattern('garbage', 'https://x.test/')).toBe(false);
  });
});

describe('settings', () => {
  it('normalises hosts and matches subdomains of a disabled site', () => {
    expect(normalizeHost('https://WWW.BBC.co.uk/news')).toBe('bbc.co.uk');
    const s = sanitizeSettings({ disabledSites: ['bbc.co.uk'] });
    expect(isSiteDisabled(s, 'www.bbc.co.uk')).toBe(true);
    expect(isSiteDisabled(s, 'news.bbc.co.uk')).toBe(true);
    expect(isSiteDisabled(s, 'notbbc.co.uk')).toBe(false);
  });

  it('replaces values it cannot use with defaults', () => {
    expect(sanitizeSettings({ hoverDelayMs: Number.NaN, highlightStyle: 'blink' as never })).toMatchObject({ hoverDelayMs: 300, highlightStyle: 'underline' });
    expect(sanitizeSettings({ hoverDelayMs: 99_999 }).hoverDelayMs).toBe(2000);
  });
});

describe('inflection', () => {
  it('generates Russian, Ukrainian and Kazakh noun forms of a Cyrillic last word', () => {
    expect(inflectedForms('титушки', 'ru')).toEqual(expect.arrayContaining(['титушек', 'титушками', 'титушках']));
    expect(inflectedForms('Євромайдан', 'uk')).toEqual(expect.arrayContaining(['євромайдану', 'євромайданом']));
    expect(inflectedForms('теңге', 'kk')).toEqual(expect.arrayContaining(['теңгенің', 'теңгеге', 'теңгелер']));
    expect(inflectedForms('Нур Отан', 'ru')).toEqual(expect.arrayContaining(['нур отана']));
    expect(inflectedForms('titushki', 'ru')).toEqual([]);
  });
});

describe('editorQuery', () => {
  it('carries the term, its sentence and an http(s) page as the source', async () => {
    const { editorQuery } = await import('../../lib/editor-link');
    const q = new URLSearchParams(editorQuery({ term: ' Shal, ket! ', sentence: 'Crowds chanted “Shal, ket!”.', pageUrl: 'https://news.example/a?x=1', pageTitle: 'A story' }));
    expect(Object.fromEntries(q)).toEqual({ pack: 'my-glossary', term: 'Shal, ket!', context: 'Crowds chanted “Shal, ket!”.', source: 'https://news.example/a', title: 'A story' });
    const local = new URLSearchParams(editorQuery({ term: 'tenge', sentence: '', pageUrl: 'file:///home/me/notes.html' }, 'class-7b'));
    expect(Object.fromEntries(local)).toEqual({ pack: 'class-7b', term: 'tenge' });
  });
});
