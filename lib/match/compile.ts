// Compiles patterns (terms, variants, generated forms) into the flat index the scanner uses.

import { classAt } from './classify';
import { allocPatterns, FORM_TERM, slotTable, type CompiledIndex, type SlotRun } from './index-format';
import { hashToken, type Token } from './tokens';
import { GAP } from '../text/chars';
import { foldKey, foldTable } from '../text/fold';

export interface PatternSource {
  text: string;
  /** Index into the entry list given to compileIndex. */
  entry: number;
  form: number;
  /** Folding tables this pattern's pack opted into. */
  mask: number;
  /** What the popover reports as matched; defaults to `text`. */
  label?: string;
}

interface Prepared extends KeyInfo {
  strict: string;
  loose: string;
  src: PatternSource;
}

interface KeyInfo {
  hash: number;
  next: number;
  tokens: number;
  classes: Uint8Array;
}

/** Hashes of the first two tokens of `key`, its token count and unit classes; null without a token. */
function keyInfo(text: string): KeyInfo | null {
  const n = text.length;
  const key = units(text);
  let i = 0;
  let hash = 0;
  let next = 0;
  let tokens = 0;
  const classes = new Uint8Array(n);
  const tok: Token = { hash: 0, end: 0 };
  for (let k = 0; k < n; k++) classes[k] = classAt(key, k, n);
  while (i < n) {
    const cls = classes[i]!;
    if (cls === GAP) {
      i++;
      continue;
    }
    const h = hashToken(key, i, n, cls, tok).hash;
    i = tok.end;
    if (tokens === 0) hash = h;
    else if (tokens === 1) next = h;
    tokens++;
  }
  return tokens === 0 ? null : { hash, next, tokens, classes };
}

function units(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

export function compileIndex(patterns: readonly PatternSource[], entries: string[]): CompiledIndex {
  const mask = patterns.reduce((m, p) => m | p.mask, 0);
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const src of patterns) {
    const strict = foldKey(src.text, 0);
    const loose = mask ? String.fromCharCode(...units(strict).map((c) => foldTable(mask, c))) : strict;
    const info = keyInfo(loose);
    // A key of punctuation only could match nowhere sensibly; skip it rather than paint noise.
    if (!info) continue;
    const dedupe = `${src.mask}\u0000${strict}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    prepared.push({ ...info, strict, loose, src });
  }
  // Group by first token; within a group try more tokens first, then longer keys (leftmost-longest).
  prepared.sort((a, b) => a.hash - b.hash || b.tokens - a.tokens || b.loose.length - a.loose.length);

  const count = prepared.length;
  const poolLen = prepared.reduce((s, p) => s + p.loose.length, 0);
  // Without folding tables the strict keys equal the pool and are never read.
  const arrays = allocPatterns(count, poolLen, mask !== 0);
  const { pool, strictPool, poolClass, patStart, patLen, patMask, patForm, patTokens, patNext, patEntry } = arrays;
  const labels: string[] = new Array<string>(count);
  let at = 0;
  prepared.forEach((p, id) => {
    patStart[id] = at;
    patLen[id] = p.loose.length;
    for (let k = 0; k < p.loose.length; k++) {
      pool[at + k] = p.loose.charCodeAt(k);
      if (mask) strictPool[at + k] = p.strict.charCodeAt(k);
    }
    poolClass.set(p.classes, at);
    at += p.loose.length;
    patTokens[id] = Math.min(p.tokens, 255);
    patNext[id] = p.next;
    patMask[id] = p.src.mask;
    patForm[id] = p.src.form;
    patEntry[id] = p.src.entry;
    labels[id] = p.src.label ?? p.src.text;
  });

  const runs: SlotRun[] = [];
  for (let i = 0; i < count; ) {
    const h = prepared[i]!.hash;
    let j = i;
    while (j < count && prepared[j]!.hash === h) j++;
    runs.push({ hash: h, first: i, count: j - i });
    i = j;
  }
  // Each entry's own term, from its source even when a duplicate key elsewhere took the pattern.
  const terms = entries.map((key) => key);
  for (const src of patterns) if (src.form === FORM_TERM) terms[src.entry] = src.label ?? src.text;
  return { mask, ...arrays, ...slotTable(runs), entries, terms, labels };
}
