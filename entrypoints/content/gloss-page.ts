// Gloss on one page (the page core, loaded by the content script's boot when the page needs it),
// a thin orchestrator: each load opens an index session, paints its scan,
// anchors the reader's highlights and watches the page for changes; hover intent, the popover,
// the keyboard, the selection toolbar and the highlight card live for the page's life. Every unit
// takes an abort signal, so a reload or teardown stops exactly its own work.

import type { ContentApi, Handlers, PageStats, PageTerm } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { callBackground } from './background-client';
import { HighlightCard } from './highlight-card';
import { declaredCanonical } from './canonical';
import { HighlightLayer } from './highlight-layer';
import { HoverIntent } from './hover-intent';
import { IndexSession } from './index-session';
import { Keyboard } from './keyboard';
import { paintFirst } from './first-paint';
import { requestFirst, type FirstLoad } from './first-walk';
import { scanPage } from './page-scanner';
import { Painter, type PaintedTerm } from './painter';
import { PopoverControl } from './popover-control';
import { Rescanner } from './rescan';
import { SelectionToolbar, type ToolbarAction } from './selection-toolbar';
import type { PageCore } from './page-core-contract';
import { UiHost } from './ui-host';

export class GlossPage implements PageCore {
  private session: IndexSession | null = null;
  private painter: Painter | null = null;
  /** Aborts everything one load started: its scan and its mutation watch. */
  private loadAbort = new AbortController();
  private readonly shell = new UiHost();
  private readonly popover: PopoverControl;
  private readonly hover: HoverIntent;
  private readonly keyboard: Keyboard;
  private readonly highlights: HighlightLayer;
  private readonly toolbar: SelectionToolbar;
  private readonly card: HighlightCard;
  private stats: PageStats | null = null;

  constructor(
    private readonly signal: AbortSignal,
    /** When the content script started (the boot, before this core was loaded). */
    private readonly startedAt: number,
  ) {
    const shell = this.shell;
    this.popover = new PopoverControl({ termOf: (key) => this.session?.termOf(key) ?? key, setActive: (term) => this.painter?.setActive(term) }, shell, signal);
    this.highlights = new HighlightLayer((range) => this.entriesIn(range), signal);
    this.card = new HighlightCard(shell, this.popover.host, signal);
    this.toolbar = new SelectionToolbar(shell, (action) => void this.onToolbar(action).catch(() => undefined), signal);
    this.hover = new HoverIntent(
      {
        hitTest: (x, y) => this.termAt(x, y),
        overPopover: (x, y) => this.popover.openTerm !== null && shell.contains(document.elementFromPoint(x, y)),
        inPopover: (node) => shell.contains(node),
        openOn: () => this.popover.openTerm,
        open: (term) => this.popover.show(term, false),
        keepOpen: () => this.popover.keep(),
        leave: () => this.popover.closeSoon(),
        close: () => this.popover.close(),
        tapOff: (x, y) => this.openCardAt(x, y),
        delayMs: () => this.session?.reply.settings.hoverDelayMs ?? DEFAULT_SETTINGS.hoverDelayMs,
      },
      signal,
    );
    shell.host.addEventListener('pointerenter', (e) => this.hover.onPopoverPointer(true, e), { signal });
    shell.host.addEventListener('pointerleave', (e) => this.hover.onPopoverPointer(false, e), { signal });
    this.keyboard = new Keyboard(this.popover, () => this.painter?.inOrder() ?? [], signal);
    signal.addEventListener('abort', () => this.unload());
  }

  /**
   * A load from the boot's first slice, or (given none: a later load, after in-page navigation
   * or a change of packs) walking the page afresh; the new URL may fall under other packs' scopes.
   */
  async load(given?: FirstLoad): Promise<void> {
    const next = new AbortController();
    const rescanner = new Rescanner((node) => this.shell.contains(node), next.signal, () => void this.highlights.anchorAll().catch(() => undefined));
    // The page has been laid out long before any load of the core's own: reading where it is scrolled costs nothing.
    const first = given ?? (await requestFirst(true).catch((err: unknown) => {
      next.abort();
      throw err;
    }));
    const resumed = performance.now();
    const session = new IndexSession(first.reply, this.signal);
    this.unload();
    this.loadAbort = next;
    const loadSignal = next.signal;
    this.session = session;
    const { enabled, hasTerms, settings } = session.reply;
    if (!enabled || this.signal.aborted) {
      first.painted?.painter.dispose();
      return next.abort();
    }
    const highlighted = this.highlights.load().catch(() => undefined);
    if (!hasTerms) {
      await highlighted;
      return rescanner.start();
    }
    // The boot painted the first slice's start already when it had terms.
    const painted = first.painted ?? paintFirst(first.walk, first.reply.first, new Painter(settings.highlightStyle));
    const painter = (this.painter = painted.painter);
    rescanner.attach({
      session,
      painter,
      afterRescan: () => {
        if (this.popover.openTerm && !this.popover.openTerm.range.startContainer.isConnected) this.popover.close();
      },
    });
    const busyMs = first.busyMs + (performance.now() - resumed);
    const stats = await scanPage(session, first.walk, first.reply.first, painted, loadSignal, this.startedAt, busyMs);
    await highlighted;
    if (!stats) return;
    rescanner.start();
    this.stats = { ...stats, startedAtMs: this.startedAt, indexMs: first.indexMs, terms: painter.size, core: true };
    this.recordEncounters(painter);
  }

