// Keyboard readers: the browser's commands (Alt+Shift+. and Alt+Shift+,, which no page can fake)
// step through the marked terms and open each with focus inside; Escape closes and returns focus;
// moving focus back to the page closes a keyboard-opened popover.

import type { PaintedTerm } from './painter';
import type { PopoverControl } from './popover-control';

export class Keyboard {
  constructor(
    private readonly popover: PopoverControl,
    private readonly terms: () => PaintedTerm[],
    signal: AbortSignal,
    doc: Document = document,
  ) {
    const opts = { capture: true, signal };
    doc.addEventListener('keydown', (e) => e.isTrusted && this.onKeyDown(e), opts);
    doc.addEventListener('focusin', (e) => e.isTrusted && this.onFocusIn(e), opts);
  }

  /** The next (or previous) term after the open one, or after the viewport's top. */
  step(dir: 1 | -1): void {
    const terms = this.terms();
    if (!terms.length) return;
    const current = this.popover.openTerm ? terms.indexOf(this.popover.openTerm) : -1;
    let i: number;
    if (current >= 0) i = current + dir;
    else {
      const first = terms.findIndex((x) => x.range.getBoundingClientRect().bottom > 0);
      i = dir === 1 ? Math.max(first, 0) : (first > 0 ? first : terms.length) - 1;
    }
    this.reveal(terms[(i + terms.length) % terms.length]!);
  }

  /** Scrolls `term` into view and opens it with focus. */
  reveal(term: PaintedTerm): void {
    term.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.popover.close();
    this.popover.show(term, true);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.popover.openTerm) return;
    e.stopPropagation();
    this.popover.close(true);
  }

  private onFocusIn(e: FocusEvent): void {
    if (this.popover.fromKeyboard && !this.popover.host.contains(e.target as Node)) this.popover.close();
  }
}
