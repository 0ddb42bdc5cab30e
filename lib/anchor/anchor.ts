// Re-anchoring a saved highlight (a W3C TextQuoteSelector, optionally a TextPositionSelector)
// in the page's normalized text, from cheap to expensive:
//
//  1. the stored position, if the text there is still exactly the quote → 'exact';
//  2. the quote's exact occurrences, each scored by how well the stored prefix and suffix agree
//     with the text around it and how near it is to the stored position → 'moved' ('exact' when
//     no position was stored: then nothing moved);
//  3. approximate matches (approx-string-match, Myers' bit-parallel algorithm) with up to
//     maxErrorsFor(quote.length) edits, scored the same way plus the quote's own similarity → 'fuzzy'.
//
// Context decides whether a candidate is taken at all: a phrase that merely recurs elsewhere
// (or a near-miss of it) must not become the highlight once its own paragraph is gone, so a
// candidate whose surroundings do not resemble the stored prefix/suffix is rejected and the
// highlight is an orphan. A wrong place is worse than no place.

import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface AnchorResult {
  state: AnchorState;
  /** Offsets of the anchored range in the normalized text; -1 for an orphan. */
  start: number;
  end: number;
  /**
   * 1 for 'exact'; for 'moved' and 'fuzzy' the candidate's score in 0..1 (a weighted mean of the
   * quote's, the prefix's and the suffix's similarity and the nearness to the stored position;
   * below 1 for every fuzzy match); 0 for an orphan.
   */
  score: number;
}

export interface AnchorTarget {
  quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>;
  position?: Pick<TextPositionSelector, 'start' | 'end'> | null;
}

export interface AnchorOptions {
  /**
   * Units searched on each side of the stored position before the whole text is searched
   * (default WINDOW_MARGIN, plus the quote's length).
   */
  window?: number;
  /** Search the whole text when the window around the stored position holds no match (default true). */
  wholeText?: boolean;
}

const ORPHAN: AnchorResult = { state: 'orphan', start: -1, end: -1, score: 0 };

/** Default margin around the stored position searched first: a few paragraphs either way. */
export const WINDOW_MARGIN = 4096;

/** Upper bound on the errors any fuzzy match may have, whatever the quote's length. */
export const MAX_ERRORS = 128;

/**
 * The most edits (Levenshtein, in UTF-16 code units) between a quote and the text it is anchored
 * to: a quarter of the quote, at most MAX_ERRORS. Every range anchorQuote returns is at most this
 * far from the quote (0 for 'exact' and 'moved').
 */
export function maxErrorsFor(quoteLength: number): number {
  return Math.min(Math.floor(quoteLength / 4), MAX_ERRORS);
}

/** A candidate place for the quote, scored; see Scorer. */
interface Scored {
  start: number;
  end: number;
  /** Edits between text[start, end) and the quote (0 for an exact occurrence). */
  errors: number;
  score: number;
  /** Agreement of the stored prefix and suffix with the text around it (0..1), null when none was stored. */
  context: number | null;
  /** The better agreeing side, among sides of at least STRONG_SIDE_UNITS stored units (0 if none). */
  strongSide: number;
  /** Distance from the stored position's start (0 without one). */
  distance: number;
}

// A candidate's score is a weighted mean: the quote's own similarity dominates; each context
// side counts in proportion to how much of it was stored (up to 32 units, like our prefixes);
// nearness to the stored position is worth little and mostly breaks ties.
const W_QUOTE = 50;
const W_CONTEXT = 20;
const W_NEAR = 2;
/** Context compared on each side, in code units. */
const CONTEXT_UNITS = 32;

// Acceptance. A side's agreement is 1 - (edit distance / its length), the text aligned at the
// candidate and free at the far end (ContextPattern). Measured on the corpus, comparing each
// quote's stored context with the text at ~39,000 unrelated places: the mean of both sides is
// ≤ 0.39 at the 99.99th percentile (0.48 at most), a single side ≤ 0.53 (a few outliers up to 0.8).
// A quote whose paragraph got a new neighbour keeps one intact side (≈ 1, the mean ≈ 0.5); one
// with a word reworded right next to it on both sides keeps ≈ 0.6–0.8 on each side.
/** An exact occurrence is taken when the context mean or its better side agree this much. */
const EXACT_MEAN = 0.45;
const EXACT_SIDE = 0.75;
/** A fuzzy match needs more, as the quote itself no longer vouches for it. */
const FUZZY_MEAN = 0.5;
const FUZZY_SIDE = 0.85;
/** Sides shorter than this (a quote next to the text's start or end) never count as strong. */
const STRONG_SIDE_UNITS = 8;
/** Above this the exact occurrence is taken without looking for an edited copy nearby. */
const CONTEXT_CONFIDENT = 0.8;
/** Without any stored context a fuzzy match needs this quote similarity (and a quote this long). */
const BARE_QUOTE_SIMILARITY = 0.9;
const BARE_QUOTE_LENGTH = 32;

