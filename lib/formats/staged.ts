// What the options page keeps of an import between reading the file and storing it: the
// preview without its entries, and a reference to the pack's JSON text. The worker that read the
// file makes it, so that neither 50,000 entry objects nor megabytes of text cross to the page:
// on the page's thread, either would be one long task.

import type { PackMeta } from '../pack/format';
import type { ImportPreview } from './types';

export interface StagedImport extends Omit<ImportPreview, 'pack' | 'skipped'> {
  /** The pack's metadata (null unless the status is ok or partial). */
  meta: PackMeta | null;
  /** Where the pack's JSON (its valid entries) is kept for `pack:import` and `pack:diff`. */
  packRef: string | null;
}

/**
 * A pack file whose every entry is kept holds exactly the pack to store (the background reads
 * it as it reads any pack JSON), so it is kept as it is: writing its JSON again would cost the
 * worker about as long as checking it did.
 */
function takenWhole(preview: ImportPreview): boolean {
  return preview.format === 'gloss-json' && preview.status === 'ok';
}

/**
 * The preview ready to cross to the page; `keep` stores the pack's JSON and names where, or
 * `keepFile`, when given, the file the preview was read from if that is the pack's JSON already.
 * The entries left out are not listed one by one: the page names them through `errors` (at most
 * limits.issues) and counts them in `counts.skipped`.
 */
export function stageImport(preview: ImportPreview, keep: (json: string) => string, keepFile?: () => string): StagedImport {
  const { pack, skipped: _skipped, ...rest } = preview;
  if (!pack) return { ...rest, meta: null, packRef: null };
  const { entries: _entries, ...meta } = pack;
  return { ...rest, meta, packRef: keepFile && takenWhole(preview) ? keepFile() : keep(JSON.stringify(pack)) };
}
