// Collects the text a reader sees as blocks: runs of text nodes between block boundaries
// (DESIGN.md §4). A match may cross inline elements inside a block, never a block boundary.

import type { BlockCandidates } from '../../lib/match/scan';

/**
 * One block's text. Which text nodes it came from is looked up only when a match needs a range:
 * most blocks of a page hold no term, and fetching every node from a content script's isolated
 * world costs more than all the matching.
 */
export class TextBlock {
  // Made when a range first needs them: most blocks never do, and a dense page has thousands.
  private nodeList: Text[] | null;
  private startList: number[] | null;
  /** Walks the block's text nodes as far as ranges have needed; null once done (or for walked blocks). */
  private walker: TreeWalker | null = null;
  private el: Element | null;
  private len = 0;
  /** Its tokens that may start a term, once noted (see findCandidates); undefined before. */
  candidates: BlockCandidates | undefined;

  /**
   * @param owner the block-level element the text sits in (the walk's root for text outside any
   *   block): what the painter watches to know whether the block is near the viewport.
   */
  constructor(
    readonly text: string,
    readonly owner: Element,
    el: Element | null,
    nodes: Text[] | null = null,
    starts: number[] | null = null,
  ) {
    this.nodeList = nodes;
    this.startList = starts;
    this.el = el;
  }

  /**
   * The block's text nodes in order with their offsets in `text`, looked up at least as far as
   * offset `end`: a match near a block's start never fetches the rest. Empty when the block's
   * text changed since it was read.
   */
  layoutTo(end = Infinity): { nodes: Text[]; starts: number[] } {
    const nodes = (this.nodeList ??= []);
    const starts = (this.startList ??= []);
    if (this.el) {
      this.walker = this.el.ownerDocument.createTreeWalker(this.el, 4 /* NodeFilter.SHOW_TEXT */);
      this.el = null;
    }
    while (this.walker && this.len < end) {
      const t = this.walker.nextNode() as Text | null;
      if (!t || this.len + t.length > this.text.length) {
        this.walker = null;
        if (t || this.len !== this.text.length) nodes.length = starts.length = 0;
        break;
      }
      if (t.length === 0) continue;
      nodes.push(t);
      starts.push(this.len);
      this.len += t.length;
    }
    return { nodes, starts };
  }

  get nodes(): Text[] {
    return this.layoutTo().nodes;
  }

  get starts(): number[] {
    return this.layoutTo().starts;
  }
}

const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR CAPTION CENTER DD DETAILS DIALOG DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND LI LISTING MAIN MARQUEE MENU NAV OL P PLAINTEXT PRE SEARCH SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL XMP'.split(' '),
);

const SKIP_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE HEAD TITLE TEXTAREA SELECT OPTION OPTGROUP DATALIST IFRAME OBJECT EMBED VIDEO AUDIO CANVAS NOEMBED NOFRAMES RP INPUT'.split(' '),
);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|content-visibility\s*:\s*hidden|visibility\s*:\s*(hidden|collapse))/i;

// Inline elements that show all their text: a block holding only these (no attributes that
// could hide or change it) is read whole with one textContent call. One selector asks the
// browser whether anything else is inside, without fetching each element into our world.
const PLAIN_INLINE = 'a abbr b bdi bdo cite code data del dfn em font i img ins kbd mark q s samp small span strong sub sup time tt u var wbr'.split(' ');
const NOT_PLAIN = `:not(${PLAIN_INLINE.join(',')}),[hidden],[style],[contenteditable]`;

// One call rather than asking for the first element child first: that fetched an inline element
// into our world for nearly every paragraph of a page.
function plainInside(el: Element): boolean {
  return el.querySelector(NOT_PLAIN) === null;
}

/** Our own UI host; never scanned. */
export const HOST_TAG = 'gloss-root';

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

const HOST_TAG_NAME = HOST_TAG.toUpperCase();

