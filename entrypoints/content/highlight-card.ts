// The card of one saved highlight (its note, tags, colour, delete with undo) is an extension page
// (entrypoints/highlight-card) in a fixed-size frame inside Gloss's UI: the reader's note and tags
// never enter the page's DOM, and the page cannot read a frame of another origin. The frame asks
// to close with a message that carries nothing else.

import { browser } from 'wxt/browser';
import type { PopoverHost } from './popover-host';
import type { UiHost } from './ui-host';

const CARD_PAGE = '/highlight-card.html';
const CLOSE_AFTER_BLUR_MS = 250;

export class HighlightCard {
  private readonly panel: HTMLDivElement;
  private frame: HTMLIFrameElement | null = null;
  private stopPlacing: (() => void) | null = null;
  private openId: string | null = null;

  constructor(
    private readonly shell: UiHost,
    private readonly placer: PopoverHost,
    signal: AbortSignal,
  ) {
    this.panel = shell.panel('card-frame');
    window.addEventListener('message', (e) => this.onMessage(e), { signal });
    // A press outside moves focus out of the frame first, so the card saves a note being typed.
    document.addEventListener('pointerdown', (e) => e.isTrusted && this.openId && !shell.contains(e.target as Node) && this.closeSoon(), { capture: true, signal });
    document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && this.openId && this.close(), { capture: true, signal });
    signal.addEventListener('abort', () => this.close());
  }

  get isOpen(): boolean {
    return this.openId !== null;
  }

  async open(id: string, anchor: Range, focus: 'note' | 'tags' | null): Promise<void> {
    this.close();
    this.openId = id;
    const frame = (this.frame = document.createElement('iframe'));
    frame.className = 'hl-card';
    frame.title = 'Highlight';
    frame.src = `${browser.runtime.getURL(CARD_PAGE)}?id=${encodeURIComponent(id)}${focus ? `&focus=${focus}` : ''}`;
    this.panel.replaceChildren(frame);
    this.shell.show(this.panel);
    const stop = await this.placer.placeBeside(anchor, this.panel);
    if (this.frame === frame) {
      this.stopPlacing = stop;
      frame.focus();
    } else stop();
  }

  private closeTimer = 0;

  private closeSoon(): void {
    const id = this.openId;
    clearTimeout(this.closeTimer);
    this.closeTimer = window.setTimeout(() => this.openId === id && this.close(), CLOSE_AFTER_BLUR_MS);
  }

  close(): void {
    clearTimeout(this.closeTimer);
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.openId = null;
    this.frame = null;
    this.panel.replaceChildren();
    if (!this.panel.hidden) this.shell.hide(this.panel);
  }

  private onMessage(e: MessageEvent): void {
    const frame = this.frame;
    // Only our own origin may close the card: a page cannot forge a message's origin. Chrome loads
    // the frame from a per-session address, but its document has the extension's real origin.
    if (!frame || (e.origin !== new URL(frame.src).origin && e.origin !== `chrome-extension://${browser.runtime.id}`)) return;
    const data = e.data as { gloss?: unknown; action?: unknown } | null;
    if (data?.gloss === 'highlight-card' && data.action === 'close') this.close();
  }
}
