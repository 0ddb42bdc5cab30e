// Scans blocks of page text against the term index and hands ranges to the painter, visible
// blocks first, in slices short enough never to make the page stutter.

import type { CompiledIndex } from '../../lib/match/index-format';
import { findMatches, matchCandidates, type RawMatch } from '../../lib/match/scan';
import type { BlockMatch } from '../../lib/messages';
import type { TextBlock } from './blocks';
import { mayHoldTerm, takeUntil, type PageWalk, type TokenSink } from './first-walk';
import type { PaintedTerm } from './painter';
import { nextIdle } from './slices';

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
function toRange(block: TextBlock, start: number, end: number): Range | null {
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

export function scanBlock(ix: CompiledIndex, block: TextBlock, out: PaintedTerm[]): void {
  const found: RawMatch[] = [];
  if (block.candidates === undefined) findMatches(ix, block.text, found);
  else matchCandidates(ix, block.text, block.candidates, found);
  for (const m of found) {
    const range = toRange(block, m.start, m.end);
    if (range) out.push({ range, block: block.owner, key: ix.entries[ix.patEntry[m.pattern]!]!, label: ix.labels[m.pattern]!, form: ix.patForm[m.pattern]!, flags: m.flags });
  }
}

/** The range of a term the background found in `blocks`, added to `out`. */
function paintedFrom(blocks: TextBlock[], m: BlockMatch, out: PaintedTerm[]): void {
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


export interface ScanStats {
  /**
   * When the first slice had been painted (ms since `t0`). It starts at the viewport and covers
   * far more text than a screen holds; asking the layout where the screen ends would itself
   * force a layout on the page's time.
   */
  firstViewportMs: number;
  /** When the whole page had been painted (ms since `t0`). */
  doneMs: number;
  /** Main-thread time spent collecting, scanning and painting. */
  busyMs: number;
  /** The longest task Gloss ran on the main thread. */
  longestSliceMs: number;
  blocks: number;
}

/** Where the scanner gets its index: hashes of the page's tokens go in, the matching part comes back. */
export interface IndexSource extends TokenSink {
  /** The index for every token noted so far; null when no term can occur. */
  current(): Promise<CompiledIndex | null>;
}




/**
 * Scans a page: paints the first slice of `walk` (around the viewport) from the terms the
 * background found there (`firstMatches`) at once, then, in the browser's idle periods, walks
 * the rest, looks its tokens up once, and scans the blocks some term can start. No slice holds
 * the main thread for more than about SLICE_MS, and while the page renders there is at most one
 * per frame. `busyMs` is what the caller already spent on the main thread. Returns null when
 * `signal` aborted it.
 */
export async function scanPage(
  source: IndexSource,
  walk: PageWalk,
  firstMatches: readonly BlockMatch[],
  paint: (terms: PaintedTerm[], nearViewport: boolean) => void,
  signal: AbortSignal,
  t0: number,
  busyMs: number,
): Promise<ScanStats | null> {
  const { walkers, state, first } = walk;
  const stats: ScanStats = { firstViewportMs: -1, doneMs: 0, busyMs, longestSliceMs: walk.firstMs, blocks: first.length + walk.overflow.length };
  const timed = (work: () => void): number => {
    const start = performance.now();
    work();
    const end = performance.now();
    stats.busyMs += end - start;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, end - start);
    return end;
  };
  /** Runs `work` (given its deadline) in the next idle period; false once aborted. */
  const idleSlice = async (work: (deadline: number) => void): Promise<boolean> => {
    const budget = await nextIdle();
    if (signal.aborted) return false;
    timed(() => work(performance.now() + budget));
    return true;
  };

  /** Turns `items` into painted terms with `each`, in idle slices, painting each slice's; false once aborted. */
  const paintInSlices = async <T>(items: readonly T[], each: (item: T, out: PaintedTerm[]) => void): Promise<boolean> => {
    for (let k = 0; k < items.length; ) {
      const ok = await idleSlice((deadline) => {
        const out: PaintedTerm[] = [];
        do each(items[k++]!, out);
        while (k < items.length && performance.now() < deadline);
        paint(out, false);
      });
      if (!ok) return false;
    }
    return true;
  };

  if (signal.aborted) return null;
  // The first slice's ranges near its start (where the reader looks) are in the highlight
  // registry when this returns, so the next frame shows them; the rest of the slice follows in
  // idle slices, and the viewport window paints it when the observer finds it near.
  const near = nearStart(first);
  stats.firstViewportMs =
    timed(() => {
      const inView: PaintedTerm[] = [];
      for (const m of firstMatches) if (m.block < near) paintedFrom(first, m, inView);
      paint(inView, true);
    }) - t0;
  // On a dense page the rest of the slice holds hundreds of matches: a few idle slices' worth.
  const beyond = firstMatches.filter((m) => m.block >= near);
  if (!(await paintInSlices(beyond, (m, out) => paintedFrom(first, m, out)))) return null;

  source.add(walk.overflow);
  const rest = walk.overflow.filter(mayHoldTerm);
  while (state.w < walkers.length) {
    const ok = await idleSlice((deadline) => {
      stats.blocks += takeUntil(walkers, state, deadline, source, rest);
    });
    if (!ok) return null;
  }
  // A page where no block can start a term ends here, without asking for any index.
  const index = rest.length ? await source.current() : null;
  if (index && !(await paintInSlices(rest, (b, out) => scanBlock(index, b, out)))) return null;
  stats.doneMs = performance.now() - t0;
  return stats;
}
