// The corpus README's "visible text" in Node: a page's text nodes under <body> split into blocks
// at block-level elements, leaving out what a reader never sees. This follows the README, not the
// content script's walker, so the anchoring tests check lib/anchor against the corpus's own rule.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

const ROOT = resolve(import.meta.dirname, '../..');

/** The shared test corpus: $GLOSS_CORPUS, else beside the checkout, else the workplace's copy. */
export const CORPUS = [process.env.GLOSS_CORPUS, join(ROOT, '../shared/corpus'), '/work/shared/corpus']
  .filter((p): p is string => Boolean(p))
  .map((p) => resolve(p))
  .find((p) => existsSync(join(p, 'news/index.json')));

const BLOCK = new Set(
  'address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main marquee menu nav ol p plaintext pre search section summary table tbody td tfoot th thead tr ul xmp'.split(' '),
);
const NEVER = new Set(
  'head script style noscript template textarea select option optgroup datalist iframe object embed video audio canvas noembed noframes rp'.split(' '),
);
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

function declares(el: Element, property: string, values: RegExp): boolean {
  const style = el.getAttribute('style');
  if (!style) return false;
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    if (decl.slice(0, colon).trim().toLowerCase() !== property) continue;
    if (values.test(decl.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase())) return true;
  }
  return false;
}

function hidden(el: Element): boolean {
  const tag = el.localName.toLowerCase();
  if (el.namespaceURI === MATHML_NS && (tag === 'annotation' || tag === 'annotation-xml')) return true;
  if (NEVER.has(tag) && el.namespaceURI !== SVG_NS) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  if (el.hasAttribute('hidden')) return true;
  if (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  return declares(el, 'display', /^none$/) || declares(el, 'content-visibility', /^hidden$/);
}

/** A text node with the block it belongs to and its offset in that block's raw text. */
export interface PlacedText {
  node: Text;
  block: number;
  start: number;
}

export interface VisibleBlocks {
  /** Each block's raw text (concatenated text nodes, whitespace as in the page). */
  texts: string[];
  nodes: PlacedText[];
}

class Reader {
  texts: string[] = [];
  nodes: PlacedText[] = [];
  private current: string[] = [];
  private len = 0;

  boundary(): void {
    if (this.current.length === 0) return;
    this.texts.push(this.current.join(''));
    this.current = [];
    this.len = 0;
  }

  text(node: Text): void {
    this.nodes.push({ node, block: this.texts.length, start: this.len });
    this.current.push(node.data);
    this.len += node.data.length;
  }

  /**
   * `svg`: inside an <svg> but not (yet) under <text>/<foreignObject>, where text is not shown.
   * `invisible`: under an inline visibility:hidden|collapse that no descendant has undone yet.
   */
  walk(el: Element, svg: boolean, invisible: boolean): void {
    if (hidden(el)) return;
    const tag = el.localName.toLowerCase();
    if (el.namespaceURI === SVG_NS) {
      if (tag === 'title' || tag === 'desc' || tag === 'metadata') return;
      svg = tag !== 'text' && tag !== 'foreignobject' && (svg || tag === 'svg');
    }
    if (declares(el, 'visibility', /^(hidden|collapse)$/)) invisible = true;
    else if (declares(el, 'visibility', /^visible$/)) invisible = false;
    const block = BLOCK.has(tag) && el.namespaceURI !== SVG_NS;
    if (block) this.boundary();
    // A closed <details> shows only its first <summary>.
    const closedDetails = tag === 'details' && !el.hasAttribute('open');
    let summarySeen = false;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (closedDetails) {
        const isSummary = child.nodeType === 1 && (child as Element).localName.toLowerCase() === 'summary';
        if (!isSummary || summarySeen) continue;
        summarySeen = true;
      }
      if (child.nodeType === 3) {
        if (!svg && !invisible) this.text(child as Text);
      } else if (child.nodeType === 1) this.walk(child as Element, svg, invisible);
    }
    if (block) this.boundary();
  }
}

/** The visible text blocks under `body`, with the text nodes they were read from. */
export function readBlocks(body: Element): VisibleBlocks {
  const reader = new Reader();
  reader.walk(body, false, false);
  reader.boundary();
  return { texts: reader.texts, nodes: reader.nodes };
}

export function parsePage(html: string): Document {
  return parseHTML(html).document;
}

/** The visible text blocks of an HTML page. */
export function visibleBlocks(html: string): string[] {
  return readBlocks(parsePage(html).body).texts;
}

export interface CorpusQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Code point offset in the normalized visible text. */
  start: number;
  /** UTF-16 offset when it differs from `start`. */
  start_utf16?: number;
  occurrences?: number;
}

export interface CorpusPage {
  name: string;
  html: string;
  quotes: CorpusQuote[];
}

/** Every page of news/ and kazakhstan/ that has a quotes.json. */
export function corpusPages(corpus: string): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const dir of ['news', 'kazakhstan']) {
    const folder = join(corpus, dir);
    if (!existsSync(folder)) continue;
    const names = readdirSync(folder).filter((f) => f.endsWith('.quotes.json')).sort();
    for (const q of names) {
      const name = q.slice(0, -'.quotes.json'.length);
      pages.push({
        name: `${dir}/${name}`,
        html: readFileSync(join(folder, `${name}.html`), 'utf8'),
        quotes: JSON.parse(readFileSync(join(folder, q), 'utf8')) as CorpusQuote[],
      });
    }
  }
  return pages;
}
