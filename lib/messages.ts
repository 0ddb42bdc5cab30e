// The one message contract between content scripts, extension pages and the background.
// Requests and replies are typed per message; errors cross as data, never as thrown objects.

import type { HighlightDetails, HighlightPlacement } from './highlights';
import type { ContentRequests, PageRequests } from './message-schemas';
import type { WireMatches } from './match/block-matches';
import type { WireIndex } from './match/index-wire';
import type { WireFilter } from './match/token-filter';
import type { Pack, PackSource } from './pack/format';
import type { Settings } from './settings';

export interface RelatedView {
  key: string;
  term: string;
  short: string;
}

export interface EntryView {
  key: string;
  term: string;
  short: string;
  variants: string[];
  definition?: string;
  context?: string;
  sources: PackSource[];
  tags: string[];
  related: RelatedView[];
  packTitle: string;
}

/**
 * Where else the reader met an entry. Private: only the extension's own pages receive it (the
 * popover shows it in a frame of the extension's origin, never in the page's DOM).
 */
export interface MetElsewhere {
  /** False when the reader turned the history off. */
  recording: boolean;
  /** Pages (origin and path, never a query), newest first. */
  pages: { url: string; title: string }[];
}

/** A highlight as the extension's own pages show it: private, never sent to a content script. */
export interface HighlightView extends HighlightPlacement, HighlightDetails {
  /** The page's identity (address). */
  page: string;
}

export interface PackSummary {
  id: string;
  title: string;
  version: string;
  description?: string;
  entryCount: number;
  enabled: boolean;
  source: 'bundled' | 'file' | 'url' | 'editor';
  updatedAt: number;
}

/** A term the background found in one of the blocks a page sent it. */
export interface BlockMatch {
  /** Index of the block in the request's `texts`. */
  block: number;
  start: number;
  end: number;
  /** Entry key, `packId/entryId`. */
  key: string;
  /** The entry's term, as the page's list of terms shows it. */
  term: string;
  /** The surface form that matched, its kind (FORM_*) and match flags, for the popover's note. */
  label: string;
  form: number;
  flags: number;
}

export interface PageIndexReply {
  /** False when the reader turned Gloss off for this site. */
  enabled: boolean;
  settings: Settings;
  /** False when no enabled pack applies to the page. */
  hasTerms: boolean;
  /** Folding tables the page's text must be folded with before hashing its tokens. */
  mask: number;
  /** The terms in the first slice's blocks, matched by the background (lib/match/block-matches.ts). */
  first: WireMatches;
}

export interface PageTerm {
  key: string;
  term: string;
  count: number;
}

/** How the last full scan of a page went (for the benchmark and the curious). */
export interface PageStats {
  /** When the content script started, in ms since navigation start. */
  startedAtMs: number;
  /** The round trip that matched the first slice in the background. */
  indexMs: number;
  firstViewportMs: number;
  doneMs: number;
  busyMs: number;
  longestSliceMs: number;
  blocks: number;
  terms: number;
  /** Whether the page core was loaded (content/boot.ts answers pages that need nothing more). */
  core: boolean;
}

/** Replies of the requests a content script may send (request shapes: lib/message-schemas.ts). */
interface ContentReplies {
  /**
   * Settings, and the terms in the text of the page's first slice of blocks: the background's
   * matcher is already warm, while a page that just loaded would run it cold, so the first
   * paint needs one round trip and no index at all.
   */
  'page:index': PageIndexReply;
  /**
   * The patterns starting with one of the given token hashes (base64 Int32Array): the page's
   * tokens that passed the filter. Null when none does (or no pack applies).
   */
  'index:lookup': WireIndex | null;
  /**
   * First-token filter of the page's index: the page asks only for the tokens that pass it. Asked
   * for apart from the first slice's answer, to which it added 11 KB with 5,000 terms and 87 KB
   * with 50,000, and only by a page with more text to scan than its first slice.
   */
  'index:filter': WireFilter | null;
  'entry:get': EntryView | null;
  'encounters:record': null;
  'highlights:ofPage': HighlightPlacement[];
  'highlight:create': { id: string };
  'highlights:anchored': null;
  'highlight:reattach': null;
  'glossary:add': null;
}

