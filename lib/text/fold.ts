// Folding turns text into the "key" the matcher compares: case-folded, NFC-composed,
// whitespace runs collapsed to one space, invisible characters dropped, apostrophe styles and
// full-width ASCII unified. Every key unit remembers the raw range it came from, so a match in
// the key maps back to exact DOM offsets even where folding changes length ("ß" → "ss").

import { isIgnorable, isWhiteSpace } from './chars';

/** Opt-in folding tables (bit flags), chosen per pack. */
export const FOLD_YO = 1;
export const FOLD_KAZAKH = 2;

const YO_PAIRS: ReadonlyArray<[string, string]> = [['ё', 'е']];
const KAZAKH_PAIRS: ReadonlyArray<[string, string]> = [
  ['қ', 'к'], ['ң', 'н'], ['ұ', 'у'], ['ү', 'у'], ['і', 'и'], ['ә', 'а'], ['ө', 'о'], ['ғ', 'г'], ['һ', 'х'],
];

function pairTable(pairs: ReadonlyArray<[string, string]>): Map<number, number> {
  return new Map(pairs.map(([a, b]) => [a.charCodeAt(0), b.charCodeAt(0)]));
}
const YO_TABLE = pairTable(YO_PAIRS);
const KAZAKH_TABLE = pairTable(KAZAKH_PAIRS);

/** Applies the folding tables in `mask` to one already case-folded unit. */
export function foldTable(mask: number, c: number): number {
  if (c < 0x400 || c > 0x4ff) return c;
  if (mask & FOLD_YO) c = YO_TABLE.get(c) ?? c;
  if (mask & FOLD_KAZAKH) c = KAZAKH_TABLE.get(c) ?? c;
  return c;
}

/** True when some table can produce `c`: only then does a strict term need a second look. */
export function isFoldTarget(c: number): boolean {
  return c >= 0x430 && c <= 0x445 && (c === 0x435 || c === 0x43a || c === 0x43d || c === 0x443 || c === 0x438 || c === 0x430 || c === 0x43e || c === 0x433 || c === 0x445);
}

// Per-unit fold cache: -1 unknown, -2 needs the slow path (expands, or is a combining mark).
const unitFold = new Int32Array(0x10000).fill(-1);
const MARK_RE = /\p{M}/u;

function computeUnitFold(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return -2;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0xff07) return 0x27;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  const ch = String.fromCharCode(c);
  if (MARK_RE.test(ch)) return -2;
  // Upper-then-lower approximates full case folding (ς→σ, ǅ→ǆ, ß→ss) with the engine's own
  // tables; the same function folds terms, so both sides always agree.
  const f = ch.toUpperCase().toLowerCase();
  return f.length === 1 ? f.charCodeAt(0) : -2;
}

/** Case-folds one unit, or returns -2 when the slow path must handle it. */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let f = unitFold[c]!;
  if (f === -1) f = unitFold[c] = computeUnitFold(c);
  return f;
}

function foldString(s: string): string {
  return s.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC').replace(/[\u2019\u2018\u02bc\uff07]/g, "'");
}

export interface Folded {
  /** Folded units; valid up to `length`. */
  key: Uint16Array;
  /** Raw index where the unit's source starts. */
  start: Int32Array;
  /** Raw index just after the unit's source. */
  end: Int32Array;
  length: number;
}

let buf: Folded = alloc(1024);

function alloc(n: number): Folded {
  return { key: new Uint16Array(n), start: new Int32Array(n), end: new Int32Array(n), length: 0 };
}

function ensure(n: number): void {
  if (buf.key.length >= n) return;
  const next = alloc(Math.max(n, buf.key.length * 2));
  next.key.set(buf.key);
  next.start.set(buf.start);
  next.end.set(buf.end);
  buf = next;
}

/**
 * Folds `raw` into a shared buffer (valid until the next call) with the tables in `mask`.
 * Runs of whitespace become one space; a leading or trailing run is kept as one space too, so
 * callers see where a block began and ended.
 */
export function foldText(raw: string, mask = 0): Folded {
  const n = raw.length;
  ensure(n * 3 + 4);
  let { key, start, end } = buf;
  let o = 0;
  let baseRaw = -1; // raw index of the last emitted base character (for NFC composition)
  let baseOut = -1;
  for (let i = 0; i < n; ) {
    const c = raw.charCodeAt(i);
    if (c < 0x80 && c > 0x20) {
      key[o] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      start[o] = i;
      end[o] = i + 1;
      baseRaw = i;
      baseOut = o++;
      i++;
      continue;
    }
    if (isWhiteSpace(c)) {
      if (o > 0 && key[o - 1] === 0x20) end[o - 1] = i + 1;
      else {
        key[o] = 0x20;
        start[o] = i;
        end[o++] = i + 1;
      }
      baseRaw = -1;
      i++;
      continue;
    }
    if (isIgnorable(c)) {
      i++;
      continue;
    }
    const f = foldUnit(c);
    if (f >= 0) {
      key[o] = mask ? foldTable(mask, f) : f;
      start[o] = i;
      end[o] = i + 1;
      baseRaw = i;
      baseOut = o++;
      i++;
      continue;
    }
    // Slow path: a surrogate pair, a combining mark, or a unit whose folding expands.
    const cp = raw.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let from = i;
    let to = i + width;
    let at = o;
    if (MARK_RE.test(String.fromCodePoint(cp)) && baseRaw >= 0) {
      // Compose the mark with its base (heise's decomposed "ö"): refold the whole cluster.
      from = baseRaw;
      at = baseOut;
      while (to < n) {
        const next = raw.codePointAt(to)!;
        if (!MARK_RE.test(String.fromCodePoint(next))) break;
        to += next > 0xffff ? 2 : 1;
      }
    }
    const folded = foldString(raw.slice(from, to));
    ensure(at + folded.length + 4 + (n - to) * 3);
    ({ key, start, end } = buf);
    o = at;
    for (let k = 0; k < folded.length; k++) {
      const u = folded.charCodeAt(k);
      key[o] = mask ? foldTable(mask, u) : u;
      start[o] = from;
      end[o++] = to;
    }
    baseRaw = from;
    baseOut = at;
    i = to;
  }
  buf.length = o;
  return buf;
}

/** Folds a term or variant to its key string (same rules as text, trimmed). */
export function foldKey(s: string, mask = 0): string {
  const f = foldText(s, mask);
  let a = 0;
  let b = f.length;
  while (a < b && f.key[a] === 0x20) a++;
  while (b > a && f.key[b - 1] === 0x20) b--;
  return String.fromCharCode(...f.key.subarray(a, b));
}