// Each DOM property read from a content script's isolated world costs a trip through the
// bindings, so the walker reads an element's namespace and tag once and passes them along.
function isSkipped(el: Element, ns: string | null = el.namespaceURI, tag: string = el.tagName): boolean {
  if (ns === SVG_NS) return el.localName === 'title' || el.localName === 'desc' || el.localName === 'metadata' || el.localName === 'style' || el.localName === 'script';
  if (ns === MATHML_NS) return el.localName === 'annotation' || el.localName === 'annotation-xml';
  if (SKIP_TAGS.has(tag) || tag === HOST_TAG_NAME) return true;
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

// nodeType rather than instanceof, so this also runs on DOMs without those globals (unit tests).
function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** True when `node` lies inside something Gloss must not scan (used before re-scanning a subtree). */
export function insideSkipped(node: Node): boolean {
  for (let el = elementOf(node); el; el = el.parentElement) if (isSkipped(el)) return true;
  return false;
}

class Collector {
  private blocks: TextBlock[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private len = 0;
  private hasText = false;
  private owner: Element | null = null;

  flush(): void {
    if (this.hasText) {
      this.blocks.push(new TextBlock(this.parts.join(''), this.owner!, null, this.nodes, this.starts));
      this.nodes = [];
      this.starts = [];
    } else if (this.nodes.length) {
      // Only white space (between a page's paragraphs, mostly): the lists are kept for the next run.
      this.nodes.length = this.starts.length = 0;
    }
    this.parts.length = 0;
    this.len = 0;
    this.hasText = false;
    this.owner = null;
  }

  text(node: Text, owner: Element): void {
    const data = node.data;
    if (data.length === 0) return;
    this.owner ??= owner;
    this.nodes.push(node);
    this.starts.push(this.len);
    this.parts.push(data);
    this.len += data.length;
    if (!this.hasText && /\S/.test(data)) this.hasText = true;
  }

  /** A whole block read at once (the caller has flushed). */
  whole(el: Element): void {
    const text = el.textContent ?? '';
    if (/\S/.test(text)) this.blocks.push(new TextBlock(text, el, el));
  }

  get size(): number {
    return this.blocks.length;
  }

  drain(): TextBlock[] {
    const out = this.blocks;
    this.blocks = [];
    return out;
  }
}

interface Frame {
  /** Next child to visit. */
  next: Node | null;
  /** Inside SVG, only text under <text> or <foreignObject> is visible text. */
  svgText: boolean;
  /** Leaving this frame ends a block. */
  block: boolean;
  /** The nearest block-level element (or the walk's root): the owner of text found here. */
  owner: Element;
}

/**
 * Walks a subtree into blocks and can stop at a deadline and resume, so a huge page never
 * holds the main thread. `skip` is a subtree already walked (the part on screen, done first).
 */
export class BlockWalker {
  private stack: Frame[] = [];
  private c = new Collector();

  constructor(
    root: Node,
    private skip: Node | null = null,
  ) {
    const owner = elementOf(root) ?? (root.ownerDocument ?? document).documentElement;
    if (root.nodeType === 3) this.c.text(root as Text, owner);
    else this.stack.push({ next: root.firstChild, svgText: (root as Element).namespaceURI !== SVG_NS, block: false, owner });
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Blocks completed until `deadline` (a performance.now() time), `max` blocks, or the end. */
  take(deadline = Infinity, max = Infinity): TextBlock[] {
    let visited = 0;
    while (this.stack.length && this.c.size < max) {
      const f = this.stack[this.stack.length - 1]!;
      const child = f.next;
      if (!child) {
        this.stack.pop();
        if (f.block) this.c.flush();
        continue;
      }
      f.next = child.nextSibling;
      if (child.nodeType === 3) {
        if (f.svgText) this.c.text(child as Text, f.owner);
        continue;
      }
      if (child.nodeType !== 1 || child === this.skip) continue;
      this.enter(child as Element, f);
      if ((++visited & 127) === 0 && performance.now() >= deadline) break;
    }
    if (!this.stack.length) this.c.flush();
    return this.c.drain();
  }

  private enter(el: Element, parent: Frame): void {
    const svgText = parent.svgText;
    const tag = el.tagName;
    // SVG and MathML name their elements in lower case (and so does XHTML): a name starting in
    // upper case is an HTML element's, whose namespace need not be fetched.
    const ns = tag.charCodeAt(0) < 0x61 ? HTML_NS : el.namespaceURI;
    if (isSkipped(el, ns, tag)) return;
    let inner = svgText;
    if (ns === SVG_NS) inner = el.localName === 'text' || el.localName === 'foreignObject' ? true : el.localName === 'svg' ? false : svgText;
    const block = BLOCK_TAGS.has(tag);
    const owner = block ? el : parent.owner;
    if (block) this.c.flush();
    if (block && inner && ns !== SVG_NS && tag !== 'DETAILS' && plainInside(el)) {
      this.c.whole(el);
      return;
    }
    if (tag === 'DETAILS' && !el.hasAttribute('open')) {
      // A closed <details> shows only its first <summary>.
      this.stack.push({ next: null, svgText: inner, block: true, owner });
      const summary = Array.from(el.children).find((c) => c.tagName === 'SUMMARY');
      if (summary) this.stack.push({ next: summary.firstChild, svgText: inner, block: true, owner: summary });
      return;
    }
    this.stack.push({ next: el.firstChild, svgText: inner, block, owner });
  }
}

/** Blocks of visible text under `root` (itself included when it is an element). */
export function collectBlocks(root: Node): TextBlock[] {
  return new BlockWalker(root).take();
}

/** The outermost of `roots` still on the page: what a batch of changes must read again. */
export function outermostConnected(roots: Iterable<Element>): Element[] {
  const on = [...roots].filter((el) => el.isConnected);
  return on.filter((el) => !on.some((o) => o !== el && o.contains(el)));
}

/** Blocks of visible text under each of `roots`, skipping roots inside what Gloss never reads. */
export function blocksUnder(roots: readonly Element[]): TextBlock[] {
  return roots.flatMap((root) => (insideSkipped(root) ? [] : collectBlocks(root)));
}

/** Nearest ancestor that starts a block (the unit a re-scan must cover). */
export function blockRootOf(node: Node): Element | null {
  for (let el = elementOf(node); el; el = el.parentElement) if (isBlockElement(el)) return el;
  return null;
}
