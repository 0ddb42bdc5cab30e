// The background's side of the message contract.

import { editorQuery } from '../../lib/editor-link';
import { encounterLocation } from '../../lib/encounter-location';
import { encodeMatches, NO_MATCHES } from '../../lib/match/block-matches';
import type { EntryView } from '../../lib/messages';
import type { Pack } from '../../lib/pack/format';
import { filterToWire, tokenFilter } from '../../lib/match/token-filter';
import { validatePack } from '../../lib/pack/parse';
import { entryKey } from '../../lib/pack/patterns';
import { isSiteDisabled, normalizeHost, type Settings } from '../../lib/settings';
import type { GlossDB } from '../../storage/db';
import { clearEncounters, otherEncounters, recordEncounters } from '../../storage/encounters';
import { deletePack, getEntry, getPack, installPack, listPacks, setPackEnabled, summarize } from '../../storage/packs';
import { getSettings, updateSettings } from '../../storage/settings';
import { highlightHandlers, type HighlightsChanged } from './highlight-handlers';
import type { BackgroundHandlers, Caller } from './router';
import { TermIndexCache } from './term-index';

export interface BackgroundDeps {
  db: GlossDB;
  index: TermIndexCache;
  ready: Promise<unknown>;
  /** Tells every open tab that packs or settings changed. */
  broadcast: () => void;
  /** Tells every open tab that highlights changed (created, edited, deleted, re-attached). */
  highlightsChanged: HighlightsChanged;
  /** Opens the pack editor in a new tab with this query (lib/editor-link.ts). */
  openEditor: (query: string) => void;
}

/**
 * A pack from the editor, checked like an import. It may have no entries while it is being
 * written (the reader's own "My glossary" starts empty); a pack file may not.
 */
function validEditorPack(data: unknown): Pack {
  const entries = data && typeof data === 'object' ? (data as { entries?: unknown }).entries : undefined;
  const empty = Array.isArray(entries) && entries.length === 0;
  const probe = empty ? { ...(data as object), entries: [{ id: 'probe', term: 'probe', short: 'probe' }] } : data;
  const parsed = validatePack(probe);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return empty ? { ...parsed.pack, entries: [] } : parsed.pack;
}

/** An entry's public pack data: nothing in it is about the reader, so it may render in the page. */
async function entryView(db: GlossDB, key: string): Promise<EntryView | null> {
  const stored = await getEntry(db, key);
  if (!stored) return null;
  const { pack, entry } = stored;
  const related = stored.related.map((e) => ({ key: entryKey({ packId: pack.id, entryId: e.id }), term: e.term, short: e.short }));
  return {
    key,
    term: entry.term,
    short: entry.short,
    variants: entry.variants ?? [],
    definition: entry.definition,
    context: entry.context,
    sources: entry.sources ?? [],
    tags: entry.tags ?? [],
    related,
    packTitle: pack.title,
  };
}

/**
 * The page a caller speaks for, as the browser names it: a content script's own URL; for a frame
 * of ours inside a tab, the page its tab's content script last loaded (Firefox gives frames no
 * `tab.url` without the "tabs" permission, which Gloss does not ask for).
 */
function callerPage({ kind, sender }: Caller, tabPages: Map<number, string>): string | undefined {
  if (kind === 'content') return sender.url;
  const tabId = sender.tab?.id;
  return (tabId !== undefined ? tabPages.get(tabId) : undefined) ?? sender.tab?.url;
}