/** Scores candidates against the stored quote, context and position. */
class Scorer {
  private readonly prefix: ContextPattern | null;
  private readonly suffix: ContextPattern | null;
  private readonly wPrefix: number;
  private readonly wSuffix: number;
  private readonly wNear: number;

  constructor(
    private readonly text: string,
    private readonly quoteLength: number,
    prefix: string | undefined,
    suffix: string | undefined,
    private readonly old: Span | null,
  ) {
    this.prefix = prefix ? new ContextPattern(prefix.slice(-CONTEXT_UNITS), -1) : null;
    this.suffix = suffix ? new ContextPattern(suffix.slice(0, CONTEXT_UNITS), 1) : null;
    this.wPrefix = this.prefix ? (W_CONTEXT * this.prefix.length) / CONTEXT_UNITS : 0;
    this.wSuffix = this.suffix ? (W_CONTEXT * this.suffix.length) / CONTEXT_UNITS : 0;
    this.wNear = old ? W_NEAR : 0;
  }

  score(start: number, end: number, errors: number): Scored {
    const { text, prefix, suffix, wPrefix, wSuffix, wNear } = this;
    const p = prefix ? 1 - prefix.distance(text, start) / prefix.length : 0;
    const s = suffix ? 1 - suffix.distance(text, end) / suffix.length : 0;
    const distance = this.old ? Math.abs(start - this.old.start) : 0;
    const near = 1 - Math.min(1, distance / Math.max(1, text.length));
    const q = 1 - errors / this.quoteLength;
    const score = (W_QUOTE * q + wPrefix * p + wSuffix * s + wNear * near) / (W_QUOTE + wPrefix + wSuffix + wNear);
    const context = wPrefix + wSuffix > 0 ? (wPrefix * p + wSuffix * s) / (wPrefix + wSuffix) : null;
    const strongSide = Math.max(
      prefix && prefix.length >= STRONG_SIDE_UNITS ? p : 0,
      suffix && suffix.length >= STRONG_SIDE_UNITS ? s : 0,
    );
    return { start, end, errors, score, context, strongSide, distance };
  }
}

interface Span {
  start: number;
  end: number;
}

function acceptExact(c: Scored): boolean {
  return c.context === null || c.context >= EXACT_MEAN || c.strongSide >= EXACT_SIDE;
}

function acceptFuzzy(c: Scored, quoteLength: number): boolean {
  if (c.context !== null) return c.context >= FUZZY_MEAN || c.strongSide >= FUZZY_SIDE;
  return quoteLength >= BARE_QUOTE_LENGTH && 1 - c.errors / quoteLength >= BARE_QUOTE_SIMILARITY;
}

/** The better of two candidates: higher score, then nearer the stored position, then earlier. */
function better(a: Scored | null, b: Scored | null): Scored | null {
  if (!a || !b) return a ?? b;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  if (a.distance !== b.distance) return a.distance < b.distance ? a : b;
  return a.start <= b.start ? a : b;
}

function best(candidates: Iterable<Scored>): Scored | null {
  let top: Scored | null = null;
  for (const c of candidates) top = better(top, c);
  return top;
}

/** The stored position if it is usable at all (integers, start ≤ end), else null. */
function usablePosition(position: AnchorTarget['position']): Span | null {
  if (!position) return null;
  const { start, end } = position;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end ? { start, end } : null;
}

/** Starts of `quote` in text[from, to), the first `limit` of them. */
function exactOccurrences(text: string, quote: string, from = 0, to = text.length, limit = Infinity): number[] {
  // A slice (V8 shares the characters), so indexOf stops at `to` instead of running to the end.
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const starts: number[] = [];
  for (let i = part.indexOf(quote); i >= 0 && starts.length < limit; i = part.indexOf(quote, i + 1)) starts.push(from + i);
  return starts;
}

