// Position tracking for JSON text. JSON.parse says neither where a value sits nor (in every
// browser) where a syntax error is, so this module checks the syntax itself, with the same
// grammar and with a bound on nesting, and later finds the line of any value by its path.
// Both run in loops, never by recursion, so hostile nesting cannot overflow the stack.

import { LineIndex } from './lines';

export type JsonPath = readonly (string | number)[];

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

// JSON forbids raw control characters in strings: matching them is the point here.
// eslint-disable-next-line no-control-regex
const STRING_BODY = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const SIMPLE_ESCAPES = '"\\/bfnrt';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just past the string starting at `i` (a '"'), or a syntax error. */
function scanString(text: string, i: number): number | JsonSyntaxError {
  i++;
  for (;;) {
    STRING_BODY.lastIndex = i;
    STRING_BODY.test(text);
    i = STRING_BODY.lastIndex;
    if (i >= text.length) return { offset: i, message: 'a string is not closed' };
    const c = text[i];
    if (c === '"') return i + 1;
    if (c !== '\\') return { offset: i, message: 'a string contains a raw control character (write it as an escape such as \\n)' };
    const e = text[i + 1];
    if (e === 'u') {
      HEX4.lastIndex = i + 2;
      if (!HEX4.test(text)) return { offset: i, message: 'a \\u escape needs four hexadecimal digits' };
      i += 6;
    } else if (e !== undefined && SIMPLE_ESCAPES.includes(e)) i += 2;
    else return { offset: i, message: 'a string contains an invalid escape' };
  }
}

/** Offset just past the number, true, false or null at `i`, or a syntax error. */
function scanScalar(text: string, i: number): number | JsonSyntaxError {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  return { offset: i, message: i >= text.length ? 'the text ends where a value was expected' : 'expected a value (a string in double quotes, number, true, false, null, object or array)' };
}

// What the scanner expects next.
const Expect = { Value: 0, Key: 1, AfterValue: 2 } as const;

/**
 * Checks that `text` is exactly one JSON value and nests at most `maxDepth` levels.
 * Returns null when it is, so JSON.parse can then be trusted to succeed.
 */
export function checkJsonSyntax(text: string, maxDepth: number): JsonSyntaxError | null {
  const stack: number[] = []; // 0 = inside an array, 1 = inside an object
  let i = skipSpace(text, 0);
  let expect: number = Expect.Value;
  for (;;) {
    if (expect === Expect.Value) {
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) return { offset: i, message: `objects and arrays are nested more than ${maxDepth} levels deep` };
        stack.push(c === '{' ? 1 : 0);
        i = skipSpace(text, i + 1);
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = Expect.AfterValue;
        } else expect = c === '{' ? Expect.Key : Expect.Value;
        continue;
      }
      const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = Expect.AfterValue;
    } else if (expect === Expect.Key) {
      if (text[i] !== '"') return { offset: i, message: 'expected a field name in double quotes' };
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = skipSpace(text, end);
      if (text[i] !== ':') return { offset: i, message: "expected ':' after the field name" };
      i = skipSpace(text, i + 1);
      expect = Expect.Value;
    } else {
      i = skipSpace(text, i);
      const top = stack[stack.length - 1];
      if (top === undefined) return i === text.length ? null : { offset: i, message: 'unexpected text after the end of the JSON value' };
      const c = text[i];
      if (c === ',') {
        i = skipSpace(text, i + 1);
        expect = top === 1 ? Expect.Key : Expect.Value;
        const closer = top === 1 ? '}' : ']';
        if (text[i] === closer) return { offset: i, message: `a ',' is followed by '${closer}' (remove the trailing comma)` };
      } else if (c === (top === 1 ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        return { offset: i, message: top === 1 ? "expected ',' or '}' after a field" : "expected ',' or ']' after an array item" };
      }
    }
  }
}

/** Offset just past the value starting at `i`, in text already known to be valid JSON. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return scanString(text, i) as number;
  if (c !== '{' && c !== '[') return scanScalar(text, i) as number;
  let depth = 0;
  for (;;) {
    const d = text[i];
    if (d === '"') {
      i = scanString(text, i) as number;
      continue;
    }
    if (d === '{' || d === '[') depth++;
    else if (d === '}' || d === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/**
 * Finds where values sit in valid JSON text. Each container that a lookup passes through is
 * indexed once, so any number of lookups costs one pass over the text at most.
 */
export class JsonLocator {
  private readonly arrays = new Map<number, number[]>();
  private readonly objects = new Map<number, Map<string, number>>();
  private readonly lines: LineIndex;
  private readonly root: number;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
    this.root = skipSpace(text, 0);
  }

  private arrayIndex(at: number): number[] {
    let items = this.arrays.get(at);
    if (items) return items;
    items = [];
    let i = skipSpace(this.text, at + 1);
    while (this.text[i] !== ']') {
      items.push(i);
      i = skipSpace(this.text, skipValue(this.text, i));
      if (this.text[i] === ',') i = skipSpace(this.text, i + 1);
    }
    this.arrays.set(at, items);
    return items;
  }

  private objectIndex(at: number): Map<string, number> {
    let members = this.objects.get(at);
    if (members) return members;
    members = new Map();
    let i = skipSpace(this.text, at + 1);
    while (this.text[i] === '"') {
      const keyEnd = scanString(this.text, i) as number;
      const key = decodeKey(this.text, i, keyEnd);
      const value = skipSpace(this.text, skipSpace(this.text, keyEnd) + 1);
      members.set(key, value); // a repeated key overrides the earlier one, as in JSON.parse
      i = skipSpace(this.text, skipValue(this.text, value));
      if (this.text[i] === ',') i = skipSpace(this.text, i + 1);
    }
    this.objects.set(at, members);
    return members;
  }

  /** Offset of the value at `path`, or of its deepest ancestor that exists. */
  offsetOf(path: JsonPath): number {
    let at = this.root;
    for (const key of path) {
      const c = this.text[at];
      const next = typeof key === 'number' ? (c === '[' ? this.arrayIndex(at)[key] : undefined) : c === '{' ? this.objectIndex(at).get(key) : undefined;
      if (next === undefined) break;
      at = next;
    }
    return at;
  }

  /** 1-based line of the value at `path` (or of its deepest existing ancestor). */
  lineOf(path: JsonPath): number {
    return this.lines.line(this.offsetOf(path));
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    return { line: this.lines.line(offset), column: this.lines.column(offset) };
  }
}
