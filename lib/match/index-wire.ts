// The index share on its way to a page, as JSON-safe extension messaging carries it: typed arrays
// as base64, the key pools as strings of their UTF-16 units, the pool's unit classes derived again
// on arrival (a sixth of a dense page's share), the slot table as its occupied slots only,
// pattern starts derived from their lengths where they follow each other, counts and positions
// in the narrowest width that holds them, and labels only where they differ from their entry's
// term. The page parses the whole answer on its main thread before anything else can run: the
// dense benchmark page's share (nearly all of a 5,000-term pack) went from 509 KB to 331 KB with
// the last four.

import { classAt } from './classify';
import { ARRAY_FIELDS, base64ToBuffer, bytesToBase64, CTORS, decodeInt32, encodeInt32, type ArrayField, type CompiledIndex } from './index-format';

/** The slot table's occupied slots, in the order of their first pattern. */
interface WireSlots {
  /** The table's size (a power of two). */
  size: number;
  /** The slot's position and its run of patterns' length (packed narrow, see packCounts), its first token's hash (base64 Int32). */
  pos: string;
  hash: string;
  count: string;
  /**
   * Each run's first pattern (packed narrow), sent only when the runs do not follow each other
   * from pattern 0 (they always do in a compiled or selected index).
   */
  first?: string;
}

/** JSON-safe form for extension messaging, which does not carry typed arrays. */
export interface WireIndex {
  mask: number;
  /**
   * Typed arrays as base64 of their bytes, but for the key pools sent in `pools`, the pool's
   * unit classes, which the page derives from the keys as the compiler did, the slot table
   * (`slots`), and the pattern starts when each pattern's key follows the one before.
   */
  arrays: Record<string, string>;
  /**
   * The key pools as strings of their UTF-16 units: a third of their base64 size for Latin keys.
   * A pool holding a lone surrogate (which messaging would not carry intact) stays in `arrays`.
   */
  pools: Partial<Record<PoolField, string>>;
  slots: WireSlots;
  entries: string[];
  terms: string[];
  /** `[pattern, label]` where a pattern's label is not its entry's term (most are: the entry's own form). */
  labels: [number, string][];
}

const SLOT_FIELDS = new Set<ArrayField>(['slotHash', 'slotFirst', 'slotCount']);
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

/**
 * Counts and positions (never negative) travel in the narrowest of one, two or four bytes that
 * holds them all, named by the text's first character: a pattern's key length or a run's length
 * seldom reaches 256, a pattern's entry or a slot's position seldom 65,536.
 */
const NARROW = [
  { width: '1', max: 0xff, Array: Uint8Array },
  { width: '2', max: 0xffff, Array: Uint16Array },
] as const;

function packCounts(a: Int32Array): string {
  let max = 0;
  for (const v of a) max = v < 0 ? Infinity : Math.max(max, v);
  const narrow = NARROW.find((n) => max <= n.max);
  if (!narrow) return `4${encodeInt32(a)}`;
  const out = narrow.Array.from(a);
  return narrow.width + bytesToBase64(new Uint8Array(out.buffer));
}

function unpackCounts(s: string): Int32Array {
  const body = base64ToBuffer(s.slice(1));
  const narrow = NARROW.find((n) => n.width === s[0]);
  return narrow ? Int32Array.from(new narrow.Array(body)) : new Int32Array(body);
}

/** Int32 fields of the index that hold counts or positions, packed narrow (see packCounts). */
const COUNT_FIELDS = new Set<ArrayField>(['patStart', 'patLen', 'patEntry']);

/**
 * Where each of a run of items starts when each follows the one before from 0: a pattern's key in
 * the pool, a slot's first pattern. Such starts need not travel.
 */
function startsOf(lengths: Int32Array): Int32Array {
  const starts = new Int32Array(lengths.length);
  for (let i = 1; i < lengths.length; i++) starts[i] = starts[i - 1]! + lengths[i - 1]!;
  return starts;
}

