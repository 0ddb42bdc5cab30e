/**
 * FNV-1a over a token's first HASHED_UNITS UTF-16 units, then its length: the scanner computes it
 * while it walks the token, and stops multiplying after the prefix. Verification compares every
 * unit, so prefix collisions cost a comparison, never a wrong match.
 */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 16777619);
}

export const HASHED_UNITS = 4;

/** Mixes the token's length into its prefix hash. */
export function hashEnd(h: number, length: number): number {
  return Math.imul(h ^ length, 16777619);
}
