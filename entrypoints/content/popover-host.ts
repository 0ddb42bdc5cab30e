// Hosts the popover: one custom element with a shadow root (the page's CSS cannot reach in,
// ours cannot leak out), Preact rendering inside, Floating UI placing it next to the term.
// The root is open: glossary text is public pack data, and tests and assistive tools can read it.

import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import css from '../../components/popover.css?inline';
import { TermPopover, type TermPopoverProps } from '../../components/TermPopover';
import { HOST_TAG } from './blocks';

export class PopoverHost {
  readonly host: HTMLElement;
  private frame: HTMLDivElement;
  private stopAutoUpdate: (() => void) | null = null;

  constructor() {
    this.host = document.createElement(HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    this.frame = document.createElement('div');
    this.frame.className = 'frame';
    this.frame.hidden = true;
    shadow.append(style, this.frame);
  }

  get isOpen(): boolean {
    return !this.frame.hidden;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node));
  }

  show(anchor: Range, props: TermPopoverProps): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
    render(h(TermPopover, props), this.frame);
    if (this.frame.hidden) {
      this.frame.hidden = false;
      this.place(anchor);
    }
  }

  /** Re-renders in place (loading → loaded, related entry shown). */
  update(props: TermPopoverProps): void {
    if (this.isOpen) render(h(TermPopover, props), this.frame);
  }

  focus(): void {
    (this.frame.querySelector('.card') as HTMLElement | null)?.focus();
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.frame.hidden = true;
    render(null, this.frame);
  }

  private place(anchor: Range): void {
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getClientRects()[0] ?? anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    const update = () =>
      void computePosition(reference, this.frame, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              this.frame.style.setProperty('--gloss-max-height', `${Math.max(160, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        this.frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, this.frame, update, { animationFrame: false });
  }
}
