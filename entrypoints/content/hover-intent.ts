// Hover intent: a term's popover opens after the pointer rests on it for the reader's delay, at
// once on a click or tap, and closes shortly after the pointer leaves. Only the reader's own
// input counts: events a page script dispatches (isTrusted false) are ignored, so no page can
// open, move or fill Gloss's UI.

import type { PaintedTerm } from './painter';

export interface HoverTarget {
  hitTest(x: number, y: number): PaintedTerm | null;
  /** The popover is open and (x, y) is over it. */
  overPopover(x: number, y: number): boolean;
  inPopover(node: Node | null): boolean;
  openOn(): PaintedTerm | null;
  open(term: PaintedTerm): void;
  /** The pointer came back: cancel a pending close. */
  keepOpen(): void;
  /** The pointer left: close shortly, unless it comes back. */
  leave(): void;
  close(): void;
  /** A click or tap on no term: true when something else (a highlight) took it. */
  tapOff(x: number, y: number): boolean;
  delayMs(): number;
}

export class HoverIntent {
  private hovered: PaintedTerm | null = null;
  private openTimer = 0;
  private pointer = { x: 0, y: 0, pending: false };

  constructor(
    private readonly target: HoverTarget,
    signal: AbortSignal,
    doc: Document = document,
  ) {
    const opts = { capture: true, passive: true, signal };
    doc.addEventListener('pointermove', (e) => e.isTrusted && this.onMove(e), opts);
    doc.addEventListener('pointerup', (e) => e.isTrusted && this.onUp(e), opts);
    doc.defaultView?.addEventListener('scroll', (e) => e.isTrusted && this.hovered && this.settle(), { passive: true, signal });
    signal.addEventListener('abort', () => this.cancel());
  }

  /** Forgets a pending open (the popover was closed another way). */
  cancel(): void {
    clearTimeout(this.openTimer);
    this.openTimer = 0;
  }

  /** Pointer entered (true) or left (false) the popover itself. */
  onPopoverPointer(inside: boolean, e: PointerEvent): void {
    if (!e.isTrusted) return;
    if (inside) this.target.keepOpen();
    else this.target.leave();
  }

  // Always act on the latest position, at most once per frame.
  private onMove(e: PointerEvent): void {
    // A mouse moving with its button down is selecting text, not resting on a term: the popover
    // would open over the selection toolbar the moment the reader let go.
    if (e.buttons !== 0 && e.pointerType === 'mouse') {
      this.hovered = null;
      this.cancel();
      return;
    }
    this.pointer.x = e.clientX;
    this.pointer.y = e.clientY;
    if (this.pointer.pending) return;
    this.pointer.pending = true;
    requestAnimationFrame(() => {
      this.pointer.pending = false;
      this.settle();
    });
  }

  private settle(): void {
    const { x, y } = this.pointer;
    if (this.target.overPopover(x, y)) return;
    const hit = this.target.hitTest(x, y);
    if (hit === this.hovered) return;
    this.hovered = hit;
    this.cancel();
    if (!hit) this.target.leave();
    else if (this.target.openOn() === hit) this.target.keepOpen();
    else this.openTimer = window.setTimeout(() => this.hovered === hit && this.target.open(hit), this.target.delayMs());
  }

  /** Click or tap on a term opens at once; a tap elsewhere closes. */
  private onUp(e: PointerEvent): void {
    if (e.button !== 0 || this.target.inPopover(e.target as Node)) return;
    if (!window.getSelection()?.isCollapsed) return;
    const hit = this.target.hitTest(e.clientX, e.clientY);
    if (hit) {
      this.cancel();
      this.hovered = hit;
      if (this.target.openOn() !== hit) this.target.open(hit);
    } else if (!this.target.tapOff(e.clientX, e.clientY) && this.target.openOn() && e.pointerType !== 'mouse') this.target.close();
  }
}
