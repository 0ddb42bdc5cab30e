// Scans blocks of page text against the term index and hands ranges to the painter, visible
// blocks first, in slices short enough never to make the page stutter.

import type { CompiledIndex } from '../../lib/match/index-format';
import { findMatches, type RawMatch } from '../../lib/match/scan';
import { BlockWalker, isBlockElement, type TextBlock } from './blocks';
import type { PaintedTerm } from './painter';

// Well under a 16 ms frame, leaving the browser room to paint in the same frame.
const SLICE_MS = 5;

/** Index of the node holding raw offset `at` (the last node starting at or before it). */
function nodeAt(block: TextBlock, at: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toRange(block: TextBlock, m: RawMatch): Range {
  const a = nodeAt(block, m.start);
  // The end belongs to the node holding the last matched unit, not the next one.
  const b = nodeAt(block, m.end - 1);
  const range = document.createRange();
  range.setStart(block.nodes[a]!, m.start - block.starts[a]!);
  range.setEnd(block.nodes[b]!, m.end - block.starts[b]!);
  return range;
}

export function scanBlock(ix: CompiledIndex, block: TextBlock, out: PaintedTerm[]): void {
  const found: RawMatch[] = [];
  findMatches(ix, block.text, found);
  for (const m of found) out.push({ range: toRange(block, m), key: ix.entries[ix.patEntry[m.pattern]!]!, pattern: m.pattern, flags: m.flags });
}

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the page a turn: scheduler.yield() keeps our place in line; otherwise a message-channel hop. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/**
 * Where to start when the reader is scrolled down: the block-level element around the middle
 * of the viewport, widened until it is at least a screen tall. Null at the top of the page.
 */
export function viewportAnchor(): Element | null {
  if (window.scrollY < 1) return null;
  let el = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
  while (el && el !== document.body && (!isBlockElement(el) || el.getBoundingClientRect().height < window.innerHeight)) el = el.parentElement;
  return el && el !== document.body && el !== document.documentElement ? el : null;
}

function belowViewport(block: TextBlock): boolean {
  const el = block.nodes[0]?.parentElement;
  return !!el && el.getBoundingClientRect().top > window.innerHeight;
}

export interface ScanStats {
  /** When the blocks on screen had been painted (ms since `t0`). */
  firstViewportMs: number;
  /** When the whole page had been painted (ms since `t0`). */
  doneMs: number;
  /** Main-thread time spent collecting, scanning and painting. */
  busyMs: number;
  /** The longest task Gloss ran on the main thread. */
  longestSliceMs: number;
  blocks: number;
}

/**
 * Walks and scans `root` in slices of at most SLICE_MS, the part on screen first, calling
 * `paint` after each slice. Returns null when `signal` aborted it.
 */
export async function scanPage(ix: CompiledIndex, root: Element, paint: (terms: PaintedTerm[]) => void, signal: AbortSignal, t0: number): Promise<ScanStats | null> {
  const anchor = viewportAnchor();
  const walkers = anchor ? [new BlockWalker(anchor), new BlockWalker(root, anchor)] : [new BlockWalker(root)];
  const stats: ScanStats = { firstViewportMs: -1, doneMs: 0, busyMs: 0, longestSliceMs: 0, blocks: 0 };
  let w = 0;
  while (w < walkers.length) {
    if (signal.aborted) return null;
    const start = performance.now();
    const deadline = start + SLICE_MS;
    const out: PaintedTerm[] = [];
    let last: TextBlock | undefined;
    do {
      const walker = walkers[w]!;
      for (const b of walker.take(deadline, 4)) {
        scanBlock(ix, b, out);
        last = b;
        stats.blocks++;
      }
      if (walker.done) w++;
    } while (w < walkers.length && performance.now() < deadline);
    paint(out);
    const end = performance.now();
    stats.busyMs += end - start;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, end - start);
    if (stats.firstViewportMs < 0 && (w === walkers.length || (last && belowViewport(last)))) stats.firstViewportMs = end - t0;
    if (w < walkers.length) await yieldToPage();
  }
  stats.doneMs = performance.now() - t0;
  return stats;
}
