// Keeps in a CSS highlight only the ranges whose blocks are within a couple of screens of the
// viewport (a range is asked of its item only then: found-term.ts makes it on first use).
// Chromium re-walks every registered range each time a highlight changes, so a page with ten
// thousand matches painted whole pays ever-longer rendering passes; near the viewport there are
// a few hundred. Every range stays known here, so nothing else (counts, stepping,
// hit-testing) depends on what is painted.

import { StretchWatch, type BlockWatch, type OnBlock } from './stretch-watch';

/**
 * Four screens above and below the viewport: a fast scroll still finds its terms painted, though
 * what comes near is painted at most every SOON_GAP_MS.
 */
const MARGIN = '400% 0px';

/** What the window paints into: the part of `Highlight` it uses (a fake in unit tests). */
export interface RangeSet {
  add(range: Range): unknown;
  delete(range: Range): unknown;
}

type WatchBlocks = (onBlock: OnBlock) => BlockWatch;

const nearViewport: WatchBlocks = (onBlock) => new StretchWatch((onChange) => new IntersectionObserver(onChange, { rootMargin: MARGIN }), onBlock);

/** Something with a range: a found term. */
export interface Ranged {
  readonly range: Range;
}

/** Runs `flush` later. */
export type Later = (flush: () => void) => unknown;

/** When changes reach the highlight (tests run both at once). */
export interface Timing {
  /** After the observer reported blocks coming near or going (the reader scrolls). */
  soon: Later;
  /** After the scan added terms or blocks. */
  batch: Later;
  /** Calls `moved` when the reader first scrolls anything on the page or resizes the window. */
  viewportMoved: (moved: () => void, signal: AbortSignal) => void;
  /**
   * Returns a function that watches a held block; `shown` is called when one comes on screen
   * without the reader moving anything (the page itself moved it). Ends with `signal`.
   */
  watchHeld: (shown: () => void, signal: AbortSignal) => (block: Element) => void;
}

/** The two flushes: see Timing. */
type When = 'soon' | 'batch';

/**
 * While a page is scanned, terms and blocks arrive in many small idle slices. Every change of the
 * highlight costs the page a rendering pass over the whole document (17–22 ms on the dense
 * benchmark page), and so does the frame that newly observed blocks ask for whenever the page's
 * document changed since the last one (its own scripts change it all the time): both are gathered
 * for this long. The observer's own reports are applied at once, in the next task.
 */
const BATCH_MS = 250;
/** Blocks a batch starts watching at most: watching thousands at once made a long task. */
const OBSERVE_PER_BATCH = 600;
/**
 * While the reader scrolls, blocks come near every frame, and each change of the highlight costs
 * the page a rendering pass (a pre-paint and a paint of the page: 22–33 ms on the dense
 * benchmark page, which alone scrolls without painting on the main thread). What the watch
 * reports is applied at once after a quiet spell (a jump lands painted), then at most this
 * often: the margin is four screens, so a scroll of up to about eight screens a second still
 * finds its terms painted. Scrolling the dense page (thirty wheel steps of 300 px, 50 ms apart,
 * traced) made 12–18 tasks over 16 ms with 200 ms, 6–7 with 450 ms and 5–6 with 700 ms (the
 * page alone: none).
 */
const SOON_GAP_MS = 450;
let lastSoon = -Infinity;
const TIMING: Timing = {
  soon: (flush) =>
    setTimeout(
      () => {
        lastSoon = performance.now();
        flush();
      },
      Math.max(0, lastSoon + SOON_GAP_MS - performance.now()),
    ),
  batch: (flush) => setTimeout(flush, BATCH_MS),
  // Scroll events of inner scrolling boxes do not bubble, but a capturing listener sees them. A
  // window made taller shows held blocks without anything crossing the observer's margin.
  viewportMoved: (moved, signal) => {
    for (const type of ['scroll', 'resize']) addEventListener(type, moved, { capture: true, passive: true, once: true, signal });
  },
  // A page that hides or shrinks what is above moves held text onto the screen, and nothing
  // crosses the margin's edge for the stretch watch to report. A second observer, without a
  // margin, watches the held blocks alone; it exists only while some are held.
  watchHeld: (shown, signal) => {
    let observer: IntersectionObserver | null = null;
    signal.addEventListener('abort', () => observer?.disconnect());
    return (block) => {
      if (signal.aborted) return;
      observer ??= new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && shown());
      observer.observe(block);
    };
  },
};

export class ViewportWindow<T extends Ranged> {
  private readonly byBlock = new Map<Element, Set<T>>();
  private readonly near = new Set<Element>();
  private watcher: BlockWatch | null = null;
  private readonly toAdd = new Set<Range>();
  private readonly toDelete = new Set<Range>();
  /**
   * Ranges of blocks scrolled out of the margin. They are still right, only far: painting them
   * costs nothing visible, and taking them out on their own would cost the page a rendering pass
   * (on the dense page, the observer's first report alone made one). They leave with the next
   * change that has to happen anyway.
   */
  private readonly farAway = new Set<T>();
  /** New blocks wait for the batch too: observing asks for a frame (see BATCH_MS). */
  private readonly toObserve = new Set<Element>();
  /**
   * Blocks reported near but off screen that are not painted yet, until the reader first scrolls
   * (null after). The slice painted at once covers the first screens; the rest of the margin lies
   * further down, and painting it right after the load cost the dense page a rendering pass of
   * 22–25 ms of its own, for text a reader who does not scroll never sees. They are painted with
   * the first scroll or resize, when one of them comes on screen without either (the page moved
   * it), or with the next change that has to happen anyway.
   */
  private held: Set<Element> | null = new Set();
  private scheduled: When | null = null;
  private readonly stop = new AbortController();
  private readonly watchHeld: (block: Element) => void;

