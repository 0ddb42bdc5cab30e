// The first slice's terms on their way from the background to the page. On a dense page the
// slice holds thousands of matches; sent as objects, each with its key, term and label, the reply
// was hundreds of KiB that the page's renderer turned back into objects on its main thread. Here
// the numbers travel as one base64 Int32 string and each pattern's strings once.

import type { BlockMatch } from '../messages';
import { decodeInt32, encodeInt32 } from './index-format';

export interface WireMatches {
  /** Base64 Int32: per match, its block, start, end, pattern (into `patterns`), form and flags. */
  cells: string;
  /** Per pattern that matched: the entry's key, the entry's term and the pattern's label. */
  patterns: [key: string, term: string, label: string][];
}

const CELLS = 6;

export const NO_MATCHES: WireMatches = { cells: '', patterns: [] };

export function encodeMatches(matches: readonly BlockMatch[]): WireMatches {
  const cells = new Int32Array(matches.length * CELLS);
  const patterns: WireMatches['patterns'] = [];
  const seen = new Map<string, number>();
  matches.forEach((m, i) => {
    // Key and label name a pattern: two patterns of one entry differ in label.
    const id = `${m.key}\u0000${m.label}`;
    let p = seen.get(id);
    if (p === undefined) {
      p = patterns.push([m.key, m.term, m.label]) - 1;
      seen.set(id, p);
    }
    cells.set([m.block, m.start, m.end, p, m.form, m.flags], i * CELLS);
  });
  return { cells: encodeInt32(cells), patterns };
}

/** Whether `wire` holds any match, without decoding it. */
export const hasMatches = (wire: WireMatches): boolean => wire.cells !== '';

/**
 * The matches of `wire` in blocks `from` up to `below` (a cell naming no pattern is skipped). The
 * page paints the first blocks in the task that receives the reply and decodes the rest later,
 * each match once.
 */
export function decodeMatches(wire: WireMatches, from = 0, below = Infinity): BlockMatch[] {
  // Most pages' first slice holds no term: their first typed array in the content script's world
  // cost a profiled article load 1.3 ms.
  if (!hasMatches(wire)) return [];
  const cells = decodeInt32(wire.cells);
  const out: BlockMatch[] = [];
  for (let i = 0; i + CELLS <= cells.length; i += CELLS) {
    if (cells[i]! < from || cells[i]! >= below) continue;
    const pattern = wire.patterns[cells[i + 3]!];
    if (!pattern) continue;
    const [key, term, label] = pattern;
    out.push({ block: cells[i]!, start: cells[i + 1]!, end: cells[i + 2]!, key, term, label, form: cells[i + 4]!, flags: cells[i + 5]! });
  }
  return out;
}
