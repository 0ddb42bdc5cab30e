// The scanner: walks folded text token by token, looks the token up in the first-token table,
// and verifies candidates unit by unit. Tokens are maximal runs of letters/marks/digits (so a
// match is a whole word by construction) or single characters of scripts written without spaces.

import { widthAt } from './classify';
import { slotOf, type CompiledIndex } from './index-format';
import { classOfUnit, GAP, isSoftPunct, SOLO, WORD } from '../text/chars';
import { candidates, COMPLEX, rawTokenHashes } from './raw-tokens';
import { tokenFilter, type TokenFilter } from './token-filter';
import { ASCII_CLASS, hashToken, unitClass, type Token } from './tokens';
import { foldTable, foldText, foldUnit, isFoldTarget, rawEnd, rawStart, type Folded } from '../text/fold';

/** Match flags. */
export const LOOSE = 1; // punctuation differed from the pattern's
export const POSSESSIVE = 2; // extended over a trailing 's

export interface RawMatch {
  /** Offsets in the raw text the key was folded from. */
  start: number;
  end: number;
  pattern: number;
  flags: number;
}

function hasSpace(a: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] === 0x20) return true;
  return false;
}

const cls = unitClass;

class Verifier {
  flags = 0;
  start = 0;
  constructor(
    private ix: CompiledIndex,
    private f: Folded,
    private raw: string,
  ) {}

  private unitEq(p: number, i: number, j: number): boolean {
    const k = this.f.key[i]!;
    if (k !== this.ix.pool[j]) return false;
    const pm = this.ix.patMask[p]!;
    if (pm === this.ix.mask || !isFoldTarget(k)) return true;
    // The text was folded with tables this pattern's pack did not opt into: look at the raw unit.
    const r = foldUnit(this.raw.charCodeAt(rawStart(this.f, i)));
    if (r < 0) return true;
    const s = this.ix.strictPool[j]!;
    return r === s || (pm !== 0 && foldTable(pm, r) === foldTable(pm, s));
  }

  private sameUnits(i: number, j: number, len: number): boolean {
    const { key } = this.f;
    const { pool } = this.ix;
    for (let k = 0; k < len; k++) if (key[i + k] !== pool[j + k]) return false;
    return true;
  }

  private allSoft(a: Uint16Array, from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!isSoftPunct(a[k]!)) return false;
    return true;
  }

  /**
   * Inner gaps: equal, or loosely equal — the page may leave out soft punctuation the pattern has
   * ("Shal ket" for "Shal, ket!") but may not add punctuation or change where spaces are, so
   * "water-main" never matches "water main" and "S. Paulo" never matches "S.Paulo".
   */
  private gapsMatch(ts: number, te: number, ps: number, pe: number): boolean {
    const tl = te - ts;
    const pl = pe - ps;
    if (tl === 0 || pl === 0) return tl === pl;
    if (tl === pl && this.sameUnits(ts, ps, tl)) return true;
    const { key } = this.f;
    const { pool } = this.ix;
    if (hasSpace(key, ts, te) !== hasSpace(pool, ps, pe)) return false;
    let b = ps;
    for (let a = ts; a < te; a++) {
      const c = key[a]!;
      if (c === 0x20) continue;
      while (b < pe && pool[b] !== c) {
        if (!isSoftPunct(pool[b]!)) return false;
        b++;
      }
      if (b === pe) return false;
      b++;
    }
    for (; b < pe; b++) if (!isSoftPunct(pool[b]!)) return false;
    this.flags |= LOOSE;
    return true;
  }

  /** Key index where pattern `p` ends when it matches at token start `s`, else -1. */
  verify(p: number, s: number): number {
    const { key } = this.f;
    const n = this.f.length;
    const { pool, poolClass } = this.ix;
    let j = this.ix.patStart[p]!;
    const jEnd = j + this.ix.patLen[p]!;
    this.flags = 0;
    this.start = s;
    let lead = j;
    while (lead < jEnd && poolClass[lead] === GAP) lead++;
    if (lead > j) {
      const len = lead - j;
      if (s >= len && this.sameUnits(s - len, j, len)) this.start = s - len;
      else if (this.allSoft(pool, j, lead)) this.flags |= LOOSE;
      else return -1;
    }
    let i = s;
    j = lead;
    for (;;) {
      if (poolClass[j] === SOLO) {
        const w = widthAt(pool, j, jEnd);
        if (i + w > n) return -1;
        for (let k = 0; k < w; k++) if (!this.unitEq(p, i + k, j + k)) return -1;
        i += w;
        j += w;
      } else {
        while (j < jEnd && poolClass[j] === WORD) {
          if (i >= n || !this.unitEq(p, i, j)) return -1;
          i++;
          j++;
        }
        if (i < n && cls(key, i, n) === WORD) return -1;
      }
      const ps = j;
      while (j < jEnd && poolClass[j] === GAP) j++;
      const ts = i;
      while (i < n && cls(key, i, n) === GAP) i++;
      if (j === jEnd) return this.trail(ts, i, ps, jEnd);
      if (i >= n || !this.gapsMatch(ts, i, ps, j)) return -1;
    }
  }

  /** The pattern's trailing punctuation ("!" of "Shal, ket!"): taken when present, optional when soft. */
  private trail(ts: number, te: number, ps: number, pe: number): number {
    const len = pe - ps;
    if (len === 0) return this.possessive(ts, te);
    if (te - ts >= len && this.sameUnits(ts, ps, len)) return ts + len;
    if (this.f.key[ts] === 0x20 && te - ts > len && this.sameUnits(ts + 1, ps, len)) {
      this.flags |= LOOSE;
      return ts + 1 + len;
    }
    if (this.allSoft(this.ix.pool, ps, pe)) {
      this.flags |= LOOSE;
      return ts;
    }
    return -1;
  }

  private possessive(ts: number, te: number): number {
    const { key } = this.f;
    const n = this.f.length;
    // Only 's followed by a gap: before Han or kana the s would be glued to a word.
    if (te - ts === 1 && te < n && key[ts] === 0x27 && key[te] === 0x73 && (te + 1 >= n || cls(key, te + 1, n) === GAP)) {
      this.flags |= POSSESSIVE;
      return te + 1;
    }
    return ts;
  }
}

