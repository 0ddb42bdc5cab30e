import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMatches, encodeMatches, hasMatches, NO_MATCHES } from '../../lib/match/block-matches';
import type { BlockMatch } from '../../lib/messages';

const int = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const match = fc.record({
  block: int,
  start: int,
  end: int,
  key: fc.constantFrom('p/a', 'p/b', 'q/a'),
  term: fc.string(),
  label: fc.constantFrom('tenge', 'Tenge', 'теңге'),
  form: fc.integer({ min: 0, max: 255 }),
  flags: fc.integer({ min: 0, max: 255 }),
});

describe('first-slice matches on the wire', () => {
  it('come back as they went, whatever the matches', () => {
    fc.assert(
      fc.property(fc.array(match, { maxLength: 60 }), (ms) => {
        // A pattern (key and label) has one term: the entry's.
        const termOf = new Map<string, string>();
        const sent: BlockMatch[] = ms.map((m) => {
          const term = termOf.get(m.key) ?? m.term;
          termOf.set(m.key, term);
          return { ...m, term };
        });
        expect(decodeMatches(encodeMatches(sent))).toEqual(sent);
      }),
    );
  });

  it('decode only the blocks of a given span when asked, in order, each match in one span of two', () => {
    const block = fc.integer({ min: 0, max: 2 ** 31 });
    fc.assert(
      fc.property(fc.array(match, { maxLength: 60 }), block, block, (ms, from, below) => {
        const sent = ms.map((m) => ({ ...m, term: m.key }));
        const wire = encodeMatches(sent);
        expect(decodeMatches(wire, 0, below)).toEqual(sent.filter((m) => m.block < below));
        expect(decodeMatches(wire, from, below)).toEqual(sent.filter((m) => m.block >= from && m.block < below));
        // Painted first, then the rest: every match once.
        expect([...decodeMatches(wire, 0, from), ...decodeMatches(wire, from)].sort((a, b) => a.block - b.block)).toEqual([...sent].sort((a, b) => a.block - b.block));
      }),
    );
  });

  it('send each pattern’s strings once', () => {
    const m: BlockMatch = { block: 0, start: 4, end: 9, key: 'kz/tenge', term: 'tenge', label: 'tenge', form: 0, flags: 0 };
    const wire = encodeMatches([m, { ...m, block: 3 }, { ...m, label: 'Tenge' }]);
    expect(wire.patterns).toEqual([
      ['kz/tenge', 'tenge', 'tenge'],
      ['kz/tenge', 'tenge', 'Tenge'],
    ]);
  });

  it('skip a cell that names no pattern, and read nothing from no matches', () => {
    const wire = encodeMatches([{ block: 1, start: 0, end: 3, key: 'a/b', term: 'x', label: 'x', form: 0, flags: 0 }]);
    expect(decodeMatches({ ...wire, patterns: [] })).toEqual([]);
    expect(decodeMatches(NO_MATCHES)).toEqual([]);
    expect([hasMatches(wire), hasMatches(NO_MATCHES)]).toEqual([true, false]);
  });
});
