// Paints saved highlights: one CSS Custom Highlight per colour (no element added, no text node
// split), under the glossary's underlines so terms inside a highlight stay marked. Answers which
// highlight is at a point, and flashes one the reader asked to see.

import type { HighlightColor } from '../../lib/highlights';

export interface PaintedHighlight {
  id: string;
  color: HighlightColor;
  range: Range;
}

const FLASH = 'gloss-hl-flash';
const FLASH_MS = 1200;
const hasHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

export class HighlightPainter {
  private painted: PaintedHighlight[] = [];
  private readonly byColor = new Map<HighlightColor, Highlight>();
  private flashTimer = 0;

  /** Replaces what is painted with `list`. */
  set(list: PaintedHighlight[]): void {
    this.painted = list;
    if (!hasHighlights) return;
    for (const h of this.byColor.values()) h.clear();
    for (const p of list) this.layer(p.color).add(p.range);
  }

  get size(): number {
    return this.painted.length;
  }

  find(id: string): PaintedHighlight | undefined {
    return this.painted.find((p) => p.id === id);
  }

  /** The highlight under viewport point (x, y), if any. */
  hitTest(x: number, y: number): PaintedHighlight | null {
    for (const p of this.painted) {
      for (const r of p.range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return p;
    }
    return null;
  }

  /** The highlight holding a collapsed caret (for the keyboard command on a highlight). */
  at(node: Node, offset: number): PaintedHighlight | null {
    return this.painted.find((p) => p.range.isPointInRange(node, offset)) ?? null;
  }

  flash(p: PaintedHighlight): void {
    if (!hasHighlights) return;
    clearTimeout(this.flashTimer);
    CSS.highlights.set(FLASH, new Highlight(p.range));
    this.flashTimer = window.setTimeout(() => CSS.highlights.delete(FLASH), FLASH_MS);
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    if (!hasHighlights) return;
    CSS.highlights.delete(FLASH);
    for (const color of this.byColor.keys()) CSS.highlights.delete(`gloss-hl-${color}`);
    this.byColor.clear();
    this.painted = [];
  }

  private layer(color: HighlightColor): Highlight {
    let h = this.byColor.get(color);
    if (!h) {
      h = new Highlight();
      // Below the glossary's marks (priority 0): a term inside a highlight keeps its underline on top.
      h.priority = -1;
      this.byColor.set(color, h);
      CSS.highlights.set(`gloss-hl-${color}`, h);
    }
    return h;
  }
}
