// Compiles the enabled packs that apply to a page into one term index, cached per set of packs
// so that every tab of a site shares one compilation until a pack changes; tabs receive only
// the part their page's words can start. Compiled indexes are also kept in the database, so a
// worker the browser stopped answers the next page without compiling; entries are read only to
// compile, never held in the worker's memory.

import { compileIndex, type PatternSource } from '../../lib/match/compile';
import { decodeInt32, type CompiledIndex } from '../../lib/match/index-format';
import { toWire, type WireIndex } from '../../lib/match/index-wire';
import { encodeMatches } from '../../lib/match/block-matches';
import { rehearsalText } from '../../lib/match/rehearsal';
import { findMatches, type RawMatch } from '../../lib/match/scan';
import type { BlockMatch } from '../../lib/messages';
import { selectByFirstTokens } from '../../lib/match/select';
import { addPackPatterns } from '../../lib/pack/patterns';
import { matchesPattern } from '../../lib/url';
import type { GlossDB } from '../../storage/db';
import { loadIndex, recentIndex, saveIndex } from '../../storage/indexes';
import { enabledPackRecords, withEntries } from '../../storage/packs';
import type { PackRecord } from '../../storage/records';

/** Bump when the compiled index's layout or the matching rules change: kept indexes are then rebuilt. */
export const COMPILER_VERSION = 1;

/** The rehearsal's text and rounds: a few milliseconds in all once optimized. */
const REHEARSAL_CHARS = 4096;
const REHEARSAL_ROUNDS = 16;

export class TermIndexCache {
  private cache = new Map<string, Promise<CompiledIndex>>();
  private packs: Promise<PackRecord[]> | null = null;

  /** `build` names the extension's version, which a kept index must also match. */
  constructor(
    private db: GlossDB,
    private build = '',
  ) {}

  /** The index used last, being read since the worker started (see warm). */
  private recent: Promise<{ key: string; index: CompiledIndex } | null> | null = null;

  /**
   * Starts reading, as soon as a worker starts, the index its first page will most likely need
   * (the one used last): the page's request that woke the worker then finds it on its way. The
   * packs are read once the starter pack may have been installed (readPacks).
   */
  warm(): void {
    // Once an index is compiled or read, pages are answered from memory.
    if (this.cache.size || this.recent) return;
    this.recent = recentIndex(this.db).catch(() => null);
    void this.recent.then((r) => r && this.rehearse(r.index));
  }

  /**
   * Matches text made of `ix`'s own labels a few times, a task each (a page's request is answered
   * between them), until a page asks: see lib/match/rehearsal.ts.
   */
  private async rehearse(ix: CompiledIndex): Promise<void> {
    const text = rehearsalText(ix.labels, REHEARSAL_CHARS);
    for (let round = 0; round < REHEARSAL_ROUNDS && !this.cache.size; round++) {
      encodeMatches(TermIndexCache.matchBlocks(ix, [text]));
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** Reads the enabled packs before a page asks; called once the starter pack may be installed. */
  readPacks(): Promise<PackRecord[]> {
    return (this.packs ??= enabledPackRecords(this.db));
  }

  invalidate(): void {
    this.cache.clear();
    this.packs = null;
    this.recent = null;
  }

  async forUrl(url: string): Promise<CompiledIndex | null> {
    const applicable = (await this.readPacks()).filter((pack) => {
      const sites = pack.scope?.sites;
      return !sites?.length || sites.some((p) => matchesPattern(p, url));
    });
    if (applicable.length === 0) return null;
    const key = [COMPILER_VERSION, this.build, ...applicable.map((pack) => `${pack.id}@${pack.updatedAt}`)].join('|');
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.keptOrCompiled(key, applicable);
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  private async keptOrCompiled(key: string, packs: PackRecord[]): Promise<CompiledIndex> {
    const recent = await this.recent;
    // Read once, for the first page: kept longer, an index no page uses would stay in memory.
    this.recent = null;
    if (recent?.key === key) return recent.index;
    const kept = await loadIndex(this.db, key).catch(() => null);
    if (kept) return kept;
    const patterns: PatternSource[] = [];
    const entries: string[] = [];
    for (const { pack, entries: rows } of await withEntries(this.db, packs)) addPackPatterns({ id: pack.id, folding: pack.folding, entries: rows }, patterns, entries);
    const ix = compileIndex(patterns, entries);
    void saveIndex(this.db, key, ix).catch(() => undefined);
    return ix;
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

  /**
   * The part of `ix` that a page's tokens (base64 Int32 hashes) can start, ready to send; null
   * when they start no pattern, so the page neither decodes an empty index nor scans with it.
   */
  static share(ix: CompiledIndex, hashes: string): WireIndex | null {
    const part = selectByFirstTokens(ix, decodeInt32(hashes));
    return part.patLen.length > 0 ? toWire(part) : null;
  }
}
