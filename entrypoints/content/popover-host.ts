// The popover's panel in Gloss's UI host. The Preact view and its positioning load on demand
// from entrypoints/popover-ui; the same loaded module places the highlight card.

import { loadScript } from './lazy-script';
import { UI_GLOBAL, UI_SCRIPT, type PopoverProps, type PopoverUi } from './popover-ui-contract';
import type { UiHost } from './ui-host';

export class PopoverHost {
  private frame: HTMLDivElement;
  private style: HTMLStyleElement;
  private ui: Promise<PopoverUi> | null = null;
  private props: PopoverProps | null = null;
  private stopPlacing: (() => void) | null = null;
  private anchor: Range | null = null;

  constructor(readonly shell: UiHost) {
    this.style = shell.addStyle();
    this.frame = shell.panel('frame');
  }

  /** Loads the view once; asked for as soon as the pointer is over a term, so it arrives during the hover delay. */
  preload(): Promise<PopoverUi> {
    this.ui ??= loadScript<PopoverUi>(UI_SCRIPT, UI_GLOBAL).then((ui) => {
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
    return this.shell.contains(node);
  }

  /** Opens next to `anchor`, or re-renders in place when already open; resolves once drawn. */
  async show(anchor: Range, props: PopoverProps): Promise<void> {
    this.props = props;
    this.shell.show(this.frame);
    const ui = await this.preload();
    if (this.frame.hidden || this.props !== props) return;
    ui.render(this.frame, props);
    if (anchor !== this.anchor || !this.stopPlacing) {
      this.stopPlacing?.();
      this.anchor = anchor;
      this.stopPlacing = ui.place(anchor, this.frame);
    }
  }

  /** Keeps another panel of the host placed next to `anchor` (the highlight card) until the returned function runs. */
  async placeBeside(anchor: Range, panel: HTMLElement): Promise<() => void> {
    return (await this.preload()).place(anchor, panel);
  }

  focus(): void {
    (this.frame.querySelector('.card') as HTMLElement | null)?.focus();
  }

  hide(): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.anchor = null;
    this.props = null;
    this.shell.hide(this.frame);
    void this.ui?.then((ui) => {
      if (this.frame.hidden) ui.render(this.frame, null);
    });
  }
}
