// Scans blocks of page text against the term index and hands ranges to the painter, visible
// blocks first, in slices short enough never to make the page stutter.

import type { CompiledIndex } from '../../lib/match/index-format';
import { findMatches, matchCandidates, type RawMatch } from '../../lib/match/scan';
import { decodeMatches, type WireMatches } from '../../lib/match/block-matches';
import type { TextBlock } from './blocks';
import { takeUntil, WalkedBlocks, walkGoesOn, type BlockSource, type PageWalk, type TokenSink } from './first-walk';
import { paintedFrom, type FirstPaint } from './first-paint';
import { FoundTerm } from './found-term';
import type { PaintedTerm } from './painter';
import { nextIdle } from './slices';

export function scanBlock(ix: CompiledIndex, block: TextBlock, out: PaintedTerm[]): void {
  const found: RawMatch[] = [];
  if (block.candidates === undefined) findMatches(ix, block.text, found);
  else matchCandidates(ix, block.text, block.candidates, found);
  for (const m of found) out.push(new FoundTerm(block, m.start, m.end, ix.entries[ix.patEntry[m.pattern]!]!, ix.labels[m.pattern]!, ix.patForm[m.pattern]!, m.flags));
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
  /** Resolves once `add` can tell which blocks may hold a term. */
  ready(): Promise<void>;
  /** The index for every token noted so far; null when no term can occur. */
  current(): Promise<CompiledIndex | null>;
}

/**
 * Scans a page whose first slice's start is `painted` (first-paint.ts): in the browser's idle
 * periods, adds the rest of that slice's terms (`firstMatches`, found by the background), walks
 * the rest, looks its tokens up once, and scans the blocks some term can start. No slice holds
 * the main thread for more than about SLICE_MS, and while the page renders there is at most one
 * per frame. `busyMs` is what the caller already spent on the main thread. Returns null when
 * `signal` aborted it.
 */
export async function scanPage(
  source: IndexSource,
  walk: PageWalk,
  firstMatches: WireMatches,
  painted: FirstPaint,
  signal: AbortSignal,
  t0: number,
  busyMs: number,
): Promise<ScanStats | null> {
  const { walkers, state, first } = walk;
  const { painter, near } = painted;
  const stats: ScanStats = {
    firstViewportMs: painted.at - t0,
    doneMs: 0,
    busyMs: busyMs + painted.ms,
    longestSliceMs: Math.max(walk.longestMs, painted.ms),
    blocks: first.length + walk.overflow.length,
  };
  const done = (): ScanStats => {
    stats.doneMs = performance.now() - t0;
    return stats;
  };
  const timed = (work: () => void): void => {
    const start = performance.now();
    work();
    const took = performance.now() - start;
    stats.busyMs += took;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
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
        for (const x of out) painter.add(x);
      });
      if (!ok) return false;
    }
    return true;
  };

  if (signal.aborted) return null;
  // The filter for the rest of the page is asked for now and arrives while the first slice is
  // painted (an abort meanwhile leaves it unread, not unhandled).
  const filtered = walkGoesOn(walk) ? source.ready() : null;
  filtered?.catch(() => undefined);
  // The rest of the first slice follows its painted start in idle slices; the viewport window
  // paints it when the observer finds it near. On a dense page the rest of the slice holds
  // hundreds of matches: a few idle slices' worth.
  const beyond = decodeMatches(firstMatches, near);
  if (!(await paintInSlices(beyond, (m, out) => paintedFrom(first, m, out)))) return null;
  if (!filtered) return done();
  await filtered;
  if (signal.aborted) return null;
  const rest: TextBlock[] = [];
  /** Takes the blocks of `from` in idle slices, noting their tokens; how many, or null once aborted. */
  const takeInSlices = async (from: readonly BlockSource[], at: { w: number }): Promise<number | null> => {
    let taken = 0;
    while (at.w < from.length) if (!(await idleSlice((deadline) => void (taken += takeUntil(from, at, deadline, source, rest))))) return null;
    return taken;
  };
  // The first walk's blocks that did not go with the first request (on a page that goes on, all
  // but the part painted at once) go in idle slices too: noted in the task that received the
  // filter, a dense page's 20,000 characters ran it past a frame.
  if ((await takeInSlices([new WalkedBlocks(walk.overflow)], { w: 0 })) === null) return null;
  const walked = await takeInSlices(walkers, state);
  if (walked === null) return null;
  stats.blocks += walked;
  // A page where no block can start a term ends here, without asking for any index.
  const index = rest.length ? await source.current() : null;
  if (index && !(await paintInSlices(rest, (b, out) => scanBlock(index, b, out)))) return null;
  return done();
}
