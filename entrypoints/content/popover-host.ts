// Hosts the popover: one custom element with a shadow root (the page's CSS cannot reach in,
// ours cannot leak out), in the page only while the popover is open. The Preact view and its
// positioning load on demand from entrypoints/popover-ui. The root is closed as a second line of
// defence: what protects the reader is that nothing about her renders here at all (her history
// shows in a frame of the extension's origin, see docs/privacy.md).

import { browser } from 'wxt/browser';
import type { TermPopoverProps } from '../../components/TermPopover';
import { HOST_TAG } from './blocks';
import { UI_GLOBAL, UI_SCRIPT, type PopoverUi } from './popover-ui-contract';

export class PopoverHost {
  readonly host: HTMLElement;
  private shadow: ShadowRoot;
  private frame: HTMLDivElement;
  private style: HTMLStyleElement;
  private ui: Promise<PopoverUi> | null = null;
  private props: TermPopoverProps | null = null;
  private stopPlacing: (() => void) | null = null;
  private anchor: Range | null = null;

  constructor() {
    this.host = document.createElement(HOST_TAG);
    const shadow = (this.shadow = this.host.attachShadow({ mode: 'closed' }));
    this.style = document.createElement('style');
    this.frame = document.createElement('div');
    this.frame.className = 'frame';
    this.frame.hidden = true;
    shadow.append(this.style, this.frame);
  }

  /** Loads the view once; called when the page is idle so the first hover does not wait. */
  preload(): Promise<PopoverUi> {
    this.ui ??= import(/* @vite-ignore */ browser.runtime.getURL(UI_SCRIPT)).then(() => {
      const ui = (globalThis as unknown as Record<string, PopoverUi | undefined>)[UI_GLOBAL];
      if (!ui) throw new Error('Gloss popover view did not load');
      this.style.textContent = ui.css;
      return ui;
    });
    return this.ui;
  }

  get isOpen(): boolean {
    return !this.frame.hidden;
  }

  /** True for the host and anything in its shadow tree (events from inside are retargeted to the host). */
  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.shadow.contains(node));
  }

  /** Opens next to `anchor`, or re-renders in place when already open; resolves once drawn. */
  async show(anchor: Range, props: TermPopoverProps): Promise<void> {
    if (!this.host.isConnected) document.documentElement.append(this.host);
    this.props = props;
    this.frame.hidden = false;
    const ui = await this.preload();
    if (this.frame.hidden || this.props !== props) return;
    ui.render(this.frame, props);
    if (anchor !== this.anchor || !this.stopPlacing) {
      this.stopPlacing?.();
      this.anchor = anchor;
      this.stopPlacing = ui.place(anchor, this.frame);
    }
  }

  focus(): void {
    (this.frame.querySelector('.card') as HTMLElement | null)?.focus();
  }

  /** True when keyboard focus is inside the popover. */
  get hasFocus(): boolean {
    return this.shadow.activeElement !== null;
  }

  hide(): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.anchor = null;
    this.props = null;
    this.frame.hidden = true;
    void this.ui?.then((ui) => {
      if (this.frame.hidden) ui.render(this.frame, null);
    });
    this.host.remove();
  }
}
