// The benchmark body, bundled once and run both in Node and inside Chromium, so that neither is
// measured through a test runner's module indirection.

import { HashSet } from '../lib/match/hash-set';
import { indexBytes } from '../lib/match/index-format';
import { toWire } from '../lib/match/index-wire';
import { addTokenHashes, selectByFirstTokens } from '../lib/match/select';
import { generate } from './generate';
import { glossIndex, glossScan, measure, PEERS } from './peers';

export function runMatchers(runs: number) {
  const input = generate();
  // A first pass warms every engine's JIT and lazy tables; the second is reported.
  PEERS.forEach((p) => measure(p, input.terms5k, input.blocks, 1));
  const chars = input.blocks.reduce((s, b) => s + b.length, 0);
  return { blocks: input.blocks.length, chars, rows: PEERS.map((p) => measure(p, input.terms5k, input.blocks, runs)) };
}

/** Compile time and size for 5,000 and 50,000 terms, and whether both find the same on the page. */
export function runCompile() {
  const input = generate();
  const vocab = new HashSet();
  for (const b of input.blocks) addTokenHashes(b, 0, vocab);
  const built = [input.terms5k, input.terms50k].map((terms) => {
    const t0 = performance.now();
    const ix = glossIndex(terms);
    const compileMs = performance.now() - t0;
    // What a tab receives: only the patterns the page's tokens can start.
    const share = selectByFirstTokens(ix, vocab.values());
    return {
      ix,
      row: { terms: terms.length, compileMs, typedArrayBytes: indexBytes(ix), pagePatterns: share.patLen.length, pageMessageBytes: JSON.stringify(toWire(share)).length },
    };
  });
  const labelled = built.map(({ ix }) => glossScan(ix, input.blocks).map((b) => b.map((m) => `${m.start}:${m.end}:${ix.labels[m.pattern]}`).join('|')));
  return { rows: built.map((b) => b.row), identical50k: JSON.stringify(labelled[0]) === JSON.stringify(labelled[1]) };
}
