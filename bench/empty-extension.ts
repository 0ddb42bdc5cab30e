// A peer for the benchmarks: an unpacked extension whose content script does nothing, so what
// merely having a content script on every page costs (the browser's share) is measured in the
// same run as Gloss.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the extension to a temporary folder and returns its path. */
export function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-empty-ext-'));
  const manifest = { manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'bg.js' }, content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['cs.js'] }] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'bg.js'), '');
  writeFileSync(join(dir, 'cs.js'), '');
  return dir;
}
