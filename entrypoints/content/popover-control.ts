// What the popover shows and when it closes: the open term, related entries shown in place with
// a way back, focus for keyboard readers (returned on close), and a short grace period before a
// pointer-opened popover closes. Entry details are public pack data fetched once per key.

import { browser } from 'wxt/browser';
import type { PopoverProps } from './popover-ui-contract';
import type { EntryView } from '../../lib/messages';
import { callBackground } from './background-client';
import type { PaintedTerm } from './painter';
import { PopoverHost } from './popover-host';
import type { UiHost } from './ui-host';

const CLOSE_DELAY_MS = 300;
const HISTORY_PAGE = '/met-elsewhere.html';

interface OpenState {
  term: PaintedTerm;
  /** Keys of entries shown in place, after the hovered one (related navigation). */
  trail: string[];
  returnFocus: Element | null;
}

export interface PopoverContext {
  termOf: (key: string) => string;
  /** Marks the open term on the page (or none). */
  setActive: (term: PaintedTerm | null) => void;
}

export class PopoverControl {
  readonly host: PopoverHost;
  private state: OpenState | null = null;
  private closeTimer = 0;
  private views = new Map<string, Promise<EntryView | null>>();

  constructor(
    private readonly context: PopoverContext,
    shell: UiHost,
    signal: AbortSignal,
  ) {
    this.host = new PopoverHost(shell);
    signal.addEventListener('abort', () => this.close());
  }

  get openTerm(): PaintedTerm | null {
    return this.state?.term ?? null;
  }

  /** True when the popover was opened from the keyboard (it holds focus). */
  get fromKeyboard(): boolean {
    return this.state?.returnFocus != null;
  }

  /** Entry details change with packs: forget the cached ones. */
  forgetViews(): void {
    this.views.clear();
  }

  /** Opens on `term`; from the keyboard it also takes focus. */
  show(term: PaintedTerm, withFocus: boolean): void {
    this.keep();
    const returnFocus = withFocus ? (this.state?.returnFocus ?? document.activeElement) : null;
    const state: OpenState = (this.state = { term, trail: [], returnFocus });
    this.context.setActive(term);
    void this.render(undefined);
    void this.view(term.key).then(async (v) => {
      if (this.state !== state) return;
      await this.render(v);
      if (withFocus) this.host.focus();
    });
  }

  keep(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  closeSoon(): void {
    if (!this.state || this.closeTimer) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = 0;
      this.close();
    }, CLOSE_DELAY_MS);
  }

  close(restoreFocus = false): void {
    this.keep();
    if (!this.state) return;
    const { returnFocus } = this.state;
    this.state = null;
    this.host.hide();
    this.context.setActive(null);
    if (restoreFocus && returnFocus instanceof HTMLElement) returnFocus.focus({ preventScroll: true });
  }

  private view(key: string): Promise<EntryView | null> {
    let v = this.views.get(key);
    if (!v) {
      v = callBackground('entry:get', { key }).catch(() => null);
      this.views.set(key, v);
    }
    return v;
  }

  private render(view: EntryView | null | undefined): Promise<void> {
    const state = this.state;
    if (!state) return Promise.resolve();
    const inRelated = state.trail.length > 0;
    const shown = state.trail.at(-1) ?? state.term.key;
    const { label, form, flags, range } = state.term;
    const props: PopoverProps = {
      view,
      match: inRelated ? undefined : { label, form, flags, text: range.toString() },
      relatedFrom: inRelated ? this.context.termOf(state.term.key) : undefined,
      historyFrameUrl: `${browser.runtime.getURL(HISTORY_PAGE)}?key=${encodeURIComponent(shown)}`,
      onRelated: (key: string) => this.showInPlace([...state.trail, key]),
      onBack: () => this.showInPlace(state.trail.slice(0, -1)),
      onClose: () => this.close(true),
    };
    return this.host.show(range, props);
  }

  private showInPlace(trail: string[]): void {
    const state = this.state;
    if (!state) return;
    state.trail = trail;
    const key = trail.at(-1) ?? state.term.key;
    void this.view(key).then(async (v) => {
      if (this.state === state && (state.trail.at(-1) ?? state.term.key) === key) {
        await this.render(v);
        this.host.focus();
      }
    });
  }
}