/** Replies of the requests only extension pages may send. */
interface PageReplies {
  'encounters:list': MetElsewhere;
  'highlights:list': HighlightView[];
  'highlight:get': HighlightView | null;
  'highlight:update': HighlightView;
  'highlight:delete': null;
  'highlight:undoDelete': null;
  'site:set': Settings;
  'settings:get': Settings;
  'settings:update': Settings;
  'packs:list': PackSummary[];
  'packs:changed': null;
  'pack:setEnabled': null;
  'pack:get': Pack | null;
  'pack:save': PackSummary;
  'pack:delete': null;
}

type Api<Req, Res extends { [K in keyof Req]: unknown }> = { [K in keyof Req]: { req: Req[K]; res: Res[K] } };
/** What a content script may ask the background. */
export type ContentToBackgroundApi = Api<ContentRequests, ContentReplies>;
/** What the extension's own pages may ask the background: everything. */
export type BackgroundApi = ContentToBackgroundApi & Api<PageRequests, PageReplies>;

/** What the background tells the extension's own pages (runtime.sendMessage, no reply): highlights changed (the side panel lists again). */
export type PageNotice = { type: 'highlights:changed' };

/** How the last anchoring of a page's highlights went (for the benchmark). */
export interface HighlightStats {
  highlights: number;
  painted: number;
  /** Main-thread time in total, and the longest slice of it. */
  busyMs: number;
  longestMs: number;
  /** From the start of the run to the last highlight painted. */
  doneMs: number;
}

/** Messages a content script answers (from the background or the popup). */
export interface ContentApi {
  'index:changed': { req: Empty; res: null };
  'command:run': { req: { command: 'next-term' | 'prev-term' | 'highlight-selection' }; res: null };
  'page:terms': { req: Empty; res: { host: string; enabled: boolean; terms: PageTerm[] } };
  'page:reveal': { req: { key: string }; res: boolean };
  'page:stats': { req: Empty; res: PageStats | null };
  'page:highlightStats': { req: Empty; res: HighlightStats | null };
  /** The page's address and declared canonical URL (for the side panel to list its highlights). */
  'page:identity': { req: Empty; res: { url: string; canonical?: string } };
  'highlights:changed': { req: Empty; res: null };
  'highlight:reveal': { req: { id: string }; res: boolean };
  /** The selected term and its sentence, for «Add to glossary» from the context menu. */
  'selection:forGlossary': { req: Empty; res: { term: string; sentence: string; title: string } | null };
  /** Moves a highlight onto the current selection; false when nothing is selected. */
  'highlight:reattach': { req: { id: string }; res: boolean };
}

/** Constraint for an API map: each message names its request and reply. */
type AnyApi<A = Record<string, { req: object; res: unknown }>> = { [K in keyof A]: { req: object; res: unknown } };
type Empty = Record<never, never>;
export type Request<A extends AnyApi<A>, K extends keyof A = keyof A> = K extends keyof A ? { type: K } & A[K]['req'] : never;
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export type Handlers<A extends AnyApi<A>, Ctx> = { [K in keyof A]: (req: A[K]['req'], ctx: Ctx) => Promise<A[K]['res']> | A[K]['res'] };

/** A typed client over any transport (runtime.sendMessage, tabs.sendMessage …). */
export function makeClient<A extends AnyApi<A>>(transport: (msg: unknown) => Promise<unknown>) {
  return async function call<K extends keyof A & string>(type: K, req: A[K]['req']): Promise<A[K]['res']> {
    const reply = (await transport({ ...req, type })) as Reply<A[K]['res']> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error(`No reply to ${type}`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}

/** Runs the handler for `msg`, or returns undefined when the message is not one of `handlers`. */
export async function dispatch<A extends AnyApi<A>, Ctx>(handlers: Handlers<A, Ctx>, msg: unknown, ctx: Ctx): Promise<Reply<unknown> | undefined> {
  if (!msg || typeof msg !== 'object') return undefined;
  const type = (msg as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  try {
    const { type: _ignored, ...req } = msg as { type: string };
    const handler = handlers[type as keyof A] as (req: object, ctx: Ctx) => unknown;
    const value = await handler(req, ctx);
    return { ok: true, value: value ?? null };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
