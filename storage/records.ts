// Record types of the local database, defined once and imported everywhere.

import type { HighlightDetails, HighlightPlacement } from '../lib/highlights';
import type { CompiledIndex } from '../lib/match/index-format';
import type { Pack, PackEntry } from '../lib/pack/format';

export type PackOrigin = 'bundled' | 'file' | 'url' | 'editor';

/** A pack's metadata; its entries live in blocks of their own table. */
export interface PackRecord extends Omit<Pack, 'entries' | 'format' | 'formatVersion'> {
  /** 1 or 0: IndexedDB cannot index booleans. */
  enabled: 0 | 1;
  source: PackOrigin;
  entryCount: number;
  /** How many blocks its entries are stored in (storage/entry-blocks.ts). */
  blocks: number;
  installedAt: number;
  updatedAt: number;
}

/**
 * Entries of one pack stored as one row (storage/entry-blocks.ts): IndexedDB spends most of a
 * write on each row, so a pack of 50,000 entries is stored in about a hundred rows, not 50,000.
 */
export interface EntryBlockRecord {
  packId: string;
  /** Which of its pack's blocks this is, from 0 (entry-blocks.ts blockOf). */
  block: number;
  /** Each entry's place in its pack (the editor's order, and the order exports keep). */
  places: number[];
  entries: PackEntry[];
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

/**
 * A saved highlight: the fields of a W3C Web Annotation (lib/web-annotation.ts converts it),
 * kept flat so that the page, tags and time can be indexed.
 */
export interface HighlightRecord extends HighlightPlacement, HighlightDetails {
  /** The page's identity (lib/anchor/page-identity.ts) first, then its other forms: a multi-entry index. */
  pages: string[];
}

/** A compiled term index, kept so that a restarted worker need not compile it again. */
export interface IndexRecord {
  /** The compiler's version, the extension's version and each pack's id and last update. */
  key: string;
  index: CompiledIndex;
  usedAt: number;
}