export function backgroundHandlers(deps: BackgroundDeps): BackgroundHandlers {
  const { db, index, ready, broadcast, highlightsChanged, openEditor } = deps;
  // Every page load asks for the settings; the background is their only writer, so it keeps them.
  let settingsCache: Promise<Settings> | null = null;
  const settingsNow = () => (settingsCache ??= getSettings(db));
  // Most of a worker's starts are a page asking for its terms, and with its settings: read them now.
  settingsNow().catch(() => undefined);
  const saveSettings = async (patch: Partial<Settings>) => {
    if (patch.recordHistory === false) await clearEncounters(db);
    const next = await updateSettings(db, patch);
    settingsCache = Promise.resolve(next);
    broadcast();
    return next;
  };
  /** Tab id → the URL its content script last asked about (kept while the worker lives). */
  const tabPages = new Map<number, string>();
  const changed = () => {
    index.invalidate();
    broadcast();
  };
  return {
    ...highlightHandlers(db, highlightsChanged),
    'page:index': async ({ url, texts }, caller) => {
      const tabId = caller.sender.tab?.id;
      if (caller.kind === 'content' && tabId !== undefined && caller.sender.url) {
        tabPages.delete(tabId);
        tabPages.set(tabId, caller.sender.url);
        if (tabPages.size > 500) tabPages.delete(tabPages.keys().next().value!);
      }
      await ready;
      // Settings and the index are read at once: a worker that just woke waits for one round trip.
      const indexing = index.forUrl(url);
      indexing.catch(() => undefined);
      const settings = await settingsNow();
      const host = URL.canParse(url) ? new URL(url).hostname : null;
      if (host === null || isSiteDisabled(settings, host)) return { enabled: false, settings, hasTerms: false, mask: 0, first: NO_MATCHES };
      const ix = await indexing;
      if (!ix || ix.patLen.length === 0) return { enabled: true, settings, hasTerms: false, mask: 0, first: NO_MATCHES };
      return { enabled: true, settings, hasTerms: true, mask: ix.mask, first: encodeMatches(TermIndexCache.matchBlocks(ix, texts)) };
    },
    'index:lookup': async ({ url, hashes }) => {
      await ready;
      const ix = await index.forUrl(url);
      return ix ? TermIndexCache.share(ix, hashes) : null;
    },
    'index:filter': async ({ url }) => {
      await ready;
      const ix = await index.forUrl(url);
      return ix && ix.patLen.length > 0 ? filterToWire(tokenFilter(ix)) : null;
    },
    'entry:get': async ({ key }) => entryView(db, key),
    // Nothing is kept for private tabs, sites the reader turned off, or with the history off.
    'encounters:record': async ({ keys, title, canonical }, caller) => {
      const page = callerPage(caller, tabPages);
      const settings = await settingsNow();
      if (!page || caller.sender.tab?.incognito || !settings.recordHistory) return null;
      const location = encounterLocation(page, canonical);
      if (!location || isSiteDisabled(settings, new URL(location).hostname)) return null;
      await recordEncounters(db, keys, location, title);
      return null;
    },
    // Opens the editor; nothing is stored until the reader saves there.
    'glossary:add': ({ term, sentence, title }, caller) => {
      openEditor(editorQuery({ term, sentence, pageUrl: caller.sender.url, pageTitle: title }));
      return null;
    },
    'encounters:list': async ({ key }, caller) => {
      const settings = await settingsNow();
      if (!settings.recordHistory) return { recording: false, pages: [] };
      const page = callerPage(caller, tabPages);
      return { recording: true, pages: await otherEncounters(db, key, page ? encounterLocation(page) : null) };
    },
    'site:set': async ({ host, enabled }) => {
      const h = normalizeHost(host);
      const rest = (await settingsNow()).disabledSites.filter((d) => d !== h);
      return saveSettings({ disabledSites: enabled ? rest : [...rest, h] });
    },
    'settings:get': async () => settingsNow(),
    'settings:update': async ({ patch }) => saveSettings(patch),
    'packs:list': async () => {
      await ready;
      return listPacks(db);
    },
    // The options page's worker stored packs it read and checked (storage/staged-imports.ts).
    'packs:changed': () => {
      changed();
      return null;
    },
    'pack:get': async ({ id }) => getPack(db, id),
    'pack:save': async ({ pack }) => {
      const record = await installPack(db, validEditorPack(pack), 'editor');
      changed();
      return summarize(record);
    },
    'pack:setEnabled': async ({ id, enabled }) => {
      await setPackEnabled(db, id, enabled);
      changed();
      return null;
    },
    'pack:delete': async ({ id }) => {
      await deletePack(db, id);
      changed();
      return null;
    },
  };
}
