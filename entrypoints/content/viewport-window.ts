// Keeps in a CSS highlight only the ranges whose blocks are within a couple of screens of the
// viewport (a range is asked of its item only then: found-term.ts makes it on first use). Chromium re-walks every registered range each time a highlight changes, so a page
// with ten thousand matches painted whole pays ever-longer rendering passes; near the viewport
// there are a few hundred. Every range stays known here, so nothing else (counts, stepping,
// hit-testing) depends on what is painted.

/** Two screens above and below the viewport: a fast scroll still finds its terms painted. */
const MARGIN = '200% 0px';

/** What the window paints into: the part of `Highlight` it uses (a fake in unit tests). */
export interface RangeSet {
  add(range: Range): unknown;
  delete(range: Range): unknown;
}

type Observe = (onChange: IntersectionObserverCallback) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

const viewportObserver: Observe = (onChange) => new IntersectionObserver(onChange, { rootMargin: MARGIN });

/** Something with a range: a found term. */
export interface Ranged {
  readonly range: Range;
}

export class ViewportWindow<T extends Ranged> {
  private readonly byBlock = new Map<Element, Set<T>>();
  private readonly near = new Set<Element>();
  private watcher: ReturnType<Observe> | null = null;

  constructor(
    private readonly painted: RangeSet,
    private readonly observe: Observe = viewportObserver,
  ) {}

  /** Created with the first range: a page without matches never makes one. */
  private get observer(): ReturnType<Observe> {
    // The observer reports every change of a frame in one callback: one batch of additions and
    // removals per frame, whatever the scroll does.
    return (this.watcher ??= this.observe((entries) => this.update(entries)));
  }

  /**
   * Adds `item` of `block`. A block seen for the first time is painted at once when `assumeNear`
   * (the slice scanned around the viewport, before the observer has answered), else when the
   * observer reports it near.
   */
  add(item: T, block: Element, assumeNear: boolean): void {
    let items = this.byBlock.get(block);
    if (!items) {
      items = new Set();
      this.byBlock.set(block, items);
      if (assumeNear) this.near.add(block);
      this.observer.observe(block);
    }
    items.add(item);
    if (this.near.has(block)) this.painted.add(item.range);
  }

  remove(item: T, block: Element): void {
    // Only a near block's items were painted (and so have their ranges made).
    if (this.near.has(block)) this.painted.delete(item.range);
    const items = this.byBlock.get(block);
    if (!items) return;
    items.delete(item);
    if (items.size > 0) return;
    this.byBlock.delete(block);
    this.near.delete(block);
    this.observer.unobserve(block);
  }

  dispose(): void {
    this.watcher?.disconnect();
    this.byBlock.clear();
    this.near.clear();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const items = this.byBlock.get(e.target);
      if (!items) continue;
      const isNear = e.isIntersecting || hasNoBox(e.boundingClientRect);
      if (isNear === this.near.has(e.target)) continue;
      if (isNear) {
        this.near.add(e.target);
        for (const x of items) this.painted.add(x.range);
      } else {
        this.near.delete(e.target);
        for (const x of items) this.painted.delete(x.range);
      }
    }
  }
}

/**
 * An element without a box of its own (`display: contents`) never intersects anything though
 * its text shows: its ranges stay painted rather than never.
 */
function hasNoBox(rect: DOMRectReadOnly): boolean {
  return rect.width === 0 && rect.height === 0;
}
