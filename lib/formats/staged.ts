// What the options page keeps of an import between reading the file and storing it: the
// preview without its entries, and a name for the checked pack, which stays in the worker that
// read the file (storage/staged-imports.ts). Neither 50,000 entry objects nor megabytes of text
// cross to the page: on the page's thread, either would be one long task.

import type { Pack, PackMeta } from '../pack/format';
import type { ImportPreview } from './types';

export interface StagedImport extends Omit<ImportPreview, 'pack' | 'skipped'> {
  /** The pack's metadata (null unless the status is ok or partial). */
  meta: PackMeta | null;
  /** The worker's name for the pack (its valid entries), for diffing and storing it. */
  packRef: string | null;
}

/**
 * The preview ready to cross to the page; `keep` keeps the pack and names it. The entries left
 * out are not listed one by one: the page names them through `errors` (at most limits.issues)
 * and counts them in `counts.skipped`.
 */
export function stageImport(preview: ImportPreview, keep: (pack: Pack) => string): StagedImport {
  const { pack, skipped: _skipped, ...rest } = preview;
  if (!pack) return { ...rest, meta: null, packRef: null };
  const { entries: _entries, ...meta } = pack;
  return { ...rest, meta, packRef: keep(pack) };
}
