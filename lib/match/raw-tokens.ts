// Token hashes straight from raw text, equal to what the scanner computes on folded text, for
// every block made of characters that fold one to one (nearly all text on nearly all pages).

import { HASH_SEED, hashStep } from './hash';
import type { HashSet } from './hash-set';
import type { CompiledIndex } from './index-format';
import { ASCII_CLASS } from './tokens';
import { classOfUnit, isIgnorable, SOLO, WORD } from '../text/chars';
import { foldTable, foldUnit } from '../text/fold';


/** Pseudo-class of invisible characters, which neither end nor extend a token. */
const IGNORED = 3;
/** Returned when a character needs the full folder (combining mark, expanding fold, surrogate). */
export const COMPLEX = -2;

/**
 * Hashes each token of `raw`. With `ix`, stops at the first token that starts one of its
 * patterns and returns its start; with `sink`, adds every hash to it. Returns -1 at the end of
 * the text, or COMPLEX when the raw text cannot be hashed directly. (Two consumers, one loop, no
 * callback: this runs once per token of the page.)
 */
export function rawTokenHashes(raw: string, mask: number, ix: CompiledIndex | null, sink: HashSet | null): number {
  const size = ix ? ix.slotHash.length : 0;
  const n = raw.length;
  let i = 0;
  while (i < n) {
    let c = raw.charCodeAt(i);
    let f = c < 0x80 ? c : foldUnit(c);
    if (f < 0) return COMPLEX;
    let k = c < 0x80 ? ASCII_CLASS[c]! : isIgnorable(c) ? IGNORED : classOfUnit(f);
    if (k !== WORD && k !== SOLO) {
      i++;
      continue;
    }
    const start = i;
    let h = HASH_SEED;
    if (k === SOLO) {
      h = hashStep(h, mask ? foldTable(mask, f) : f);
      i++;
    } else {
      for (;;) {
        if (k === WORD) h = hashStep(h, c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : mask ? foldTable(mask, f) : f);
        if (++i >= n) break;
        c = raw.charCodeAt(i);
        if (c < 0x80) {
          k = ASCII_CLASS[c]!;
          if (k !== WORD) break;
          continue;
        }
        f = foldUnit(c);
        if (f < 0) return COMPLEX;
        k = isIgnorable(c) ? IGNORED : classOfUnit(f);
        if (k !== WORD && k !== IGNORED) break;
      }
    }
    if (sink) sink.add(h);
    if (ix) for (let slot = h & (size - 1); ix.slotCount[slot] !== 0; slot = (slot + 1) & (size - 1)) if (ix.slotHash[slot] === h) return start;
  }
  return -1;
}
