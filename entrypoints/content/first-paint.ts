// The first thing the reader sees: the terms the background found in the first slice, painted,
// the blocks nearest the walk's start (where the reader looks) at once. The boot paints them
// before the page core has arrived; the core adds the rest of the slice.

import { decodeMatches, type WireMatches } from '../../lib/match/block-matches';
import type { BlockMatch } from '../../lib/messages';
import type { TextBlock } from './blocks';
import type { PageWalk } from './first-walk';
import { nearStart } from './first-slice';
import { FoundTerm } from './found-term';
import type { Painter, PaintedTerm } from './painter';

/** A term the background found in `blocks`, added to `out`. */
export function paintedFrom(blocks: TextBlock[], m: BlockMatch, out: PaintedTerm[]): void {
  const block = blocks[m.block];
  if (block) out.push(new FoundTerm(block, m.start, m.end, m.key, m.label, m.form, m.flags));
}

/** The start of a first slice, painted. */
export interface FirstPaint {
  painter: Painter;
  /** How many of the slice's blocks (from its start) were painted. */
  near: number;
  /** When painting ended (`performance.now()`), and how long it took. */
  at: number;
  ms: number;
}

/**
 * Paints the terms of `walk`'s first slice near its start into `painter`. They are in the
 * highlight registry when this returns, so the next frame shows them.
 */
export function paintFirst(walk: PageWalk, wire: WireMatches, painter: Painter): FirstPaint {
  const start = performance.now();
  const near = nearStart(walk.first.map((b) => b.text.length));
  const inView: PaintedTerm[] = [];
  for (const m of decodeMatches(wire, 0, near)) paintedFrom(walk.first, m, inView);
  for (const x of inView) painter.add(x, true);
  const at = performance.now();
  return { painter, near, at, ms: at - start };
}
