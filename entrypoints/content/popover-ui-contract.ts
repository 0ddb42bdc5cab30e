// The popover's rendering lives in its own script (entrypoints/popover-ui), loaded on the first
// hover or when the page is idle, so the content script every page pays for stays small.

import type { TermPopoverProps } from '../../components/TermPopover';

/** How the page text matched its entry (PaintedTerm's fields), put into words by the view. */
export interface MatchFacts {
  label: string;
  form: number;
  flags: number;
  text: string;
}

/**
 * What the content script hands the view: the strings (lib/i18n) and the wording of a match live
 * in the view's script, so the content script every page loads carries no UI text.
 */
export type PopoverProps = Omit<TermPopoverProps, 't' | 'matchNote'> & { match?: MatchFacts };

export interface PopoverUi {
  css: string;
  /** Renders the popover into `frame`, or clears it with null. */
  render(frame: HTMLElement, props: PopoverProps | null): void;
  /** Keeps `frame` placed next to `anchor` until the returned function is called. */
  place(anchor: Range, frame: HTMLElement): () => void;
}

/** Where the loaded script leaves its API: a global of the content script's isolated world. */
export const UI_GLOBAL = '__glossPopoverUi';
export const UI_SCRIPT = '/popover-ui.js' as const;
