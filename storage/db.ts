import Dexie, { type Table } from 'dexie';
import type { EncounterRecord, EntryRecord, HighlightRecord, IndexRecord, PackRecord, SettingRecord } from './records';
import { defineSchema } from './schema';

export class GlossDB extends Dexie {
  packs!: Table<PackRecord, string>;
  entries!: Table<EntryRecord, [string, string]>;
  settings!: Table<SettingRecord, string>;
  encounters!: Table<EncounterRecord, [string, string]>;
  highlights!: Table<HighlightRecord, string>;
  indexes!: Table<IndexRecord, string>;

  constructor(name = 'gloss') {
    super(name);
    defineSchema(this);
  }
}
