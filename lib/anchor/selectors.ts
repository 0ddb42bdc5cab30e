// W3C Web Annotation selectors over the page's normalized text (see page-text.ts), and the
// sentence around a highlight, kept so that an orphaned highlight can still be shown in context.

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Text right before `exact`; W3C makes it optional, describeRange always fills it ('' at the text's start). */
  prefix?: string;
  /** Text right after `exact`; '' at the text's end. */
  suffix?: string;
}

/** https://www.w3.org/TR/annotation-model/#text-position-selector — offsets into the normalized text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Length of `prefix` and `suffix`, in UTF-16 code units (one less where a surrogate pair would be cut). */
export const CONTEXT_LENGTH = 32;

/** Longest sentence `sentenceAround` returns, in UTF-16 code units, ellipses included. */
export const MAX_SENTENCE = 300;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Moves a cut at `i` forward if it would separate a surrogate pair. */
function cutForward(text: string, i: number): number {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)) ? i + 1 : i;
}

/** Moves a cut at `i` backward if it would separate a surrogate pair. */
function cutBackward(text: string, i: number): number {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)) ? i - 1 : i;
}

function checkRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`Range ${start}–${end} is outside the text (length ${text.length})`);
  }
}

/** Both selectors for text[start, end) of the normalized text. */
export function describeRange(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  checkRange(text, start, end);
  const prefixFrom = cutForward(text, Math.max(0, start - CONTEXT_LENGTH));
  const suffixTo = cutBackward(text, Math.min(text.length, end + CONTEXT_LENGTH));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixFrom, start),
      suffix: text.slice(end, suffixTo),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

// Sentence ends. Latin punctuation ends a sentence only before a space (or the text's end), so
// "3.5" and "e.g.x" do not; the fullwidth CJK marks end one anywhere. Abbreviations ("Mr. Smith")
// do cut a sentence short: the result is context for a reader, not a parse.
const LATIN_END = new Set(['.', '!', '?']);
const CJK_END = new Set(['。', '！', '？']);
// Closing quotes and brackets that belong to the sentence they follow: `He said “No.” Then…`.
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '」', '』', '）', '】', '》', '〉']);

/** Offset right after a sentence end that finishes at `i` (the end mark plus closers), or -1. */
function sentenceEndAt(text: string, i: number): number {
  const ch = text[i]!;
  if (!LATIN_END.has(ch) && !CJK_END.has(ch)) return -1;
  let j = i + 1;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  if (CJK_END.has(ch) || j === text.length || text[j] === ' ') return j;
  return -1;
}

/** Start of the sentence holding `start`, looking back at most `limit` units. */
function sentenceStart(text: string, start: number, limit: number): number {
  const floor = Math.max(0, start - limit);
  for (let i = start - 1; i >= floor; i--) {
    const after = sentenceEndAt(text, i);
    if (after >= 0 && after <= start) return text[after] === ' ' ? after + 1 : after;
  }
  return floor;
}

/** End of the sentence holding offset `end - 1`, looking ahead at most `limit` units. */
function sentenceEnd(text: string, end: number, limit: number): number {
  const ceil = Math.min(text.length, end + limit);
  for (let i = Math.max(0, end - 1); i < ceil; i++) {
    const after = sentenceEndAt(text, i);
    if (after >= end) return after;
  }
  return ceil;
}

/**
 * The sentence(s) around text[start, end), at most `max` units (MAX_SENTENCE by default). When the
 * sentence is longer it is cut at spaces around the range, marked with "…"; a range longer than
 * `max` is itself cut.
 */
export function sentenceAround(text: string, start: number, end: number, max = MAX_SENTENCE): string {
  checkRange(text, start, end);
  if (end - start >= max) return `${text.slice(start, cutBackward(text, start + max - 1)).trimEnd()}…`;
  // Looking further than `max` either way could never be shown, so the scans stay bounded.
  const from = sentenceStart(text, start, max);
  const to = sentenceEnd(text, end, max);
  if (to - from <= max) return text.slice(from, to).trim();
  return clipAround(text, from, to, start, end, max);
}

/** text[from, to) cut to `max` units around [start, end), at spaces where possible, with ellipses. */
function clipAround(text: string, from: number, to: number, start: number, end: number, max: number): string {
  // Two units are kept for the ellipses; the rest of the room is shared evenly on both sides.
  const room = max - 2 - (end - start);
  let left = Math.max(from, start - (room >> 1));
  let right = Math.min(to, left + (end - start) + room);
  left = Math.max(from, right - (end - start) - room);
  left = snapForward(text, left, start);
  right = snapBackward(text, right, end);
  const head = left > from ? '…' : '';
  const tail = right < to ? '…' : '';
  return `${head}${text.slice(left, right).trim()}${tail}`;
}

/** The first word start at or after `i` (not past `limit`), so a cut does not split a word. */
function snapForward(text: string, i: number, limit: number): number {
  if (i === 0 || text[i - 1] === ' ') return i;
  const space = text.indexOf(' ', i);
  return space >= 0 && space < limit ? space + 1 : cutForward(text, i);
}

/** The last word end at or before `i` (not before `limit`). */
function snapBackward(text: string, i: number, limit: number): number {
  if (i === text.length || text[i] === ' ') return i;
  const space = text.lastIndexOf(' ', i);
  return space >= limit ? space : cutBackward(text, i);
}
