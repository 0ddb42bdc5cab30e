// The viewport window: only ranges of blocks the observer reports near stay painted, in one
// batch per observer callback, and none is forgotten while it is scrolled away.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { OnBlock } from '../../entrypoints/content/stretch-watch';
import { ViewportWindow, type Timing } from '../../entrypoints/content/viewport-window';

const { document } = parseHTML('<!doctype html><html><body><p>one</p><p>two</p></body></html>');
const [p1, p2] = [...document.body.children];

/** A stand-in block watch the test drives by hand. */
function fakeWatch() {
  const watched = new Set<Element>();
  let report: OnBlock = () => undefined;
  const watchBlocks = (onBlock: OnBlock) => {
    report = onBlock;
    return {
      watch: (els: Iterable<Element>) => void [...els].forEach((el) => watched.add(el)),
      // As one stretch: the rest is handed back to be watched again.
      unwatch: (el: Element) => {
        const rest = [...watched].filter((x) => x !== el);
        watched.clear();
        return rest;
      },
      disconnect: () => watched.clear(),
    };
  };
  /** Each report: a block, whether it is near, and whether it is on screen too (not by default). */
  const fire = (...reports: [Element, boolean, boolean?][]) => reports.forEach(([el, near, inView = false]) => report(el, near, inView));
  return { watched, watchBlocks, fire };
}

/** An item whose range is counted each time it is asked for: a far block's never should be. */
function item() {
  const r = {} as Range;
  const x = {
    reads: 0,
    get range() {
      x.reads++;
      return r;
    },
  };
  return x;
}

/**
 * Changes reach the highlight at once (the batching has its own test), and the reader has
 * scrolled already (holding the margin until then has its own test).
 */
const AT_ONCE: Timing = { soon: (flush) => flush(), batch: (flush) => flush(), viewportMoved: (moved) => moved(), watchHeld: () => () => undefined };
/** As AT_ONCE, but the reader has not scrolled yet. */
const BEFORE_SCROLL = { ...AT_ONCE, viewportMoved: () => undefined };

/** A window over a fake watch, painting into a plain set. */
function windowWith(timing: Timing = AT_ONCE) {
  const io = fakeWatch();
  const painted = new Set<Range>();
  return { io, painted, w: new ViewportWindow(painted, io.watchBlocks, timing) };
}

