// The page's visible text for highlights, read with the same block walker as glossary terms, and
// the mapping between offsets in its normalized text (lib/anchor/page-text.ts) and DOM ranges.
// It loads with the anchoring script; the walker is the content script's own, handed in, so the
// page is read by code the term scan has already warmed up and the two see the same text.

import type { BlockPoint, PageText } from '../../lib/anchor/page-text';
import type { AnchoringApi } from './anchoring-contract';
import type { BlockWalker, TextBlock } from './blocks';
import { SLICE_MS, type SliceClock } from './slices';

export class PageTextMap {
  readonly page: PageText;
  /** Text node → its block and start offset in that block's text; built when a selection needs it. */
  private nodes: Map<Text, BlockPoint> | null = null;

  private constructor(
    private readonly blocks: TextBlock[],
    api: AnchoringApi,
  ) {
    this.page = api.pageText(blocks.map((b) => b.text));
  }

  static read(api: AnchoringApi, walk: (root: Element) => BlockWalker, root: Element = document.body): PageTextMap {
    return new PageTextMap(walk(root).take(), api);
  }

  /** The same, walked in slices so that a long page never holds the main thread; null if aborted. */
  static async readInSlices(api: AnchoringApi, walk: (root: Element) => BlockWalker, clock: SliceClock, signal: AbortSignal, root: Element = document.body): Promise<PageTextMap | null> {
    const walker = walk(root);
    const blocks: TextBlock[] = [];
    while (!walker.done) {
      for (const b of walker.take(performance.now() + SLICE_MS)) blocks.push(b);
      await clock.next();
      if (signal.aborted) return null;
    }
    // Normalizing the text is one pass (a few ms per MiB): give it a slice of its own.
    const map = new PageTextMap(blocks, api);
    await clock.next();
    return signal.aborted ? null : map;
  }

  get text(): string {
    return this.page.text;
  }

  /** The DOM range of normalized text [start, end), or null when the page changed under it. */
  rangeOf(start: number, end: number): Range | null {
    const from = this.domPoint(this.page.toRawStart(start), 'start');
    const to = this.domPoint(this.page.toRawEnd(end), 'end');
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.collapsed ? null : range;
  }

  /** Normalized offsets of a DOM range (a selection), or null when it holds no visible text. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const from = this.blockPoint(range.startContainer, range.startOffset, 'start');
    const to = this.blockPoint(range.endContainer, range.endOffset, 'end');
    if (!from || !to) return null;
    const start = this.page.toNormalized(from, 'start');
    const end = this.page.toNormalized(to, 'end');
    return end > start ? { start, end } : null;
  }

  private domPoint(p: BlockPoint, side: 'start' | 'end'): { node: Text; offset: number } | null {
    const block = this.blocks[p.block];
    if (!block) return null;
    const { nodes, starts } = block.layoutTo(p.offset + 1);
    if (!nodes.length) return null;
    // The last node starting before the offset (for an end, at or before it).
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (side === 'start' ? starts[mid]! <= p.offset : starts[mid]! < p.offset) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo]!;
    const offset = p.offset - starts[lo]!;
    return offset >= 0 && offset <= node.length ? { node, offset } : null;
  }

  private blockPoint(container: Node, offset: number, side: 'start' | 'end'): BlockPoint | null {
    const index = (this.nodes ??= this.indexNodes());
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let { node, at } = textBoundary(walker, container, offset, side);
    // Text outside any block (hidden, skipped): the nearest visible text in the range's direction.
    for (let steps = 0; node && !index.has(node) && steps < 10_000; steps++) {
      walker.currentNode = node;
      node = (side === 'start' ? walker.nextNode() : walker.previousNode()) as Text | null;
      at = side === 'start' ? 0 : (node?.length ?? 0);
    }
    const base = node ? index.get(node) : undefined;
    return base ? { block: base.block, offset: base.offset + at } : null;
  }

  private indexNodes(): Map<Text, BlockPoint> {
    const map = new Map<Text, BlockPoint>();
    this.blocks.forEach((b, block) => {
      const { nodes, starts } = b.layoutTo();
      nodes.forEach((n, i) => map.set(n, { block, offset: starts[i]! }));
    });
    return map;
  }
}

/** The text position at a DOM boundary: the text that follows it (start) or precedes it (end). */
function textBoundary(walker: TreeWalker, container: Node, offset: number, side: 'start' | 'end'): { node: Text | null; at: number } {
  if (container.nodeType === Node.TEXT_NODE) return { node: container as Text, at: offset };
  const child = container.childNodes[offset] ?? null;
  let last: Node = container;
  while (last.lastChild) last = last.lastChild;
  let node: Text | null;
  if (side === 'start') {
    walker.currentNode = child ?? last;
    node = child?.nodeType === Node.TEXT_NODE ? (child as Text) : (walker.nextNode() as Text | null);
    return { node, at: 0 };
  }
  if (child) {
    walker.currentNode = child;
    node = walker.previousNode() as Text | null;
  } else if (last.nodeType === Node.TEXT_NODE) node = last as Text;
  else {
    walker.currentNode = last;
    node = walker.previousNode() as Text | null;
  }
  return { node, at: node?.length ?? 0 };
}
