// Scans blocks of page text against the term index and hands ranges to the painter, visible
// blocks first, in slices short enough never to make the page stutter.

import type { CompiledIndex } from '../../lib/match/index-format';
import { scanFolded, type RawMatch } from '../../lib/match/scan';
import { foldText } from '../../lib/text/fold';
import type { TextBlock } from './blocks';
import type { PaintedTerm } from './painter';

const SLICE_MS = 8;

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
  scanFolded(ix, foldText(block.text, ix.mask), block.text, found);
  for (const m of found) out.push({ range: toRange(block, m), key: ix.entries[ix.patEntry[m.pattern]!]!, pattern: m.pattern, flags: m.flags });
}

/** Blocks whose first node is on screen come first. */
export function viewportFirst(blocks: TextBlock[]): TextBlock[] {
  const h = window.innerHeight;
  const visible: TextBlock[] = [];
  const rest: TextBlock[] = [];
  for (const b of blocks) {
    const el = b.nodes[0]!.parentElement;
    const r = el?.getBoundingClientRect();
    (r && r.bottom >= 0 && r.top <= h ? visible : rest).push(b);
  }
  return visible.concat(rest);
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Scans `blocks`, calling `paint` after each slice. Returns false when `signal` aborted it
 * (the index changed or the script was torn down).
 */
export async function scanBlocks(ix: CompiledIndex, blocks: TextBlock[], paint: (terms: PaintedTerm[]) => void, signal: AbortSignal): Promise<boolean> {
  let i = 0;
  while (i < blocks.length) {
    if (signal.aborted) return false;
    const deadline = performance.now() + SLICE_MS;
    const out: PaintedTerm[] = [];
    do scanBlock(ix, blocks[i++]!, out);
    while (i < blocks.length && performance.now() < deadline);
    paint(out);
    if (i < blocks.length) await yieldToPage();
  }
  return !signal.aborted;
}
