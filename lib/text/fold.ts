// Folding turns text into the "key" the matcher compares: case-folded, NFC-composed,
// whitespace runs collapsed to one space, invisible characters dropped, apostrophe styles and
// full-width ASCII unified. Every key unit remembers the raw range it came from, so a match in
// the key maps back to exact DOM offsets even where folding changes length ("ß" → "ss").

import { classOfUnit, isIgnorable, isWhiteSpace, WORD } from './chars';

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
const IGNORABLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

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

/**
 * Folded text. Raw offsets are kept as a sparse list of (key index, raw − key) steps: in prose
 * the two move together except after whitespace runs, invisible characters and expansions, so
 * folding writes one unit per character and offsets are looked up only for matches.
 */
export interface Folded {
  /** Folded units; valid up to `length`. */
  key: Uint16Array;
  length: number;
  rawLength: number;
  stepAt: Int32Array;
  stepDelta: Int32Array;
  steps: number;
}

const buf: Folded = alloc(1024, 64);

function alloc(n: number, steps: number): Folded {
  return { key: new Uint16Array(n), length: 0, rawLength: 0, stepAt: new Int32Array(steps), stepDelta: new Int32Array(steps), steps: 0 };
}

function growKey(n: number): void {
  if (buf.key.length >= n) return;
  const key = new Uint16Array(Math.max(n, buf.key.length * 2));
  key.set(buf.key);
  buf.key = key;
}

function addStep(at: number, delta: number): void {
  if (buf.steps === buf.stepAt.length) {
    const a = new Int32Array(buf.steps * 2);
    const d = new Int32Array(buf.steps * 2);
    a.set(buf.stepAt);
    d.set(buf.stepDelta);
    buf.stepAt = a;
    buf.stepDelta = d;
  }
  // Several steps at one key index (an expansion right after a whitespace run): the last wins.
  if (buf.steps > 0 && buf.stepAt[buf.steps - 1] === at) buf.stepDelta[buf.steps - 1] = delta;
  else {
    buf.stepAt[buf.steps] = at;
    buf.stepDelta[buf.steps++] = delta;
  }
}

function stepIndex(f: Folded, k: number): number {
  let lo = 0;
  let hi = f.steps - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (f.stepAt[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Raw index where key unit `k` starts. */
export function rawStart(f: Folded, k: number): number {
  return k >= f.length ? f.rawLength : k + f.stepDelta[stepIndex(f, k)]!;
}

/**
 * Raw index just after key unit `k`: the end of its collapsed whitespace run, composed cluster or
 * expanded character, without invisible characters that merely follow it.
 */
export function rawEnd(f: Folded, k: number, raw: string): number {
  const s = stepIndex(f, k);
  const start = k + f.stepDelta[s]!;
  // Walk forward to the next unit that starts later: units of one expansion ("ß" → "ss") share a start.
  let e = f.rawLength;
  let t = s;
  for (let next = k + 1; next < f.length; next++) {
    while (t + 1 < f.steps && f.stepAt[t + 1]! <= next) t++;
    const at = next + f.stepDelta[t]!;
    if (at > start) {
      e = at;
      break;
    }
  }
  while (e > start + 1 && isIgnorable(raw.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Folds `raw` from index `begin` on into a shared buffer (valid until the next call) with the
 * tables in `mask`. Runs of whitespace become one space; a leading or trailing run is kept as one
 * space too. Offsets always refer to `raw` itself.
 *
 * With `limit`, folding may stop once `limit` units are out, at a word's end before whitespace:
 * the window then holds every token and gap run that starts before the limit whole, and its
 * `rawLength` is where it stopped.
 */
export function foldText(raw: string, mask = 0, begin = 0, limit = 0x7fffffff): Folded {
  const n = raw.length;
  growKey(n - begin + 16);
  buf.steps = 0;
  buf.rawLength = n;
  addStep(0, begin);
  let key = buf.key;
  let delta = begin;
  let o = 0;
  let baseRaw = -1; // raw index of the last emitted base character (for NFC composition)
  let baseOut = -1;
  let i = begin;
  while (i < n) {
    let c = raw.charCodeAt(i);
    if (c > 0x20 && c < 0x80) {
      if (i - o !== delta) addStep(o, (delta = i - o));
      // Printable ASCII keeps raw and key in step: the common case, kept tight.
      do {
        key[o++] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
        baseRaw = i++;
        if (i >= n) break;
        c = raw.charCodeAt(i);
      } while (c > 0x20 && c < 0x80);
      baseOut = o - 1;
      continue;
    }
    if (isWhiteSpace(c)) {
      if (o >= limit && classOfUnit(key[o - 1]!) === WORD) {
        buf.length = o;
        buf.rawLength = i;
        return buf;
      }
      if (o === 0 || key[o - 1] !== 0x20) {
        if (i - o !== delta) addStep(o, (delta = i - o));
        key[o++] = 0x20;
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
      if (i - o !== delta) addStep(o, (delta = i - o));
      key[o] = mask ? foldTable(mask, f) : f;
      baseRaw = i++;
      baseOut = o++;
      continue;
    }
    // Slow path: a surrogate pair, a combining mark, or a unit whose folding expands.
    const cp = raw.codePointAt(i)!;
    let from = i;
    let to = i + (cp > 0xffff ? 2 : 1);
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
    // Invisible characters inside a cluster (a soft hyphen before a combining mark) must not split it.
    const folded = foldString(raw.slice(from, to).replace(IGNORABLES, ''));
    growKey(at + folded.length + (n - to) + 16);
    key = buf.key;
    if (buf.steps > 0 && buf.stepAt[buf.steps - 1]! > at) buf.steps--;
    o = at;
    for (let k = 0; k < folded.length; k++) {
      // Every unit of the fold points at the start of its source.
      if (from - o !== delta) addStep(o, (delta = from - o));
      const u = folded.charCodeAt(k);
      key[o++] = mask ? foldTable(mask, u) : u;
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
