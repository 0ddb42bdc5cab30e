// Frozen schema per version. Never edit a published version: add the next one with an upgrade.

import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { stripToLocation } from '../lib/encounter-location';
import type { PackEntry } from '../lib/pack/format';
import { entryKey } from '../lib/pack/patterns';
import { toBlocks } from './entry-blocks';

export const SCHEMA_V1 = {
  packs: 'id',
  entries: '[packId+id], packId',
  settings: 'key',
} as const;

// v2: packs become indexable by `enabled` (stored as 1/0, since booleans are not valid keys),
// and encounters record where the reader met each entry.
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  packs: 'id, enabled',
  encounters: '[entryKey+url], entryKey, seenAt',
} as const;

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('packs')
    .toCollection()
    .modify((pack: { enabled: unknown }) => {
      pack.enabled = pack.enabled === false || pack.enabled === 0 ? 0 : 1;
    });
}

// v3: same tables; encounters keep only origin and path. Rows stored with a query or fragment are
// rewritten, and rows that become the same page merge, keeping the newest visit.
export const SCHEMA_V3 = { ...SCHEMA_V2 } as const;

interface StoredEncounter {
  entryKey: string;
  url: string;
  title: string;
  seenAt: number;
}

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const table = tx.table<StoredEncounter>('encounters');
  const rows = await table.toArray();
  const merged = new Map<string, StoredEncounter>();
  for (const row of rows) {
    const url = stripToLocation(row.url);
    const id = `${row.entryKey}\n${url}`;
    const kept = merged.get(id);
    if (!kept || kept.seenAt < row.seenAt) merged.set(id, { ...row, url });
  }
  await table.clear();
  await table.bulkPut([...merged.values()]);
}

// v4: highlights, found by any form of their page's address, by tag and by last change.
export const SCHEMA_V4 = { ...SCHEMA_V3, highlights: 'id, *pages, *tags, modified' } as const;

// v5: entries keep their place in the pack (`order`), which the editor shows and exports keep.
// Entries stored before get their pack's id order, the order they were listed in until now.
export const SCHEMA_V5 = { ...SCHEMA_V4 } as const;

export async function upgradeToV5(tx: Transaction): Promise<void> {
  const next = new Map<string, number>();
  await tx
    .table('entries')
    .toCollection()
    .modify((entry: { packId: string; order?: number }) => {
      const n = next.get(entry.packId) ?? 0;
      entry.order = n;
      next.set(entry.packId, n + 1);
    });
}

// v6: compiled term indexes are kept (by the packs and versions they were built from), so a
// service worker the browser stopped answers its first page without compiling again.
export const SCHEMA_V6 = { ...SCHEMA_V5, indexes: 'key, usedAt' } as const;

// v7: a pack's entries are stored in blocks of consecutive entries (records.ts EntryBlockRecord),
// each found by the keys of its entries, instead of a row each: IndexedDB spends most of a write
// on each row, and 50,000 rows took ten seconds to store. Every stored entry is copied into its
// pack's blocks in the pack's order, and the entries table goes.
export const SCHEMA_V7 = { ...SCHEMA_V6, entries: null, entryBlocks: '[packId+block], *keys' } as const;

/** An entry as versions 5 and 6 stored it, one row each. */
interface RowEntry extends PackEntry {
  packId: string;
  order: number;
}

/** A block as version 7 stored it: consecutive entries, found through the keys of its entries. */
interface V7Block {
  packId: string;
  block: number;
  keys: string[];
  entries: PackEntry[];
}

const V7_BLOCK_SIZE = 500;

export async function upgradeToV7(tx: Transaction): Promise<void> {
  const rows = tx.table<RowEntry>('entries');
  const blocks = tx.table<V7Block>('entryBlocks');
  // Pack by pack, so that only one pack's entries are in memory at a time.
  for (const packId of (await rows.orderBy('packId').uniqueKeys()) as string[]) {
    const entries = (await rows.where('packId').equals(packId).toArray()).sort((a, b) => a.order - b.order).map(({ packId: _p, order: _o, ...entry }) => entry);
    const v7: V7Block[] = [];
    for (let i = 0; i < entries.length; i += V7_BLOCK_SIZE) {
      const slice = entries.slice(i, i + V7_BLOCK_SIZE);
      v7.push({ packId, block: i / V7_BLOCK_SIZE, keys: slice.map((e) => entryKey({ packId, entryId: e.id })), entries: slice });
    }
    await blocks.bulkAdd(v7);
  }
}

// v8: an entry's block is the one its id hashes to (storage/entry-blocks.ts), so the index of
// entry keys goes: writing it cost a 50,000-entry spreadsheet import about a second. Each pack's
// entries are read from its v7 blocks in order and stored again; its record counts its blocks.
export const SCHEMA_V8 = { ...SCHEMA_V7, entryBlocks: '[packId+block]' } as const;

export async function upgradeToV8(tx: Transaction): Promise<void> {
  const blocks = tx.table('entryBlocks');
  const packs = tx.table<{ id: string; blocks?: number }>('packs');
  for (const pack of await packs.toArray()) {
    const range = blocks.where('[packId+block]').between([pack.id, 0], [pack.id, Infinity], true, true);
    const entries = ((await range.toArray()) as V7Block[]).flatMap((b) => b.entries);
    await range.delete();
    const next = toBlocks(pack.id, entries);
    await blocks.bulkAdd(next);
    await packs.update(pack.id, { blocks: next.length });
  }
}

export function defineSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
  db.version(6).stores(SCHEMA_V6);
  db.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);
  db.version(8).stores(SCHEMA_V8).upgrade(upgradeToV8);
}
