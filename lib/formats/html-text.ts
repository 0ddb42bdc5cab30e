// HTML from Anki fields turned into plain text. The HTML is never parsed by a browser, never
// rendered and never evaluated: this is a linear scan that drops tags, keeps the text between
// them, turns line-breaking tags into newlines and decodes character references. Script and
// style elements lose their content as well. Every loop moves forward, so the time is linear
// in the input whatever it contains.

const BREAKS = new Set(['br', 'div', 'p', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'dt', 'dd']);
const DROPPED_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  bdquo: '„', copy: '©', reg: '®', trade: '™', euro: '€', middot: '·', bull: '•', deg: '°', times: '×', minus: '−',
};

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,40})/y;

function decodeReference(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // NUL, surrogates and values beyond Unicode would smuggle broken text in.
    if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return '\uFFFD';
    return String.fromCodePoint(cp);
  }
  return Object.hasOwn(NAMED, body) ? (NAMED[body] as string) : whole;
}

export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decodeReference) : text;
}

/** Offset just past the '>' that ends the tag opened at `lt`, honouring quoted attributes; -1 if none. */
function tagEnd(html: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** Offset just past `</name ...>` at or after `from`, or the end of the text. */
function closingTagEnd(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}[\\s>/]`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  if (!m) return html.length;
  const end = tagEnd(html, m.index);
  return end === -1 ? html.length : end;
}

/** Plain text of an HTML fragment; newlines mark where the HTML broke lines. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let atLineStart = true;
  const text = (raw: string) => {
    // Source whitespace, newlines included, is one space in HTML.
    const t = decodeEntities(raw.replace(/\s+/g, ' '));
    out.push(t);
    if (t.trim()) atLineStart = false;
  };
  const lineBreak = (always: boolean) => {
    // <br> always breaks; block elements only end a line that has text on it.
    if (always || !atLineStart) out.push('\n');
    atLineStart = true;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    TAG_NAME.lastIndex = lt;
    const m = TAG_NAME.exec(html);
    if (!m) {
      // Not a tag ("a < b"): it is text.
      text('<');
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    // A tag that never ends runs to the end of the text, as in a browser; stopping here also
    // keeps the scan linear (no rescanning from every later '<').
    if (end === -1) break;
    const name = (m[2] as string).toLowerCase();
    if (name === 'br') lineBreak(true);
    else if (BREAKS.has(name)) lineBreak(false);
    i = !m[1] && DROPPED_CONTENT.has(name) && !html.slice(lt, end).endsWith('/>') ? closingTagEnd(html, name, end) : end;
  }
  return tidy(out.join(''));
}

/** Spaces collapsed, lines trimmed, at most one blank line in a row. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Single-line text: every run of whitespace becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
