// The page's text as highlights are anchored in it: the blocks' raw texts joined into the corpus
// rule's "normalized visible text" (every run of Unicode White_Space and every block boundary
// becomes one U+0020, the whole trimmed), with a mapping between offsets in that text and raw
// offsets in each block. Offsets are UTF-16 code units everywhere.
//
// The mapping is sparse. The normalized text is a sequence of "chunks" separated by one space
// each: a chunk is a maximal run of one block's raw text that normalization leaves as it is
// (non-whitespace, with at most single U+0020 spaces between), so a line of prose is one chunk.
// Three typed arrays hold each chunk's normalized start, block and raw start; inside a chunk
// the offsets correspond one to one. A 1 MiB page costs one entry per line or so, not an object
// per character, and a lookup is a binary search.

// Unicode White_Space, the corpus rule's set (lib/text/chars.ts isWhiteSpace has the same).
const WHITE = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// A chunk: non-whitespace runs joined by single U+0020 spaces. A regular expression finds them
// about twice as fast as a charCodeAt loop (measured on the corpus pages repeated to 4 MB): the
// scan over every raw code unit, most of it indentation, runs in compiled code.
const CHUNK = new RegExp(`[^${WHITE}]+(?: [^${WHITE}]+)*`, 'g');
const SPACE = 0x20;

/** A position in the raw text of one block: `offset` is an index into `blocks[block]`. */
export interface BlockPoint {
  block: number;
  offset: number;
}

/** Which end of a range a position is: decides the side of a collapsed whitespace run it goes to. */
export type Side = 'start' | 'end';

// Ranges are kept tight around whitespace. A range starting on a space of the normalized text
// starts at the next word (after the raw whitespace run), and a range ending just after a space
// ends right after the previous word (before the run): painted ranges never begin or end with
// invisible whitespace, nor reach into the next block for it. Raw positions map the same way:
// a start in (or at the edge of) a whitespace run goes to the next word, an end to the previous
// word's end. A range holding nothing but whitespace therefore maps to start > end: it is empty.
//
// Round trips: toNormalized(toRawStart(p), 'start') === p unless text[p] is a space (then p + 1);
// toNormalized(toRawEnd(p), 'end') === p unless text[p - 1] is a space (then p - 1).
// On a page without any text both raw lookups give { block: 0, offset: 0 }.
export interface PageText {
  /** The normalized text that quotes and positions refer to. */
  readonly text: string;
  /** Raw position for a range that starts at normalized `offset` (0 ≤ offset ≤ text.length). */
  toRawStart(offset: number): BlockPoint;
  /** Raw position for a range that ends at normalized `offset` (0 ≤ offset ≤ text.length). */
  toRawEnd(offset: number): BlockPoint;
  /** Normalized offset of a raw position (0 ≤ point.offset ≤ blocks[point.block].length) as a range's `side`. */
  toNormalized(point: BlockPoint, side: Side): number;
}

class ChunkTable {
  norm: Int32Array;
  block: Int32Array;
  raw: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.norm = new Int32Array(capacity);
    this.block = new Int32Array(capacity);
    this.raw = new Int32Array(capacity);
  }

  push(norm: number, block: number, raw: number): void {
    if (this.size === this.norm.length) this.grow();
    this.norm[this.size] = norm;
    this.block[this.size] = block;
    this.raw[this.size] = raw;
    this.size++;
  }

  private grow(): void {
    const cap = this.norm.length * 2 + 16;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.norm = copy(this.norm);
    this.block = copy(this.block);
    this.raw = copy(this.raw);
  }
}

