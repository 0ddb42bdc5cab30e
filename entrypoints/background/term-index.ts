// Compiles the enabled packs that apply to a page into one term index, cached per set of packs
// so that every tab of a site shares one compilation until a pack changes; tabs receive only
// the part their page's words can start.

import { compileIndex, type PatternSource } from '../../lib/match/compile';
import { decodeInt32, toWire, type CompiledIndex, type WireIndex } from '../../lib/match/index-format';
import { findMatches, type RawMatch } from '../../lib/match/scan';
import type { BlockMatch } from '../../lib/messages';
import { selectByFirstTokens } from '../../lib/match/select';
import { addPackPatterns } from '../../lib/pack/patterns';
import { matchesPattern } from '../../lib/url';
import type { GlossDB } from '../../storage/db';
import { enabledPacks } from '../../storage/packs';

export class TermIndexCache {
  private cache = new Map<string, Promise<CompiledIndex>>();
  private packs: ReturnType<typeof enabledPacks> | null = null;

  constructor(private db: GlossDB) {}

  invalidate(): void {
    this.cache.clear();
    this.packs = null;
  }

  async forUrl(url: string): Promise<CompiledIndex | null> {
    this.packs ??= enabledPacks(this.db);
    const applicable = (await this.packs).filter(({ pack }) => {
      const sites = pack.scope?.sites;
      return !sites?.length || sites.some((p) => matchesPattern(p, url));
    });
    if (applicable.length === 0) return null;
    const key = applicable.map(({ pack }) => `${pack.id}@${pack.updatedAt}`).join('|');
    let hit = this.cache.get(key);
    if (!hit) {
      hit = Promise.resolve().then(() => {
        const patterns: PatternSource[] = [];
        const entries: string[] = [];
        for (const { pack, entries: rows } of applicable) addPackPatterns({ id: pack.id, folding: pack.folding, entries: rows }, patterns, entries);
        return compileIndex(patterns, entries);
      });
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** The terms of `ix` in each of `texts`, for a page's first paint. */
  static matchBlocks(ix: CompiledIndex, texts: readonly string[]): BlockMatch[] {
    const out: BlockMatch[] = [];
    const found: RawMatch[] = [];
    texts.forEach((text, block) => {
      found.length = 0;
      findMatches(ix, text, found);
      for (const m of found) {
        const key = ix.entries[ix.patEntry[m.pattern]!]!;
        out.push({ block, start: m.start, end: m.end, key, term: ix.terms[ix.patEntry[m.pattern]!]!, label: ix.labels[m.pattern]!, form: ix.patForm[m.pattern]!, flags: m.flags });
      }
    });
    return out;
  }

  /** The part of `ix` that a page's tokens (base64 Int32 hashes) can start, ready to send. */
  static share(ix: CompiledIndex, hashes: string): WireIndex {
    return toWire(selectByFirstTokens(ix, decodeInt32(hashes)));
  }
}
