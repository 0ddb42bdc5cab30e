// The first slice of a load: the blocks around the viewport, walked before anything else, whose
// text travels with the first request so the background's warm matcher finds their terms. The
// content script's boot runs it on every page; the page core reuses it for later loads.

import type { PageIndexReply } from '../../lib/messages';
import { callBackground } from './background-client';
import { BlockWalker, isBlockElement, type TextBlock } from './blocks';
import type { FirstPaint } from './first-paint';
import { FIRST_BLOCKS, FIRST_CHARS, firstSliceEnd } from './first-slice';
import { SLICE_MS, yieldToPage } from './slices';

/** Where a walk's blocks go to have their tokens noted (the index session, once there is one). */
export interface TokenSink {
  /** Notes the blocks' tokens (synchronous, cheap). */
  add(blocks: TextBlock[]): void;
}

/**
 * Whether the page may be scrolled away from its top. Reading the scroll position right after
 * the page was parsed forces its first layout on our time (4 ms on an article, far more on a
 * long page), so a fresh navigation without a fragment is taken to be at the top: the browser
 * restores scroll positions only on reloads and history moves, and jumps only to fragments.
 */
export function mayBeScrolled(firstLoad: boolean): boolean {
  if (!firstLoad || location.hash.length > 1) return true;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type !== 'navigate';
}

/**
 * Where to start when the reader is scrolled down: the block-level element around the middle
 * of the viewport, widened until it is at least a screen tall. Null at the top of the page.
 */
export function viewportAnchor(scrolled: boolean): Element | null {
  if (!scrolled || window.scrollY < 1) return null;
  let el = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
  while (el && el !== document.body && (!isBlockElement(el) || el.getBoundingClientRect().height < window.innerHeight)) el = el.parentElement;
  return el && el !== document.body && el !== document.documentElement ? el : null;
}

/** False for a block the token filter ruled out: it is dropped, and nothing more is built for it. */
export const mayHoldTerm = (b: TextBlock): boolean => b.candidates !== null;

/** What `takeUntil` takes blocks from: a walker, or blocks walked already. */
export type BlockSource = Pick<BlockWalker, 'done' | 'take'>;

/** Blocks walked already (the first walk's overflow), handed out as a walker hands out new ones. */
export class WalkedBlocks implements BlockSource {
  private at = 0;

  constructor(private readonly blocks: readonly TextBlock[]) {}

  get done(): boolean {
    return this.at >= this.blocks.length;
  }

  take(_deadline: number, max: number): TextBlock[] {
    const got = this.blocks.slice(this.at, this.at + max);
    this.at += got.length;
    return got;
  }
}

/**
 * Takes blocks (noting their tokens) until `deadline`; advances `state.w` past finished walkers.
 * Returns how many blocks it walked (with a source, only those some term can start join `out`).
 */
export function takeUntil(walkers: readonly BlockSource[], state: { w: number }, deadline: number, source: TokenSink | null, out: TextBlock[], max = Infinity): number {
  let taken = 0;
  do {
    const walker = walkers[state.w]!;
    const got = walker.take(deadline, Math.min(8, max - out.length));
    source?.add(got);
    for (const b of got) if (mayHoldTerm(b)) out.push(b);
    taken += got.length;
    if (walker.done) state.w++;
  } while (state.w < walkers.length && out.length < max && performance.now() < deadline);
  return taken;
}

// The walk goes in slices of SLICE_MS with a turn for the page between them, never more than
// this many: a first slice cut short by time would send a page that is in fact short, the usual
// article, down the path that loads the page core to walk the rest, and the first reads of a
// fresh load, from a cold DOM, cost several times the later ones.
const FIRST_SLICES = 4;

/** A walk of the page begun before the index arrived: its first slice of blocks, taken already. */
export interface PageWalk {
  walkers: BlockWalker[];
  state: { w: number };
  first: TextBlock[];
  /** Blocks taken with the first slice that did not fit its text budget. */
  overflow: TextBlock[];
  /** Main-thread time the first slice took, and its longest part. */
  firstMs: number;
  longestMs: number;
}

const textLength = (blocks: readonly TextBlock[]): number => blocks.reduce((n, b) => n + b.text.length, 0);

/**
 * Walks the first slice of `root` (around the viewport), whose text travels with the first request.
 */
export async function startWalk(root: Element, scrolled: boolean): Promise<PageWalk> {
  let start = performance.now();
  const anchor = viewportAnchor(scrolled);
  const walkers = anchor ? [new BlockWalker(anchor), new BlockWalker(root, anchor)] : [new BlockWalker(root)];
  const state = { w: 0 };
  const first: TextBlock[] = [];
  let firstMs = 0;
  let longestMs = 0;
  for (let slice = 1; ; slice++) {
    takeUntil(walkers, state, start + SLICE_MS, null, first, FIRST_BLOCKS);
    const took = performance.now() - start;
    firstMs += took;
    longestMs = Math.max(longestMs, took);
    if (state.w >= walkers.length || first.length >= FIRST_BLOCKS || slice === FIRST_SLICES || textLength(first) >= FIRST_CHARS) break;
    await yieldToPage();
    start = performance.now();
  }
  const fit = firstSliceEnd(
    first.map((b) => b.text.length),
    state.w < walkers.length,
  );
  return { walkers, state, first: first.slice(0, fit), overflow: first.slice(fit), firstMs, longestMs };
}

/** A first slice and the background's answer to it. */
export interface FirstLoad {
  walk: PageWalk;
  /** Its `first` holds the terms the background found in the slice, still encoded (see first-paint.ts). */
  reply: PageIndexReply;
  /** Main-thread time spent walking (the request's own cost is in it). */
  busyMs: number;
  /** The round trip to the background. */
  indexMs: number;
  /** The slice's start, when the boot painted it before handing the load to the page core. */
  painted?: FirstPaint;
}

/** Walks the first slice and asks the background for its terms. */
export async function requestFirst(scrolled: boolean): Promise<FirstLoad> {
  const walk = await startWalk(document.body, scrolled);
  const asked = performance.now();
  const reply = await callBackground('page:index', { url: location.href, texts: walk.first.map((b) => b.text) });
  const replied = performance.now();
  return { walk, reply, busyMs: walk.firstMs + (performance.now() - replied), indexMs: replied - asked };
}

/** True when the walk has blocks left beyond its first slice. */
export const walkGoesOn = (walk: PageWalk): boolean => walk.overflow.length > 0 || walk.state.w < walk.walkers.length;
