// Frozen schema per version. Never edit a published version: add the next one with an upgrade.

import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

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

export function defineSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
}