/** Hash of the token after the gap at `i` (0 at the end of the text). */
const nextTok: Token = { hash: 0, end: 0 };
function nextTokenHash(key: Uint16Array, i: number, n: number): number {
  while (i < n && cls(key, i, n) === GAP) i++;
  return i >= n ? 0 : hashToken(key, i, n, cls(key, i, n), nextTok).hash;
}

/**
 * Tries the patterns in `slot` (those whose first token hashes like the token at `s`, ending at
 * `tokEnd`), longest first. Returns where the first verified one ends and appends it, else -1.
 */
function tryToken(ix: CompiledIndex, v: Verifier, f: Folded, raw: string, s: number, tokEnd: number, slot: number, lastEnd: number, out: RawMatch[]): number {
  const first = ix.slotFirst[slot]!;
  const last = first + ix.slotCount[slot]!;
  let next = 0;
  let nextDone = false;
  for (let p = first; p < last; p++) {
    if (ix.patTokens[p]! > 1) {
      if (!nextDone) {
        next = nextTokenHash(f.key, tokEnd, f.length);
        nextDone = true;
      }
      if (next !== ix.patNext[p]) continue;
    }
    const end = v.verify(p, s);
    if (end < 0) continue;
    out.push({ start: rawStart(f, Math.max(v.start, lastEnd)), end: rawEnd(f, end - 1, raw), pattern: p, flags: v.flags });
    return end;
  }
  return -1;
}

/** Appends the leftmost-longest, non-overlapping matches of `ix` in folded text `f` to `out`. */
export function scanFolded(ix: CompiledIndex, f: Folded, raw: string, out: RawMatch[]): void {
  const key = f.key;
  const n = f.length;
  if (ix.patLen.length === 0) return;
  const v = new Verifier(ix, f, raw);
  const tok: Token = { hash: 0, end: 0 };
  let lastEnd = 0;
  let i = 0;
  while (i < n) {
    const c = cls(key, i, n);
    if (c === GAP) {
      i++;
      continue;
    }
    const s = i;
    const slot = slotOf(ix, hashToken(key, i, n, c, tok).hash);
    i = tok.end;
    if (slot < 0) continue;
    const end = tryToken(ix, v, f, raw, s, i, slot, lastEnd, out);
    if (end >= 0) lastEnd = i = end;
  }
}

/** Longest key among the patterns of `slot`. */
function longestIn(ix: CompiledIndex, slot: number): number {
  let len = 0;
  for (let p = ix.slotFirst[slot]!, last = p + ix.slotCount[slot]!; p < last; p++) len = Math.max(len, ix.patLen[p]!);
  return len;
}