  /**
   * The term under the pointer. The first one found starts fetching the popover's view, which
   * then arrives during the hover delay: a page whose reader never points at a term never loads
   * it (fetched in idle time instead, it was a task of 16 ms on a traced dense page).
   */
  private termAt(x: number, y: number): PaintedTerm | null {
    const term = this.painter?.hitTest(x, y) ?? null;
    if (term) void this.popover.host.preload().catch(() => undefined);
    return term;
  }

  offerSelection(): void {
    this.toolbar.offer();
  }

  /** Handlers for messages from the background, the popup and the side panel. */
  handlers(): Handlers<ContentApi, unknown> {
    return {
      'index:changed': async () => {
        await this.load();
        return null;
      },
      'command:run': async ({ command }) => {
        if (command === 'highlight-selection') await this.highlightCommand();
        else this.keyboard.step(command === 'next-term' ? 1 : -1);
        return null;
      },
      'page:stats': () => this.stats,
      'page:highlightStats': () => this.highlights.stats,
      'page:terms': () => ({ host: location.hostname, enabled: this.session?.reply.enabled ?? false, terms: this.pageTerms() }),
      'page:reveal': ({ key }) => {
        const term = this.painter?.inOrder().find((x) => x.key === key);
        if (term) this.keyboard.reveal(term);
        return term !== undefined;
      },
      'page:identity': () => ({ url: location.href, ...declaredCanonical() }),
      'highlights:changed': async () => {
        if (this.session?.reply.enabled) await this.highlights.load();
        return null;
      },
      'highlight:reveal': ({ id }) => this.highlights.reveal(id),
      'selection:forGlossary': async () => {
        const found = await this.highlights.selectionWithSentence();
        return found && { ...found, title: document.title };
      },
      'highlight:reattach': ({ id }) => this.highlights.reattach(id),
    };
  }

  private async onToolbar(action: ToolbarAction): Promise<void> {
    if (action.kind === 'glossary') return this.addToGlossary();
    const id = await this.highlights.save(action.color);
    if (!id) return;
    window.getSelection()?.collapseToEnd();
    if (action.kind !== 'highlight') this.openCard(id, action.kind === 'note' ? 'note' : 'tags');
  }

  /** Opens the pack editor on "My glossary" with the selected term and its sentence. */
  private async addToGlossary(): Promise<void> {
    const found = await this.highlights.selectionWithSentence();
    if (found && found.term.length <= 200) await callBackground('glossary:add', { ...found, title: document.title });
  }

  /** The keyboard command: highlight the selection, or open the card of the highlight at the caret. */
  private async highlightCommand(): Promise<void> {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !this.session?.reply.enabled) return;
    if (!sel.isCollapsed) {
      this.toolbar.hide();
      const id = await this.highlights.save(this.toolbar.currentColor);
      if (id) sel.collapseToEnd();
      return;
    }
    const at = this.highlights.painter.at(sel.anchorNode!, sel.anchorOffset);
    if (at) this.openCard(at.id, 'note');
  }

  /** A click on a highlight (outside any term) opens its card. */
  private openCardAt(x: number, y: number): boolean {
    const hit = this.highlights.painter.hitTest(x, y);
    if (!hit) return false;
    this.popover.close();
    this.openCard(hit.id, null);
    return true;
  }

  private openCard(id: string, focus: 'note' | 'tags' | null): void {
    const painted = this.highlights.painter.find(id);
    if (painted) void this.card.open(id, painted.range, focus).catch(() => undefined);
  }

  /** Glossary entries whose painted terms overlap `range`. */
  private entriesIn(range: Range): string[] {
    const keys = new Set<string>();
    for (const t of this.painter?.all() ?? []) {
      // Only terms of blocks the range touches: the others' ranges need not be made.
      if (!range.intersectsNode(t.block)) continue;
      const r = t.range;
      if (!r.startContainer.isConnected) continue;
      if (range.isPointInRange(r.startContainer, r.startOffset) || r.isPointInRange(range.startContainer, range.startOffset)) keys.add(t.key);
    }
    return [...keys].slice(0, 200);
  }

  /** The page offers its canonical URL; the background decides what, if anything, to keep. */
  private recordEncounters(painter: Painter): void {
    // The first 500 distinct terms, without copying a dense page's ten thousand matches first.
    const distinct = new Set<string>();
    for (const x of painter.all()) if (distinct.add(x.key).size === 500) break;
    const keys = [...distinct];
    if (keys.length) void callBackground('encounters:record', { keys, title: document.title, ...declaredCanonical() }).catch(() => undefined);
  }

  private pageTerms(): PageTerm[] {
    const counts = new Map<string, number>();
    for (const x of this.painter?.inOrder() ?? []) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
    return [...counts].map(([key, count]) => ({ key, count, term: this.session?.termOf(key) ?? key }));
  }

  private unload(): void {
    this.loadAbort.abort();
    this.hover.cancel();
    this.popover.close();
    this.popover.forgetViews();
    this.toolbar.hide();
    this.card.close();
    this.highlights.clear();
    this.painter?.dispose();
    this.painter = null;
  }
}
