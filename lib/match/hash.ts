/** FNV-1a over UTF-16 units; the scanner computes it while it walks a token. */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 16777619);
}

/** FNV-1a of a whole string, as an unsigned 32-bit number. */
export function hashText(s: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h >>> 0;
}
