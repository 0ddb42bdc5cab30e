// The background's highlight requests. A content script speaks only for the page the browser
// says it is on (its sender URL, with the canonical URL it declares when that is on the same
// site) and never receives notes or tags; the extension's own pages read and edit everything.

import { pageIdentity } from '../../lib/anchor/page-identity';
import type { HighlightPlacement } from '../../lib/highlights';
import type { HighlightView } from '../../lib/messages';
import type { GlossDB } from '../../storage/db';
import { createHighlight, deleteHighlight, highlightsOfPage, reattachHighlight, recordAnchors, restoreHighlight, updateHighlight } from '../../storage/highlights';
import type { HighlightRecord } from '../../storage/records';
import type { BackgroundHandlers, Caller } from './router';

type HighlightHandlers = Pick<
  BackgroundHandlers,
  | 'highlights:ofPage'
  | 'highlight:create'
  | 'highlights:anchored'
  | 'highlight:reattach'
  | 'highlights:list'
  | 'highlight:get'
  | 'highlight:update'
  | 'highlight:delete'
  | 'highlight:undoDelete'
>;

/** All forms of the page's address, identity first; refuses what is not an http(s) page. */
function pagesOf(url: string | undefined, canonical: string | undefined): string[] {
  const id = url ? pageIdentity(url, canonical) : null;
  if (!id) throw new Error('Highlights are kept only for web pages');
  return [id.key, ...id.aliases.filter((a) => a !== id.key)];
}

/** The sender's own page: a content script cannot name another. */
const senderPages = (caller: Caller, canonical: string | undefined) => pagesOf(caller.sender.url, canonical);

function placement({ id, color, quote, position }: HighlightRecord): HighlightPlacement {
  return { id, color, quote, position };
}

function view(r: HighlightRecord): HighlightView {
  const { pages, ...rest } = r;
  return { ...rest, page: pages[0] ?? '' };
}

/** Who hears of a change: every tab and the extension's pages, or (anchoring news) the pages only. */
export type HighlightsChanged = (scope: 'all' | 'pages') => void;

export function highlightHandlers(db: GlossDB, notify: HighlightsChanged, newId: () => string = () => crypto.randomUUID()): HighlightHandlers {
  /** Deleted in this worker's life, for undo: a page never hands a record back. */
  const deleted = new Map<string, HighlightRecord>();
  const changed = () => notify('all');
  return {
    'highlights:ofPage': async ({ canonical }, caller) => (await highlightsOfPage(db, senderPages(caller, canonical))).map(placement),
    'highlight:create': async ({ canonical, title, capture }, caller) => {
      const record = await createHighlight(db, { pages: senderPages(caller, canonical), title }, capture, newId());
      changed();
      return { id: record.id };
    },
    'highlights:anchored': async ({ canonical, results }, caller) => {
      const at = Date.now();
      await recordAnchors(db, senderPages(caller, canonical), results.map(({ id, state, score }) => ({ id, status: { state, at, ...(score !== undefined ? { score } : {}) } })));
      notify('pages');
      return null;
    },
    'highlight:reattach': async ({ canonical, id, quote, position, sentence }, caller) => {
      await reattachHighlight(db, senderPages(caller, canonical), id, { quote, position, sentence });
      changed();
      return null;
    },
    'highlights:list': async ({ url, canonical }) => (await highlightsOfPage(db, pagesOf(url, canonical))).map(view),
    'highlight:get': async ({ id }) => {
      const row = await db.highlights.get(id);
      return row ? view(row) : null;
    },
    'highlight:update': async ({ id, ...patch }) => {
      const row = await updateHighlight(db, id, patch);
      changed();
      return view(row);
    },
    'highlight:delete': async ({ id }) => {
      const row = await deleteHighlight(db, id);
      if (row) {
        deleted.set(id, row);
        if (deleted.size > 100) deleted.delete(deleted.keys().next().value!);
        changed();
      }
      return null;
    },
    'highlight:undoDelete': async ({ id }) => {
      const row = deleted.get(id);
      if (!row) throw new Error('Too late to undo: the highlight is gone');
      await restoreHighlight(db, row);
      deleted.delete(id);
      changed();
      return null;
    },
  };
}
