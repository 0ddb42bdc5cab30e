/** FNV-1a over UTF-16 units; the scanner computes it while it walks a token. */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 16777619);
}
