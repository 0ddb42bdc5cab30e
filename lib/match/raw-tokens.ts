// Token hashes straight from raw text, equal to what the scanner computes on folded text, for
// every block made of characters that fold one to one (nearly all text on nearly all pages).

import { HASH_SEED, hashStep } from './hash';
import type { HashSet } from './hash-set';
import type { CompiledIndex } from './index-format';
import { hasBit, tokenFilter } from './token-filter';
import { ASCII_CLASS } from './tokens';
import { classOfUnit, isIgnorable, SOLO, WORD } from '../text/chars';
import { foldTable, foldUnit } from '../text/fold';

/** Pseudo-class of invisible characters, which neither end nor extend a token. */
const IGNORED = 3;
/** Returned when a character needs the full folder (combining mark, expanding fold, surrogate). */
export const COMPLEX = -2;

/**
 * Token starts (raw offsets) whose hash has a slot in the index, with that slot: what the
 * scanner verifies, so it never tokenizes a block twice. Shared; valid until the next call.
 */
export const candidates = { start: new Int32Array(256), slot: new Int32Array(256), length: 0 };

function addCandidate(start: number, slot: number): void {
  const c = candidates;
  if (c.length === c.start.length) {
    const start2 = new Int32Array(c.length * 2);
    const slot2 = new Int32Array(c.length * 2);
    start2.set(c.start);
    slot2.set(c.slot);
    c.start = start2;
    c.slot = slot2;
  }
  c.start[c.length] = start;
  c.slot[c.length++] = slot;
}

/**
 * Hashes each token of `raw`. With `ix`, fills `candidates` with the tokens that can start one of
 * its patterns; with `sink`, adds every hash to it. Returns the number of candidates, or COMPLEX when the raw text cannot be
 * hashed directly. (Two consumers, one loop, no callback: this runs once per token of the page.)
 */
export function rawTokenHashes(raw: string, mask: number, ix: CompiledIndex | null, sink: HashSet | null): number {
  const size = ix ? ix.slotHash.length : 0;
  const filter = ix ? tokenFilter(ix) : null;
  const tokens = filter?.tokens;
  const shift = filter?.shift ?? 0;
  const n = raw.length;
  candidates.length = 0;
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
    if (ix && hasBit(tokens!, shift, h))
      for (let slot = h & (size - 1); ix.slotCount[slot] !== 0; slot = (slot + 1) & (size - 1))
        if (ix.slotHash[slot] === h) {
          addCandidate(start, slot);
          break;
        }
  }
  return candidates.length;
}
