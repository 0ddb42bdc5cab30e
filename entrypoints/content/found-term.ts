// A term found on the page, whose DOM range is made only when something needs it: painting it near
// the viewport, hit-testing under the pointer, stepping, the popover. On a dense page most terms
// are never near the viewport, and finding their text nodes and making their ranges was the
// largest part of the page's work.

import type { TextBlock } from './blocks';
import type { PaintedTerm } from './painter';

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

/** A match: its block, offsets and entry; the DOM range comes when first asked for. */
export class FoundTerm implements PaintedTerm {
  private made: Range | null = null;
  marks?: HTMLElement[];

  constructor(
    private readonly source: TextBlock,
    private readonly start: number,
    private readonly end: number,
    readonly key: string,
    readonly label: string,
    readonly form: number,
    readonly flags: number,
  ) {}

  get block(): Element {
    return this.source.owner;
  }

  get hasRange(): boolean {
    return this.made !== null;
  }

  /**
   * Made on first use. When the block's text changed since it was read, the range is collapsed at
   * the block's start (it paints nothing): the re-scan of that change replaces the term.
   */
  get range(): Range {
    if (this.made) return this.made;
    let range = toRange(this.source, this.start, this.end);
    if (!range) {
      range = document.createRange();
      range.setStart(this.source.owner, 0);
    }
    return (this.made = range);
  }
}
