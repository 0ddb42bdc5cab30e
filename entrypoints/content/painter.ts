// Paints matched terms with the CSS Custom Highlight API (no element added, no text node split),
// only near the viewport (viewport-window.ts), and answers "which term is at this point" for
// every term of the page. Where the API is missing it wraps text in <mark>.

import type { HighlightStyle } from '../../lib/settings';
import { ViewportWindow } from './viewport-window';

export interface PaintedTerm {
  /** Its DOM range, made on first use (found-term.ts). */
  readonly range: Range;
  /** Whether `range` has been made yet (reading it makes it). */
  readonly hasRange: boolean;
  /** The block-level element holding the term (see TextBlock.owner). */
  readonly block: Element;
  /** Entry key, `packId/entryId`. */
  readonly key: string;
  /** The pattern that matched, and how it relates to its entry (FORM_*). */
  readonly label: string;
  readonly form: number;
  readonly flags: number;
  marks?: HTMLElement[];
}

const ACTIVE = 'gloss-active';
const hasHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

export class Painter {
  private terms = new Set<PaintedTerm>();
  /** Terms by their block: hit-testing looks among the blocks around the pointer's text. */
  private byBlock = new Map<Element, PaintedTerm[]>();
  private byMark = new WeakMap<Element, PaintedTerm>();
  private sorted: PaintedTerm[] | null = null;
  private highlight = hasHighlights ? new Highlight() : null;
  private window = this.highlight ? new ViewportWindow<PaintedTerm>(this.highlight) : null;
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
    const list = this.byBlock.get(term.block);
    if (list) list.push(term);
    else this.byBlock.set(term.block, [term]);
    if (this.window) this.window.add(term, term.block, nearViewport);
    else {
      term.marks = wrap(term.range);
      for (const m of term.marks) this.byMark.set(m, term);
    }
  }

  private remove(term: PaintedTerm): void {
    this.terms.delete(term);
    const list = this.byBlock.get(term.block) ?? [];
    const at = list.indexOf(term);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.byBlock.delete(term.block);
    this.window?.remove(term, term.block);
    term.marks?.forEach(unwrap);
    if (term === this.activeTerm) this.setActive(null);
  }

  /** Drops terms inside `roots` (about to be re-scanned) and terms whose text left the page, in one pass. */
  removeWithin(roots: readonly Node[]): void {
    for (const t of this.terms) if (isWithin(t, roots)) this.remove(t);
    this.sorted = null;
  }

  clear(): void {
    for (const t of [...this.terms]) this.remove(t);
    this.sorted = null;
  }

  dispose(): void {
    this.clear();
    this.window?.dispose();
    // Only its own: a newer painter may have registered under the same names already.
    if (this.styleName && CSS.highlights.get(this.styleName) === this.highlight) CSS.highlights.delete(this.styleName);
    if (this.active && CSS.highlights.get(ACTIVE) === this.active) CSS.highlights.delete(ACTIVE);
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
    // A term's block is an element around its text: the caret's ancestors name the few candidates.
    for (let el = pos.node.parentElement; el; el = el.parentElement) {
      for (const t of this.byBlock.get(el) ?? []) {
        if (!t.range.isPointInRange(pos.node, pos.offset)) continue;
        for (const r of t.range.getClientRects()) {
          if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return t;
        }
      }
    }
    return null;
  }
}

/**
 * Whether `t` lies inside one of `roots` or left the page. A term whose range was never made is
 * judged by its block, unless its block holds a root (then only its text tells).
 */
function isWithin(t: PaintedTerm, roots: readonly Node[]): boolean {
  const byBlock = !t.hasRange && !roots.some((r) => r !== t.block && t.block.contains(r));
  const n = byBlock ? t.block : t.range.startContainer;
  return !n.isConnected || roots.some((r) => r.contains(n));
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
