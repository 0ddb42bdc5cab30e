import { describe, expect, it } from 'vitest';
import { encounterLocation, stripToLocation } from '../../lib/encounter-location';

describe('encounterLocation', () => {
  it('keeps origin and path only', () => {
    expect(encounterLocation('https://news.example/a/b?session=1&q=x#frag')).toBe('https://news.example/a/b');
    expect(encounterLocation('http://127.0.0.1:8080/p?t=1')).toBe('http://127.0.0.1:8080/p');
  });

  it('prefers a canonical URL on the same site, and ignores one elsewhere', () => {
    expect(encounterLocation('https://www.news.example/a?x=1', 'https://news.example/story?y=2')).toBe('https://news.example/story');
    expect(encounterLocation('https://m.news.example/a', 'https://news.example/story')).toBe('https://news.example/story');
    expect(encounterLocation('https://news.example/a', 'https://tracker.example/b')).toBe('https://news.example/a');
    expect(encounterLocation('https://news.example/a', 'javascript:alert(1)')).toBe('https://news.example/a');
    expect(encounterLocation('https://news.example/a', 'not a url')).toBe('https://news.example/a');
  });

  it('keeps nothing for other schemes', () => {
    expect(encounterLocation('file:///home/reader/notes.html')).toBeNull();
    expect(encounterLocation('about:blank')).toBeNull();
  });

  it('strips what was stored before (the v3 upgrade)', () => {
    expect(stripToLocation('https://news.example/a?session=1#x')).toBe('https://news.example/a');
    expect(stripToLocation('file:///x?y#z')).toBe('file:///x');
  });
});
