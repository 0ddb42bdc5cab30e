// Pack storage: a pack is written in one transaction after it has been fully validated, so a
// failed import leaves everything stored before exactly as it was, and no reader (the term
// index, a popover) ever sees half a pack: IndexedDB holds reads of these tables back until the
// write transaction commits.

import type { GlossDB } from './db';
import { blockOf, entryIn, fromBlocks, toBlocks } from './entry-blocks';
import type { EntryBlockRecord, PackOrigin, PackRecord } from './records';
import { writeInChunks } from '../lib/chunked-write';
import type { Pack, PackEntry } from '../lib/pack/format';
import type { PackSummary } from '../lib/messages';
import { parseEntryKey } from '../lib/pack/patterns';

/**
 * Blocks per write: IndexedDB clones a write's rows on the calling thread, and each chunk
 * written is one progress report.
 */
const CHUNK = 2;

/** The blocks of pack `id`, in block order: the order of their primary keys. */
function packBlocks(db: GlossDB, id: string) {
  return db.entryBlocks.where('[packId+block]').between([id, 0], [id, Infinity], true, true);
}

/** Pack `id`'s entries in their order. */
async function packEntries(db: GlossDB, id: string): Promise<PackEntry[]> {
  return fromBlocks(await packBlocks(db, id).toArray());
}

/** Stores `pack`, replacing a stored pack with its id; `onSaved` hears how many entries are written. */
export async function installPack(db: GlossDB, pack: Pack, source: PackOrigin, now = Date.now(), onSaved?: (saved: number) => void): Promise<PackRecord> {
  const { entries, format: _f, formatVersion: _v, ...meta } = pack;
  const blocks = toBlocks(pack.id, entries);
  // Entries in the blocks up to each one, for telling progress in entries.
  const upTo: number[] = [];
  let sum = 0;
  for (const block of blocks) upTo.push((sum += block.entries.length));
  return db.transaction('rw', db.packs, db.entryBlocks, async () => {
    const previous = await db.packs.get(pack.id);
    const record: PackRecord = {
      ...meta,
      enabled: previous?.enabled ?? 1,
      source,
      entryCount: entries.length,
      blocks: blocks.length,
      installedAt: previous?.installedAt ?? now,
      updatedAt: now,
    };
    await packBlocks(db, pack.id).delete();
    await writeInChunks(blocks, CHUNK, (chunk) => db.entryBlocks.bulkAdd(chunk), onSaved && ((written) => onSaved(upTo[written - 1]!)));
    await db.packs.put(record);
    return record;
  });
}

/** A stored pack as a pack file holds it, entries in their order; null when there is none. */
export async function getPack(db: GlossDB, id: string): Promise<Pack | null> {
  return db.transaction('r', db.packs, db.entryBlocks, async () => {
    const record = await db.packs.get(id);
    if (!record) return null;
    const entries = await packEntries(db, id);
    const { enabled: _e, source: _s, entryCount: _c, blocks: _b, installedAt: _i, updatedAt: _u, ...meta } = record;
    return { format: 'gloss-pack', formatVersion: 1, ...meta, entries } as Pack;
  });
}

export interface StoredEntry {
  pack: PackRecord;
  entry: PackEntry;
  /** Its related entries that are stored, in the order it lists them. */
  related: PackEntry[];
}

/** `entry`'s related entries that are stored, in its order: from `block`, its own, or from one more read. */
async function relatedOf(db: GlossDB, pack: PackRecord, entry: PackEntry, block: EntryBlockRecord): Promise<PackEntry[]> {
  const ids = entry.related ?? [];
  const home = new Map(ids.map((id) => [id, blockOf(id, pack.blocks)]));
  const elsewhere = [...new Set(home.values())].filter((n) => n !== block.block);
  const others = elsewhere.length ? await db.entryBlocks.bulkGet(elsewhere.map((n): [string, number] => [pack.id, n])) : [];
  const byNumber = new Map([block, ...others].flatMap((b) => (b ? [[b.block, b] as const] : [])));
  return ids.flatMap((id) => {
    const holder = byNumber.get(home.get(id)!);
    return (holder && entryIn(holder, id)) ?? [];
  });
}

/**
 * The entry with key `key` (lib/pack/patterns.ts) and its related entries, null when there is
 * none: the pack's record, its block, and one more read when a related entry is in other blocks.
 */
export async function getEntry(db: GlossDB, key: string): Promise<StoredEntry | null> {
  const { packId, entryId } = parseEntryKey(key);
  return db.transaction('r', db.packs, db.entryBlocks, async () => {
    const pack = await db.packs.get(packId);
    if (!pack?.blocks) return null;
    const block = await db.entryBlocks.get([packId, blockOf(entryId, pack.blocks)]);
    const entry = block && entryIn(block, entryId);
    if (!block || !entry) return null;
    return { pack, entry, related: await relatedOf(db, pack, entry, block) };
  });
}

export const MY_GLOSSARY = 'my-glossary';

/** The reader's own pack, empty until she adds to it; created once, and again if she deleted it. */
export async function ensureMyGlossary(db: GlossDB, now = Date.now()): Promise<void> {
  // Every worker start asks: a read answers it, and only a first run opens a write transaction
  // (whose commit would hold up the reads of a page waiting for its terms).
  if (await db.packs.get(MY_GLOSSARY)) return;
  await db.transaction('rw', db.packs, async () => {
    if (await db.packs.get(MY_GLOSSARY)) return;
    await db.packs.put({ id: MY_GLOSSARY, title: 'My glossary', version: '1.0.0', enabled: 1, source: 'editor', entryCount: 0, blocks: 0, installedAt: now, updatedAt: now });
  });
}

export async function deletePack(db: GlossDB, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.entryBlocks, async () => {
    await packBlocks(db, id).delete();
    await db.packs.delete(id);
  });
}

export async function setPackEnabled(db: GlossDB, id: string, enabled: boolean): Promise<void> {
  const n = await db.packs.update(id, { enabled: enabled ? 1 : 0 });
  if (n === 0) throw new Error(`No pack with id "${id}"`);
}

export function summarize(p: PackRecord): PackSummary {
  return {
    id: p.id,
    title: p.title,
    version: p.version,
    description: p.description,
    entryCount: p.entryCount,
    enabled: p.enabled === 1,
    source: p.source,
    updatedAt: p.updatedAt,
  };
}

export async function listPacks(db: GlossDB): Promise<PackSummary[]> {
  return (await db.packs.orderBy('id').toArray()).map(summarize);
}

/** Enabled packs' metadata only: what deciding which packs apply to a page needs. */
export function enabledPackRecords(db: GlossDB): Promise<PackRecord[]> {
  return db.packs.where('enabled').equals(1).toArray();
}

/** Packs with their entries, for compiling the term index. */
export function withEntries(db: GlossDB, packs: PackRecord[]): Promise<{ pack: PackRecord; entries: PackEntry[] }[]> {
  return Promise.all(packs.map(async (pack) => ({ pack, entries: await packEntries(db, pack.id) })));
}
