// Character classes for matching. A "word" character is a letter, mark or decimal digit
// (the reference rule's whole-word test); a "solo" character is a word character of a script
// written without spaces (Han, kana, Thai …), where every character is its own token so that
// terms match inside runs of such text (DESIGN.md §4, the CJK exception).

import { SOLO_RANGES, WORD_RANGES } from './word-ranges';

export const GAP = 0;
export const WORD = 1;
export const SOLO = 2;

const WORD_RE = /[\p{L}\p{M}\p{Nd}]/u;
const SOLO_RE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

// The BMP's classes come from packed ranges: compiling the Unicode property regexes costs
// milliseconds on every page load, which a 64 KiB table filled from 460 ranges does not.
// Code points beyond the BMP are rare and take the regular expressions. The table is filled on
// first use: most pages are matched by the background and never tokenize a character here.
let classTable: Uint8Array | null = null;

function fillRanges(table: Uint8Array, packed: string, cls: number): void {
  for (const r of packed.split(',')) {
    const dash = r.indexOf('-');
    const start = parseInt(dash < 0 ? r : r.slice(0, dash), 36);
    const extra = dash < 0 ? 0 : parseInt(r.slice(dash + 1), 36);
    table.fill(cls, start, start + extra + 1);
  }
}

function classes(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(0x10000);
  fillRanges(table, WORD_RANGES, WORD);
  fillRanges(table, SOLO_RANGES, SOLO);
  return (classTable = table);
}

export function classOfCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (!WORD_RE.test(ch)) return GAP;
  return SOLO_RE.test(ch) ? SOLO : WORD;
}

/** Class of a BMP code unit that is not a surrogate. */
export function classOfUnit(c: number): number {
  return classes()[c]!;
}

/** Whitespace as the corpus rule defines it (Unicode White_Space). */
export function isWhiteSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Invisible characters a reader never sees as separating anything: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export function isIgnorable(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

// Punctuation that may be present, absent or different between a term and the page when
// matching punctuation-loosely ("Shal ket" for "Shal, ket!"). Letters-changing marks such as
// '&', '+', '#' or '@' are deliberately absent: "AT&T" must not match "AT T".
const SOFT_PUNCT = new Set(
  Array.from(",.!?:;\"«»“”„‹›()[]{}-‐‑‒–—―…¡¿/·、。，！？：；「」『』【】〈〉《》", (s) => s.charCodeAt(0)),
);
SOFT_PUNCT.add(0x20);

export function isSoftPunct(c: number): boolean {
  return SOFT_PUNCT.has(c);
}
