// The background's side of the message contract.

import type { Runtime } from 'webextension-polyfill';
import type { BackgroundApi, EntryView, Handlers } from '../../lib/messages';
import { filterToWire, tokenFilter } from '../../lib/match/token-filter';
import { parsePackText } from '../../lib/pack/parse';
import { parseEntryKey, entryKey } from '../../lib/pack/patterns';
import { isSiteDisabled, normalizeHost, type Settings } from '../../lib/settings';
import type { GlossDB } from '../../storage/db';
import { otherEncounters, recordEncounters } from '../../storage/encounters';
import { deletePack, installPack, listPacks, setPackEnabled, summarize } from '../../storage/packs';
import { getSettings, updateSettings } from '../../storage/settings';
import { TermIndexCache } from './term-index';

export interface BackgroundDeps {
  db: GlossDB;
  index: TermIndexCache;
  ready: Promise<unknown>;
  /** Tells every open tab that packs or settings changed. */
  broadcast: () => void;
}

async function entryView(db: GlossDB, key: string, pageUrl: string | undefined): Promise<EntryView | null> {
  const ref = parseEntryKey(key);
  const [entry, pack] = await Promise.all([db.entries.get([ref.packId, ref.entryId]), db.packs.get(ref.packId)]);
  if (!entry || !pack) return null;
  const related = (await db.entries.bulkGet((entry.related ?? []).map((id): [string, string] => [ref.packId, id])))
    .filter((e) => e !== undefined)
    .map((e) => ({ key: entryKey({ packId: ref.packId, entryId: e.id }), term: e.term, short: e.short }));
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
    seenOn: await otherEncounters(db, key, pageUrl),
  };
}

export function backgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundApi, Runtime.MessageSender> {
  const { db, index, ready, broadcast } = deps;
  // Every page load asks for the settings; the background is their only writer, so it keeps them.
  let settingsCache: Promise<Settings> | null = null;
  const settingsNow = () => (settingsCache ??= getSettings(db));
  const saveSettings = async (patch: Partial<Settings>) => {
    const next = await updateSettings(db, patch);
    settingsCache = Promise.resolve(next);
    broadcast();
    return next;
  };
  const changed = () => {
    index.invalidate();
    broadcast();
  };
  return {
    'page:index': async ({ url, texts }) => {
      await ready;
      const settings = await settingsNow();
      const host = URL.canParse(url) ? new URL(url).hostname : null;
      if (host === null || isSiteDisabled(settings, host)) return { enabled: false, settings, hasTerms: false, mask: 0, first: [], filter: null };
      const ix = await index.forUrl(url);
      if (!ix || ix.patLen.length === 0) return { enabled: true, settings, hasTerms: false, mask: 0, first: [], filter: null };
      return { enabled: true, settings, hasTerms: true, mask: ix.mask, first: TermIndexCache.matchBlocks(ix, texts), filter: filterToWire(tokenFilter(ix)) };
    },
    'index:lookup': async ({ url, hashes }) => {
      await ready;
      const ix = await index.forUrl(url);
      return ix ? TermIndexCache.share(ix, hashes) : null;
    },
    'entry:get': async ({ key, pageUrl }) => entryView(db, key, pageUrl),
    'encounters:record': async ({ keys, url, title }) => {
      await recordEncounters(db, keys.slice(0, 500), url, title);
      return null;
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
    'pack:import': async ({ text, source }) => {
      const parsed = parsePackText(text);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const record = await installPack(db, parsed.pack, source);
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
