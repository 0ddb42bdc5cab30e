// Small string checks shared by the pack schema and every importer: broken Unicode, lengths
// counted the way JSON Schema counts them, and quoting hostile text inside our own messages.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const LONE_SURROGATE_MESSAGE = 'contains broken Unicode (a lone UTF-16 surrogate); save the file as UTF-8 and try again';

/** Offset of the first lone UTF-16 surrogate in `s`, or -1. */
export function loneSurrogateAt(s: string): number {
  const m = LONE_SURROGATE.exec(s);
  return m ? m.index : -1;
}

// Native where the engine has it (Chrome 111, Firefox 119, Node 20): no regex, no allocation.
const isWellFormed: ((s: string) => boolean) | null =
  typeof ''.isWellFormed === 'function' ? (s) => s.isWellFormed() : null;

export function hasLoneSurrogate(s: string): boolean {
  return isWellFormed ? !isWellFormed(s) : LONE_SURROGATE.test(s);
}

/** Length in Unicode code points: what JSON Schema's minLength/maxLength count. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

// Control characters, lone surrogates and bidi overrides would make a message misleading or
// unreadable; they are shown as U+FFFD instead.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Untrusted text made safe to quote inside one of our messages: one line, at most `max` characters. */
export function displayText(s: string, max = 60): string {
  const head = s.length > max * 2 ? s.slice(0, max * 2) : s;
  const cps = Array.from(head.replace(UNSHOWABLE, '\uFFFD'));
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : cps.join('');
}

/** `text` cut at a word boundary to at most `max` code points, with an ellipsis when cut. */
export function truncateAtWord(text: string, max: number): string {
  const trimmed = text.trim();
  if (codePointLength(trimmed) <= max) return trimmed;
  const flat = trimmed.replace(/\s+/g, ' ');
  const cps = Array.from(flat.slice(0, max * 2)).slice(0, max - 1);
  const head = cps.join('');
  const space = head.lastIndexOf(' ');
  // A boundary in the first half would throw away too much: cut inside the word instead.
  const cut = space > head.length / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}
