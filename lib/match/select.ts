// Page vocabulary → the part of the index a page can use. A content script hashes the tokens of
// its page and the background answers with only the patterns that start with one of them, so a
// tab never receives (or decodes, or holds) 50,000 terms to paint twenty.

import { allocPatterns, slotOf, slotTable, type CompiledIndex, type SlotRun } from './index-format';
import type { HashSet } from './hash-set';
import { COMPLEX, rawTokenHashes } from './raw-tokens';
import { GAP } from '../text/chars';
import { hashToken, unitClass, type Token } from './tokens';
import { foldText } from '../text/fold';

/** Adds the hash of every token of `raw` (folded with `mask`) to `out`. */
export function addTokenHashes(raw: string, mask: number, out: HashSet): void {
  if (rawTokenHashes(raw, mask, null, out) !== COMPLEX) return;
  const f = foldText(raw, mask);
  const tok: Token = { hash: 0, end: 0 };
  for (let i = 0; i < f.length; ) {
    const c = unitClass(f.key, i, f.length);
    if (c === GAP) i++;
    else {
      out.add(hashToken(f.key, i, f.length, c, tok).hash);
      i = tok.end;
    }
  }
}

/** The sub-index of patterns whose first token hashes to one of `hashes`. */
export function selectByFirstTokens(ix: CompiledIndex, hashes: Iterable<number>): CompiledIndex {
  const runs: SlotRun[] = [];
  for (const h of new Set(hashes)) {
    const slot = slotOf(ix, h);
    if (slot >= 0) runs.push({ hash: h, first: ix.slotFirst[slot]!, count: ix.slotCount[slot]! });
  }
  runs.sort((a, b) => a.first - b.first);
  const count = runs.reduce((s, r) => s + r.count, 0);
  let poolLen = 0;
  for (const r of runs) for (let p = r.first; p < r.first + r.count; p++) poolLen += ix.patLen[p]!;

  const strict = ix.strictPool.length > 0;
  const arrays = allocPatterns(count, poolLen, strict);
  const { pool, strictPool, poolClass, patStart, patLen, patMask, patForm, patTokens, patNext, patEntry } = arrays;
  const labels: string[] = [];
  const entries: string[] = [];
  const terms: string[] = [];
  const entryMap = new Map<number, number>();
  const localRuns: SlotRun[] = [];

  let id = 0;
  let at = 0;
  for (const r of runs) {
    localRuns.push({ hash: r.hash, first: id, count: r.count });
    for (let p = r.first; p < r.first + r.count; p++, id++) {
      const from = ix.patStart[p]!;
      const len = ix.patLen[p]!;
      pool.set(ix.pool.subarray(from, from + len), at);
      poolClass.set(ix.poolClass.subarray(from, from + len), at);
      if (strict) strictPool.set(ix.strictPool.subarray(from, from + len), at);
      patStart[id] = at;
      patLen[id] = len;
      at += len;
      patMask[id] = ix.patMask[p]!;
      patForm[id] = ix.patForm[p]!;
      patTokens[id] = ix.patTokens[p]!;
      patNext[id] = ix.patNext[p]!;
      const e = ix.patEntry[p]!;
      let local = entryMap.get(e);
      if (local === undefined) {
        local = entries.push(ix.entries[e]!) - 1;
        terms.push(ix.terms[e]!);
        entryMap.set(e, local);
      }
      patEntry[id] = local;
      labels.push(ix.labels[p]!);
    }
  }
  return { mask: ix.mask, ...arrays, ...slotTable(localRuns), entries, terms, labels };
}
