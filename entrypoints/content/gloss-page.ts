// Gloss on one page, a thin orchestrator: each load opens an index session, paints its scan and
// watches the page for changes; hover intent, the popover and the keyboard live for the page's
// life. Every unit takes an abort signal, so a reload or teardown stops exactly its own work.

import type { ContentApi, Handlers, PageStats, PageTerm } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { callBackground } from './background-client';
import { HoverIntent } from './hover-intent';
import { IndexSession } from './index-session';
import { Keyboard } from './keyboard';
import { scanPage, startWalk } from './page-scanner';
import { Painter } from './painter';
import { PopoverControl } from './popover-control';
import { Rescanner } from './rescan';

export class GlossPage {
  private session: IndexSession | null = null;
  private painter: Painter | null = null;
  /** Aborts everything one load started: its scan and its mutation watch. */
  private loadAbort = new AbortController();
  private readonly popover: PopoverControl;
  private readonly hover: HoverIntent;
  private readonly keyboard: Keyboard;
  private readonly startedAt = performance.now();
  private stats: PageStats | null = null;

  constructor(private readonly signal: AbortSignal) {
    this.popover = new PopoverControl({ termOf: (key) => this.session?.termOf(key) ?? key, setActive: (term) => this.painter?.setActive(term) }, signal);
    this.hover = new HoverIntent(
      {
        hitTest: (x, y) => this.painter?.hitTest(x, y) ?? null,
        overPopover: (x, y) => this.popover.openTerm !== null && this.popover.host.contains(document.elementFromPoint(x, y)),
        inPopover: (node) => this.popover.host.contains(node),
        openOn: () => this.popover.openTerm,
        open: (term) => this.popover.show(term, false),
        keepOpen: () => this.popover.keep(),
        leave: () => this.popover.closeSoon(),
        close: () => this.popover.close(),
        delayMs: () => this.session?.reply.settings.hoverDelayMs ?? DEFAULT_SETTINGS.hoverDelayMs,
      },
      signal,
    );
    const host = this.popover.host.host;
    host.addEventListener('pointerenter', (e) => this.hover.onPopoverPointer(true, e), { signal });
    host.addEventListener('pointerleave', (e) => this.hover.onPopoverPointer(false, e), { signal });
    this.keyboard = new Keyboard(this.popover, () => this.painter?.inOrder() ?? [], signal);
    signal.addEventListener('abort', () => this.unload());
  }

  /** First load; also after in-page navigation (the new URL may fall under other packs' scopes). */
  async load(): Promise<void> {
    const next = new AbortController();
    const rescanner = new Rescanner((node) => this.popover.host.contains(node), next.signal);
    const began = performance.now();
    const walk = startWalk(document.body);
    const asked = performance.now();
    const session = await IndexSession.open(walk, this.signal).catch((err: unknown) => {
      next.abort();
      throw err;
    });
    const replied = performance.now();
    this.unload();
    this.loadAbort = next;
    const loadSignal = next.signal;
    this.session = session;
    const { enabled, hasTerms, settings, first } = session.reply;
    if (!enabled || !hasTerms || this.signal.aborted) return next.abort();
    const painter = (this.painter = new Painter(settings.highlightStyle));
    rescanner.attach({
      session,
      painter,
      afterRescan: () => {
        if (this.popover.openTerm && !this.popover.openTerm.range.startContainer.isConnected) this.popover.close();
      },
    });
    const busyMs = asked - began + (performance.now() - replied);
    const stats = await scanPage(session, walk, first, (terms) => terms.forEach((x) => painter.add(x)), loadSignal, this.startedAt, busyMs);
    if (!stats) return;
    this.stats = { ...stats, startedAtMs: this.startedAt, indexMs: replied - asked, terms: painter.size };
    this.recordEncounters(painter);
    // Fetch the popover's view while the reader is still reading, so the first hover is instant.
    if (painter.size > 0) requestIdleCallback(() => void this.popover.host.preload().catch(() => undefined), { timeout: 2000 });
  }

  /** Handlers for messages from the background and the popup. */
  handlers(): Handlers<ContentApi, unknown> {
    return {
      'index:changed': async () => {
        await this.load();
        return null;
      },
      'command:run': ({ command }) => {
        this.keyboard.step(command === 'next-term' ? 1 : -1);
        return null;
      },
      'page:stats': () => this.stats,
      'page:terms': () => ({ host: location.hostname, enabled: this.session?.reply.enabled ?? false, terms: this.pageTerms() }),
      'page:reveal': ({ key }) => {
        const term = this.painter?.inOrder().find((x) => x.key === key);
        if (term) this.keyboard.reveal(term);
        return term !== undefined;
      },
    };
  }

  /** The page offers its canonical URL; the background decides what, if anything, to keep. */
  private recordEncounters(painter: Painter): void {
    const keys = [...new Set(painter.inOrder().map((x) => x.key))].slice(0, 500);
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href;
    if (keys.length) void callBackground('encounters:record', { keys, title: document.title, ...(canonical ? { canonical } : {}) }).catch(() => undefined);
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
    this.painter?.dispose();
    this.painter = null;
  }
}
