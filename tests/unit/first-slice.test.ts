// How much of the first walk goes with the first request: a page that fits is sent whole, a page
// that goes on sends only the part painted at once.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_CHARS, NEAR_CHARS, firstSliceEnd, nearStart } from '../../entrypoints/content/first-slice';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('the first slice', () => {
  it('sends a page that fits whole', () => {
    expect(firstSliceEnd([10_000, 10_000, 10_000], false)).toBe(3);
  });

  it('sends a page that goes on only as far as it is painted at once', () => {
    expect(firstSliceEnd([5_000, 5_000, 5_000, 5_000], true)).toBe(2);
    // Blocks beyond the whole budget mean the page goes on even when the walk ended.
    expect(firstSliceEnd([5_000, 5_000, 5_000, 20_000], false)).toBe(2);
  });

  it('sends one long first block when it fits the whole budget', () => {
    expect(firstSliceEnd([20_000, 100], true)).toBe(1);
    expect(firstSliceEnd([FIRST_CHARS + 1, 100], true)).toBe(0);
    expect(firstSliceEnd([], true)).toBe(0);
  });

  it('counts the painted start up to the block that crosses it', () => {
    expect(nearStart([5_000, 5_000, 5_000, 5_000])).toBe(3);
    expect(nearStart([NEAR_CHARS, 1])).toBe(1);
  });

  it('never sends more than a budget allows, and never less than the painted start that fits', () => {
    const lengths = fc.array(fc.integer({ min: 1, max: 40_000 }), { maxLength: 60 });
    fc.assert(
      fc.property(lengths, fc.boolean(), (ls, goesOn) => {
        const n = firstSliceEnd(ls, goesOn);
        const sent = sum(ls.slice(0, n));
        const fitsWhole = !goesOn && sum(ls) <= FIRST_CHARS;
        if (fitsWhole) return n === ls.length;
        // A prefix within NEAR_CHARS, or the first block alone within FIRST_CHARS.
        if (sent > NEAR_CHARS && !(n === 1 && sent <= FIRST_CHARS)) return false;
        // Nothing that fits was left out.
        return n === ls.length || sent + ls[n]! > NEAR_CHARS || (n === 0 && ls[0]! > FIRST_CHARS);
      }),
    );
  });
});
