// How a pack's entries are laid out in the entryBlocks table (records.ts EntryBlockRecord): cut
// in pack order into blocks of ENTRY_BLOCK_SIZE. Readers never rely on the size: a block is found
// by the keys of its entries, and a pack's order is its blocks' order, so the size may change.

import type { PackEntry } from '../lib/pack/format';
import { entryKey } from '../lib/pack/patterns';
import type { EntryBlockRecord } from './records';

/**
 * Entries per block, chosen by measuring 50,000 entries in Chromium (bench/import.bench-run.ts,
 * and a sweep alternating the sizes). Writing them all took 0.6–1.5 s in blocks of 100, 0.45–0.85 s
 * in blocks of 250 and 0.35–0.8 s in blocks of 500, 1,000 or 2,000: from 500 on, the rows are
 * few enough that their number hardly counts. Reading the block of one entry, as every popover
 * does, grows with the size (about 1.3 ms for 250, 2 ms for 500, 3 ms for 1,000, 6 ms for
 * 2,000), and reading them all (compiling, exporting) took 0.7 s in blocks of 100 and
 * 0.13–0.16 s from 250 on. 500 writes about as fast as any larger size and reads one entry the
 * fastest of those.
 */
export const ENTRY_BLOCK_SIZE = 500;

/**
 * The blocks of pack `packId` holding `entries`, its entries from place `start` on, which must
 * begin a block. `size` is for measuring other sizes (bench/import.bench-run.ts).
 */
export function toBlocks(packId: string, entries: readonly PackEntry[], start = 0, size = ENTRY_BLOCK_SIZE): EntryBlockRecord[] {
  if (start % size !== 0) throw new RangeError(`entry ${start} does not begin a block of ${size}`);
  const blocks: EntryBlockRecord[] = [];
  for (let i = 0; i < entries.length; i += size) {
    const slice = entries.slice(i, i + size);
    const keys = slice.map((e) => entryKey({ packId, entryId: e.id }));
    blocks.push({ packId, block: (start + i) / size, keys, entries: slice });
  }
  return blocks;
}

/** The entry of `block` with key `key`, if it holds it. */
export function entryIn(block: EntryBlockRecord, key: string): PackEntry | undefined {
  const i = block.keys.indexOf(key);
  return i === -1 ? undefined : block.entries[i];
}