function confident(c: Scored | null): c is Scored {
  return c !== null && (c.context ?? 1) >= CONTEXT_CONFIDENT;
}

/** Re-anchors a saved quote in `text` (the page's normalized text); see the file comment. */
export function anchorQuote(text: string, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const { exact, prefix, suffix } = target.quote;
  if (exact.length === 0) return ORPHAN;
  const old = usablePosition(target.position);
  if (old && text.slice(old.start, old.end) === exact) return { state: 'exact', start: old.start, end: old.end, score: 1 };

  const scorer = new Scorer(text, exact.length, prefix, suffix, old);
  const bestOf = (starts: number[]) => best(starts.map((s) => scorer.score(s, s + exact.length, 0)).filter(acceptExact));
  const window = options.window ?? WINDOW_MARGIN;
  if (old) {
    // Most edits move a quote by a few paragraphs at most: look there before scanning everything.
    const margin = window + exact.length;
    const near = bestOf(exactOccurrences(text, exact, Math.max(0, old.start - margin), Math.min(text.length, old.end + margin)));
    if (confident(near)) return found(near, old);
  }
  const occurrences = exactOccurrences(text, exact);
  const exactBest = bestOf(occurrences);
  if (confident(exactBest)) return found(exactBest, old);

  // No occurrence, or one whose surroundings only half agree: the highlighted copy may have been
  // edited while another copy (a pull quote, a repeated phrase) stayed intact. Exact occurrences
  // are masked so the search can see the edited copy, which it would otherwise rank below them.
  const fuzzyBest = searchFuzzy(text, exact, scorer, old, occurrences, {
    window,
    wholeText: (options.wholeText ?? true) && exactBest === null,
  });
  const pick = better(exactBest, fuzzyBest);
  return pick ? found(pick, old) : ORPHAN;
}

function found(c: Scored, old: Span | null): AnchorResult {
  if (c.errors > 0) return { state: 'fuzzy', start: c.start, end: c.end, score: c.score };
  // Without a stored position there is nothing the quote could have moved from.
  return { state: old ? 'moved' : 'exact', start: c.start, end: c.end, score: old ? c.score : 1 };
}

// Fuzzy search. approx-string-match (Myers' bit-parallel algorithm) costs about O(n · k/32) with
// its cut-off: on this project's test machine some 20 ns per text unit, 20 ms for a 1 MiB page.
// It handles the pattern in 32-unit blocks and reports only the lowest-error matches. Hence:
//  - the window around the stored position is searched first (a few KiB: well under a
//    millisecond); the rest of the page only when that finds nothing acceptable;
//  - each window search runs a few rounds, masking what the previous round found, so a
//    near-duplicate with fewer errors cannot hide the edited original;
//  - on a page longer than FULL_SEARCH_UNITS the rest is not scanned whole but only around
//    "seeds": up to SEED_PIECES pieces of the quote, found with indexOf (native, fast). A match
//    with fewer errors than pieces keeps one piece intact (pigeonhole), so this finds quotes
//    that were edited in a few places and moved far, at a fraction of the cost; a quote edited
//    all over and moved far becomes an orphan, the safe side;
//  - quotes longer than LONG_QUOTE are found by their head and tail (END_UNITS each, searched
//    with a quarter of their length in errors) and joined where the two lie about a quote's
//    length apart; each join is verified against the whole quote with a banded edit distance
//    (editDistance with max = maxErrorsFor). This keeps the cost independent of the quote's
//    length; a long quote whose first and last END_UNITS were both heavily edited is an orphan.

const LONG_QUOTE = 128;
const END_UNITS = 64;
const WINDOW_ROUNDS = 3;
const WHOLE_TEXT_ROUNDS = 1;
/** Pages up to this long are searched whole when the window fails; longer ones around seeds. */
const FULL_SEARCH_UNITS = 1 << 16;
const SEED_PIECES = 8;
const MIN_SEED_UNITS = 8;
/** A seed found more often than this says nothing about where the quote went: it is skipped. */
const MAX_SEED_HITS = 16;
/** Candidates scored per search, at most; a quote matching more places than this is ambiguous anyway. */
const MAX_CANDIDATES = 1000;
/** Head/tail joins verified per search, at most. */
const MAX_JOINS = 32;
/** Stands in for masked text: never part of a quote taken from a page. */
const MASK = '\u0000';

