// The index share on its way to a page, as JSON-safe extension messaging carries it: typed arrays
// as base64, the key pools as strings of their UTF-16 units, the pool's unit classes derived again
// on arrival (a sixth of a dense page's share), labels only where they differ from their entry's
// term.

import { classAt } from './classify';
import { ARRAY_FIELDS, base64ToBuffer, bytesToBase64, CTORS, type ArrayField, type CompiledIndex } from './index-format';

/** JSON-safe form for extension messaging, which does not carry typed arrays. */
export interface WireIndex {
  mask: number;
  /**
   * Typed arrays as base64 of their bytes, but for the key pools sent in `pools` and the pool's
   * unit classes, which the page derives from the keys as the compiler did.
   */
  arrays: Record<string, string>;
  /**
   * The key pools as strings of their UTF-16 units: a third of their base64 size for Latin keys.
   * A pool holding a lone surrogate (which messaging would not carry intact) stays in `arrays`.
   */
  pools: Partial<Record<PoolField, string>>;
  entries: string[];
  terms: string[];
  /** Per pattern; null where it is its entry's term (most patterns: the entry's own form). */
  labels: (string | null)[];
}

const POOL_FIELDS = ['pool', 'strictPool'] as const;
type PoolField = (typeof POOL_FIELDS)[number];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The units as a string, or null when it would hold a lone surrogate. */
function unitsToText(units: Uint16Array): string | null {
  let s = '';
  for (let i = 0; i < units.length; i += 0x2000) s += String.fromCharCode.apply(null, units.subarray(i, i + 0x2000) as unknown as number[]);
  return LONE_SURROGATE.test(s) ? null : s;
}

function textToUnits(s: string): Uint16Array {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
  return units;
}

export function toWire(index: CompiledIndex): WireIndex {
  const arrays: Record<string, string> = {};
  const pools: WireIndex['pools'] = {};
  for (const f of POOL_FIELDS) {
    const text = unitsToText(index[f]);
    if (text !== null) pools[f] = text;
  }
  for (const f of ARRAY_FIELDS) {
    if (f === 'poolClass' || (pools as Record<string, string>)[f] !== undefined) continue;
    const a = index[f];
    arrays[f] = bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  const labels = index.labels.map((label, p) => (label === index.terms[index.patEntry[p]!] ? null : label));
  return { mask: index.mask, arrays, pools, entries: index.entries, terms: index.terms, labels };
}

/** Each pattern's unit classes, from its key in the pool, exactly as compile.ts classified them. */
function poolClasses({ pool, patStart, patLen }: Pick<CompiledIndex, 'pool' | 'patStart' | 'patLen'>): Uint8Array {
  const out = new Uint8Array(pool.length);
  for (let p = 0; p < patStart.length; p++) {
    const from = patStart[p]!;
    const n = patLen[p]!;
    const key = pool.subarray(from, from + n);
    for (let k = 0; k < n; k++) out[from + k] = classAt(key, k, n);
  }
  return out;
}

export function fromWire(wire: WireIndex): CompiledIndex {
  const steps = decodeSteps(wire);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * fromWire one array at a time: the caller may give the page a turn at each yield (a dense page's
 * share took one task of 16–32 ms to decode whole).
 */
export function* decodeSteps(wire: WireIndex): Generator<void, CompiledIndex> {
  const out: Partial<Record<ArrayField, ArrayBufferView>> = {};
  for (const f of ARRAY_FIELDS) {
    if (f === 'poolClass') continue;
    const text = (wire.pools as Record<string, string | undefined>)[f];
    out[f] = text !== undefined ? textToUnits(text) : new CTORS[f](base64ToBuffer(wire.arrays[f] ?? ''));
    yield;
  }
  const arrays = out as Pick<CompiledIndex, ArrayField>;
  arrays.poolClass = poolClasses(arrays);
  yield;
  const labels = wire.labels.map((label, p) => label ?? wire.terms[arrays.patEntry[p]!] ?? '');
  return { ...arrays, mask: wire.mask, entries: wire.entries, terms: wire.terms, labels };
}
