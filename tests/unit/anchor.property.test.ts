// Property-based tests for anchoring: random texts built from a small vocabulary and repeated
// phrases (so quotes have duplicates and near-duplicates), random edits inside and outside the
// quote, and the guarantees anchorQuote gives whatever it decides:
//
//  - 'exact' and 'moved' ranges hold the quote exactly;
//  - a 'fuzzy' range is within maxErrorsFor(quote.length) edits of the quote (a quarter of its
//    length, at most MAX_ERRORS), and its score is in (0, 1);
//  - an unedited text anchors 'exact' at the stored position;
//  - edits that stay clear of the quote and its stored context never lose it.
//
// And for the page text: the normalization matches a plain reference and the offset maps round
// trip and keep order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, ContextPattern, editDistance, maxErrorsFor } from '../../lib/anchor/anchor';
import { pageText, type BlockPoint } from '../../lib/anchor/page-text';
import { CONTEXT_LENGTH, describeRange } from '../../lib/anchor/selectors';

const WORDS = ['the', 'a', 'of', 'protest', 'protests', 'Almaty', 'city', 'women', 'woman', 'said', 'say', 'police', 'January', 'events', 'café', '𝒳', '宇航员', 'ket'];
const SEPS = [' ', ' ', ' ', ' ', ', ', '. ', '! '];
/** Phrases that recur, so the same quote (with the same or other context) occurs several times. */
const PHRASES = ['the women of Almaty said', 'police said the protests', 'in January the city', 'the events of January'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...PHRASES) },
);

const textArb = fc
  .array(fc.tuple(piece, fc.constantFrom(...SEPS)), { minLength: 20, maxLength: 120 })
  .map((parts) => parts.map(([w, s]) => w + s).join('').trim());

interface Edit {
  kind: 'insert' | 'delete' | 'substitute';
  /** Where, as a fraction of the text's length (so the shrinker keeps it meaningful). */
  at: number;
  length: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'substitute'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  insert: fc.oneof(fc.constantFrom(...WORDS, ...PHRASES).map((w) => ` ${w} `), fc.string({ minLength: 1, maxLength: 6 })),
});

/** Applies an edit; `near` pins it inside [from, to) of the text instead of anywhere. */
function applyEdit(text: string, e: Edit, from = 0, to = text.length): string {
  const at = Math.min(text.length, from + Math.floor(e.at * Math.max(0, to - from)));
  if (e.kind === 'insert') return text.slice(0, at) + e.insert + text.slice(at);
  const end = Math.min(text.length, at + e.length);
  return text.slice(0, at) + (e.kind === 'substitute' ? e.insert.slice(0, end - at) : '') + text.slice(end);
}

/** A quote over whole words: the word span [a, b) of `text` as fractions. */
function quoteRange(text: string, a: number, b: number): [number, number] {
  const starts = [0, ...[...text.matchAll(/ /g)].map((m) => m.index + 1)];
  const i = Math.floor(a * (starts.length - 1));
  const j = Math.min(starts.length - 1, i + 1 + Math.floor(b * 8));
  const start = starts[i]!;
  const end = j < starts.length - 1 ? starts[j]! - 1 : text.length;
  return [start, Math.max(end, start + 1)];
}

/** How often each state came up, to show the properties were exercised (logged at the end). */
const seen: Record<string, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };

function checkResult(text: string, exact: string, r: ReturnType<typeof anchorQuote>): void {
  seen[r.state]!++;
  if (r.state === 'orphan') {
    expect([r.start, r.end]).toEqual([-1, -1]);
    return;
  }
  const got = text.slice(r.start, r.end);
  if (r.state === 'exact' || r.state === 'moved') {
    expect(got).toBe(exact);
    return;
  }
  expect(editDistance(got, exact)).toBeLessThanOrEqual(maxErrorsFor(exact.length));
  expect(got).not.toBe(exact);
  expect(r.score).toBeGreaterThan(0);
  expect(r.score).toBeLessThan(1);
}

const ANCHOR_RUNS = 1000;