const follow = (starts: Int32Array, lengths: Int32Array): boolean => startsOf(lengths).every((at, i) => at === starts[i]);

function slotsToWire({ slotHash, slotFirst, slotCount }: Pick<CompiledIndex, 'slotHash' | 'slotFirst' | 'slotCount'>): WireSlots {
  const used: number[] = [];
  for (let slot = 0; slot < slotCount.length; slot++) if (slotCount[slot] !== 0) used.push(slot);
  used.sort((a, b) => slotFirst[a]! - slotFirst[b]!);
  const pos = Int32Array.from(used);
  const hash = Int32Array.from(used, (slot) => slotHash[slot]!);
  const count = Int32Array.from(used, (slot) => slotCount[slot]!);
  const first = Int32Array.from(used, (slot) => slotFirst[slot]!);
  const wire: WireSlots = { size: slotCount.length, pos: packCounts(pos), hash: encodeInt32(hash), count: packCounts(count) };
  if (!follow(first, count)) wire.first = packCounts(first);
  return wire;
}

function slotsFromWire(wire: WireSlots): Pick<CompiledIndex, 'slotHash' | 'slotFirst' | 'slotCount'> {
  const slotHash = new Int32Array(wire.size);
  const slotFirst = new Int32Array(wire.size);
  const slotCount = new Int32Array(wire.size);
  const pos = unpackCounts(wire.pos);
  const hash = decodeInt32(wire.hash);
  const count = unpackCounts(wire.count);
  const first = wire.first === undefined ? startsOf(count) : unpackCounts(wire.first);
  pos.forEach((slot, i) => {
    slotHash[slot] = hash[i]!;
    slotCount[slot] = count[i]!;
    slotFirst[slot] = first[i]!;
  });
  return { slotHash, slotFirst, slotCount };
}

export function toWire(index: CompiledIndex): WireIndex {
  const arrays: Record<string, string> = {};
  const pools: WireIndex['pools'] = {};
  for (const f of POOL_FIELDS) {
    const text = unitsToText(index[f]);
    if (text !== null) pools[f] = text;
  }
  const derivedStarts = follow(index.patStart, index.patLen);
  for (const f of ARRAY_FIELDS) {
    if (f === 'poolClass' || SLOT_FIELDS.has(f) || (f === 'patStart' && derivedStarts) || (pools as Record<string, string>)[f] !== undefined) continue;
    const a = index[f];
    arrays[f] = COUNT_FIELDS.has(f) ? packCounts(a as Int32Array) : bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  const labels: WireIndex['labels'] = [];
  index.labels.forEach((label, p) => label !== index.terms[index.patEntry[p]!] && labels.push([p, label]));
  return { mask: index.mask, arrays, pools, slots: slotsToWire(index), entries: index.entries, terms: index.terms, labels };
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
    if (f === 'poolClass' || SLOT_FIELDS.has(f)) continue;
    const text = (wire.pools as Record<string, string | undefined>)[f];
    const sent = wire.arrays[f];
    if (f === 'patStart' && sent === undefined) continue;
    out[f] = text !== undefined ? textToUnits(text) : COUNT_FIELDS.has(f) ? unpackCounts(sent ?? '') : new CTORS[f](base64ToBuffer(sent ?? ''));
    yield;
  }
  const arrays = out as Pick<CompiledIndex, ArrayField>;
  arrays.patStart ??= startsOf(arrays.patLen);
  Object.assign(arrays, slotsFromWire(wire.slots));
  yield;
  arrays.poolClass = poolClasses(arrays);
  yield;
  const labels = Array.from(arrays.patEntry, (e) => wire.terms[e] ?? '');
  for (const [p, label] of wire.labels) labels[p] = label;
  return { ...arrays, mask: wire.mask, entries: wire.entries, terms: wire.terms, labels };
}
