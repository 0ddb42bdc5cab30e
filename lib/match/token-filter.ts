// A small bit set that lets the raw tokenizer dismiss a page's tokens early: most tokens start no
// pattern, and probing the slot table for each of them misses the cache.

import { decodeInt32, encodeInt32, type CompiledIndex } from './index-format';

export interface TokenFilter {
  /** A bit per first-token hash, probed with high hash bits the slot table does not use. */
  tokens: Int32Array;
  /** Right shift from a 32-bit hash to a bit index. */
  shift: number;
}

export function hasBit(bits: Int32Array, shift: number, h: number): boolean {
  const b = h >>> shift;
  return (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
}

function setBit(bits: Int32Array, shift: number, h: number): void {
  const b = h >>> shift;
  bits[b >>> 5]! |= 1 << (b & 31);
}

const filters = new WeakMap<Int32Array, TokenFilter>();
// The scanner asks once per block, nearly always about the same index.
let last: { slots: Int32Array; filter: TokenFilter } | null = null;

/** The index's filter, eight bits per slot: derived from the index, so it never travels. */
export function tokenFilter(ix: CompiledIndex): TokenFilter {
  if (last?.slots === ix.slotHash) return last.filter;
  let f = filters.get(ix.slotHash);
  if (f) {
    last = { slots: ix.slotHash, filter: f };
    return f;
  }
  const size = ix.slotHash.length * 8;
  f = { tokens: new Int32Array(Math.max(1, size >>> 5)), shift: 32 - Math.log2(size) };
  for (let s = 0; s < ix.slotHash.length; s++) if (ix.slotCount[s] !== 0) setBit(f.tokens, f.shift, ix.slotHash[s]!);
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
