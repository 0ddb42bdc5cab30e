// The capture toolbar beside a selection: «Highlight» first (saves at once in the current colour),
// the colours, «Note», «Tag» and «Add to glossary» (opens the pack editor with the term). It appears only after the reader's own pointer or keyboard
// selection (trusted pointerup/keyup; a page's script selecting text shows nothing), never for
// selections in form fields, editable regions or Gloss's own UI. Tab moves into it, Escape closes it.

import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/highlights';
import type { UiHost } from './ui-host';

export interface ToolbarAction {
  kind: 'highlight' | 'note' | 'tag' | 'glossary';
  color: HighlightColor;
}

const NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };
const SHOW_DELAY_MS = 120;

function button(shell: UiHost, label: string, className: string): HTMLButtonElement {
  const b = shell.make('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  return b;
}

/** True when the selection is somewhere Gloss must not offer to highlight. */
function inEditable(node: Node | null): boolean {
  const el = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node?.parentElement ?? null);
  return !!el?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

export class SelectionToolbar {
  private readonly panel: HTMLDivElement;
  private readonly colorButtons = new Map<HighlightColor, HTMLButtonElement>();
  private color: HighlightColor = 'yellow';
  private showTimer = 0;

  constructor(
    private readonly shell: UiHost,
    private readonly act: (action: ToolbarAction) => void,
    signal: AbortSignal,
  ) {
    this.panel = shell.panel('toolbar');
    this.panel.setAttribute('role', 'toolbar');
    this.panel.setAttribute('aria-label', 'Gloss: save the selection');
    this.build(signal);
    const opts = { capture: true, signal };
    document.addEventListener('pointerup', (e) => e.isTrusted && !shell.contains(e.target as Node) && this.offer(), opts);
    document.addEventListener('keyup', (e) => e.isTrusted && !shell.contains(e.target as Node) && (e.shiftKey || e.key === 'Shift') && this.offer(), opts);
    document.addEventListener('keydown', (e) => e.isTrusted && this.onKeyDown(e), opts);
    document.addEventListener('pointerdown', (e) => e.isTrusted && !shell.contains(e.target as Node) && this.hide(), opts);
    signal.addEventListener('abort', () => this.hide());
  }

  get isShown(): boolean {
    return !this.panel.hidden;
  }

  get currentColor(): HighlightColor {
    return this.color;
  }

  hide(): void {
    clearTimeout(this.showTimer);
    if (!this.panel.hidden) this.shell.hide(this.panel);
  }

  private build(signal: AbortSignal): void {
    const on = (b: HTMLButtonElement, fn: () => void) => b.addEventListener('click', (e) => e.isTrusted && fn(), { signal });
    const highlight = button(this.shell, 'Highlight', 'primary');
    on(highlight, () => this.fire('highlight'));
    const swatches = this.shell.make('span');
    swatches.className = 'swatches';
    swatches.setAttribute('role', 'group');
    swatches.setAttribute('aria-label', 'Colour');
    for (const color of HIGHLIGHT_COLORS) {
      const b = button(this.shell, '', `swatch ${color}`);
      b.setAttribute('aria-label', NAMES[color]);
      b.title = NAMES[color];
      on(b, () => this.pick(color));
      this.colorButtons.set(color, b);
      swatches.append(b);
    }
    const note = button(this.shell, 'Note', 'text');
    on(note, () => this.fire('note'));
    const tag = button(this.shell, 'Tag', 'text');
    on(tag, () => this.fire('tag'));
    const glossary = button(this.shell, 'Add to glossary', 'text');
    on(glossary, () => this.fire('glossary'));
    this.panel.append(highlight, swatches, note, tag, glossary);
    this.pick(this.color);
  }

  private pick(color: HighlightColor): void {
    this.color = color;
    for (const [c, b] of this.colorButtons) b.setAttribute('aria-pressed', String(c === color));
    this.panel.dataset.color = color;
  }

  private fire(kind: ToolbarAction['kind']): void {
    this.hide();
    this.act({ kind, color: this.color });
  }

  /** Shows the toolbar for the reader's selection once it has settled (hides it when there is none). */
  offer(): void {
    clearTimeout(this.showTimer);
    this.showTimer = window.setTimeout(() => this.showForSelection(), SHOW_DELAY_MS);
  }

  private showForSelection(): void {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !sel.toString().trim()) return this.hide();
    const range = sel.getRangeAt(0);
    if (inEditable(range.startContainer) || inEditable(range.endContainer) || this.shell.contains(range.commonAncestorContainer)) return this.hide();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    this.shell.show(this.panel);
    const width = this.panel.offsetWidth;
    const height = this.panel.offsetHeight;
    const x = Math.max(8, Math.min(last.right - width / 2, innerWidth - width - 8));
    const below = last.bottom + 8;
    const y = below + height > innerHeight - 8 ? Math.max(8, (rects[0]?.top ?? last.top) - height - 8) : below;
    this.panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!this.isShown) return;
    const inside = this.shell.contains(e.target as Node);
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.hide();
    } else if (e.key === 'Tab' && !inside && !inEditable(e.target as Node)) {
      // The toolbar sits at the end of the document: the first Tab after selecting goes into it.
      e.preventDefault();
      (this.panel.querySelector('button') as HTMLButtonElement).focus();
    } else if (inside && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      const buttons = [...this.panel.querySelectorAll('button')];
      const i = buttons.indexOf(this.shell.activeElement as HTMLButtonElement);
      buttons[(i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
      e.preventDefault();
    }
  }
}
