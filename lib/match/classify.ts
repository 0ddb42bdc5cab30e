import { classOfCodePoint, classOfUnit, GAP } from '../text/chars';

const astralCache = new Map<number, number>();

/** Class of the key unit at `i`; a surrogate pair is classified as its code point. */
export function classAt(key: ArrayLike<number>, i: number, n: number): number {
  const c = key[i]!;
  if (c < 0xd800 || c > 0xdfff) return classOfUnit(c);
  // A low surrogate belongs to the pair before it, so unit-by-unit loops never split a letter.
  if (c > 0xdbff) return i > 0 && key[i - 1]! >= 0xd800 && key[i - 1]! <= 0xdbff ? pairClass(key[i - 1]!, c) : GAP;
  if (i + 1 >= n) return GAP;
  const lo = key[i + 1]!;
  if (lo < 0xdc00 || lo > 0xdfff) return GAP;
  return pairClass(c, lo);
}

function pairClass(hi: number, lo: number): number {
  const cp = ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  let cls = astralCache.get(cp);
  if (cls === undefined) astralCache.set(cp, (cls = classOfCodePoint(cp)));
  return cls;
}

/** Units taken by the character at `i` (2 for a surrogate pair). */
export function widthAt(key: ArrayLike<number>, i: number, n: number): number {
  const c = key[i]!;
  return c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
}
