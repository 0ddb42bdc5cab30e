// Gloss on one page: loads the term index, paints terms, keeps them current as the page
// changes, and opens the popover on hover, tap, click or keyboard command.

import { browser } from 'wxt/browser';
import { en } from '../../lib/i18n';
import { encodeInt32, fromWire, type CompiledIndex } from '../../lib/match/index-format';
import { HashSet } from '../../lib/match/hash-set';
import { COMPLEX } from '../../lib/match/raw-tokens';
import { findCandidates } from '../../lib/match/scan';
import { addTokenHashes } from '../../lib/match/select';
import { filterFromWire, type TokenFilter, type WireFilter } from '../../lib/match/token-filter';
import { makeClient, type BackgroundApi, type ContentApi, type EntryView, type Handlers, type PageStats, type PageTerm } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { blockRootOf, collectBlocks, HOST_TAG, insideSkipped, type TextBlock } from './blocks';
import { describeMatch } from './describe-match';
import { scanBlock, scanPage, startWalk, type IndexSource } from './page-scanner';
import { Painter, type PaintedTerm } from './painter';
import { PopoverHost } from './popover-host';

const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const CLOSE_DELAY_MS = 300;
const MUTATION_DELAY_MS = 150;
const t = en;

interface OpenState {
  term: PaintedTerm;
  /** Keys of entries shown in place, after the hovered one (related navigation). */
  trail: string[];
  returnFocus: Element | null;
}

export class GlossPage implements IndexSource {
  private ix: CompiledIndex | null = null;
  private settings: Settings = DEFAULT_SETTINGS;
  private enabled = false;
  private painter: Painter | null = null;
  private popover = new PopoverHost();
  private scanAbort = new AbortController();
  private open: OpenState | null = null;
  private hovered: PaintedTerm | null = null;
  private openTimer = 0;
  private closeTimer = 0;
  private views = new Map<string, Promise<EntryView | null>>();
  private dirty = new Set<Element>();
  private mutationTimer = 0;
  private observer = new MutationObserver((records) => this.onMutations(records));
  private pointer = { x: 0, y: 0, pending: false };
  private termOf = new Map<string, string>();
  private mask = 0;
  /**
   * The whole index's first-token filter (decoded when the first block past the first slice
   * needs it: most pages never do), and the hashes of the page's tokens that passed it.
   */
  private wireFilter: WireFilter | null = null;
  private filter: TokenFilter | null = null;
  private wanted = new HashSet();
  private askedFor = 0;
  private lookup: Promise<void> | null = null;
  private readonly startedAt = performance.now();
  private stats: PageStats | null = null;

  constructor(private signal: AbortSignal) {
    signal.addEventListener('abort', () => this.teardown());
  }