/**
 * Verifies `count` candidates (interleaved raw start and hash, in order), each in a window folded
 * from the gap before it; hashes with no slot in `ix` (the filter's false positives) are passed
 * over. Valid for blocks that fold one unit per character: a match then spans at most twice its
 * pattern (the page may have a space on either side of each punctuation run) plus an
 * apostrophe-s, so a window of that size, ending at a word's end, sees all a full fold would.
 */
function scanCandidates(ix: CompiledIndex, raw: string, pairs: Int32Array, count: number, out: RawMatch[]): void {
  let v: Verifier | null = null;
  const tok: Token = { hash: 0, end: 0 };
  // Where the last match ended: the raw start of the key unit after it, and its raw end.
  let clipAt = 0;
  let lastEnd = 0;
  for (let q = 0; q < count; q++) {
    const r = pairs[2 * q]!;
    if (r < lastEnd) continue;
    const slot = slotOf(ix, pairs[2 * q + 1]!);
    if (slot < 0) continue;
    const begin = gapStart(raw, r);
    const f = foldText(raw, ix.mask, begin, r - begin + 2 * longestIn(ix, slot) + 8);
    v ??= new Verifier(ix, f, raw);
    let step = 0;
    while (step + 1 < f.steps && f.stepAt[step + 1]! + f.stepDelta[step + 1]! <= r) step++;
    const k = r - f.stepDelta[step]!;
    const tokEnd = hashToken(f.key, k, f.length, cls(f.key, k, f.length), tok).end;
    const end = tryToken(ix, v, f, raw, k, tokEnd, slot, 0, out);
    if (end < 0) continue;
    const m = out[out.length - 1]!;
    if (m.start < clipAt) m.start = clipAt;
    clipAt = rawStart(f, end);
    lastEnd = m.end;
  }
}

/** Start of the gap before `i`, so a pattern's leading punctuation is still seen. */
function gapStart(raw: string, i: number): number {
  while (i > 0) {
    const c = raw.charCodeAt(i - 1);
    const k = c < 0x80 ? ASCII_CLASS[c]! : classOfUnit(c);
    if (k !== GAP || (c >= 0xd800 && c <= 0xdfff)) break;
    i--;
  }
  return i;
}

/**
 * Folds `raw` with the index's tables and appends its matches to `out`. Blocks are tokenized
 * once, on the raw text; most contain no candidate and are dismissed without being folded, the
 * rest are verified in small folded windows. Only blocks with characters the raw hasher cannot
 * fold one to one are folded whole and tokenized again.
 */
export function findMatches(ix: CompiledIndex, raw: string, out: RawMatch[]): void {
  if (ix.patLen.length === 0) return;
  const found = rawTokenHashes(raw, ix.mask, tokenFilter(ix), null);
  if (found === COMPLEX) scanFolded(ix, foldText(raw, ix.mask, 0), raw, out);
  else if (found > 0) scanCandidates(ix, raw, candidates.pairs, found, out);
}

/**
 * A block's candidates, found with a filter before the index that verifies them has arrived:
 * interleaved raw starts and hashes, null when there are none, or COMPLEX when the block must be
 * folded whole (then every token of it is a candidate).
 */
export type BlockCandidates = Int32Array | null | typeof COMPLEX;

export function findCandidates(filter: TokenFilter, mask: number, raw: string): BlockCandidates {
  const found = rawTokenHashes(raw, mask, filter, null);
  return found === COMPLEX ? COMPLEX : found === 0 ? null : keep(candidates.pairs, 2 * found);
}

// A page keeps the candidates of thousands of blocks. Each used to be an array of its own, which
// is a buffer of its own to allocate and collect; they are views into shared chunks instead (a
// chunk lives as long as any block still holds a view of it).
const CHUNK = 1 << 14;
let chunk: Int32Array | null = null;
let used = CHUNK;

/** A lasting copy of `from`'s first `n` values. */
function keep(from: Int32Array, n: number): Int32Array {
  if (n > CHUNK) return from.slice(0, n);
  if (!chunk || used + n > CHUNK) {
    chunk = new Int32Array(CHUNK);
    used = 0;
  }
  const view = chunk.subarray(used, used + n);
  view.set(from.subarray(0, n));
  used += n;
  return view;
}

/** Appends the matches of `ix` among `found` (from findCandidates on the same `raw`) to `out`. */
export function matchCandidates(ix: CompiledIndex, raw: string, found: BlockCandidates, out: RawMatch[]): void {
  if (found === COMPLEX) findMatches(ix, raw, out);
  else if (found && ix.patLen.length > 0) scanCandidates(ix, raw, found, found.length >> 1, out);
}
