// The reader's highlights on this page: fetched by the page's address (one indexed lookup in the
// background; a page without highlights does nothing more), anchored in the page's visible text
// from cheap to expensive (lib/anchor/anchor.ts), painted, and anchored again after the page
// changes. Saving and re-attaching read the reader's selection. Notes and tags never come here.

import type { AnchorState } from '../../lib/anchor/anchor';
import type { HighlightColor, HighlightPlacement } from '../../lib/highlights';
import { loadAnchoring, type AnchoringApi } from './anchoring-contract';
import { callBackground } from './background-client';
import { declaredCanonical } from './canonical';
import { BlockWalker } from './blocks';
import type { HighlightStats } from '../../lib/messages';
import { HighlightPainter, type PaintedHighlight } from './highlight-painter';
import { SLICE_MS, SliceClock } from './slices';

const walkBlocks = (root: Element) => new BlockWalker(root);

export class HighlightLayer {
  readonly painter = new HighlightPainter();
  private placements: HighlightPlacement[] = [];
  /** The last anchoring reported, so that an unchanged page reports nothing again. */
  private reported = '';
  private generation = 0;
  /** Aborts the anchoring run in progress when a newer one starts. */
  private run = new AbortController();
  /** How the last complete anchoring run went (for the benchmark). */
  stats: HighlightStats | null = null;

  constructor(
    private readonly entriesIn: (range: Range) => string[],
    signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.painter.dispose());
  }

  /** Fetches this page's highlights and anchors them. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const placements = await callBackground('highlights:ofPage', declaredCanonical());
    if (generation !== this.generation) return;
    this.placements = placements;
    await this.anchorAll();
  }

  /** Forgets and unpaints (Gloss turned off for the site, or a new load beginning). */
  clear(): void {
    this.generation++;
    this.run.abort();
    this.placements = [];
    this.reported = '';
    this.painter.set([]);
  }

  /**
   * Anchors every highlight in the page's current text (after a load or a change of the page),
   * reading the page and anchoring in slices; a newer run replaces one still in progress.
   */
  async anchorAll(): Promise<void> {
    this.run.abort();
    const run = (this.run = new AbortController());
    if (!this.placements.length) {
      this.painter.set([]);
      return;
    }
    const t0 = performance.now();
    const api = await loadAnchoring();
    const clock = new SliceClock();
    clock.begin();
    const map = await api.PageTextMap.readInSlices(api, walkBlocks, clock, run.signal);
    if (!map) return clock.end();
    const painted: PaintedHighlight[] = [];
    const results: { id: string; state: AnchorState; score?: number }[] = [];
    let deadline = performance.now() + SLICE_MS;
    for (const h of this.placements) {
      if (performance.now() > deadline) {
        await clock.next();
        if (run.signal.aborted) return clock.end();
        deadline = performance.now() + SLICE_MS;
      }
      const found = api.anchorQuote(map.text, { quote: h.quote, position: h.position });
      const range = found.state === 'orphan' ? null : map.rangeOf(found.start, found.end);
      if (range) painted.push({ id: h.id, color: h.color, range });
      const state = range ? found.state : 'orphan';
      results.push({ id: h.id, state, ...(state === 'fuzzy' ? { score: Math.round(found.score * 1000) / 1000 } : {}) });
    }
    this.painter.set(painted);
    clock.end();
    this.stats = { highlights: this.placements.length, painted: painted.length, busyMs: clock.busyMs, longestMs: clock.longestMs, doneMs: performance.now() - t0 };
    this.report(results);
  }

  private report(results: { id: string; state: AnchorState; score?: number }[]): void {
    const report = JSON.stringify(results);
    if (report === this.reported) return;
    this.reported = report;
    void callBackground('highlights:anchored', { ...declaredCanonical(), results }).catch(() => undefined);
  }

  /** Saves the reader's selection in `color`; returns the new highlight's id, or null when nothing is selected. */
  async save(color: HighlightColor): Promise<string | null> {
    const target = this.selected(await loadAnchoring());
    if (!target) return null;
    const { id } = await callBackground('highlight:create', {
      ...declaredCanonical(),
      title: document.title,
      capture: { color, ...target.selectors, entries: this.entriesIn(target.range) },
    });
    this.placements = [...this.placements, { id, color, ...target.selectors }];
    this.painter.set([...this.paintedNow(), { id, color, range: target.range.cloneRange() }]);
    return id;
  }

  /** The selected text and the sentence around it, for «Add to glossary»; null when nothing is selected. */
  async selectionWithSentence(): Promise<{ term: string; sentence: string } | null> {
    const target = this.selected(await loadAnchoring());
    return target && { term: target.selectors.quote.exact, sentence: target.selectors.sentence };
  }

  /** Moves highlight `id` onto the reader's selection; false when nothing is selected. */
  async reattach(id: string): Promise<boolean> {
    const target = this.selected(await loadAnchoring());
    if (!target) return false;
    await callBackground('highlight:reattach', { ...declaredCanonical(), id, ...target.selectors });
    return true;
  }

  reveal(id: string): boolean {
    const p = this.painter.find(id);
    if (!p) return false;
    p.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.painter.flash(p);
    return true;
  }

  private paintedNow(): PaintedHighlight[] {
    return this.placements.map((h) => this.painter.find(h.id)).filter((p) => p !== undefined);
  }

  /** The selection as a range and its selectors over the page's visible text. */
  private selected(api: AnchoringApi): { range: Range; selectors: Pick<HighlightPlacement, 'quote' | 'position'> & { sentence: string } } | null {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const map = api.PageTextMap.read(api, walkBlocks);
    const at = map.offsetsOf(range);
    if (!at) return null;
    const { quote, position } = api.describeRange(map.text, at.start, at.end);
    const painted = map.rangeOf(at.start, at.end) ?? range;
    return { range: painted, selectors: { quote, position, sentence: api.sentenceAround(map.text, at.start, at.end) } };
  }
}
