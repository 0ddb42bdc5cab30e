// A small Bloom filter that lets the raw tokenizer dismiss a page's tokens early: most tokens
// start no pattern, and probing the slot table for each of them misses the cache. Two bits per
// first token: with one, 247 of the 4,308 distinct words of the benchmark's 1 MiB page without
// terms passed (5,000 terms) and 3,296 of its 5,593 blocks were kept for a lookup; with two, 52
// words and 1,736 blocks.

import { decodeInt32, encodeInt32, type CompiledIndex } from './index-format';

export interface TokenFilter {
  /** Two bits per first-token hash: its high bits (which the slot table does not use) and a remix of it. */
  tokens: Int32Array;
  /** Right shift from a 32-bit hash to a bit index. */
  shift: number;
}

/** The second bit's hash: FNV's low bits remixed by a multiply, independent of its high bits. */
const remix = (h: number): number => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);

/** Whether a token hashing to `h` may start a pattern (both its bits are set). */
export function passes(bits: Int32Array, shift: number, h: number): boolean {
  const a = h >>> shift;
  const b = remix(h) >>> shift;
  return (bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
}

function setBits(bits: Int32Array, shift: number, h: number): void {
  const a = h >>> shift;
  const b = remix(h) >>> shift;
  bits[a >>> 5]! |= 1 << (a & 31);
  bits[b >>> 5]! |= 1 << (b & 31);
}

const filters = new WeakMap<Int32Array, TokenFilter>();
// The scanner asks once per block, nearly always about the same index.
let last: { slots: Int32Array; filter: TokenFilter } | null = null;

/** The index's filter, eight bits per slot: derived from the index, never stored. */
export function tokenFilter(ix: CompiledIndex): TokenFilter {
  if (last?.slots === ix.slotHash) return last.filter;
  let f = filters.get(ix.slotHash);
  if (f) {
    last = { slots: ix.slotHash, filter: f };
    return f;
  }
  const size = ix.slotHash.length * 8;
  f = { tokens: new Int32Array(Math.max(1, size >>> 5)), shift: 32 - Math.log2(size) };
  for (let s = 0; s < ix.slotHash.length; s++) if (ix.slotCount[s] !== 0) setBits(f.tokens, f.shift, ix.slotHash[s]!);
  filters.set(ix.slotHash, f);
  last = { slots: ix.slotHash, filter: f };
  return f;
}

/** A filter as it travels to a page, which checks its tokens with it before asking for patterns. */
export interface WireFilter {
  bits: string;
  shift: number;
}

const wired = new WeakMap<TokenFilter, WireFilter>();

export function filterToWire(f: TokenFilter): WireFilter {
  let w = wired.get(f);
  if (!w) wired.set(f, (w = { bits: encodeInt32(f.tokens), shift: f.shift }));
  return w;
}

export function filterFromWire(w: WireFilter): TokenFilter {
  return { tokens: decodeInt32(w.bits), shift: w.shift };
}
