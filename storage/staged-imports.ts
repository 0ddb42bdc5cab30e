// Imports between reading and storing, kept where they were read: the options page's worker. It
// reads and checks a file, keeps the checked pack, and stores exactly that pack when the reader
// says so, writing the database itself. Handing 50,000 checked entries to the background would
// have it read and check them a second time (most of a second) before writing; the worker is an
// extension page's, as trusted as the background, and stores only what it checked itself.

import { readPackFile } from '../lib/formats/import';
import type { ProgressReport } from '../lib/formats/progress';
import { stageImport, type StagedImport } from '../lib/formats/staged';
import type { ImportOptions } from '../lib/formats/types';
import type { PackSummary } from '../lib/messages';
import { diffPacks, type Replacement } from '../lib/pack/diff';
import type { Pack } from '../lib/pack/format';
import type { GlossDB } from './db';
import { getPack, installPack, summarize } from './packs';
import type { PackOrigin } from './records';

/** What a staged import is read from: a File, or anything else with a name and text. */
export interface ImportFile {
  name: string;
  text(): Promise<string>;
}

export class StagedImports {
  private kept = new Map<string, Pack>();
  private next = 1;

  constructor(private db: GlossDB) {}

  /** Reads and checks `file`; its valid entries are kept under the returned preview's `packRef`. */
  async read(file: ImportFile, options: ImportOptions = {}): Promise<StagedImport> {
    const preview = readPackFile({ name: file.name, text: await file.text() }, options);
    return stageImport(preview, (pack) => {
      const ref = `staged-${this.next++}`;
      this.kept.set(ref, pack);
      return ref;
    });
  }

  /** What storing pack `ref` would change; null when no pack with its id is stored. */
  async diff(ref: string): Promise<Replacement | null> {
    const incoming = this.pack(ref);
    const stored = await getPack(this.db, incoming.id);
    return stored && { title: stored.title, version: stored.version, diff: diffPacks(stored, incoming) };
  }

  /**
   * Stores pack `ref` in one transaction, replacing a stored pack with its id, and lets it go;
   * `onProgress` hears how many of its entries are written.
   */
  async store(ref: string, source: PackOrigin, onProgress?: ProgressReport): Promise<PackSummary> {
    const pack = this.pack(ref);
    const total = pack.entries.length;
    const onSaved = onProgress && ((done: number) => onProgress({ phase: 'saving', done, total }));
    const record = await installPack(this.db, pack, source, Date.now(), onSaved);
    this.kept.delete(ref);
    return summarize(record);
  }

  /** The reader dropped pack `ref` (or it was stored): its entries can go. */
  release(ref: string): void {
    this.kept.delete(ref);
  }

  private pack(ref: string): Pack {
    const pack = this.kept.get(ref);
    if (!pack) throw new Error('The file to import is no longer read; choose it again');
    return pack;
  }
}
