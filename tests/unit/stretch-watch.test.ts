// The stretch watch: consecutive blocks are watched through their first and last, reported
// together once both ends have answered and their span fits the window; a stretch that does not
// fit is halved, down to single blocks.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { STRETCH_BLOCKS, StretchWatch } from '../../entrypoints/content/stretch-watch';

const ROOT_HEIGHT = 9 * 900;

function page(n: number) {
  const { document } = parseHTML(`<!doctype html><html><body>${'<p>x</p>'.repeat(n)}<div style="display:contents">y</div><section><p>z</p></section></body></html>`);
  const ps = [...document.querySelectorAll('body > p')];
  return { ps, contents: document.querySelector('div')!, nested: document.querySelector('section')! };
}

function fakeObserver() {
  const observed: Element[] = [];
  let report: IntersectionObserverCallback = () => undefined;
  const observe = (cb: IntersectionObserverCallback) => {
    report = cb;
    return {
      observe: (el: Element) => void observed.push(el),
      unobserve: (el: Element) => void observed.splice(observed.indexOf(el), 1),
      disconnect: () => void (observed.length = 0),
    };
  };
  /** An entry for `target` at `top` (100 px tall), or without a box. */
  const entry = (target: Element, isIntersecting: boolean, top: number | null) =>
    ({
      target,
      isIntersecting,
      boundingClientRect: top === null ? { top: 0, bottom: 0, width: 0, height: 0 } : { top, bottom: top + 100, width: 500, height: 100 },
      rootBounds: { height: ROOT_HEIGHT },
    }) as unknown as IntersectionObserverEntry;
  const fire = (...entries: IntersectionObserverEntry[]) => report(entries, {} as IntersectionObserver);
  return { observed, observe, entry, fire };
}

function recorder() {
  const reports = new Map<Element, boolean>();
  const inView = new Map<Element, boolean>();
  return {
    reports,
    inView,
    onBlock: (el: Element, near: boolean, seen: boolean) => {
      reports.set(el, near);
      inView.set(el, seen);
    },
  };
}

/** The viewport's height in these tests: a ninth of the observer's window. */
const VIEW = () => ROOT_HEIGHT / 9;

describe('StretchWatch', () => {
  it('observes only the first and last block of each stretch of consecutive blocks', () => {
    const { ps } = page(40);
    const io = fakeObserver();
    new StretchWatch(io.observe, () => undefined).watch(ps);
    expect(STRETCH_BLOCKS).toBe(16);
    expect(io.observed).toEqual([ps[0], ps[15], ps[16], ps[31], ps[32], ps[39]]);
  });

  it('reports every block of a stretch near while either end meets the window, once both ends have answered', () => {
    const { ps } = page(4);
    const io = fakeObserver();
    const r = recorder();
    new StretchWatch(io.observe, r.onBlock, VIEW).watch(ps);
    io.fire(io.entry(ps[0]!, true, 0));
    // The span is not known until the last block answers.
    expect(r.reports.size).toBe(0);
    io.fire(io.entry(ps[3]!, false, 300));
    expect([...r.reports]).toEqual(ps.map((p) => [p, true]));
    // The first leaves over the top while the last comes in: still near.
    io.fire(io.entry(ps[0]!, false, -5000), io.entry(ps[3]!, true, -4700));
    expect([...r.reports.values()].every(Boolean)).toBe(true);
    io.fire(io.entry(ps[3]!, false, -9000));
    expect([...r.reports]).toEqual(ps.map((p) => [p, false]));
  });

  it('tells whether a near stretch meets the viewport itself, not only its margin', () => {
    const { ps } = page(4);
    const io = fakeObserver();
    const r = recorder();
    new StretchWatch(io.observe, r.onBlock, VIEW).watch(ps);
    // Just below the screen (900 px tall here), within the margin.
    io.fire(io.entry(ps[0]!, true, 1000), io.entry(ps[3]!, true, 1300));
    expect([...r.inView.values()]).toEqual([false, false, false, false]);
    // Its last block reaches the screen's bottom edge.
    io.fire(io.entry(ps[0]!, true, 500), io.entry(ps[3]!, true, 800));
    expect([...r.inView.values()]).toEqual([true, true, true, true]);
    io.fire(io.entry(ps[0]!, false, -9000), io.entry(ps[3]!, false, -8700));
    expect([...r.inView.values()]).toEqual([false, false, false, false]);
  });

  it('halves a stretch spanning too much of the window until each part fits', () => {
    const { ps } = page(4);
    const io = fakeObserver();
    const r = recorder();
    new StretchWatch(io.observe, r.onBlock, VIEW).watch(ps);
    // First and last are further apart than a third of the window.
    io.fire(io.entry(ps[0]!, true, 0), io.entry(ps[3]!, false, ROOT_HEIGHT));
    expect(r.reports.size).toBe(0);
    expect(io.observed).toEqual([ps[0], ps[1], ps[2], ps[3]]);
    io.fire(io.entry(ps[0]!, true, 0), io.entry(ps[1]!, true, 100));
    expect([...r.reports]).toEqual([
      [ps[0], true],
      [ps[1], true],
    ]);
    // The second half, its blocks on screen in the wrong order: halved again into single blocks.
    io.fire(io.entry(ps[2]!, false, 5000), io.entry(ps[3]!, false, 4000));
    expect(io.observed).toEqual([ps[0], ps[1], ps[2], ps[3]]);
    io.fire(io.entry(ps[2]!, true, 5000), io.entry(ps[3]!, false, 4000));
    expect(r.reports.get(ps[2]!)).toBe(true);
    expect(r.reports.get(ps[3]!)).toBe(false);
  });

  it('keeps near a block without a box of its own, and does not stretch across one', () => {
    const { ps, contents } = page(1);
    const io = fakeObserver();
    const r = recorder();
    new StretchWatch(io.observe, r.onBlock, VIEW).watch([ps[0]!, contents]);
    io.fire(io.entry(ps[0]!, false, 9000), io.entry(contents, false, null));
    expect(r.reports.size).toBe(0);
    io.fire(io.entry(ps[0]!, false, 9000), io.entry(contents, false, null));
    expect(r.reports.get(ps[0]!)).toBe(false);
    expect(r.reports.get(contents)).toBe(true);
  });

  it('starts a new stretch where the document order breaks', () => {
    const { ps, nested } = page(3);
    const inner = nested.querySelector('p')!;
    const io = fakeObserver();
    // Backwards, then a block inside the one before it.
    new StretchWatch(io.observe, () => undefined).watch([ps[1]!, ps[0]!, ps[2]!, nested, inner]);
    expect(io.observed).toEqual([ps[1], ps[0], nested, inner]);
  });

  it('hands back the rest of a stretch when one of its blocks is no longer watched', () => {
    const { ps } = page(3);
    const io = fakeObserver();
    const w = new StretchWatch(io.observe, () => undefined);
    w.watch(ps);
    expect(w.unwatch(ps[1]!)).toEqual([ps[0], ps[2]]);
    expect(io.observed).toEqual([]);
    expect(w.unwatch(ps[1]!)).toEqual([]);
  });
});