interface Match {
  start: number;
  end: number;
  errors: number;
}

interface Region {
  from: number;
  to: number;
  rounds: number;
}

function searchFuzzy(
  text: string,
  quote: string,
  scorer: Scorer,
  old: Span | null,
  occurrences: readonly number[],
  opts: { window: number; wholeText: boolean },
): Scored | null {
  const k = maxErrorsFor(quote.length);
  if (k === 0) return null;
  // Passes, each a set of regions whose candidates compete; the first pass with an acceptable
  // candidate decides. Later passes are computed only when reached (finding seeds costs a scan).
  const passes: (() => Region[])[] = [];
  let window: Region | null = null;
  if (old) {
    const margin = opts.window + quote.length;
    const from = Math.max(0, Math.min(old.start, text.length) - margin);
    const region = { from, to: Math.min(text.length, old.end + margin), rounds: WINDOW_ROUNDS };
    window = region;
    passes.push(() => [region]);
  }
  if (opts.wholeText && !(window && window.from === 0 && window.to === text.length)) {
    passes.push(() => (text.length <= FULL_SEARCH_UNITS ? [{ from: 0, to: text.length, rounds: WHOLE_TEXT_ROUNDS }] : seedRegions(text, quote, k)));
  }
  for (const pass of passes) {
    const scored = pass()
      .flatMap((r) => searchRegion(text, quote, k, r, occurrences))
      .map((m) => scorer.score(m.start, m.end, m.errors));
    const top = best(scored.filter((c) => acceptFuzzy(c, quote.length)));
    if (top) return top;
  }
  return null;
}

/** Regions of `text` around exact occurrences of pieces of the quote (see the comment above). */
function seedRegions(text: string, quote: string, k: number): Region[] {
  const pieces = Math.min(SEED_PIECES, Math.floor(quote.length / MIN_SEED_UNITS));
  const size = Math.floor(quote.length / Math.max(1, pieces));
  const spans: Span[] = [];
  for (let p = 0; p < pieces; p++) {
    const at = p * size;
    const hits = exactOccurrences(text, quote.slice(at, at + size), 0, text.length, MAX_SEED_HITS + 1);
    if (hits.length > MAX_SEED_HITS) continue;
    for (const h of hits) spans.push({ start: Math.max(0, h - at - k), end: Math.min(text.length, h - at + quote.length + k) });
  }
  spans.sort((a, b) => a.start - b.start);
  const regions: Region[] = [];
  for (const { start, end } of spans) {
    const last = regions.at(-1);
    if (last && start <= last.to) last.to = Math.max(last.to, end);
    else regions.push({ from: start, to: end, rounds: WHOLE_TEXT_ROUNDS });
  }
  return regions;
}

function searchRegion(text: string, quote: string, k: number, region: Region, occurrences: readonly number[]): Match[] {
  const { from, to, rounds } = region;
  const hidden: Span[] = [];
  for (const s of occurrences) {
    if (s + quote.length > from && s < to) hidden.push({ start: Math.max(0, s - from), end: Math.min(to, s + quote.length) - from });
  }
  let slice = mask(text.slice(from, to), hidden);
  const out: Match[] = [];
  for (let round = 0; round < rounds && out.length < MAX_CANDIDATES; round++) {
    const { matches, seen } = quote.length > LONG_QUOTE ? searchLong(slice, quote, k) : searchShort(slice, quote, k);
    for (const m of matches.slice(0, MAX_CANDIDATES - out.length)) out.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    if (seen.length === 0) break;
    if (round + 1 < rounds) slice = mask(slice, seen);
  }
  return out;
}

/** Matches, and the spans to mask before looking for the next-best ones. */
interface Found {
  matches: Match[];
  seen: Span[];
}

function searchShort(slice: string, quote: string, k: number): Found {
  const matches = search(slice, quote, k);
  return { matches, seen: matches };
}

