// Run-time shapes of every request the background answers, split by who may send it. A content
// script lives in the news page's renderer, so its requests are checked as untrusted input; only
// the extension's own pages may import, delete, change settings or read the reader's history.
// The request types in lib/messages.ts are derived from these schemas: one definition each.
// Only the background imports this module (valibot stays out of the content script's bundle).

import * as v from 'valibot';
import { HIGHLIGHT_COLORS, NOTE_MAX, TAG_MAX, TAGS_MAX } from './highlights';
import { HIGHLIGHT_STYLES } from './settings';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max, `must have at most ${max} items`));
const URL_TEXT = str(8192);
const ENTRY_KEY = str(200);
const EMPTY = v.strictObject({});
const ID = v.pipe(v.string(), v.regex(/^[0-9a-f-]{8,64}$/, 'must be a highlight id'));
const OFFSET = v.pipe(v.number(), v.integer(), v.minValue(0));
const QUOTE = v.strictObject({ type: v.literal('TextQuoteSelector'), exact: v.pipe(str(20_000), v.minLength(1, 'must not be empty')), prefix: v.optional(str(64)), suffix: v.optional(str(64)) });
const POSITION = v.strictObject({ type: v.literal('TextPositionSelector'), start: OFFSET, end: OFFSET });
const COLOR = v.picklist(HIGHLIGHT_COLORS);
const SENTENCE = str(1000);
/** The page's declared canonical URL: the background uses it only when it is on the sender's own site. */
const CANONICAL = v.optional(URL_TEXT);

/** What a content script (the page's renderer) may ask: about its own tab, and public pack data. */
export const CONTENT_REQUESTS = {
  'page:index': v.strictObject({ url: URL_TEXT, texts: list(str(1 << 20), 100_000) }),
  'index:lookup': v.strictObject({ url: URL_TEXT, hashes: str(1 << 22) }),
  'index:filter': v.strictObject({ url: URL_TEXT }),
  'entry:get': v.strictObject({ key: ENTRY_KEY }),
  /** The page is named by the sender; the page may only offer its declared canonical URL. */
  'encounters:record': v.strictObject({ keys: list(ENTRY_KEY, 500), title: str(1000), canonical: CANONICAL }),
  /** Where this page's highlights are and their colours (never notes or tags). */
  'highlights:ofPage': v.strictObject({ canonical: CANONICAL }),
  'highlight:create': v.strictObject({
    canonical: CANONICAL,
    title: str(1000),
    capture: v.strictObject({ color: COLOR, quote: QUOTE, position: POSITION, sentence: SENTENCE, entries: list(ENTRY_KEY, 200) }),
  }),
  'highlights:anchored': v.strictObject({
    canonical: CANONICAL,
    results: list(v.strictObject({ id: ID, state: v.picklist(['exact', 'moved', 'fuzzy', 'orphan']), score: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))) }), 5000),
  }),
  /** «Add to glossary» on a selection: opens the pack editor with the term and its sentence. */
  'glossary:add': v.strictObject({ term: v.pipe(str(200), v.minLength(1, 'must not be empty')), sentence: str(1000), title: str(1000) }),
  /** Moves one of this page's highlights onto the reader's current selection. */
  'highlight:reattach': v.strictObject({ canonical: CANONICAL, id: ID, quote: QUOTE, position: POSITION, sentence: SENTENCE }),
};

/** What only the extension's own pages (popup, options, the popover's history frame) may ask. */
export const PAGE_REQUESTS = {
  /** Where else the reader met an entry; the tab the asking frame sits in is left out. */
  'encounters:list': v.strictObject({ key: ENTRY_KEY }),
  /** A page's highlights with their notes and tags (the side panel). */
  'highlights:list': v.strictObject({ url: URL_TEXT, canonical: CANONICAL }),
  'highlight:get': v.strictObject({ id: ID }),
  'highlight:update': v.strictObject({ id: ID, note: v.optional(str(NOTE_MAX)), tags: v.optional(list(str(TAG_MAX * 2), TAGS_MAX * 2)), color: v.optional(COLOR) }),
  'highlight:delete': v.strictObject({ id: ID }),
  /** Undoes a deletion made in this worker's life (the record is never sent back by a page). */
  'highlight:undoDelete': v.strictObject({ id: ID }),
  'site:set': v.strictObject({ host: str(300), enabled: v.boolean() }),
  'settings:get': EMPTY,
  'settings:update': v.strictObject({
    patch: v.strictObject({
      hoverDelayMs: v.optional(v.number()),
      highlightStyle: v.optional(v.picklist(HIGHLIGHT_STYLES)),
      disabledSites: v.optional(list(str(300), 10_000)),
      recordHistory: v.optional(v.boolean()),
    }),
  }),
  'packs:list': EMPTY,
  /** A page of ours stored packs (the options page's import worker): tabs switch to the new index. */
  'packs:changed': EMPTY,
  'pack:setEnabled': v.strictObject({ id: str(64), enabled: v.boolean() }),
  /** A stored pack with its entries in order (the editor, exports). */
  'pack:get': v.strictObject({ id: str(64) }),
  /** Stores a pack written in the editor; the handler validates it whole, like an import. */
  'pack:save': v.strictObject({ pack: v.unknown() }),
  'pack:delete': v.strictObject({ id: str(64) }),
};

export type ContentRequests = { [K in keyof typeof CONTENT_REQUESTS]: v.InferOutput<(typeof CONTENT_REQUESTS)[K]> };
export type PageRequests = { [K in keyof typeof PAGE_REQUESTS]: v.InferOutput<(typeof PAGE_REQUESTS)[K]> };

/** Checks a request's body against its schema; the error names the field at fault. */
export function checkRequest(schema: v.GenericSchema, body: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  const r = v.safeParse(schema, body);
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') || 'request';
  return { ok: false, error: `Invalid request: ${path} ${issue.message}` };
}
