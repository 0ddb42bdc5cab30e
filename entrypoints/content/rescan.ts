// Keeps the painted terms current as the page changes: a batched MutationObserver collects the
// blocks that changed and re-scans only those, ignoring Gloss's own UI. It starts watching
// before a load walks the page, so a change made while the index request is in flight (an
// in-page navigation swapping the content) is re-scanned once the load has its painter.

import { blockRootOf, blocksUnder, HOST_TAG, outermostConnected } from './blocks';
import type { IndexSession } from './index-session';
import { scanBlock } from './page-scanner';
import type { Painter, PaintedTerm } from './painter';

const MUTATION_DELAY_MS = 150;

export interface RescanTarget {
  session: IndexSession;
  painter: Painter;
  /** Called after each re-scan (to close a popover whose term left the page). */
  afterRescan: () => void;
}

export class Rescanner {
  private readonly dirty = new Set<Element>();
  private timer = 0;
  private target: RescanTarget | null = null;
  private started = false;

  /**
   * Watches `document.body` until `signal` aborts; `isOurs` tells Gloss's own UI apart;
   * `onChange` runs after each batch of the page's changes (highlights anchor again).
   */
  constructor(
    private readonly isOurs: (node: Node) => boolean,
    private readonly signal: AbortSignal,
    private readonly onChange: () => void = () => undefined,
  ) {
    const observer = new MutationObserver((records) => this.collect(records));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(this.timer);
    });
  }

  /** The load's painter is ready: changes collected so far are re-scanned into it (once started). */
  attach(target: RescanTarget): void {
    this.target = target;
  }

  /** The load is done (with or without terms): changes from now on are acted on. */
  start(): void {
    this.started = true;
    this.schedule();
  }

  private ours(n: Node): boolean {
    return this.isOurs(n) || (n instanceof Element && n.localName === HOST_TAG);
  }

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (this.ours(r.target)) continue;
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => this.ours(n))) continue;
      this.dirty.add(blockRootOf(r.target) ?? document.body);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.dirty.size && this.started && !this.timer) this.timer = window.setTimeout(() => void this.flush().catch(() => undefined), MUTATION_DELAY_MS);
  }

  private async flush(): Promise<void> {
    this.timer = 0;
    const outer = outermostConnected(this.dirty);
    this.dirty.clear();
    if (this.target) await this.rescan(this.target, outer);
    if (!this.signal.aborted) this.onChange();
  }

  private async rescan(target: RescanTarget, outer: Element[]): Promise<void> {
    const blocks = blocksUnder(outer);
    await target.session.ready();
    if (this.signal.aborted) return;
    target.session.add(blocks);
    const ix = await target.session.current();
    if (this.signal.aborted) return;
    target.painter.removeWithin(outer);
    const out: PaintedTerm[] = [];
    if (ix) for (const b of blocks) scanBlock(ix, b, out);
    out.forEach((x) => target.painter.add(x));
    target.afterRescan();
  }
}