function searchLong(slice: string, quote: string, k: number): Found {
  const endErrors = END_UNITS / 4;
  const heads = search(slice, quote.slice(0, END_UNITS), endErrors);
  const tails = search(slice, quote.slice(-END_UNITS), endErrors).sort((a, b) => a.end - b.end);
  const matches: Match[] = [];
  const tried = new Set<string>();
  for (const h of heads) {
    // Tails ending a quote's length (± k) after the head starts.
    for (let i = lowerBound(tails, h.start + quote.length - k); i < tails.length; i++) {
      const t = tails[i]!;
      if (t.end > h.start + quote.length + k || tried.size >= MAX_JOINS) break;
      const key = `${h.start}:${t.end}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const errors = editDistance(slice.slice(h.start, t.end), quote, k);
      if (errors <= k) matches.push({ start: h.start, end: t.end, errors });
    }
  }
  return { matches, seen: [...heads, ...tails] };
}

/** Index of the first match ending at or after `end` (matches sorted by end). */
function lowerBound(sorted: readonly Match[], end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `s` with the given spans replaced by MASK characters (same length, so offsets stay valid). */
function mask(s: string, spans: readonly Span[]): string {
  if (spans.length === 0) return s;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(at, start);
    if (end <= from) continue;
    parts.push(s.slice(at, from), MASK.repeat(end - from));
    at = end;
  }
  parts.push(s.slice(at));
  return parts.join('');
}

// Edit distances: a banded Levenshtein distance with a cutoff (to verify a fuzzy
// match or measure one in tests) and a bit-parallel one for short patterns (to compare a stored
// prefix or suffix with the text around each of possibly thousands of candidates).

/**
 * Levenshtein distance (insertions, deletions, substitutions of UTF-16 code units) between `a`
 * and `b`, exact when it is ≤ `max`; otherwise some number > `max`. Only the band of width
 * 2·max + 1 around the diagonal is computed, so the cost is O(min(|a|, |b|) · max).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  const k = Math.min(max, Math.max(n, m));
  if (Math.abs(n - m) > k) return k + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const over = k + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const diagonal = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(diagonal, prev[j]! + 1, cur[j - 1]! + 1, over);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The cell right of the band is read as "above" by the next row: it lies outside this one.
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > k) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/**
 * A stored prefix or suffix (at most 32 code units) prepared for comparison with the text next to
 * each of possibly thousands of candidates (exported for the property tests). Myers' bit-vector algorithm, in Hyyrö's formulation
 * for edit distance: a few word operations per text character.
 */
export class ContextPattern {
  private readonly peq = new Map<number, number>();
  private readonly top: number;
  readonly length: number;

  /**
   * `direction` 1: a suffix, compared with the text from a candidate's end onward; -1: a prefix,
   * compared with the text before a candidate's start, read backward (so its pattern is reversed).
   */
  constructor(
    context: string,
    private readonly direction: 1 | -1,
  ) {
    if (context.length > 32) throw new RangeError('A context pattern holds at most 32 code units');
    const pattern = direction === 1 ? context : context.split('').reverse().join('');
    this.length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      this.peq.set(c, (this.peq.get(c) ?? 0) | (1 << i));
    }
    this.top = 1 << (pattern.length - 1);
  }

  /**
   * The least edit distance between the context and the text next to offset `at`, over all text
   * lengths up to the context's length + `slack`: the alignment is pinned at `at` and free at the
   * far end, so a word that got longer next to the quote costs its edits, not a shift of the rest.
   */
  distance(text: string, at: number, slack = 8): number {
    const m = this.length;
    if (m === 0) return 0;
    // Vertical deltas of the DP column: all +1 at first (D[i][0] = i).
    let vp = m === 32 ? -1 : (1 << m) - 1;
    let vn = 0;
    let score = m;
    let least = m;
    const steps = Math.min(m + slack, this.direction === 1 ? text.length - at : at);
    for (let n = 0, j = this.direction === 1 ? at : at - 1; n < steps; n++, j += this.direction) {
      const eq = this.peq.get(text.charCodeAt(j)) ?? 0;
      // Bits above the pattern's length may hold garbage: carries only move upward, so the
      // pattern's bits are never affected by them.
      const d0 = (((vp & eq) + vp) ^ vp) | eq | vn;
      const hn = vp & d0;
      const hp = vn | ~(vp | d0);
      if (hp & this.top) score++;
      else if (hn & this.top) score--;
      if (score < least) least = score;
      // Shifting in a 1: the top row of a global distance grows by one per text character.
      const hpShift = (hp << 1) | 1;
      vn = hpShift & d0;
      vp = (hn << 1) | ~(hpShift | d0);
    }
    return least;
  }
}
