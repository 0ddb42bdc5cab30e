// The matchers compared by the benchmarks, each over the same blocks and terms: Gloss, a
// leftmost-longest Aho–Corasick library, one RegExp alternation, and a bare charCodeAt loop
// (the floor: the cost of merely reading every character once).

import AhoCorasick from 'modern-ahocorasick';
import { compileIndex, type PatternSource } from '../lib/match/compile';
import type { CompiledIndex } from '../lib/match/index-format';
import { findMatches, type RawMatch } from '../lib/match/scan';

export interface Peer {
  name: string;
  /** Builds the matcher; returns the scan function. */
  setup: (terms: string[]) => (blocks: string[]) => number;
}

export function glossIndex(terms: string[]): CompiledIndex {
  const patterns: PatternSource[] = terms.map((text, entry) => ({ text, entry, form: 0, mask: 0 }));
  return compileIndex(patterns, terms.map((_, i) => `b/${i}`));
}

export function glossScan(ix: CompiledIndex, blocks: string[]): RawMatch[][] {
  return blocks.map((b) => {
    const out: RawMatch[] = [];
    findMatches(ix, b, out);
    return out;
  });
}

export const gloss: Peer = {
  name: 'Gloss (full semantics)',
  setup: (terms) => {
    const ix = glossIndex(terms);
    return (blocks) => {
      let n = 0;
      const out: RawMatch[] = [];
      for (const b of blocks) {
        out.length = 0;
        findMatches(ix, b, out);
        n += out.length;
      }
      return n;
    };
  },
};

export const ahoCorasick: Peer = {
  name: 'modern-ahocorasick (leftmost-longest, whole words)',
  setup: (terms) => {
    const ac = new AhoCorasick(terms.map((t) => t.toLowerCase()));
    return (blocks) => {
      let n = 0;
      for (const b of blocks) n += ac.search(b.toLowerCase(), { strategy: 'leftmost-longest', wholeWord: true }).length;
      return n;
    };
  },
};

export const regexAlternation: Peer = {
  name: 'RegExp alternation with Unicode look-arounds',
  setup: (terms) => {
    const alts = [...terms].sort((a, b) => b.length - a.length).map((t) => t.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}\\p{Nd}])(?:${alts.join('|')})(?![\\p{L}\\p{Nd}])`, 'gu');
    return (blocks) => {
      let n = 0;
      for (const b of blocks) {
        re.lastIndex = 0;
        const s = b.toLowerCase();
        while (re.exec(s)) n++;
      }
      return n;
    };
  },
};

export const floor: Peer = {
  name: 'charCodeAt loop (floor)',
  setup: () => (blocks) => {
    let sum = 0;
    for (const b of blocks) for (let i = 0; i < b.length; i++) sum = (sum + b.charCodeAt(i)) | 0;
    return sum & 1;
  },
};

export const PEERS: Peer[] = [gloss, ahoCorasick, regexAlternation, floor];

export interface PeerResult {
  name: string;
  setupMs: number;
  scanMs: number;
  mbPerS: number;
  matches: number;
}

/** Best of `runs` scans after one warm-up, so JIT tiers settle for every peer alike. */
export function measure(peer: Peer, terms: string[], blocks: string[], runs = 5, now: () => number = () => performance.now()): PeerResult {
  const t0 = now();
  const scan = peer.setup(terms);
  const setupMs = now() - t0;
  let matches = scan(blocks);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = now();
    matches = scan(blocks);
    best = Math.min(best, now() - t);
  }
  const chars = blocks.reduce((s, b) => s + b.length, 0);
  return { name: peer.name, setupMs, scanMs: best, mbPerS: chars / (1 << 20) / (best / 1000), matches };
}
