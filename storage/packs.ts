// Pack storage: a pack is written in one transaction after it has been fully validated, so a
// failed import leaves everything stored before exactly as it was.

import type { GlossDB } from './db';
import type { EntryRecord, PackOrigin, PackRecord } from './records';
import type { Pack } from '../lib/pack/format';
import type { PackSummary } from '../lib/messages';

const CHUNK = 2000;

export async function installPack(db: GlossDB, pack: Pack, source: PackOrigin, now = Date.now()): Promise<PackRecord> {
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
    for (let i = 0; i < entries.length; i += CHUNK) {
      await db.entries.bulkPut(entries.slice(i, i + CHUNK).map((e): EntryRecord => ({ ...e, packId: pack.id })));
    }
    await db.packs.put(record);
    return record;
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

/** Enabled packs with their entries, for compiling the term index. */
export async function enabledPacks(db: GlossDB): Promise<{ pack: PackRecord; entries: EntryRecord[] }[]> {
  const packs = await db.packs.where('enabled').equals(1).toArray();
  return Promise.all(packs.map(async (pack) => ({ pack, entries: await db.entries.where('packId').equals(pack.id).toArray() })));
}
