// Tells which blocks are near the viewport while watching few elements. An IntersectionObserver
// computes every target's intersection at each frame of a scroll: on the dense benchmark page,
// with every block holding terms observed (4,840), that was a few milliseconds a frame. Here
// consecutive blocks form a stretch, and only a stretch's first and last blocks are observed.
//
// Why two ends suffice: if a stretch spans less height than the observer's window, the window
// cannot lie wholly inside it, so whenever any of its blocks meets the window, the window also
// meets its first or its last block. The first report of the two ends gives the span; a stretch
// too tall for that (blocks far apart, or out of order on the screen) is halved until it fits,
// down to single blocks, which are watched as before.

/** Blocks per stretch at most: sixteen paragraphs span about two screens. */
export const STRETCH_BLOCKS = 16;
/** A stretch may span this part of the window's height (its margin included) at most. */
const SPAN_PART = 1 / 3;
/** `compareDocumentPosition`'s answer for a node that follows and is not inside. */
const FOLLOWING = 4;

export type Observe = (onChange: IntersectionObserverCallback) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

/**
 * Called for every block of a stretch whose nearness may have changed; `inView` when the stretch
 * also meets the viewport itself (or its place is unknown), not only the margin around it.
 */
export type OnBlock = (block: Element, near: boolean, inView: boolean) => void;

interface End {
  readonly el: Element;
  near: boolean;
  /** The end's box at its last report: none before the first. */
  rect: DOMRectReadOnly | null;
}

interface Stretch {
  readonly blocks: readonly Element[];
  /** One end for a single block, else its first and last. */
  readonly ends: readonly End[];
  /** Its span was found to fit the window (a single block needs no check). */
  fits: boolean;
}

/** What the viewport window needs of a watch (a fake in its unit tests). */
export interface BlockWatch {
  watch(blocks: Iterable<Element>): void;
  unwatch(block: Element): Element[];
  disconnect(): void;
}

export class StretchWatch implements BlockWatch {
  private readonly byEnd = new Map<Element, Stretch>();
  private readonly byBlock = new Map<Element, Stretch>();
  private readonly observer: ReturnType<Observe>;

  constructor(
    observe: Observe,
    private readonly onBlock: OnBlock,
    private readonly viewHeight: () => number = () => innerHeight,
  ) {
    this.observer = observe((entries) => this.update(entries));
  }

  /** Starts watching `blocks`, grouped in their order into stretches of consecutive blocks. */
  watch(blocks: Iterable<Element>): void {
    let run: Element[] = [];
    for (const el of blocks) {
      const prev = run[run.length - 1];
      if (run.length === STRETCH_BLOCKS || (prev && prev.compareDocumentPosition(el) !== FOLLOWING)) {
        this.start(run);
        run = [];
      }
      run.push(el);
    }
    if (run.length) this.start(run);
  }

  /**
   * Stops watching `block`. The other blocks of its stretch are no longer watched either and are
   * returned, to be watched again: a stretch's ends are fixed once observed.
   */
  unwatch(block: Element): Element[] {
    const s = this.byBlock.get(block);
    if (!s) return [];
    this.stop(s);
    return s.blocks.filter((b) => b !== block);
  }

  disconnect(): void {
    this.observer.disconnect();
    this.byEnd.clear();
    this.byBlock.clear();
  }

  private start(blocks: Element[]): void {
    const first = blocks[0]!;
    const last = blocks[blocks.length - 1]!;
    const end = (el: Element): End => ({ el, near: false, rect: null });
    const s: Stretch = { blocks, ends: first === last ? [end(first)] : [end(first), end(last)], fits: first === last };
    for (const b of blocks) this.byBlock.set(b, s);
    for (const e of s.ends) {
      this.byEnd.set(e.el, s);
      this.observer.observe(e.el);
    }
  }

  private stop(s: Stretch): void {
    for (const b of s.blocks) this.byBlock.delete(b);
    for (const e of s.ends) {
      this.byEnd.delete(e.el);
      this.observer.unobserve(e.el);
    }
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const changed = new Set<Stretch>();
    for (const e of entries) {
      const s = this.byEnd.get(e.target);
      if (!s) continue;
      const end = s.ends.find((x) => x.el === e.target)!;
      end.near = e.isIntersecting || hasNoBox(e.boundingClientRect);
      end.rect = e.boundingClientRect;
      if (!s.fits && s.ends.every((x) => x.rect)) {
        if (!fits(s.ends[0]!.rect!, s.ends[1]!.rect!, e.rootBounds)) {
          this.halve(s);
          continue;
        }
        s.fits = true;
      }
      if (s.fits) changed.add(s);
    }
    const view = changed.size ? this.viewHeight() : 0;
    for (const s of changed) {
      const near = s.ends.some((x) => x.near);
      const inView = near && meetsView(s, view);
      for (const b of s.blocks) this.onBlock(b, near, inView);
    }
  }

  /** Watches a stretch that does not fit as two, each reported once its ends are. */
  private halve(s: Stretch): void {
    this.stop(s);
    const mid = Math.ceil(s.blocks.length / 2);
    this.start(s.blocks.slice(0, mid));
    this.start(s.blocks.slice(mid));
  }
}

/** Whether a stretch meets a viewport `view` px tall, from its ends' last boxes. */
function meetsView(s: Stretch, view: number): boolean {
  const first = s.ends[0]!.rect!;
  const last = s.ends[s.ends.length - 1]!.rect!;
  if (hasNoBox(first) || hasNoBox(last)) return true;
  return last.bottom > 0 && first.top < view;
}

/**
 * A stretch from `first` to `last` fits when it runs down the page and spans a small part of
 * the window. Ends without boxes of their own tell nothing about where their text is.
 */
function fits(first: DOMRectReadOnly, last: DOMRectReadOnly, root: DOMRectReadOnly | null): boolean {
  if (!root || hasNoBox(first) || hasNoBox(last)) return false;
  return first.top <= last.top && last.bottom - first.top <= root.height * SPAN_PART;
}

/**
 * An element without a box of its own (`display: contents`) never intersects anything though
 * its text shows: its ranges stay painted rather than never.
 */
function hasNoBox(rect: DOMRectReadOnly): boolean {
  return rect.width === 0 && rect.height === 0;
}
