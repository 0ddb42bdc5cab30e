// Token hashes straight from raw text, equal to what the scanner computes on folded text, for
// every block made of characters that fold one to one (nearly all text on nearly all pages).

import { HASH_SEED, hashStep } from './hash';
import type { HashSet } from './hash-set';
import { passes, type TokenFilter } from './token-filter';
import { ASCII_CLASS } from './tokens';
import { classOfUnit, isIgnorable, SOLO, WORD } from '../text/chars';
import { foldTable, foldUnit } from '../text/fold';

/** Pseudo-class of invisible characters, which neither end nor extend a token. */
const IGNORED = 3;
/** Returned when a character needs the full folder (combining mark, expanding fold, surrogate). */
export const COMPLEX = -2;

/**
 * Token starts (raw offsets) and hashes that passed the filter, interleaved: what the scanner
 * verifies, so a block is never tokenized twice. Shared; valid until the next call.
 */
export const candidates = { pairs: new Int32Array(512), length: 0 };

function addCandidate(start: number, hash: number): void {
  const c = candidates;
  if (c.length * 2 === c.pairs.length) {
    const grown = new Int32Array(c.pairs.length * 2);
    grown.set(c.pairs);
    c.pairs = grown;
  }
  c.pairs[c.length * 2] = start;
  c.pairs[c.length++ * 2 + 1] = hash;
}

/**
 * Hashes each token of `raw`. With `filter`, fills `candidates` with the tokens whose hash passes
 * it; with `sink`, adds every hash to it. Returns the number of candidates, or COMPLEX when the
 * raw text cannot be hashed directly. (Two consumers, one loop, no callback: this runs once per
 * token of the page.)
 */
export function rawTokenHashes(raw: string, mask: number, filter: TokenFilter | null, sink: HashSet | null): number {
  const tokens = filter?.tokens;
  const shift = filter?.shift ?? 0;
  const n = raw.length;
  candidates.length = 0;
  let i = 0;
  while (i < n) {
    let c = raw.charCodeAt(i);
    let f = c < 0x80 ? c : foldUnit(c);
    if (f < 0) return COMPLEX;
    const k = c < 0x80 ? ASCII_CLASS[c]! : isIgnorable(c) ? IGNORED : classOfUnit(f);
    if (k !== WORD && k !== SOLO) {
      i++;
      continue;
    }
    const start = i;
    // One hash step per loop, written once: the hot loop stays small enough for the JIT to inline it.
    let h = hashStep(HASH_SEED, c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : mask ? foldTable(mask, f) : f);
    i++;
    while (k === WORD && i < n) {
      c = raw.charCodeAt(i);
      let u: number;
      if (c < 0x80) {
        if (ASCII_CLASS[c] !== WORD) {
          // An ASCII unit that is not a word unit is a gap: step over it here, not read it again.
          i++;
          break;
        }
        u = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      } else {
        f = foldUnit(c);
        if (f < 0) return COMPLEX;
        if (isIgnorable(c)) {
          i++;
          continue;
        }
        if (classOfUnit(f) !== WORD) break;
        u = mask ? foldTable(mask, f) : f;
      }
      h = hashStep(h, u);
      i++;
    }
    if (sink) sink.add(h);
    if (tokens && passes(tokens, shift, h)) addCandidate(start, h);
  }
  return candidates.length;
}
