// The first thing the reader sees: the terms the background found in the first slice, turned into
// ranges and painted, the blocks nearest the walk's start (where the reader looks) at once. The
// boot paints them before the page core has arrived; the core adds the rest of the slice.

import type { BlockMatch } from '../../lib/messages';
import type { TextBlock } from './blocks';
import type { PageWalk } from './first-walk';
import type { Painter, PaintedTerm } from './painter';

/** Index of the node holding raw offset `at` (the last node starting at or before it). */
function nodeAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The DOM range of [start, end) in `block`, or null when its nodes no longer hold the text it was read with. */
export function toRange(block: TextBlock, start: number, end: number): Range | null {
  const { nodes, starts } = block.layoutTo(end);
  if (nodes.length === 0) return null;
  const a = nodeAt(starts, start);
  // The end belongs to the node holding the last matched unit, not the next one.
  const b = nodeAt(starts, end - 1);
  const startNode = nodes[a]!;
  const endNode = nodes[b]!;
  if (start - starts[a]! > startNode.length || end - starts[b]! > endNode.length) return null;
  const range = document.createRange();
  range.setStart(startNode, start - starts[a]!);
  range.setEnd(endNode, end - starts[b]!);
  return range;
}

/** The range of a term the background found in `blocks`, added to `out`. */
export function paintedFrom(blocks: TextBlock[], m: BlockMatch, out: PaintedTerm[]): void {
  const block = blocks[m.block];
  const range = block ? toRange(block, m.start, m.end) : null;
  if (block && range) out.push({ range, block: block.owner, key: m.key, label: m.label, form: m.form, flags: m.flags });
}

/** About four screens of prose: the text nearest the walk's start, surely on or near the screen. */
const NEAR_CHARS = 12_000;

/** How many of `blocks` (from the walk's start) hold the first NEAR_CHARS characters. */
function nearStart(blocks: readonly TextBlock[]): number {
  let chars = 0;
  let n = 0;
  while (n < blocks.length && chars < NEAR_CHARS) chars += blocks[n++]!.text.length;
  return n;
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
export function paintFirst(walk: PageWalk, matches: readonly BlockMatch[], painter: Painter): FirstPaint {
  const start = performance.now();
  const near = nearStart(walk.first);
  const inView: PaintedTerm[] = [];
  for (const m of matches) if (m.block < near) paintedFrom(walk.first, m, inView);
  for (const x of inView) painter.add(x, true);
  const at = performance.now();
  return { painter, near, at, ms: at - start };
}
