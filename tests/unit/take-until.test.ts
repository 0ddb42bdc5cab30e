// Taking blocks in slices: from blocks walked already as from a walker, each noted once, only
// those some term can start kept.

import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../entrypoints/content/blocks';
import { takeUntil, WalkedBlocks } from '../../entrypoints/content/first-walk';

const block = (i: number): TextBlock => ({ text: `b${i}`, candidates: i % 3 === 0 ? null : undefined }) as TextBlock;

describe('takeUntil', () => {
  it('hands out walked blocks a few at a time, notes each once and keeps those that may hold a term', () => {
    const blocks = Array.from({ length: 20 }, (_, i) => block(i));
    const sources = [new WalkedBlocks(blocks.slice(0, 12)), new WalkedBlocks(blocks.slice(12))];
    const state = { w: 0 };
    const noted: TextBlock[] = [];
    const kept: TextBlock[] = [];
    const sink = { add: (got: TextBlock[]) => void noted.push(...got) };
    // A deadline already past: one step of at most eight blocks per call.
    expect(takeUntil(sources, state, 0, sink, kept)).toBe(8);
    expect(state.w).toBe(0);
    let taken = 8;
    while (state.w < sources.length) taken += takeUntil(sources, state, 0, sink, kept);
    expect(taken).toBe(20);
    expect(noted).toEqual(blocks);
    expect(kept).toEqual(blocks.filter((_, i) => i % 3 !== 0));
  });
});
