// Highlight storage. A page is named by all forms of its address (`pages`), so a highlight saved
// under the canonical URL is found from the plain one and the other way round. Deleting returns
// the record so the reader can undo; nothing here decides who may ask (the background's router does).

import { cleanTags, type AnchorStatus, type HighlightCapture, type HighlightColor } from '../lib/highlights';
import type { TextPositionSelector, TextQuoteSelector } from '../lib/anchor/selectors';
import type { GlossDB } from './db';
import type { HighlightRecord } from './records';

export interface PageRef {
  /** The identity first, then its aliases. */
  pages: string[];
  title: string;
}

export async function createHighlight(db: GlossDB, page: PageRef, capture: HighlightCapture, id: string, now = Date.now()): Promise<HighlightRecord> {
  const record: HighlightRecord = {
    id,
    ...capture,
    pages: page.pages,
    pageTitle: page.title.slice(0, 300),
    note: '',
    tags: [],
    created: now,
    modified: now,
    anchor: { state: 'exact', at: now },
  };
  await db.highlights.add(record);
  return record;
}

/** The page's highlights in reading order (by stored position): one indexed lookup. */
export async function highlightsOfPage(db: GlossDB, pages: readonly string[]): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('pages').anyOf([...pages]).distinct().toArray();
  return rows.sort((a, b) => a.position.start - b.position.start || a.created - b.created);
}

/** One highlight, if it belongs to the page (a content script may touch only its own page's). */
async function ofPage(db: GlossDB, id: string, pages: readonly string[]): Promise<HighlightRecord> {
  const row = await db.highlights.get(id);
  if (!row || !row.pages.some((p) => pages.includes(p))) throw new Error('No such highlight on this page');
  return row;
}

export interface HighlightPatch {
  note?: string;
  tags?: string[];
  color?: HighlightColor;
}

export async function updateHighlight(db: GlossDB, id: string, patch: HighlightPatch, now = Date.now()): Promise<HighlightRecord> {
  return db.transaction('rw', db.highlights, async () => {
    const row = await db.highlights.get(id);
    if (!row) throw new Error('This highlight no longer exists');
    const next: HighlightRecord = {
      ...row,
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      modified: now,
    };
    await db.highlights.put(next);
    return next;
  });
}

/** Deletes a highlight and returns it, so that the reader can undo. */
export async function deleteHighlight(db: GlossDB, id: string): Promise<HighlightRecord | null> {
  return db.transaction('rw', db.highlights, async () => {
    const row = await db.highlights.get(id);
    if (row) await db.highlights.delete(id);
    return row ?? null;
  });
}

export async function restoreHighlight(db: GlossDB, record: HighlightRecord): Promise<void> {
  await db.highlights.put(record);
}

/** Records how each of the page's highlights anchored this time. */
export async function recordAnchors(db: GlossDB, pages: readonly string[], results: readonly { id: string; status: AnchorStatus }[]): Promise<void> {
  await db.transaction('rw', db.highlights, async () => {
    for (const { id, status } of results) {
      const row = await db.highlights.get(id);
      if (row && row.pages.some((p) => pages.includes(p))) await db.highlights.update(id, { anchor: status });
    }
  });
}

/** Moves one of the page's highlights onto new text (re-attaching an orphan). */
export async function reattachHighlight(
  db: GlossDB,
  pages: readonly string[],
  id: string,
  target: { quote: TextQuoteSelector; position: TextPositionSelector; sentence: string },
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', db.highlights, async () => {
    const row = await ofPage(db, id, pages);
    const next: HighlightRecord = { ...row, ...target, modified: now, anchor: { state: 'exact', at: now } };
    await db.highlights.put(next);
    return next;
  });
}
