// Pack storage: a pack is written in one transaction after it has been fully validated, so a
// failed import leaves everything stored before exactly as it was, and no reader (the term
// index, a popover) ever sees half a pack: IndexedDB holds reads of these tables back until the
// write transaction commits.

import type { GlossDB } from './db';
import type { EntryRecord, PackOrigin, PackRecord } from './records';
import { writeInChunks } from '../lib/chunked-write';
import type { Pack } from '../lib/pack/format';
import type { PackSummary } from '../lib/messages';

/** Entries per write: each chunk keeps the background busy for some tens of milliseconds, a wait other requests can bear. */
const CHUNK = 1000;

/** Stores `pack`, replacing a stored pack with its id; `onSaved` hears how many entries are written. */
export async function installPack(db: GlossDB, pack: Pack, source: PackOrigin, now = Date.now(), onSaved?: (saved: number) => void): Promise<PackRecord> {
  const { entries, format: _f, formatVersion: _v, ...meta } = pack;
  return db.transaction('rw', db.packs, db.entries, async () => {
    const previous = await db.packs.get(pack.id);
    const record: PackRecord = {
      ...meta,
      enabled: previous?.enabled ?? 1,
      source,
      entryCount: entries.length,
      installedAt: previous?.installedAt ?? now,
      updatedAt: now,
    };
    await db.entries.where('packId').equals(pack.id).delete();
    await writeInChunks(entries, CHUNK, (chunk, start) => db.entries.bulkPut(chunk.map((e, k): EntryRecord => ({ ...e, packId: pack.id, order: start + k }))), onSaved);
    await db.packs.put(record);
    return record;
  });
}

/** A stored pack as a pack file holds it, entries in their order; null when there is none. */
export async function getPack(db: GlossDB, id: string): Promise<Pack | null> {
  return db.transaction('r', db.packs, db.entries, async () => {
    const record = await db.packs.get(id);
    if (!record) return null;
    const rows = await db.entries.where('packId').equals(id).toArray();
    rows.sort((a, b) => a.order - b.order);
    const { enabled: _e, source: _s, entryCount: _c, installedAt: _i, updatedAt: _u, ...meta } = record;
    const entries = rows.map(({ packId: _p, order: _o, ...entry }) => entry);
    return { format: 'gloss-pack', formatVersion: 1, ...meta, entries } as Pack;
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
    await db.packs.put({ id: MY_GLOSSARY, title: 'My glossary', version: '1.0.0', enabled: 1, source: 'editor', entryCount: 0, installedAt: now, updatedAt: now });
  });
}

export async function deletePack(db: GlossDB, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.entries, async () => {
    await db.entries.where('packId').equals(id).delete();
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
export function withEntries(db: GlossDB, packs: PackRecord[]): Promise<{ pack: PackRecord; entries: EntryRecord[] }[]> {
  return Promise.all(packs.map(async (pack) => ({ pack, entries: await db.entries.where('packId').equals(pack.id).toArray() })));
}
