import { compileIndex, type PatternSource } from '../../lib/match/compile';
import type { CompiledIndex } from '../../lib/match/index-format';
import { findMatches, type RawMatch } from '../../lib/match/scan';
import type { PackEntry } from '../../lib/pack/format';
import { addPackPatterns } from '../../lib/pack/patterns';

type EntryInput = Omit<PackEntry, 'short' | 'id'> & { id?: string; short?: string };

/** An index over entries given as bare terms or partial entries. */
export function indexOf(entries: (string | EntryInput)[], folding?: ('yo-e' | 'kazakh-loose')[]): CompiledIndex {
  const full = entries.map((e, i): PackEntry => {
    const x = typeof e === 'string' ? { term: e } : e;
    return { ...x, id: x.id ?? `e${i}`, short: x.short ?? 'x' };
  });
  const patterns: PatternSource[] = [];
  const keys: string[] = [];
  addPackPatterns({ id: 'p', folding, entries: full }, patterns, keys);
  return compileIndex(patterns, keys);
}

export function matches(ix: CompiledIndex, raw: string): RawMatch[] {
  const out: RawMatch[] = [];
  findMatches(ix, raw, out);
  return out;
}

/** The page text of each match. */
export function found(ix: CompiledIndex, raw: string): string[] {
  return matches(ix, raw).map((m) => raw.slice(m.start, m.end));
}
