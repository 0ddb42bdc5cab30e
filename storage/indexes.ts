// Compiled term indexes kept between service-worker lives. A few are kept (one per set of packs
// a site uses); the least recently used go first.

import type { CompiledIndex } from '../lib/match/index-format';
import type { GlossDB } from './db';

const KEEP = 6;

export async function loadIndex(db: GlossDB, key: string, now = Date.now()): Promise<CompiledIndex | null> {
  const row = await db.indexes.get(key);
  if (!row) return null;
  void db.indexes.update(key, { usedAt: now }).catch(() => undefined);
  return row.index;
}

/** The index used last, with its key: what a worker that just started most likely needs first. */
export async function recentIndex(db: GlossDB): Promise<{ key: string; index: CompiledIndex } | null> {
  const row = await db.indexes.orderBy('usedAt').last();
  return row ? { key: row.key, index: row.index } : null;
}

export async function saveIndex(db: GlossDB, key: string, index: CompiledIndex, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.indexes, async () => {
    await db.indexes.put({ key, index, usedAt: now });
    const stale = await db.indexes.orderBy('usedAt').reverse().offset(KEEP).primaryKeys();
    await db.indexes.bulkDelete(stale);
  });
}

/** Every kept index, when packs changed in a way the keys cannot see (a deleted pack's id reused). */
export async function clearIndexes(db: GlossDB): Promise<void> {
  await db.indexes.clear();
}