/** Builds the normalized text of `blocks` (raw block texts in document order) and its offset maps. */
export function pageText(blocks: readonly string[]): PageText {
  let total = 0;
  for (const b of blocks) total += b.length;
  // Raw pages are mostly indentation and short lines; the table grows if a page has more chunks.
  const chunks = new ChunkTable((total >> 5) + 16);
  const parts: string[] = [];
  let norm = 0;
  for (let b = 0; b < blocks.length; b++) {
    const raw = blocks[b]!;
    CHUNK.lastIndex = 0;
    for (let m = CHUNK.exec(raw); m !== null; m = CHUNK.exec(raw)) {
      // Chunks are always separated by a whitespace run or a block boundary: one space.
      if (chunks.size > 0) norm++;
      chunks.push(norm, b, m.index);
      parts.push(m[0]);
      norm += m[0].length;
    }
  }
  return new Mapped(parts.join(' '), blocks, chunks);
}

class Mapped implements PageText {
  constructor(
    readonly text: string,
    private readonly blocks: readonly string[],
    private readonly chunks: ChunkTable,
  ) {}

  toRawStart(offset: number): BlockPoint {
    this.checkNormalized(offset);
    if (this.chunks.size === 0) return { block: 0, offset: 0 };
    // On a space: start at the next word. The text is trimmed, so a word follows.
    const p = this.text.charCodeAt(offset) === SPACE ? offset + 1 : offset;
    return this.point(this.lastChunkAtOrBefore(p), p);
  }

  toRawEnd(offset: number): BlockPoint {
    this.checkNormalized(offset);
    if (this.chunks.size === 0) return { block: 0, offset: 0 };
    // Just after a space: end after the previous word.
    const p = offset > 0 && this.text.charCodeAt(offset - 1) === SPACE ? offset - 1 : offset;
    // The chunk holding the range's last character (p - 1), or the first chunk for p = 0.
    return this.point(Math.max(0, this.lastChunkAtOrBefore(p - 1)), p);
  }

  toNormalized(point: BlockPoint, side: Side): number {
    const { block, offset } = point;
    const raw = this.blocks[block];
    if (raw === undefined || !Number.isInteger(offset) || offset < 0 || offset > raw.length) {
      throw new RangeError(`No raw position ${block}:${offset}`);
    }
    const i = this.lastChunkAtOrBeforeRaw(block, offset);
    // Before the first chunk: whitespace or empty blocks at the page's start.
    if (i < 0) return 0;
    const { norm, raw: rawStart, block: chunkBlock, size } = this.chunks;
    const into = chunkBlock[i] === block ? offset - rawStart[i]! : Infinity;
    const len = this.chunkLength(i);
    if (into > len) {
      // In the whitespace (or empty blocks) after chunk i.
      if (side === 'end') return norm[i]! + len;
      return i + 1 < size ? norm[i + 1]! : this.text.length;
    }
    const n = norm[i]! + into;
    // At a word's edge next to a space: step over it, as toRawStart/toRawEnd do.
    if (side === 'start') return this.text.charCodeAt(n) === SPACE ? n + 1 : n;
    return n > 0 && this.text.charCodeAt(n - 1) === SPACE ? n - 1 : n;
  }

  private point(i: number, p: number): BlockPoint {
    return { block: this.chunks.block[i]!, offset: this.chunks.raw[i]! + p - this.chunks.norm[i]! };
  }

  private chunkLength(i: number): number {
    const { norm, size } = this.chunks;
    return (i + 1 < size ? norm[i + 1]! - 1 : this.text.length) - norm[i]!;
  }

  /** Index of the last chunk whose normalized start is ≤ offset, or -1. */
  private lastChunkAtOrBefore(offset: number): number {
    const { norm, size } = this.chunks;
    let lo = 0;
    let hi = size - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (norm[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Index of the last chunk starting at or before raw (block, offset) in document order, or -1. */
  private lastChunkAtOrBeforeRaw(block: number, offset: number): number {
    const { block: chunkBlock, raw, size } = this.chunks;
    let lo = 0;
    let hi = size - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = chunkBlock[mid]!;
      if (b < block || (b === block && raw[mid]! <= offset)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private checkNormalized(offset: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`Offset ${offset} is outside the page text (length ${this.text.length})`);
    }
  }
}
