// Paints matched terms with the CSS Custom Highlight API (no element added, no text node split),
// only near the viewport (viewport-window.ts), and answers "which term is at this point" for
// every term of the page. Where the API is missing it wraps text in <mark>.

import type { HighlightStyle } from '../../lib/settings';
import { ViewportWindow } from './viewport-window';

export interface PaintedTerm {
  range: Range;
  /** The block-level element holding the range (see TextBlock.owner). */
  block: Element;
  /** Entry key, `packId/entryId`. */
  key: string;
  /** The pattern that matched, and how it relates to its entry (FORM_*). */
  label: string;
  form: number;
  flags: number;
  marks?: HTMLElement[];
}

const ACTIVE = 'gloss-active';
const hasHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

export class Painter {
  private terms = new Set<PaintedTerm>();
  private byNode = new WeakMap<Node, PaintedTerm[]>();
  private byMark = new WeakMap<Element, PaintedTerm>();
  private sorted: PaintedTerm[] | null = null;
  private highlight = hasHighlights ? new Highlight() : null;
  private window = this.highlight ? new ViewportWindow(this.highlight) : null;
  private active = hasHighlights ? new Highlight() : null;
  private styleName = '';
  private activeTerm: PaintedTerm | null = null;

  constructor(style: HighlightStyle) {
    this.setStyle(style);
    if (this.active) CSS.highlights.set(ACTIVE, this.active);
  }

  setStyle(style: HighlightStyle): void {
    if (!this.highlight) return;
    const name = `gloss-${style}`;
    if (name === this.styleName) return;
    if (this.styleName) CSS.highlights.delete(this.styleName);
    CSS.highlights.set(name, this.highlight);
    this.styleName = name;
  }

  get size(): number {
    return this.terms.size;
  }

  /** `nearViewport`: the term comes from the slice scanned around the viewport (painted at once). */
  add(term: PaintedTerm, nearViewport = false): void {
    this.terms.add(term);
    this.sorted = null;
    for (const node of nodesOf(term.range)) {
      const list = this.byNode.get(node);
      if (list) list.push(term);
      else this.byNode.set(node, [term]);
    }
    if (this.window) this.window.add(term.range, term.block, nearViewport);
    else {
      term.marks = wrap(term.range);
      for (const m of term.marks) this.byMark.set(m, term);
    }
  }

  private remove(term: PaintedTerm): void {
    this.terms.delete(term);
    this.window?.remove(term.range, term.block);
    term.marks?.forEach(unwrap);
    if (term === this.activeTerm) this.setActive(null);
  }

  /** Drops terms inside `roots` (about to be re-scanned) and terms whose text left the page, in one pass. */
  removeWithin(roots: readonly Node[]): void {
    for (const t of this.terms) {
      const n = t.range.startContainer;
      if (!n.isConnected || roots.some((r) => r.contains(n))) this.remove(t);
    }
    this.sorted = null;
  }

  clear(): void {
    for (const t of [...this.terms]) this.remove(t);
    this.sorted = null;
  }

  dispose(): void {
    this.clear();
    this.window?.dispose();
    if (this.styleName) CSS.highlights.delete(this.styleName);
    if (this.active) CSS.highlights.delete(ACTIVE);
  }

  setActive(term: PaintedTerm | null): void {
    if (this.activeTerm?.marks) this.activeTerm.marks.forEach((m) => m.classList.remove(ACTIVE));
    this.active?.clear();
    this.activeTerm = term;
    if (!term) return;
    if (this.active) this.active.add(term.range);
    else term.marks?.forEach((m) => m.classList.add(ACTIVE));
  }

  /** Every term found, in no particular order (cheap: no sorting). */
  all(): IterableIterator<PaintedTerm> {
    return this.terms.values();
  }

  /**
   * All painted terms still on the page, in document order (ranges in removed subtrees cannot be
   * compared). Sorting compares ranges through the DOM, so it runs only when a reader asks for
   * order (stepping, the popup's list) and is kept until the terms change.
   */
  inOrder(): PaintedTerm[] {
    if (this.sorted?.every((t) => t.range.startContainer.isConnected)) return this.sorted;
    this.sorted = [...this.terms].filter((t) => t.range.startContainer.isConnected).sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return this.sorted;
  }

  /** The painted term under the viewport point (x, y), if any. */
  hitTest(x: number, y: number): PaintedTerm | null {
    if (!this.highlight) {
      const mark = document.elementFromPoint(x, y)?.closest('mark.gloss-mark');
      return (mark && this.byMark.get(mark)) ?? null;
    }
    const pos = caretAt(x, y);
    if (!pos) return null;
    const list = this.byNode.get(pos.node);
    if (!list) return null;
    for (const t of list) {
      if (!this.terms.has(t)) continue;
      if (!t.range.isPointInRange(pos.node, pos.offset)) continue;
      for (const r of t.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return t;
      }
    }
    return null;
  }
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Text nodes a range touches (its start and end containers and every text node between). */
function nodesOf(range: Range): Node[] {
  const { startContainer: s, endContainer: e } = range;
  if (s === e) return [s];
  const out: Node[] = [s];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = s;
  for (let n = walker.nextNode(); n && n !== e; n = walker.nextNode()) out.push(n);
  out.push(e);
  return out;
}

function wrap(range: Range): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const node of nodesOf(range)) {
    if (node.nodeType !== 3) continue;
    const text = node as Text;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : text.length;
    if (to <= from) continue;
    const piece = new Range();
    piece.setStart(text, from);
    piece.setEnd(text, to);
    const mark = document.createElement('mark');
    mark.className = 'gloss-mark';
    piece.surroundContents(mark);
    marks.push(mark);
  }
  return marks;
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  parent.normalize();
}
