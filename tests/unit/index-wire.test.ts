// The index share on its way to a page: typed arrays as base64, key pools as strings, unit
// classes and pattern starts derived again on arrival, the slot table as its occupied slots,
// labels only where they differ from their entry's term. What arrives must be exactly the index
// that was sent.

import { describe, expect, it } from 'vitest';
import { decodeSteps, fromWire, toWire, type WireIndex } from '../../lib/match/index-wire';
import { found, indexOf } from './helpers';

/** Through JSON, as extension messaging carries it. */
const sent = (wire: WireIndex): WireIndex => JSON.parse(JSON.stringify(wire)) as WireIndex;

describe('the index share on the wire', () => {
  const ix = indexOf(['tenge', 'Nur Otan', 'Шал, кет!', 'titushki', { term: 'Akimat', variants: ['akimats', 'әкімдік'] }, '𝔊loss 🐎']);
  const text = 'The Akimat and the akimats; «Шал, кет!» in tenge, with titushki, 𝔊loss 🐎, әкімдік and Nur Otan.';

  it('arrives as the same index and finds the same terms', () => {
    const back = fromWire(sent(toWire(ix)));
    expect(back).toEqual(ix);
    expect(found(back, text)).toEqual(found(ix, text));
    expect(found(ix, text).length).toBeGreaterThan(6);
  });

  it('decodes in steps a page can run one task at a time, to the same index', () => {
    const steps = decodeSteps(sent(toWire(ix)));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(step.value).toEqual(ix);
  });

  it('sends the pools as text, no unit classes (the page derives them) and a label only where it is not its entry’s term', () => {
    const wire = toWire(ix);
    expect(wire.pools.pool).toBeTypeOf('string');
    expect(wire.arrays.pool).toBeUndefined();
    expect(wire.arrays.poolClass).toBeUndefined();
    expect(wire.labels.map(([p, label]) => `${p}:${label}`)).toEqual(
      ix.labels.flatMap((label, p) => (label === ix.terms[ix.patEntry[p]!] ? [] : [`${p}:${label}`])),
    );
    expect(wire.labels.length).toBeGreaterThan(0);
    expect(wire.labels.length).toBeLessThan(ix.labels.length);
  });

  it('sends only the slot table’s occupied slots, and no pattern starts where each key follows the one before', () => {
    const wire = toWire(ix);
    expect(wire.arrays.slotHash ?? wire.arrays.slotFirst ?? wire.arrays.slotCount).toBeUndefined();
    expect(wire.slots.size).toBe(ix.slotCount.length);
    // Positions packed narrow: the first character names the width in bytes.
    expect(atob(wire.slots.pos.slice(1)).length / Number(wire.slots.pos[0])).toBe(ix.slotCount.filter((c) => c > 0).length);
    expect(wire.slots.first).toBeUndefined();
    expect(wire.arrays.patStart).toBeUndefined();
  });

  it('sends pattern starts and runs’ first patterns as they are when they cannot be derived', () => {
    // Not an index the compiler makes: the wire must still carry it exactly.
    const odd = { ...ix, patStart: ix.patStart.map((s) => s + 1), slotFirst: ix.slotFirst.map((f, slot) => (ix.slotCount[slot] ? f + 2 : 0)) };
    const wire = toWire(odd);
    expect(wire.arrays.patStart).toBeTypeOf('string');
    expect(wire.slots.first).toBeTypeOf('string');
    // Unit classes are derived from the keys at their starts, which this made-up index moved.
    expect({ ...fromWire(sent(wire)), poolClass: odd.poolClass }).toEqual(odd);
  });

  it('packs counts and positions in the narrowest width that holds them, and carries wide ones intact', () => {
    const wire = toWire(ix);
    expect(wire.arrays.patLen?.[0]).toBe('1');
    expect(wire.slots.count[0]).toBe('1');
    // Not indexes the compiler makes: entries past 255 and past 65,535.
    for (const [shift, width] of [[300, '2'], [70_000, '4']] as const) {
      const wide = { ...ix, patEntry: ix.patEntry.map((e) => e + shift) };
      const sentWide = toWire(wide);
      expect(sentWide.arrays.patEntry?.[0]).toBe(width);
      const back = fromWire(sent(sentWide));
      expect(back.patEntry).toEqual(wide.patEntry);
      expect(back.labels).toEqual(wide.labels);
    }
  });

  it('keeps a pool with a lone surrogate in base64, where messaging cannot break it', () => {
    const odd = indexOf(['ab\uD800cd', 'plain']);
    const wire = toWire(odd);
    expect(wire.pools.pool).toBeUndefined();
    expect(wire.arrays.pool).toBeTypeOf('string');
    expect(fromWire(sent(wire))).toEqual(odd);
  });
});
