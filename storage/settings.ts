import type { GlossDB } from './db';
import { sanitizeSettings, type Settings } from '../lib/settings';

const KEY = 'settings';

export async function getSettings(db: GlossDB): Promise<Settings> {
  const row = await db.settings.get(KEY);
  return sanitizeSettings(row?.value as Partial<Settings> | undefined);
}

export async function updateSettings(db: GlossDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = sanitizeSettings({ ...(await getSettings(db)), ...patch });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

/** A one-time flag (e.g. "starter pack installed"), so deleting the starter pack is respected. */
export async function takeFlag(db: GlossDB, name: string): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(`flag:${name}`)) return false;
    await db.settings.put({ key: `flag:${name}`, value: true });
    return true;
  });
}
