// How much of a page travels with the first request, and how much of it is painted at once.
// Plain arithmetic over the blocks' text lengths, kept apart so it can be tested without a page.

/** The most blocks the first walk takes before asking the background. */
export const FIRST_BLOCKS = 256;
/**
 * A page whose text fits in this is sent whole: some ten screens of prose, the whole of a typical
 * article, matched in one round trip with no matching on the page at all.
 */
export const FIRST_CHARS = 1 << 15;
/**
 * The text nearest the walk's start, surely on or near the screen (three screens of a dense page
 * in a 1280 × 900 window): painted as soon as the background answers. A page that goes on past
 * FIRST_CHARS sends only this much with its first request, since the page core matches the rest
 * anyway; the answer then comes sooner.
 */
export const NEAR_CHARS = 12_000;

/** How many of the blocks with these text lengths (from the walk's start) hold the first NEAR_CHARS characters. */
export function nearStart(lengths: readonly number[]): number {
  let chars = 0;
  let n = 0;
  while (n < lengths.length && chars < NEAR_CHARS) chars += lengths[n++]!;
  return n;
}

/**
 * How many of the walked blocks (their text lengths) go with the first request: all that fit in
 * FIRST_CHARS, or, when the page goes on beyond them (`walkGoesOn`: blocks not walked yet), those
 * that fit in NEAR_CHARS. The first block goes whenever it fits in FIRST_CHARS, so one long block
 * at the top still gets its terms from the first answer.
 */
export function firstSliceEnd(lengths: readonly number[], walkGoesOn: boolean): number {
  const fitting = (budget: number): number => {
    let chars = 0;
    let n = 0;
    while (n < lengths.length && chars + lengths[n]! <= budget) chars += lengths[n++]!;
    return n;
  };
  const whole = fitting(FIRST_CHARS);
  if (!walkGoesOn && whole === lengths.length) return whole;
  return Math.min(whole, Math.max(fitting(NEAR_CHARS), 1));
}
