// The content script proper, evaluated on every page and kept small: it walks the first slice,
// asks the background for its terms, paints those near the viewport, and loads the page core
// (page-core-contract.ts) only when the page needs it: terms to paint, more page to scan, saved
// highlights, a change of the page that brings terms, or a reader's move that needs it
// (selecting text, a command). Until then it answers the popup and the background itself. A page
// without any of these, the usual article, never evaluates the core.

import { hasMatches } from '../../lib/match/block-matches';
import { dispatch, type ContentApi, type Handlers, type PageIndexReply, type PageStats, type Reply } from '../../lib/messages';
import { callBackground } from './background-client';
import { blockRootOf, blocksUnder, outermostConnected } from './blocks';
import { declaredCanonical } from './canonical';
import { paintFirst } from './first-paint';
import { mayBeScrolled, requestFirst, walkGoesOn, type FirstLoad } from './first-walk';
import { loadPageCore, type PageCore } from './page-core-contract';
import { Painter } from './painter';
import { yieldToPage } from './slices';

/** Changes of the page are gathered this long before their text is looked at. */
const CHANGE_DELAY_MS = 150;
/** More changed text than this (a page swapping its content) is left to the core's idle scan. */
const CHANGED_CHARS = 1 << 15;
/**
 * Looks at changes the background answers before the core takes over: a page that keeps changing
 * (a clock, a live ticker) is then filtered on the page, without a message per change.
 */
const CHANGE_LOOKS = 8;

export class PageBoot {
  private readonly startedAt = performance.now();
  /** The core once it was asked for: created once, resolved after its first load. */
  private coreReady: Promise<PageCore> | null = null;
  /** The same core as soon as it exists, while its first load may still run. */
  private core: PageCore | null = null;
  private reply: PageIndexReply | null = null;
  private stats: PageStats | null = null;
  private loads = 0;
  /** Whether the page changed since the last first slice was walked. */
  private changed = false;
  /** Whether a change of the page calls for the core (packs apply and it is not here yet). */
  private watchChanges = false;
  private changeTimer = 0;
  /** Blocks changed since the last look (their block-level roots). */
  private readonly dirty = new Set<Element>();
  /** Changed text already looked at (a carousel shows the same again), and how many looks were asked. */
  private readonly lookedAt = new Set<string>();
  private looks = 0;
  /** Ends the boot's own listening once the core has taken over. */
  private readonly handover = new AbortController();
  private readonly own: Handlers<ContentApi, unknown>;

