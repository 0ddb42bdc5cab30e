// The compiled term index: flat typed arrays so the background compiles a pack once and every
// tab receives it ready to scan (a page never recompiles 50,000 terms).

/** How a pattern relates to its entry; the popover says which form matched and why. */
export const FORM_TERM = 0;
export const FORM_VARIANT = 1;
export const FORM_INFLECTED = 2;
export const FORM_DECLARED = 3;

export interface CompiledIndex {
  /** Union of the folding tables any pattern allows; text is folded with it before scanning. */
  mask: number;
  /** Pattern keys folded with `mask`, concatenated. */
  pool: Uint16Array;
  /** Pattern keys without folding tables (for patterns that do not allow every table). */
  strictPool: Uint16Array;
  /** Token class (GAP, WORD, SOLO) of every pool unit, so verification needs no lookups. */
  poolClass: Uint8Array;
  patStart: Int32Array;
  patLen: Int32Array;
  /** Folding tables the pattern allows. */
  patMask: Uint8Array;
  patForm: Uint8Array;
  /** Tokens in the pattern (capped at 255). */
  patTokens: Uint8Array;
  /** Hash of the pattern's second token: multi-token candidates are rejected with one compare. */
  patNext: Int32Array;
  /** Index into `entries`. */
  patEntry: Int32Array;
  /** Open-addressing table from first-token hash to a run of pattern ids. */
  slotHash: Int32Array;
  slotFirst: Int32Array;
  /** Patterns are stored grouped by first token, most tokens and longest first. */
  slotCount: Int32Array;
  /** Entry keys, `packId/entryId`. */
  entries: string[];
  /** Each entry's term, as lists of a page's terms show it. */
  terms: string[];
  /** The surface text each pattern was made from (term, variant or generated form). */
  labels: string[];
}

/** The per-pattern arrays of an index, allocated together. */
export type PatternArrays = Pick<CompiledIndex, 'pool' | 'strictPool' | 'poolClass' | 'patStart' | 'patLen' | 'patMask' | 'patForm' | 'patTokens' | 'patNext' | 'patEntry'>;

/** Arrays for `count` patterns over `poolLen` key units; `strict` keeps a strict copy of the keys. */
export function allocPatterns(count: number, poolLen: number, strict: boolean): PatternArrays {
  return {
    pool: new Uint16Array(poolLen),
    strictPool: new Uint16Array(strict ? poolLen : 0),
    poolClass: new Uint8Array(poolLen),
    patStart: new Int32Array(count),
    patLen: new Int32Array(count),
    patMask: new Uint8Array(count),
    patForm: new Uint8Array(count),
    patTokens: new Uint8Array(count),
    patNext: new Int32Array(count),
    patEntry: new Int32Array(count),
  };
}

/** A run of patterns sharing a first-token hash. */
export interface SlotRun {
  hash: number;
  first: number;
  count: number;
}

/** The open-addressing table from first-token hash to its run of patterns, at most half full. */
export function slotTable(runs: readonly SlotRun[]): Pick<CompiledIndex, 'slotHash' | 'slotFirst' | 'slotCount'> {
  let size = 8;
  while (size < runs.length * 2) size <<= 1;
  const slotHash = new Int32Array(size);
  const slotFirst = new Int32Array(size);
  const slotCount = new Int32Array(size);
  for (const r of runs) {
    let slot = r.hash & (size - 1);
    while (slotCount[slot] !== 0) slot = (slot + 1) & (size - 1);
    slotHash[slot] = r.hash;
    slotFirst[slot] = r.first;
    slotCount[slot] = r.count;
  }
  return { slotHash, slotFirst, slotCount };
}

export const ARRAY_FIELDS = [
  'pool', 'strictPool', 'poolClass', 'patStart', 'patLen', 'patMask', 'patForm', 'patTokens', 'patNext', 'patEntry', 'slotHash', 'slotFirst', 'slotCount',
] as const;
export type ArrayField = (typeof ARRAY_FIELDS)[number];

export const CTORS: Record<ArrayField, { new (b: ArrayBuffer): ArrayBufferView }> = {
  pool: Uint16Array, strictPool: Uint16Array, poolClass: Uint8Array, patStart: Int32Array, patLen: Int32Array, patMask: Uint8Array,
  patForm: Uint8Array, patTokens: Uint8Array, patNext: Int32Array, patEntry: Int32Array, slotHash: Int32Array, slotFirst: Int32Array, slotCount: Int32Array,
};

/** The native base64 codecs (Chrome 140, Firefox 133, Node 25), where the runtime has them. */
type NativeBase64 = { fromBase64?: (s: string) => Uint8Array; prototype: { toBase64?: () => string } };
const native = Uint8Array as unknown as NativeBase64;

export function bytesToBase64(bytes: Uint8Array): string {
  if (native.prototype.toBase64) return (bytes as unknown as { toBase64: () => string }).toBase64();
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(s);
}

export function base64ToBuffer(b64: string): ArrayBuffer {
  // The filter and index parts a page receives are hundreds of KiB: decoding them a character at
  // a time cost the page several milliseconds.
  if (native.fromBase64) return native.fromBase64(b64).buffer as ArrayBuffer;
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes.buffer;
}

/** Slot of first-token hash `h` in `ix`'s slot table, or -1. */
export function slotOf(ix: Pick<CompiledIndex, 'slotHash' | 'slotCount'>, h: number): number {
  const size = ix.slotHash.length;
  for (let slot = h & (size - 1); ix.slotCount[slot] !== 0; slot = (slot + 1) & (size - 1)) if (ix.slotHash[slot] === h) return slot;
  return -1;
}

/** Hashes travel as base64 of their bytes: a tenth of the size of a JSON number list. */
export function encodeInt32(values: Iterable<number>): string {
  const a = Int32Array.from(values);
  return bytesToBase64(new Uint8Array(a.buffer));
}

export function decodeInt32(b64: string): Int32Array {
  return new Int32Array(base64ToBuffer(b64));
}

/** Bytes held by the typed arrays (strings not counted). */
export function indexBytes(index: CompiledIndex): number {
  return ARRAY_FIELDS.reduce((sum, f) => sum + index[f].byteLength, 0);
}
