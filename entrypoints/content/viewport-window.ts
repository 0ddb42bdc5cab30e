// Keeps in a CSS highlight only the ranges whose blocks are within a couple of screens of the
// viewport. Chromium re-walks every registered range each time a highlight changes, so a page
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

export class ViewportWindow {
  private readonly byBlock = new Map<Element, Set<Range>>();
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
   * Adds `range` of `block`. A block seen for the first time is painted at once when `assumeNear`
   * (the slice scanned around the viewport, before the observer has answered), else when the
   * observer reports it near.
   */
  add(range: Range, block: Element, assumeNear: boolean): void {
    let ranges = this.byBlock.get(block);
    if (!ranges) {
      ranges = new Set();
      this.byBlock.set(block, ranges);
      if (assumeNear) this.near.add(block);
      this.observer.observe(block);
    }
    ranges.add(range);
    if (this.near.has(block)) this.painted.add(range);
  }

  remove(range: Range, block: Element): void {
    this.painted.delete(range);
    const ranges = this.byBlock.get(block);
    if (!ranges) return;
    ranges.delete(range);
    if (ranges.size > 0) return;
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
      const ranges = this.byBlock.get(e.target);
      if (!ranges) continue;
      const isNear = e.isIntersecting || hasNoBox(e.boundingClientRect);
      if (isNear === this.near.has(e.target)) continue;
      if (isNear) {
        this.near.add(e.target);
        for (const r of ranges) this.painted.add(r);
      } else {
        this.near.delete(e.target);
        for (const r of ranges) this.painted.delete(r);
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
