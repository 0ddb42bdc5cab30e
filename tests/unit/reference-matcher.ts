// A slow, deliberately plain reference implementation of the matching rules (README "What
// matches", DESIGN.md §4), used by match.property.test.ts to check lib/match against.
//
// Everything here works on ordinary strings and arrays of one-code-point strings; nothing is
// shared with lib/ (no typed arrays, no hashing, no caches), so an agreement between the two is
// evidence rather than a tautology.

export type FoldTable = 'yo-e' | 'kazakh-loose';

/** One folded character (a single code point) and the raw UTF-16 range it came from. */
export interface RefUnit {
  ch: string;
  start: number;
  end: number;
}

export interface RefToken {
  text: string;
  /** Unit indices [from, to). */
  from: number;
  to: number;
}

export interface Tokenized {
  units: RefUnit[];
  tokens: RefToken[];
  /** gaps[k] is the list of characters before tokens[k]; gaps[tokens.length] the tail. */
  gaps: string[][];
}

export interface RefMatch {
  start: number;
  end: number;
  /** Index into the term list. */
  term: number;
}

export interface RefOptions {
  /**
   * The rules do not say what happens when a term's leading punctuation was already taken as
   * the previous match's trailing punctuation. With this set (the default), a match starts no
   * earlier than where the previous one ended, so matches never overlap (README: "when terms
   * overlap, the leftmost wins"). With it unset, the rule is applied literally.
   */
  clipToPrevious?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Rule 1: folding

const IGNORABLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const WHITE_SPACE = [
  '\t', '\n', '\u000b', '\u000c', '\r', ' ', '\u0085', '\u00a0', '\u1680',
  '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a',
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
];
const APOSTROPHES = ['\u2019', '\u2018', '\u02bc', '\uff07'];

const TABLES: Record<FoldTable, Record<string, string>> = {
  'yo-e': { 'ё': 'е' },
  'kazakh-loose': { 'қ': 'к', 'ң': 'н', 'ұ': 'у', 'ү': 'у', 'і': 'и', 'ә': 'а', 'ө': 'о', 'ғ': 'г', 'һ': 'х' },
};

export function isMark(ch: string): boolean {
  return /^\p{M}$/u.test(ch);
}

/** Apostrophe styles and full-width ASCII, one raw character at a time. */
function unifyChar(ch: string): string {
  if (APOSTROPHES.includes(ch)) return "'";
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCodePoint(cp - 0xfee0);
  return ch;
}

/** Folds raw text into units; a whitespace run becomes one ' ' unit spanning the whole run. */
export function refFold(raw: string, tables: readonly FoldTable[] = []): RefUnit[] {
  // Raw code points with their offsets, invisible characters dropped.
  const chars: RefUnit[] = [];
  for (let i = 0; i < raw.length; ) {
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    if (!IGNORABLE.includes(ch)) chars.push({ ch, start: i, end: i + ch.length });
    i += ch.length;
  }
  const out: RefUnit[] = [];
  let k = 0;
  while (k < chars.length) {
    const first = chars[k]!;
    if (WHITE_SPACE.includes(first.ch)) {
      let last = first;
      while (k < chars.length && WHITE_SPACE.includes(chars[k]!.ch)) last = chars[k++]!;
      out.push({ ch: ' ', start: first.start, end: last.end });
      continue;
    }
    // A base character and the combining marks that follow it form one cluster.
    let cluster = unifyChar(first.ch);
    let last = first;
    k++;
    while (k < chars.length && isMark(chars[k]!.ch)) {
      last = chars[k++]!;
      cluster += unifyChar(last.ch);
    }
    for (const composed of Array.from(cluster.normalize('NFC'))) {
      for (let ch of Array.from(composed.toUpperCase().toLowerCase())) {
        for (const t of tables) ch = TABLES[t][ch] ?? ch;
        out.push({ ch, start: first.start, end: last.end });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule 2: tokens

export function isWordChar(ch: string): boolean {
  return /^[\p{L}\p{M}\p{Nd}]$/u.test(ch);
}

export function isSoloChar(ch: string): boolean {
  return (
    isWordChar(ch) &&
    /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]$/u.test(ch)
  );
}

export function tokenize(units: RefUnit[]): Tokenized {
  const tokens: RefToken[] = [];
  const gaps: string[][] = [[]];
  let k = 0;
  while (k < units.length) {
    const ch = units[k]!.ch;
    if (!isWordChar(ch)) {
      gaps[gaps.length - 1]!.push(ch);
      k++;
      continue;
    }
    const from = k;
    if (isSoloChar(ch)) k++;
    else while (k < units.length && isWordChar(units[k]!.ch) && !isSoloChar(units[k]!.ch)) k++;
    tokens.push({ text: units.slice(from, k).map((u) => u.ch).join(''), from, to: k });
    gaps.push([]);
  }
  return { units, tokens, gaps };
}

export interface RefTerm {
  index: number;
  /** Folded key, trimmed of spaces. */
  key: string;
  tokens: string[];
  /** gaps[0] leading, gaps[tokens.length] trailing, the others between tokens. */
  gaps: string[][];
}

export function prepareTerm(term: string, index: number, tables: readonly FoldTable[] = []): RefTerm {
  const units = refFold(term, tables);
  while (units.length > 0 && units[0]!.ch === ' ') units.shift();
  while (units.length > 0 && units[units.length - 1]!.ch === ' ') units.pop();
  const t = tokenize(units);
  return { index, key: units.map((u) => u.ch).join(''), tokens: t.tokens.map((x) => x.text), gaps: t.gaps };
}

/** The folded tokens of a piece of text (what a match "says"). */
export function refTokens(raw: string, tables: readonly FoldTable[] = []): string[] {
  return tokenize(refFold(raw, tables)).tokens.map((t) => t.text);
}

// ---------------------------------------------------------------------------------------------
// Rule 3: gaps

export const SOFT_PUNCT: readonly string[] = [
  ...Array.from(',.!?:;"«»“”„‹›()[]{}-‐‑‒–—―…¡¿/·、。，！？：；「」『』【】〈〉《》'),
  ' ',
];

function isSoft(ch: string): boolean {
  return SOFT_PUNCT.includes(ch);
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Can `sub` be obtained from `full` by deleting soft characters only? (all embeddings tried) */
function softSubsequence(sub: readonly string[], full: readonly string[]): boolean {
  if (sub.length === 0) return full.every(isSoft);
  if (full.length === 0) return false;
  if (sub[0] === full[0] && softSubsequence(sub.slice(1), full.slice(1))) return true;
  return isSoft(full[0]!) && softSubsequence(sub, full.slice(1));
}

export function innerGapMatches(textGap: readonly string[], termGap: readonly string[]): boolean {
  if (same(textGap, termGap)) return true;
  if (textGap.length === 0 || termGap.length === 0) return false;
  if (textGap.includes(' ') !== termGap.includes(' ')) return false;
  return softSubsequence(
    textGap.filter((c) => c !== ' '),
    termGap.filter((c) => c !== ' '),
  );
}

function startsWith(a: readonly string[], prefix: readonly string[]): boolean {
  return a.length >= prefix.length && prefix.every((x, i) => x === a[i]);
}

function endsWith(a: readonly string[], suffix: readonly string[]): boolean {
  return a.length >= suffix.length && suffix.every((x, i) => x === a[a.length - suffix.length + i]);
}

/** Unit range [start, end) of `term` matched at text token `t`, or null. */
export function matchAt(text: Tokenized, term: RefTerm, t: number): { start: number; end: number } | null {
  const m = term.tokens.length;
  if (m === 0 || t + m > text.tokens.length) return null;
  for (let k = 0; k < m; k++) if (text.tokens[t + k]!.text !== term.tokens[k]) return null;
  for (let k = 1; k < m; k++) if (!innerGapMatches(text.gaps[t + k]!, term.gaps[k]!)) return null;

  // Leading gap.
  let start = text.tokens[t]!.from;
  const lead = term.gaps[0]!;
  if (lead.length > 0) {
    if (endsWith(text.gaps[t]!, lead)) start -= lead.length;
    else if (!lead.every(isSoft)) return null;
  }

  // Trailing gap, or a possessive.
  const last = text.tokens[t + m - 1]!;
  const after = text.gaps[t + m]!;
  const trail = term.gaps[m]!;
  let end = last.to;
  if (trail.length > 0) {
    if (startsWith(after, trail)) end = last.to + trail.length;
    else if (after[0] === ' ' && startsWith(after.slice(1), trail)) end = last.to + 1 + trail.length;
    else if (!trail.every(isSoft)) return null;
  } else {
    // Rule 4: ' then s then a non-word character or the end of the text.
    const next = text.tokens[t + m];
    if (same(after, ["'"]) && next && next.text === 's') {
      const following = text.units[next.to];
      if (!following || !isWordChar(following.ch)) end = next.to;
    }
  }
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Rule 5: selection

export function refMatches(
  raw: string,
  terms: readonly string[],
  tables: readonly FoldTable[] = [],
  options: RefOptions = {},
): RefMatch[] {
  const clip = options.clipToPrevious ?? true;
  const text = tokenize(refFold(raw, tables));
  // Terms with no token at all match nowhere; a term whose folded key repeats an earlier one's is dropped.
  const prepared: RefTerm[] = [];
  for (let i = 0; i < terms.length; i++) {
    const p = prepareTerm(terms[i]!, i, tables);
    if (p.tokens.length === 0) continue;
    if (prepared.some((q) => q.key === p.key)) continue;
    prepared.push(p);
  }
  const ordered = [...prepared].sort(
    (a, b) => b.tokens.length - a.tokens.length || b.key.length - a.key.length || a.index - b.index,
  );

  const out: RefMatch[] = [];
  let previousEnd = 0;
  let t = 0;
  while (t < text.tokens.length) {
    let taken: { start: number; end: number } | null = null;
    for (const term of ordered) {
      if (term.tokens[0] !== text.tokens[t]!.text) continue;
      const r = matchAt(text, term, t);
      if (!r) continue;
      const start = clip ? Math.max(r.start, previousEnd) : r.start;
      out.push({ start: text.units[start]!.start, end: text.units[r.end - 1]!.end, term: term.index });
      taken = r;
      break;
    }
    if (!taken) {
      t++;
      continue;
    }
    previousEnd = taken.end;
    while (t < text.tokens.length && text.tokens[t]!.from < taken.end) t++;
  }
  return out;
}
