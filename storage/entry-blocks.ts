// How a pack's entries are laid out in the entryBlocks table (records.ts EntryBlockRecord): each
// entry goes to the block its id hashes to, among blockCount(pack size) blocks, and remembers its
// place in the pack. A popover's read computes the block from the entry's id, so no index of
// entry ids is kept: IndexedDB wrote such an index in the order the ids came, which for ids made
// from a spreadsheet's terms is no order at all, and that index cost a 50,000-entry import more
// than storing the entries did. Readers take the block count from the pack's record, never from
// ENTRY_BLOCK_SIZE, so the size may change.

import { hashText } from '../lib/match/hash';
import type { PackEntry } from '../lib/pack/format';
import type { EntryBlockRecord } from './records';

/**
 * Entries per block, on average, chosen by measuring 50,000 entries in Chromium
 * (bench/import.bench-run.ts, which sweeps the sizes). Writing them all took 0.6–1.5 s in blocks
 * of 100 and 0.35–0.85 s from 250 on: from there, the rows are few enough that their number
 * hardly counts. Reading the block of one entry, as every popover does, grows with the size
 * (about 1.3 ms for 250, 2 ms for 500, 3 ms for 1,000, 6 ms for 2,000), and reading them all
 * (compiling, exporting) took 0.7 s in blocks of 100 and 0.13–0.16 s from 250 on. 500 writes
 * about as fast as any larger size and reads one entry the fastest of those.
 */
export const ENTRY_BLOCK_SIZE = 500;

/** How many blocks a pack of `count` entries is stored in (none for an empty pack). */
export function blockCount(count: number, size = ENTRY_BLOCK_SIZE): number {
  return Math.ceil(count / size);
}

/** The block holding entry `entryId` of a pack stored in `blocks` blocks. */
export function blockOf(entryId: string, blocks: number): number {
  return hashText(entryId) % blocks;
}

/** Pack `packId`'s `entries` as blocks, in block order; `size` is for measuring other sizes. */
export function toBlocks(packId: string, entries: readonly PackEntry[], size = ENTRY_BLOCK_SIZE): EntryBlockRecord[] {
  const n = blockCount(entries.length, size);
  const blocks: EntryBlockRecord[] = Array.from({ length: n }, (_, block) => ({ packId, block, places: [], entries: [] }));
  entries.forEach((entry, place) => {
    const block = blocks[blockOf(entry.id, n)]!;
    block.places.push(place);
    block.entries.push(entry);
  });
  return blocks;
}

/** A pack's entries in their order, from all its blocks. */
export function fromBlocks(blocks: readonly EntryBlockRecord[]): PackEntry[] {
  const entries: PackEntry[] = [];
  for (const block of blocks) block.entries.forEach((entry, i) => (entries[block.places[i]!] = entry));
  return entries;
}

/** The entry of `block` with id `entryId`, if it holds it. */
export function entryIn(block: EntryBlockRecord, entryId: string): PackEntry | undefined {
  return block.entries.find((e) => e.id === entryId);
}