describe('anchorQuote properties', () => {
  it('returns the quote exactly, or within the error bound, or nothing, under random edits', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(editArb, fc.constantFrom('anywhere', 'inside', 'around')), { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        (text, a, b, edits, withPosition) => {
          const [start, end] = quoteRange(text, a, b);
          const { quote, position } = describeRange(text, start, end);
          let edited = text;
          for (const [e, where] of edits) {
            // Edits tracked roughly: "inside" aims at the quote's old range, "around" at its context.
            const from = where === 'anywhere' ? 0 : Math.max(0, start - (where === 'around' ? CONTEXT_LENGTH : 0));
            const to = where === 'anywhere' ? edited.length : Math.min(edited.length, end + (where === 'around' ? CONTEXT_LENGTH : 0));
            edited = applyEdit(edited, e, from, to);
          }
          const r = anchorQuote(edited, withPosition ? { quote, position } : { quote });
          checkResult(edited, quote.exact, r);
          if (edits.length === 0 && withPosition) expect(r).toEqual({ state: 'exact', start, end, score: 1 });
        },
      ),
      { numRuns: ANCHOR_RUNS },
    );
  });

  it('never loses a quote when the edits stay clear of it and its context', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 4 }),
        (text, a, b, edits) => {
          const [start, end] = quoteRange(text, a, b);
          const { quote, position } = describeRange(text, start, end);
          // Edits before the prefix or after the suffix only; the quote's own copy keeps context.
          const before = Math.max(0, start - CONTEXT_LENGTH - 1);
          const after = Math.min(text.length, end + CONTEXT_LENGTH + 1);
          let head = text.slice(0, before);
          let tail = text.slice(after);
          for (const [e, early] of edits) {
            if (early) head = applyEdit(head, e);
            else tail = applyEdit(tail, e);
          }
          const edited = head + text.slice(before, after) + tail;
          const r = anchorQuote(edited, { quote, position });
          expect(['exact', 'moved']).toContain(r.state);
          expect(edited.slice(r.start, r.end)).toBe(quote.exact);
        },
      ),
      { numRuns: ANCHOR_RUNS },
    );
  });

  it('keeps fuzzy matches within the bound for long quotes too (head and tail search)', () => {
    fc.assert(
      fc.property(
        fc.array(textArb, { minLength: 3, maxLength: 6 }).map((t) => t.join(' ')),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.array(editArb, { minLength: 1, maxLength: 12 }),
        (text, a, edits) => {
          const start = text.indexOf(' ', Math.floor(a * text.length)) + 1;
          const end = Math.min(text.length, start + 200 + Math.floor(a * 400));
          const { quote, position } = describeRange(text, start, end);
          let edited = text;
          for (const e of edits) edited = applyEdit(edited, e, start, end);
          checkResult(edited, quote.exact, anchorQuote(edited, { quote, position }));
        },
      ),
      { numRuns: 200 },
    );
    console.log(`anchorQuote states over the random-edit properties: ${JSON.stringify(seen)}`);
    expect(seen.fuzzy).toBeGreaterThan(0);
    expect(seen.moved).toBeGreaterThan(0);
    expect(seen.orphan).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------

const RAW_PIECES = ['a', 'b', 'word', 'é', '𝒳', '😀', '宇', '\u200b', '\u00ad', ' ', '  ', '\u00a0', '\n', '\t', '\u3000', '\u2009', ' \n '];
const blocksArb = fc.array(fc.array(fc.constantFrom(...RAW_PIECES), { maxLength: 12 }).map((p) => p.join('')), { maxLength: 8 });

/** The corpus rule, written as plainly as possible. */
function reference(blocks: readonly string[]): string {
  const ws = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  return blocks.join(' ').replace(ws, ' ').trim();
}

/** Every raw position of the blocks, in document order. */
function rawPoints(blocks: readonly string[]): BlockPoint[] {
  return blocks.flatMap((b, block) => Array.from({ length: b.length + 1 }, (_, offset) => ({ block, offset })));
}

describe('pageText properties', () => {
  it('normalizes like the reference and round-trips every offset', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => {
        const page = pageText(blocks);
        const t = page.text;
        expect(t).toBe(reference(blocks));
        if (blocks.length === 0) return; // no raw position to map to
        for (let i = 0; i <= t.length; i++) {
          expect(page.toNormalized(page.toRawStart(i), 'start')).toBe(t[i] === ' ' ? i + 1 : i);
          expect(page.toNormalized(page.toRawEnd(i), 'end')).toBe(t[i - 1] === ' ' ? i - 1 : i);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps raw positions in order, and a raw range to the normalized text of its content', () => {
    fc.assert(
      fc.property(blocksArb, fc.nat(), fc.nat(), (blocks, x, y) => {
        const page = pageText(blocks);
        const points = rawPoints(blocks);
        if (points.length === 0) return;
        let last = { start: 0, end: 0 };
        for (const p of points) {
          const now = { start: page.toNormalized(p, 'start'), end: page.toNormalized(p, 'end') };
          expect(now.start).toBeGreaterThanOrEqual(last.start);
          expect(now.end).toBeGreaterThanOrEqual(last.end);
          expect(now.end).toBeLessThanOrEqual(now.start);
          last = now;
        }
        // The raw text between two points, normalized, is what the normalized range holds
        // (trimmed: the maps keep ranges tight around whitespace).
        const [i, j] = [x % points.length, y % points.length].sort((m, n) => m - n) as [number, number];
        const a = points[i]!;
        const b = points[j]!;
        const inner = a.block === b.block ? [blocks[a.block]!.slice(a.offset, b.offset)] : [blocks[a.block]!.slice(a.offset), ...blocks.slice(a.block + 1, b.block), blocks[b.block]!.slice(0, b.offset)];
        const s = page.toNormalized(a, 'start');
        const e = page.toNormalized(b, 'end');
        expect(s <= e ? page.text.slice(s, e) : '').toBe(reference(inner));
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** Levenshtein distance by the textbook table. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

describe('edit distances', () => {
  const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '😀'), maxLength: 40 });

  it('editDistance is Levenshtein, and exact up to its cut-off', () => {
    fc.assert(
      fc.property(small, small, fc.nat(12), (a, b, max) => {
        const d = levenshtein(a, b);
        expect(editDistance(a, b)).toBe(d);
        const cut = editDistance(a, b, max);
        if (d <= max) expect(cut).toBe(d);
        else expect(cut).toBeGreaterThan(max);
      }),
      { numRuns: 1000 },
    );
  });

  it('ContextPattern gives the least distance to the text next to a point, free at the far end', () => {
    fc.assert(
      fc.property(small.map((s) => s.slice(0, 32)), small, fc.nat(), fc.nat(10), (context, text, at0, slack) => {
        const at = at0 % (text.length + 1);
        let suffix = Infinity;
        let prefix = Infinity;
        for (let j = 0; j <= context.length + slack; j++) {
          if (at + j <= text.length) suffix = Math.min(suffix, levenshtein(context, text.slice(at, at + j)));
          if (at - j >= 0) prefix = Math.min(prefix, levenshtein(context, text.slice(at - j, at)));
        }
        if (context.length === 0) suffix = prefix = 0;
        expect(new ContextPattern(context, 1).distance(text, at, slack)).toBe(suffix);
        expect(new ContextPattern(context, -1).distance(text, at, slack)).toBe(prefix);
      }),
      { numRuns: 1000 },
    );
  });
});
