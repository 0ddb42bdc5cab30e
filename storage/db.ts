import Dexie, { type Table } from 'dexie';
import type { EncounterRecord, EntryBlockRecord, HighlightRecord, IndexRecord, PackRecord, SettingRecord } from './records';
import { defineSchema } from './schema';

export class GlossDB extends Dexie {
  packs!: Table<PackRecord, string>;
  entryBlocks!: Table<EntryBlockRecord, [string, number]>;
  settings!: Table<SettingRecord, string>;
  encounters!: Table<EncounterRecord, [string, string]>;
  highlights!: Table<HighlightRecord, string>;
  indexes!: Table<IndexRecord, string>;

  constructor(name = 'gloss') {
    super(name);
    defineSchema(this);
  }
}