  constructor(private readonly signal: AbortSignal) {
    const opts = { capture: true, signal: AbortSignal.any([signal, this.handover.signal]) };
    // A selection needs the core's toolbar; a plain click selects nothing and fetches nothing.
    const selected = (e: Event) => {
      if (e.isTrusted && window.getSelection()?.isCollapsed === false) void this.withCore().then((core) => core.offerSelection(), () => undefined);
    };
    document.addEventListener('pointerup', selected, opts);
    document.addEventListener('keyup', (e) => (e.shiftKey || e.key === 'Shift') && selected(e), opts);
    const observer = new MutationObserver((records) => this.onChange(records));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    opts.signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(this.changeTimer);
    });
    this.own = this.ownHandlers();
  }

  /** A load: the first, or after in-page navigation or a change of packs. */
  async load(): Promise<void> {
    if (this.coreReady) {
      const core = this.core ?? (await this.coreReady);
      return core.load();
    }
    this.changed = false;
    this.watchChanges = false;
    this.dirty.clear();
    // The first walk is a task of its own: with the script's evaluation (its compiling, the
    // extension API's set-up) it ran past a frame on a long page.
    if (this.loads === 0) await yieldToPage();
    // The core is fetched after the first paint, not while the background answers: evaluating it
    // then held the reply back (first viewport on the dense page, untraced: 48 against 52 ms).
    const first = await requestFirst(mayBeScrolled(this.loads++ === 0));
    if (this.coreReady) return; // the reader's move brought the core meanwhile, and it loaded afresh
    this.reply = first.reply;
    const { enabled, hasTerms } = first.reply;
    const found = hasMatches(first.reply.first);
    // Terms on screen are painted now; hovering them waits for the core, a few frames later.
    if (enabled && hasTerms && found) {
      first.painted = paintFirst(first.walk, first.reply.first, new Painter(first.reply.settings.highlightStyle));
      // The core's start is a task of its own: on a dense page the two together ran past a frame.
      await yieldToPage();
    }
    if (enabled && hasTerms && (found || walkGoesOn(first.walk))) return void (await this.withCore(first));
    if (enabled && (await this.hasHighlights())) return void (await this.withCore(first));
    if (this.coreReady) return;
    const doneMs = performance.now() - this.startedAt;
    this.stats = enabled && hasTerms ? { startedAtMs: this.startedAt, indexMs: first.indexMs, firstViewportMs: doneMs, doneMs, busyMs: first.busyMs, longestSliceMs: first.walk.longestMs, blocks: first.walk.first.length, terms: 0, core: false } : null;
    this.watchChanges = enabled && hasTerms;
    if (this.dirty.size) this.onChange([]);
  }

  /** Whether `type` is a message the content script answers (returning true keeps the channel open). */
  answers(type: string): boolean {
    return Object.hasOwn(this.own, type);
  }

  /** A message from the background, the popup or the side panel. */
  answer(msg: unknown, sender: unknown): Promise<Reply<unknown> | undefined> {
    return dispatch(this.core ? this.core.handlers() : this.own, msg, sender);
  }

  /**
   * The core, fetched and created once, after its first load: from `first` unless the page
   * changed since that was walked.
   */
  private withCore(first?: FirstLoad): Promise<PageCore> {
    // The reader's move brought the core while this load painted: the core loaded afresh.
    if (this.coreReady) first?.painted?.painter.dispose();
    this.coreReady ??= (async () => {
      this.handover.abort();
      const api = await loadPageCore();
      // Evaluating the core is a task of 7–13 ms on a traced dense page; creating it and starting
      // its load get one task each.
      await yieldToPage();
      const core = (this.core = api.create(this.signal, this.startedAt));
      await yieldToPage();
      const current = first && !this.changed;
      if (!current) first?.painted?.painter.dispose();
      await core.load(current ? first : undefined);
      return core;
    })();
    return this.coreReady;
  }

  private onChange(records: MutationRecord[]): void {
    for (const r of records) this.dirty.add(blockRootOf(r.target) ?? document.body);
    this.changed ||= records.length > 0;
    if (!this.watchChanges || this.changeTimer || !this.dirty.size) return;
    this.changeTimer = window.setTimeout(() => void this.lookAtChanges().catch(() => undefined), CHANGE_DELAY_MS);
  }

  /**
   * The page changed while packs apply to it: the changed blocks' text goes to the background as a
   * first slice would, and only terms in it bring the core. A page's ads, clocks and carousels
   * change it all the time and seldom hold a glossary term.
   */
  private async lookAtChanges(): Promise<void> {
    this.changeTimer = 0;
    const outer = outermostConnected(this.dirty);
    this.dirty.clear();
    const texts = blocksUnder(outer).map((b) => b.text).filter((t) => !this.lookedAt.has(t));
    if (!texts.length) return;
    if (++this.looks > CHANGE_LOOKS || texts.reduce((n, t) => n + t.length, 0) > CHANGED_CHARS) return void (await this.withCore());
    for (const t of texts) this.lookedAt.add(t);
    const reply = await callBackground('page:index', { url: location.href, texts });
    if (this.coreReady || !this.watchChanges) return;
    if (reply.enabled && reply.hasTerms && reply.first.cells.length > 0) await this.withCore();
  }

  /** Whether the reader saved highlights on this page (one indexed lookup in the background). */
  private async hasHighlights(): Promise<boolean> {
    return (await callBackground('highlights:ofPage', declaredCanonical())).length > 0;
  }

  /** What the boot answers while the page has no core: no terms, and the core for anything else. */
  private ownHandlers(): Handlers<ContentApi, unknown> {
    return {
      'index:changed': async () => {
        await this.load();
        return null;
      },
      'page:terms': () => ({ host: location.hostname, enabled: this.reply?.enabled ?? false, terms: [] }),
      'page:reveal': () => false,
      'page:stats': () => this.stats,
      'page:highlightStats': () => null,
      'page:identity': () => ({ url: location.href, ...declaredCanonical() }),
      'highlights:changed': async () => {
        if (this.reply?.enabled && (await this.hasHighlights())) await this.withCore();
        return null;
      },
      'command:run': this.viaCore('command:run'),
      'highlight:reveal': this.viaCore('highlight:reveal'),
      'selection:forGlossary': this.viaCore('selection:forGlossary'),
      'highlight:reattach': this.viaCore('highlight:reattach'),
    };
  }

  /** A handler that fetches the core and lets it answer. */
  private viaCore<K extends keyof ContentApi>(type: K): Handlers<ContentApi, unknown>[K] {
    type Handler = (req: ContentApi[K]['req'], ctx: unknown) => Promise<ContentApi[K]['res']> | ContentApi[K]['res'];
    const handler: Handler = async (req, ctx) => ((await this.withCore()).handlers()[type] as Handler)(req, ctx);
    return handler as Handlers<ContentApi, unknown>[K];
  }
}