  async start(): Promise<void> {
    await this.load();
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, opts: AddEventListenerOptions = {}) =>
      document.addEventListener(type, fn, { ...opts, capture: true, signal: this.signal });
    on('pointermove', (e) => this.onPointerMove(e), { passive: true });
    on('pointerup', (e) => this.onPointerUp(e), { passive: true });
    on('keydown', (e) => this.onKeyDown(e));
    on('focusin', (e) => this.onFocusIn(e));
    this.popover.host.addEventListener('pointerenter', () => this.cancelClose(), { signal: this.signal });
    this.popover.host.addEventListener('pointerleave', () => this.scheduleClose(), { signal: this.signal });
    window.addEventListener('scroll', () => this.hovered && this.onPointerSettled(), { passive: true, signal: this.signal });
  }

  /** In-page navigation (history API, hash): the new URL may fall under other packs' scopes. */
  async onLocationChange(): Promise<void> {
    await this.load();
  }

  /** Handlers for messages from the background and the popup. */
  handlers(): Handlers<ContentApi, unknown> {
    return {
      'index:changed': async () => {
        await this.load();
        return null;
      },
      'command:run': ({ command }) => {
        this.step(command === 'next-term' ? 1 : -1);
        return null;
      },
      'page:stats': () => this.stats,
      'page:terms': () => ({ host: location.hostname, enabled: this.enabled, terms: this.pageTerms() }),
      'page:reveal': ({ key }) => {
        const term = this.painter?.inOrder().find((x) => x.key === key);
        if (!term) return false;
        this.reveal(term);
        return true;
      },
    };
  }

  private async load(): Promise<void> {
    // The first slice's text goes with the first request and the background matches it, so the
    // first paint needs one round trip and no matching on a page whose JIT is still cold.
    const began = performance.now();
    const walk = startWalk(document.body);
    const texts = walk.first.map((b) => b.text);
    const asked = performance.now();
    const reply = await call('page:index', { url: location.href, texts });
    const replied = performance.now();
    this.settings = reply.settings;
    this.enabled = reply.enabled;
    this.mask = reply.mask;
    this.wireFilter = reply.filter;
    this.filter = null;
    this.ix = null;
    this.wanted = new HashSet();
    this.askedFor = 0;
    this.termOf.clear();
    for (const m of reply.first) this.termOf.set(m.key, m.term);
    this.views.clear();
    this.closeNow();
    this.scanAbort.abort();
    this.scanAbort = new AbortController();
    this.painter?.dispose();
    this.painter = null;
    this.observer.disconnect();
    if (!this.enabled || !reply.hasTerms) return;
    const painter = (this.painter = new Painter(this.settings.highlightStyle));
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // A scan paints only into its own painter: a newer load never receives an older scan's ranges.
    const busyMs = asked - began + (performance.now() - replied);
    const stats = await scanPage(this, walk, reply.first, (terms) => terms.forEach((x) => painter.add(x)), this.scanAbort.signal, this.startedAt, busyMs);
    if (!stats || painter !== this.painter) return;
    this.stats = { ...stats, startedAtMs: this.startedAt, indexMs: replied - asked, terms: painter.size };
    this.recordEncounters();
    // Fetch the popover's view while the reader is still reading, so the first hover is instant.
    if (painter.size > 0) requestIdleCallback(() => void this.popover.preload().catch(() => undefined), { timeout: 2000 });
  }

  /** IndexSource: note the tokens of blocks about to be scanned that may start a term. */
  add(blocks: TextBlock[]): void {
    if (!this.filter && this.wireFilter) this.filter = filterFromWire(this.wireFilter);
    const filter = this.filter;
    if (!filter) return;
    for (const b of blocks) {
      const found = (b.candidates = findCandidates(filter, this.mask, b.text));
      if (found === COMPLEX) addTokenHashes(b.text, this.mask, this.wanted);
      else if (found) for (let q = 1; q < found.length; q += 2) this.wanted.add(found[q]!);
    }
  }

  /** IndexSource: the part of the index this page's tokens can start, asked for when they grew. */
  async current(): Promise<CompiledIndex | null> {
    // One request at a time; a scan that arrives meanwhile waits and asks again if it added words.
    while (this.lookup || this.wanted.size !== this.askedFor) {
      if (!this.lookup) {
        this.askedFor = this.wanted.size;
        this.lookup = call('index:lookup', { url: location.href, hashes: encodeInt32(this.wanted.values()) })
          .then((wire) => {
            this.ix = wire ? fromWire(wire) : null;
            if (this.ix) this.ix.entries.forEach((key, e) => this.termOf.set(key, this.ix!.terms[e]!));
          })
          .finally(() => (this.lookup = null));
      }
      await this.lookup;
    }
    return this.ix;
  }

  private recordEncounters(): void {
    const keys = [...new Set(this.painter?.inOrder().map((x) => x.key))];
    if (keys.length) void call('encounters:record', { keys, url: location.href, title: document.title }).catch(() => undefined);
  }

  private pageTerms(): PageTerm[] {
    const counts = new Map<string, number>();
    for (const x of this.painter?.inOrder() ?? []) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
    return [...counts].map(([key, count]) => ({ key, count, term: this.termOf.get(key) ?? key }));
  }

  // Re-scan only the blocks that changed, batched, ignoring our own UI.
  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      const target = r.target;
      if (this.popover.contains(target) || (target instanceof Element && target.localName === HOST_TAG)) continue;
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && n.localName === HOST_TAG)) continue;
      this.dirty.add(blockRootOf(target) ?? document.body);
    }
    if (this.dirty.size && !this.mutationTimer) this.mutationTimer = window.setTimeout(() => void this.rescanDirty().catch(() => undefined), MUTATION_DELAY_MS);
  }

  private async rescanDirty(): Promise<void> {
    this.mutationTimer = 0;
    const painter = this.painter;
    if (!painter) return;
    const roots = [...this.dirty].filter((el) => el.isConnected);
    this.dirty.clear();
    const outer = roots.filter((el) => !roots.some((o) => o !== el && o.contains(el)));
    const blocks = outer.flatMap((root) => (insideSkipped(root) ? [] : collectBlocks(root)));
    this.add(blocks);
    const ix = await this.current();
    if (painter !== this.painter) return;
    painter.removeWithin(outer);
    const out: PaintedTerm[] = [];
    if (ix) for (const b of blocks) scanBlock(ix, b, out);
    out.forEach((x) => painter.add(x));
    if (this.open && !this.open.term.range.startContainer.isConnected) this.closeNow();
  }

  // Pointer: always act on the latest position, at most once per frame.
  private onPointerMove(e: PointerEvent): void {
    this.pointer.x = e.clientX;
    this.pointer.y = e.clientY;
    if (this.pointer.pending) return;
    this.pointer.pending = true;
    requestAnimationFrame(() => {
      this.pointer.pending = false;
      this.onPointerSettled();
    });
  }

  private onPointerSettled(): void {
    if (!this.painter) return;
    const { x, y } = this.pointer;
    const overPopover = this.popover.isOpen && this.popover.contains(document.elementFromPoint(x, y));
    if (overPopover) return;
    const hit = this.painter.hitTest(x, y);
    if (hit === this.hovered) return;
    this.hovered = hit;
    clearTimeout(this.openTimer);
    if (hit) {
      if (this.open?.term === hit) this.cancelClose();
      else this.openTimer = window.setTimeout(() => this.show(hit, false), this.settings.hoverDelayMs);
    } else this.scheduleClose();
  }

  /** Click or tap on a term opens at once. */
  private onPointerUp(e: PointerEvent): void {
    if (!this.painter || e.button !== 0 || this.popover.contains(e.target as Node)) return;
    if (!window.getSelection()?.isCollapsed) return;
    const hit = this.painter.hitTest(e.clientX, e.clientY);
    if (hit) {
      clearTimeout(this.openTimer);
      this.hovered = hit;
      if (this.open?.term !== hit) this.show(hit, false);
    } else if (this.open && e.pointerType !== 'mouse') this.closeNow();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation();
      this.closeNow(true);
    }
  }

  private onFocusIn(e: FocusEvent): void {
    // A keyboard-opened popover closes when focus moves back to the page.
    if (this.open?.returnFocus && !this.popover.contains(e.target as Node)) this.closeNow();
  }

  private scheduleClose(): void {
    if (!this.open || this.closeTimer) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = 0;
      this.closeNow();
    }, CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  private closeNow(restoreFocus = false): void {
    this.cancelClose();
    clearTimeout(this.openTimer);
    if (!this.open) return;
    const { returnFocus } = this.open;
    this.open = null;
    this.popover.hide();
    this.painter?.setActive(null);
    if (restoreFocus && returnFocus instanceof HTMLElement) returnFocus.focus({ preventScroll: true });
  }

  private view(key: string): Promise<EntryView | null> {
    let v = this.views.get(key);
    if (!v) {
      v = call('entry:get', { key, pageUrl: location.href }).catch(() => null);
      this.views.set(key, v);
    }
    return v;
  }

  /** Opens the popover on `term`; from the keyboard it also takes focus. */
  private show(term: PaintedTerm, withFocus: boolean): void {
    this.cancelClose();
    const returnFocus = withFocus ? (this.open?.returnFocus ?? document.activeElement) : null;
    this.open = { term, trail: [], returnFocus };
    this.painter?.setActive(term);
    void this.render(undefined);
    void this.view(term.key).then(async (v) => {
      if (this.open?.term !== term) return;
      await this.render(v);
      if (withFocus) this.popover.focus();
    });
  }

  private render(view: EntryView | null | undefined): Promise<void> {
    const state = this.open;
    if (!state) return Promise.resolve();
    const inRelated = state.trail.length > 0;
    const how = inRelated ? null : describeMatch(state.term.label, state.term.form, state.term.flags, state.term.range.toString(), t);
    const props = {
      view,
      t,
      matchNote: how ?? undefined,
      relatedFrom: inRelated ? (this.termOf.get(state.term.key) ?? '') : undefined,
      onRelated: (key: string) => this.showInPlace([...state.trail, key]),
      onBack: () => this.showInPlace(state.trail.slice(0, -1)),
      onClose: () => this.closeNow(true),
    };
    return this.popover.show(state.term.range, props);
  }

  private showInPlace(trail: string[]): void {
    const state = this.open;
    if (!state) return;
    state.trail = trail;
    const key = trail.at(-1) ?? state.term.key;
    void this.view(key).then(async (v) => {
      if (this.open === state && (state.trail.at(-1) ?? state.term.key) === key) {
        await this.render(v);
        this.popover.focus();
      }
    });
  }

  private reveal(term: PaintedTerm): void {
    const el = term.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.closeNow();
    this.show(term, true);
  }

  /** Keyboard command: the next (or previous) marked term after the open one, or after the viewport's top. */
  private step(dir: 1 | -1): void {
    const terms = this.painter?.inOrder() ?? [];
    if (!terms.length) return;
    let i: number;
    const current = this.open ? terms.indexOf(this.open.term) : -1;
    if (current >= 0) i = current + dir;
    else {
      const first = terms.findIndex((x) => x.range.getBoundingClientRect().bottom > 0);
      i = dir === 1 ? Math.max(first, 0) : (first > 0 ? first : terms.length) - 1;
    }
    this.reveal(terms[(i + terms.length) % terms.length]!);
  }

  private teardown(): void {
    this.scanAbort.abort();
    this.observer.disconnect();
    clearTimeout(this.mutationTimer);
    this.closeNow();
    this.painter?.dispose();
    this.popover.host.remove();
  }
}
