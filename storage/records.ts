// Record types of the local database, defined once and imported everywhere.

import type { Pack, PackEntry } from '../lib/pack/format';

export type PackOrigin = 'bundled' | 'file' | 'url';

/** A pack's metadata; its entries live in their own table. */
export interface PackRecord extends Omit<Pack, 'entries' | 'format' | 'formatVersion'> {
  /** 1 or 0: IndexedDB cannot index booleans. */
  enabled: 0 | 1;
  source: PackOrigin;
  entryCount: number;
  installedAt: number;
  updatedAt: number;
}

export interface EntryRecord extends PackEntry {
  packId: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One page where the reader met an entry ("where else you met it"). */
export interface EncounterRecord {
  entryKey: string;
  url: string;
  title: string;
  seenAt: number;
}