describe('ViewportWindow', () => {
  it('paints a block only while the observer reports it near, and keeps its ranges meanwhile', () => {
    const { io, painted, w } = windowWith();
    const [a, b, c] = [item(), item(), item()];
    w.add(a, p1!, false);
    w.add(b, p1!, false);
    w.add(c, p2!, false);
    expect(painted.size).toBe(0);
    // Nothing asked for a range yet: far terms never have theirs made.
    expect([a, b, c].map((x) => x.reads)).toEqual([0, 0, 0]);
    expect([...io.watched]).toEqual([p1, p2]);
    io.fire([p1!, true], [p2!, false]);
    expect([...painted]).toEqual([a.range, b.range]);
    io.fire([p1!, false], [p2!, true]);
    expect([...painted]).toEqual([c.range]);
    // Removing an item of a far block does not make its range either.
    const far = item();
    w.add(far, p1!, false);
    w.remove(far, p1!);
    expect(far.reads).toBe(0);
    // A range added to a block already near is painted at once.
    const d = item();
    w.add(d, p2!, false);
    expect(painted.has(d.range)).toBe(true);
  });

  it('paints the slice around the viewport at once, before the observer answers', () => {
    const { painted, w } = windowWith();
    const a = item();
    w.add(a, p1!, true);
    expect(painted.has(a.range)).toBe(true);
  });

  it('takes a far block’s ranges out only with the next change that adds, so scrolling away alone costs no rendering pass', () => {
    const io = fakeWatch();
    let changes = 0;
    const painted = new Set<Range>();
    const counted = { add: (r: Range) => (changes++, painted.add(r)), delete: (r: Range) => (changes++, painted.delete(r)) };
    const w = new ViewportWindow(counted, io.watchBlocks, AT_ONCE);
    const [a, b] = [item(), item()];
    w.add(a, p1!, true);
    w.add(b, p2!, false);
    changes = 0;
    // The first slice was assumed near; the observer finds p1 beyond the margin: nothing changes yet.
    io.fire([p1!, false]);
    expect(changes).toBe(0);
    expect(painted.has(a.range)).toBe(true);
    // Back before anything changed: still painted, still no change.
    io.fire([p1!, true]);
    io.fire([p1!, false]);
    expect(changes).toBe(0);
    // p2 comes near: its range goes in and p1's far one goes out, in the same flush.
    io.fire([p2!, true]);
    expect([...painted]).toEqual([b.range]);
    // A far item whose text changed is taken out at once: its range may cover other text now.
    io.fire([p2!, false]);
    w.remove(b, p2!);
    expect(painted.size).toBe(0);
  });

  it('stops watching a block whose last range is removed', () => {
    const { io, painted, w } = windowWith();
    const [a, b] = [item(), item()];
    w.add(a, p1!, true);
    w.add(b, p1!, true);
    w.remove(a, p1!);
    expect(io.watched.has(p1!)).toBe(true);
    w.remove(b, p1!);
    expect(io.watched.has(p1!)).toBe(false);
    expect(painted.size).toBe(0);
    // Watched again from scratch: not painted until reported near.
    w.add(a, p1!, false);
    expect(painted.size).toBe(0);
  });

  it('gathers the scan’s terms into one change of the highlight, and applies the observer’s reports in the next task', () => {
    const waiting = { soon: [] as (() => void)[], batch: [] as (() => void)[] };
    const { io, painted, w } = windowWith({ ...AT_ONCE, soon: (f) => waiting.soon.push(f), batch: (f) => waiting.batch.push(f) });
    const items = [item(), item(), item()];
    for (const x of items) w.add(x, p1!, false);
    // One batch for the three, and the block is watched only when it runs.
    expect(waiting.batch.length).toBe(1);
    expect(io.watched.size).toBe(0);
    waiting.batch.shift()!();
    expect([...io.watched]).toEqual([p1]);
    io.fire([p1!, true]);
    expect(painted.size).toBe(0);
    expect(waiting.soon.length).toBe(1);
    waiting.soon.shift()!();
    expect([...painted]).toEqual(items.map((x) => x.range));
    // A term added to a near block waits for the next batch, then is painted with the rest of it.
    const late = item();
    w.add(late, p1!, false);
    expect(painted.has(late.range)).toBe(false);
    waiting.batch.shift()!();
    expect(painted.has(late.range)).toBe(true);
  });

  it('watches again the rest of the stretch of a block no longer watched, keeping it painted meanwhile', () => {
    const { io, painted, w } = windowWith();
    const [a, b] = [item(), item()];
    w.add(a, p1!, false);
    w.add(b, p2!, false);
    io.fire([p1!, true], [p2!, true]);
    w.remove(a, p1!);
    expect([...io.watched]).toEqual([p2]);
    expect([...painted]).toEqual([b.range]);
  });

  it('holds what comes near until the reader first scrolls, or until the next change that adds', () => {
    let scrolled = () => undefined as void;
    const { io, painted, w } = windowWith({ ...AT_ONCE, viewportMoved: (moved) => void (scrolled = moved) });
    const [a, b, c] = [item(), item(), item()];
    w.add(a, p1!, false);
    w.add(b, p2!, false);
    io.fire([p1!, true], [p2!, true]);
    // Near, but below the slice painted at once: not painted, and no range made.
    expect(painted.size).toBe(0);
    expect(a.reads + b.reads).toBe(0);
    // Gone far again before anything was painted: nothing to take out.
    io.fire([p2!, false]);
    w.add(c, p1!, false);
    expect(painted.size).toBe(0);
    scrolled();
    expect([...painted]).toEqual([a.range, c.range]);
    expect(b.reads).toBe(0);

    // A change that paints anyway takes the held blocks with it.
    const seen = new Set<Range>();
    const counted = { add: (r: Range) => seen.add(r), delete: (r: Range) => seen.delete(r) };
    const held = new ViewportWindow(counted, io.watchBlocks, BEFORE_SCROLL);
    const [d, e] = [item(), item()];
    held.add(d, p1!, false);
    io.fire([p1!, true]);
    expect(seen.size).toBe(0);
    held.add(e, p2!, true);
    expect([...seen]).toEqual([e.range]);
    held.add(item(), p2!, false);
    expect(seen.has(d.range)).toBe(true);
  });

  it('paints, before any scroll, a block the watch finds on screen, and what it held with it', () => {
    const { io, painted, w } = windowWith(BEFORE_SCROLL);
    const [a, b] = [item(), item()];
    w.add(a, p1!, false);
    w.add(b, p2!, false);
    io.fire([p2!, true, false]);
    expect(painted.size).toBe(0);
    io.fire([p1!, true, true]);
    expect([...painted]).toEqual([b.range, a.range]);
  });

  it('watches held blocks, paints them when the page itself moves one on screen, and then stops', () => {
    const watchedHeld: Element[] = [];
    let shown = () => undefined as void;
    let stopped: AbortSignal | null = null;
    const { io, painted, w } = windowWith({
      ...BEFORE_SCROLL,
      watchHeld: (onShown, signal) => {
        shown = onShown;
        stopped = signal;
        return (block) => void watchedHeld.push(block);
      },
    });
    const [a, b] = [item(), item()];
    w.add(a, p1!, false);
    w.add(b, p2!, false);
    io.fire([p1!, true], [p2!, true]);
    expect(watchedHeld).toEqual([p1, p2]);
    expect(painted.size).toBe(0);
    shown();
    expect([...painted]).toEqual([a.range, b.range]);
    // Nothing is held any more, so the watch ends.
    expect(stopped!.aborted).toBe(true);
  });

  it('keeps painted, before any scroll, a block painted at once that went far and came back', () => {
    const { io, painted, w } = windowWith(BEFORE_SCROLL);
    const [a, b] = [item(), item()];
    w.add(a, p1!, true);
    io.fire([p1!, false], [p1!, true]);
    expect([...painted]).toEqual([a.range]);
    // Its text changes: the stale range leaves.
    w.add(b, p1!, true);
    w.remove(a, p1!);
    expect([...painted]).toEqual([b.range]);
  });
});
