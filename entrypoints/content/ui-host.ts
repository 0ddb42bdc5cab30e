// Gloss's one element in the page: a custom element with a closed shadow root (the page's CSS
// cannot reach in, ours cannot leak out, the page's scripts cannot look inside), holding one panel
// per piece of UI (popover, selection toolbar, highlight card). It is in the page only while a
// panel is shown. The closed root is a second line of defence: nothing about the reader renders
// here at all (docs/privacy.md).

import { HOST_TAG } from './blocks';
import css from './panels.css?inline';

export class UiHost {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly shown = new Set<HTMLElement>();

  constructor() {
    // Built in a document of its own, which the page's document adopts when a panel first shows.
    // Any change to the page's document, even to elements not in it yet, makes Chromium rebuild
    // the markers of every painted highlight at its next frame: building the panels there cost
    // the dense benchmark page a rendering pass of 17–25 ms right after its terms were painted.
    const own = document.implementation.createHTMLDocument('');
    this.host = own.createElement(HOST_TAG);
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    this.addStyle(css);
  }

  /** A style sheet of the shadow tree. */
  addStyle(css = ''): HTMLStyleElement {
    const style = this.make('style');
    style.textContent = css;
    this.shadow.prepend(style);
    return style;
  }

  /** A hidden panel, positioned fixed by the caller. */
  panel(className: string): HTMLDivElement {
    const el = this.make('div');
    el.className = className;
    el.hidden = true;
    this.shadow.append(el);
    return el;
  }

  /** An element for the panels, from the document the host is in at the time. */
  make<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
    return this.host.ownerDocument.createElement(tag);
  }

  show(panel: HTMLElement): void {
    panel.hidden = false;
    this.shown.add(panel);
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  hide(panel: HTMLElement): void {
    panel.hidden = true;
    this.shown.delete(panel);
    if (this.shown.size === 0) this.host.remove();
  }

  /** True for the host and anything in its shadow tree (events from inside are retargeted to the host). */
  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.shadow.contains(node));
  }

  /** The focused element inside, if any. */
  get activeElement(): Element | null {
    return this.shadow.activeElement;
  }
}
