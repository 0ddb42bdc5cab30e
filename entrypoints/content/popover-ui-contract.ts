// The popover's rendering lives in its own script (entrypoints/popover-ui), loaded on the first
// hover or when the page is idle, so the content script every page pays for stays small.

import type { TermPopoverProps } from '../../components/TermPopover';

export interface PopoverUi {
  css: string;
  /** Renders the popover into `frame`, or clears it with null. */
  render(frame: HTMLElement, props: TermPopoverProps | null): void;
  /** Keeps `frame` placed next to `anchor` until the returned function is called. */
  place(anchor: Range, frame: HTMLElement): () => void;
}

/** Where the loaded script leaves its API: a global of the content script's isolated world. */
export const UI_GLOBAL = '__glossPopoverUi';
export const UI_SCRIPT = '/popover-ui.js' as const;
