// The text a woken service worker rehearses its matcher on (lib/match/rehearsal.ts): it must
// take the matcher through hits across the whole index, and stay about the size asked for.

import { describe, expect, it } from 'vitest';
import { rehearsalText } from '../../lib/match/rehearsal';
import { indexOf, matches } from './helpers';

describe('the rehearsal text', () => {
  const terms = Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)} word${(i * 7).toString(36)}`);
  const ix = indexOf(terms);

  it('is about the size asked for', () => {
    const text = rehearsalText(ix.labels, 4096);
    expect(text.length).toBeGreaterThanOrEqual(4096);
    expect(text.length).toBeLessThan(4096 + 64);
    expect(rehearsalText([], 4096)).toBe('');
  });

  it('holds matches of patterns from every part of the index', () => {
    const hit = new Set(matches(ix, rehearsalText(ix.labels, 4096)).map((m) => m.pattern));
    expect(hit.size).toBeGreaterThan(100);
    // Spread over the list, not its first hundred: every tenth of it is hit.
    const tenths = new Set([...hit].map((p) => Math.floor((p / ix.labels.length) * 10)));
    expect(tenths.size).toBe(10);
  });

  it('ends when the labels run out, even when they are few', () => {
    expect(rehearsalText(['Nur Otan', 'tenge'], 4096)).toBe('Nur Otan and tenge, the ');
  });
});
