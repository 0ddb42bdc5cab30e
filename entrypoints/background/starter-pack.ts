import { parsePackText } from '../../lib/pack/parse';
import type { GlossDB } from '../../storage/db';
import { installPack } from '../../storage/packs';
import { takeFlag } from '../../storage/settings';

export const STARTER_PACK_PATH = '/packs/kazakhstan-january-2022.json';

/** Installs the bundled pack once; a reader who deletes it does not get it back on restart. */
export async function ensureStarterPack(db: GlossDB, load: () => Promise<string>): Promise<void> {
  if ((await db.packs.count()) > 0) return;
  if (!(await takeFlag(db, 'starter-installed'))) return;
  const parsed = parsePackText(await load());
  if (!parsed.ok) throw new Error(`Bundled pack is invalid: ${parsed.errors.join('; ')}`);
  await installPack(db, parsed.pack, 'bundled');
}
