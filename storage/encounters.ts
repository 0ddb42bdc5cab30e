import type { GlossDB } from './db';

const KEEP_PER_ENTRY = 20;

export async function recordEncounters(db: GlossDB, keys: readonly string[], url: string, title: string, now = Date.now()): Promise<void> {
  const clean = url.split('#')[0]!;
  await db.encounters.bulkPut(keys.map((entryKey) => ({ entryKey, url: clean, title: title.slice(0, 300), seenAt: now })));
}

/** Other pages where the reader met `entryKey`, newest first. */
export async function otherEncounters(db: GlossDB, entryKey: string, currentUrl: string | undefined): Promise<{ url: string; title: string }[]> {
  const current = currentUrl?.split('#')[0];
  const rows = await db.encounters.where('entryKey').equals(entryKey).toArray();
  return rows
    .filter((r) => r.url !== current)
    .sort((a, b) => b.seenAt - a.seenAt)
    .slice(0, KEEP_PER_ENTRY)
    .map(({ url, title }) => ({ url, title }));
}