  constructor(
    private readonly painted: RangeSet,
    private readonly watchBlocks: WatchBlocks = nearViewport,
    private readonly timing: Timing = TIMING,
  ) {
    timing.viewportMoved(() => this.release('soon'), this.stop.signal);
    this.watchHeld = timing.watchHeld(() => this.release('soon'), this.stop.signal);
  }

  /** Created with the first range: a page without matches never makes one. */
  private get blocks(): BlockWatch {
    return (this.watcher ??= this.watchBlocks((block, near, inView) => this.report(block, near, inView)));
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
      this.toObserve.add(block);
      this.schedule('batch');
    }
    items.add(item);
    // The slice around the viewport is painted at once: it is what the reader sees first.
    if (assumeNear && this.near.has(block)) this.painted.add(item.range);
    else if (this.near.has(block) && !this.held?.has(block)) this.paint(item.range, 'batch');
  }

  remove(item: T, block: Element): void {
    // Only a near block's items were painted (and so have their ranges made), and those that
    // went far since; the text of a removed item changed or left, so its range may now be wrong.
    const wasPainted = (this.near.has(block) && !this.held?.has(block)) || this.farAway.delete(item);
    const items = this.byBlock.get(block);
    items?.delete(item);
    // After leaving its block: a release of held blocks must not paint it again.
    if (wasPainted) this.unpaint(item.range, 'batch');
    if (!items || items.size > 0) return;
    this.byBlock.delete(block);
    this.near.delete(block);
    this.held?.delete(block);
    if (this.toObserve.delete(block)) return;
    // The rest of its stretch is watched again with the next batch; meanwhile it stays as it was.
    for (const b of this.blocks.unwatch(block)) this.toObserve.add(b);
    if (this.toObserve.size) this.schedule('batch');
  }

  dispose(): void {
    this.stop.abort();
    this.watcher?.disconnect();
    this.byBlock.clear();
    this.near.clear();
    this.toAdd.clear();
    this.toDelete.clear();
    this.farAway.clear();
    this.toObserve.clear();
    this.held = null;
  }

  private paint(range: Range, when: When): void {
    this.toDelete.delete(range);
    this.toAdd.add(range);
    this.schedule(when);
  }

  private unpaint(range: Range, when: When): void {
    if (this.toAdd.delete(range)) return;
    this.toDelete.add(range);
    this.schedule(when);
  }

  /** A flush is asked for; `soon` overtakes a batch still waiting (which then finds less to do). */
  private schedule(when: When): void {
    if (this.scheduled === 'soon' || this.scheduled === when) return;
    this.scheduled = when;
    this.timing[when](() => this.flush());
  }

  /** One change of the highlight for every addition and removal since the last. */
  private flush(): void {
    this.scheduled = null;
    const blocks: Element[] = [];
    for (const el of this.toObserve) {
      if (blocks.length === OBSERVE_PER_BATCH) {
        this.schedule('batch');
        break;
      }
      blocks.push(el);
    }
    for (const el of blocks) this.toObserve.delete(el);
    if (blocks.length) this.blocks.watch(blocks);
    if (this.toAdd.size || this.toDelete.size) {
      this.release(null);
      for (const x of this.farAway) this.painted.delete(x.range);
      this.farAway.clear();
    }
    for (const r of this.toDelete) this.painted.delete(r);
    for (const r of this.toAdd) this.painted.add(r);
    this.toDelete.clear();
    this.toAdd.clear();
  }

  /** Paints the held blocks (see `held`), with the flush `when` (or the one running), and holds no more. */
  private release(when: When | null): void {
    const held = this.held;
    if (!held) return;
    this.held = null;
    this.stop.abort();
    for (const block of held) for (const x of this.byBlock.get(block) ?? []) this.toAdd.add(x.range);
    if (when && this.toAdd.size) this.schedule(when);
  }

  /** The watch's report on `block`: painted when it comes near, far when it goes. */
  private report(block: Element, isNear: boolean, inView: boolean): void {
    const items = this.byBlock.get(block);
    if (!items || isNear === this.near.has(block)) return;
    // Never painted: nothing to take out or to keep.
    if (!isNear && this.held?.delete(block)) return void this.near.delete(block);
    // Near but off screen before the first scroll: held, and watched in case the page moves it
    // on screen. A block on screen already (a tall window shows more than the slice painted at
    // once) is painted below like any other.
    if (isNear && this.held && !inView) {
      this.near.add(block);
      this.held.add(block);
      this.watchHeld(block);
      return;
    }
    if (isNear) {
      this.near.add(block);
      // Back before its ranges left (see farAway): they are still painted.
      for (const x of items) if (!this.farAway.delete(x)) this.paint(x.range, 'soon');
    } else {
      this.near.delete(block);
      for (const x of items) if (!this.toAdd.delete(x.range)) this.farAway.add(x);
    }
  }
}
