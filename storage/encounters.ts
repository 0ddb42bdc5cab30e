// "Where else you met it": one row per entry and page location (origin and path, see
// lib/encounter-location.ts). Callers decide whether to record at all (history off, private tabs,
// sites turned off); this module only stores and reads.

import type { GlossDB } from './db';

const SHOW_PER_ENTRY = 20;
const TITLE_MAX = 300;

export async function recordEncounters(db: GlossDB, keys: readonly string[], location: string, title: string, now = Date.now()): Promise<void> {
  await db.encounters.bulkPut(keys.map((entryKey) => ({ entryKey, url: location, title: title.slice(0, TITLE_MAX), seenAt: now })));
}

/** Pages other than `exclude` where the reader met `entryKey`, newest first. */
export async function otherEncounters(db: GlossDB, entryKey: string, exclude: string | null): Promise<{ url: string; title: string }[]> {
  const rows = await db.encounters.where('entryKey').equals(entryKey).toArray();
  return rows
    .filter((r) => r.url !== exclude)
    .sort((a, b) => b.seenAt - a.seenAt)
    .slice(0, SHOW_PER_ENTRY)
    .map(({ url, title }) => ({ url, title }));
}

/** Forgets every page the reader met terms on (when she turns the history off). */
export async function clearEncounters(db: GlossDB): Promise<void> {
  await db.encounters.clear();
}
