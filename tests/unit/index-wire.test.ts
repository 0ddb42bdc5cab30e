// The index share on its way to a page: typed arrays as base64, key pools as strings, unit
// classes derived again on arrival, labels only where they differ from their entry's term. What
// arrives must be exactly the index that was sent.

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
    expect(wire.labels.filter((l) => l !== null).length).toBeLessThan(wire.labels.length);
  });

  it('keeps a pool with a lone surrogate in base64, where messaging cannot break it', () => {
    const odd = indexOf(['ab\uD800cd', 'plain']);
    const wire = toWire(odd);
    expect(wire.pools.pool).toBeUndefined();
    expect(wire.arrays.pool).toBeTypeOf('string');
    expect(fromWire(sent(wire))).toEqual(odd);
  });
});
