// Tokens of folded text: a single character of a script written without spaces, or a run of
// other word characters. One definition of where a token ends and how it hashes, shared by the
// compiler, the scanner and the page-vocabulary lookup, so the three can never disagree.

import { classAt, widthAt } from './classify';
import { HASH_SEED, hashStep } from './hash';
import { classOfUnit, SOLO, WORD } from '../text/chars';

export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = classOfUnit(c);

/** Class of the unit at `i`, with ASCII answered from a small table. */
export function unitClass(key: ArrayLike<number>, i: number, n: number): number {
  const c = key[i]!;
  return c < 0x80 ? ASCII_CLASS[c]! : classAt(key, i, n);
}

/** Reused result of hashToken: the token's hash and the index just after it. */
export interface Token {
  hash: number;
  end: number;
}

/** Hashes the token starting at `i`, whose class is `cls` (WORD or SOLO), into `out`. */
export function hashToken(key: ArrayLike<number>, i: number, n: number, cls: number, out: Token): Token {
  let h = HASH_SEED;
  if (cls === SOLO) {
    const w = widthAt(key, i, n);
    for (let k = 0; k < w; k++) h = hashStep(h, key[i + k]!);
    i += w;
  } else {
    do {
      h = hashStep(h, key[i]!);
      i++;
    } while (i < n && unitClass(key, i, n) === WORD);
  }
  out.hash = h;
  out.end = i;
  return out;
}
