// One load of the page's term index: the reply to the first request (which carried the first
// slice's text and came back with its matches), the token filter once there is more to scan, then
// the parts of the index the rest of the page's tokens can start, asked for as the scan finds
// them. A new load starts a new session.

import { encodeInt32, type CompiledIndex } from '../../lib/match/index-format';
import { decodeSteps } from '../../lib/match/index-wire';
import { HashSet } from '../../lib/match/hash-set';
import { COMPLEX } from '../../lib/match/raw-tokens';
import { findCandidates } from '../../lib/match/scan';
import { addTokenHashes } from '../../lib/match/select';
import { filterFromWire, type TokenFilter } from '../../lib/match/token-filter';
import type { PageIndexReply } from '../../lib/messages';
import { callBackground } from './background-client';
import { inSlices, yieldToPage } from './slices';
import type { TextBlock } from './blocks';
import type { IndexSource } from './page-scanner';

export class IndexSession implements IndexSource {
  private ix: CompiledIndex | null = null;
  /** Asked for when the first block past the first slice needs it: most pages never do. */
  private filter: TokenFilter | null = null;
  private filterLoad: Promise<void> | null = null;
  /** Hashes of the page's tokens that passed the filter, and how many were asked for so far. */
  private wanted = new HashSet();
  private askedFor = 0;
  private lookup: Promise<void> | null = null;
  /** Entry key → its term, for the popup's list and the popover's "related to". */
  private readonly terms = new Map<string, string>();

  /**
   * `reply` answered the first slice's text (first-walk.ts): the background's matcher is warm,
   * so the first paint needed one round trip and no matching on a page whose JIT is cold.
   */
  constructor(
    readonly reply: PageIndexReply,
    private readonly signal: AbortSignal,
  ) {
    // Each pattern found in the first slice travels with its entry's key and term once.
    for (const [key, term] of reply.first.patterns) this.terms.set(key, term);
  }

  termOf(key: string): string {
    return this.terms.get(key) ?? key;
  }

  /** IndexSource: the filter `add` needs, asked for once. */
  ready(): Promise<void> {
    this.filterLoad ??= callBackground('index:filter', { url: location.href }).then(
      (wire) => void (this.filter = wire && filterFromWire(wire)),
      (err: unknown) => {
        this.filterLoad = null; // asked again by the next scan
        throw err;
      },
    );
    return this.filterLoad;
  }

  /**
   * IndexSource: note the tokens of blocks about to be scanned that may start a term. Blocks
   * noted before the filter is `ready` (or with no terms for the page) are ruled out.
   */
  add(blocks: TextBlock[]): void {
    const { filter } = this;
    const { mask } = this.reply;
    if (!filter) {
      for (const b of blocks) b.candidates = null;
      return;
    }
    for (const b of blocks) {
      const found = (b.candidates = findCandidates(filter, mask, b.text));
      if (found === COMPLEX) addTokenHashes(b.text, mask, this.wanted);
      else if (found) for (let q = 1; q < found.length; q += 2) this.wanted.add(found[q]!);
    }
  }

  /** IndexSource: the part of the index this page's tokens can start, asked for when they grew. */
  async current(): Promise<CompiledIndex | null> {
    // One request at a time; a scan that arrives meanwhile waits and asks again if it added words.
    while (!this.signal.aborted && (this.lookup || this.wanted.size !== this.askedFor)) {
      this.lookup ??= this.ask();
      await this.lookup;
    }
    return this.signal.aborted ? null : this.ix;
  }

  private async ask(): Promise<void> {
    this.askedFor = this.wanted.size;
    try {
      const wire = await callBackground('index:lookup', { url: location.href, hashes: encodeInt32(this.wanted.values()) });
      // Receiving a dense page's share is a task of 10 ms; decoding it waits for the next one.
      await yieldToPage();
      const ix = (this.ix = wire ? await inSlices(decodeSteps(wire)) : null);
      if (ix) ix.entries.forEach((key, e) => this.terms.set(key, ix.terms[e]!));
    } finally {
      this.lookup = null;
    }
  }
}
