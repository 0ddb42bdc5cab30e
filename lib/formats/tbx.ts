// TBX (ISO 30042) term bases in the TBX-Basic dialect: the v2 form (<martif type="TBX-Basic">,
// termEntry / langSet / tig) and the v3 form (<tbx type="TBX-Basic" style="dca|dct">,
// conceptEntry / langSec / termSec), read with the saxes event parser.
//
// Safety: a DOCTYPE is never fetched or expanded (saxes does neither), any <!ENTITY
// declaration is refused outright (billion laughs, external entities), so only the five
// predefined entities and numeric character references are ever decoded. Nesting and the
// number of entries are bounded, and the first well-formedness error stops the import, as XML
// requires.
//
// Mapping of one concept (termEntry/conceptEntry) to one entry:
// - id: from the term, except for concepts written by Gloss's own export (see GLOSS_ID_PREFIX).
// - term: the first non-deprecated term in the pack's language (else in any language);
//   all other terms become variants.
// - deprecated terms (administrativeStatus / termStatus deprecated, superseded, not
//   recommended or obsolete) stay variants, because readers meet them in the news, and are
//   named in a last paragraph of the definition, "Deprecated term: X." or "Deprecated terms:
//   X; Y.". The pack format has no field for them; the definition is what the reader sees, and
//   the TBX export reads that paragraph back into deprecated termSecs (see DEPRECATED_NOTE).
// - definition → definition, and cut at a word boundary for the short text (a concept without
//   a definition uses its first note, or else lists its other terms);
// - context, note and sources without an address → context; sources with an http(s) address
//   and externalCrossReference → sources; subjectField → tags; crossReference → related.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ID_PATTERN, SHORT_MAX, type PackSource } from '../pack/format';
import { LineIndex } from '../pack/lines';
import { displayText, loneSurrogateAt, truncateAtWord } from '../pack/text-safety';
import { parseSource } from './cells';
import { oneLine, tidy } from './html-text';
import type { DraftEntry, ReadResult } from './types';

/** "Deprecated term: X." / "Deprecated terms: X; Y." — written on import, read by the TBX export. */
export const DEPRECATED_NOTE = /(?:^|\n\n)Deprecated terms?: ([^\n]+)\.$/;

export function deprecatedNote(terms: readonly string[]): string {
  return `Deprecated term${terms.length > 1 ? 's' : ''}: ${terms.join('; ')}.`;
}

const CONCEPT = new Set(['termentry', 'conceptentry']);
const LANGUAGE = new Set(['langset', 'langsec']);
const TERM_GROUP = new Set(['tig', 'ntig', 'termsec']);
// Containers whose text is not a field of its own.
const STRUCTURE = new Set(['termgrp', 'descripgrp', 'admingrp', 'transacgrp', 'notegrp', 'termnotegrp', 'refobjectsec', 'refobjectlist', 'refobject']);
// Inline markup inside a field: its text belongs to the field around it.
const INLINE = new Set(['hi', 'foreign', 'sc', 'ec', 'ph', 'bpt', 'ept', 'it', 'ut']);
// Elements whose data category is named by their `type` attribute (DCA style). In DCT style
// the element name itself is the category (<basic:definition>).
const TYPED = new Set(['descrip', 'termnote', 'admin', 'descripnote', 'adminnote', 'transacnote', 'transac', 'xref', 'ref']);
const DEPRECATED_STATUS = /deprecated|superseded|notrecommended|not recommended|obsolete/i;

interface Term {
  text: string;
  lang: string;
  status: string;
}

interface Concept {
  line: number;
  sourceId?: string;
  terms: Term[];
  definitions: { lang: string; text: string }[];
  contexts: { lang: string; text: string }[];
  notes: string[];
  sourceTexts: string[];
  sources: PackSource[];
  subjects: string[];
  refs: string[];
}

interface Capture {
  category: string;
  target?: string;
  parts: string[];
}

interface Frame {
  local: string;
  capture?: Capture;
}

/** A refusal: thrown from a saxes handler, it ends the parse and becomes the one fatal error. */
class Stop extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  return Object.hasOwn(tag.attributes, name) ? tag.attributes[name] : undefined;
}

function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** Refusals that must happen before any parsing. */
function precheck(text: string): Stop | null {
  const lines = new LineIndex(text);
  const entity = text.search(/<!ENTITY/i);
  if (entity !== -1) {
    return new Stop('the file declares an entity (<!ENTITY …>); TBX files must not, and Gloss never expands them (this blocks entity-expansion and external-entity attacks)', lines.line(entity));
  }
  // saxes would misread a lone high surrogate (it takes the next character as its pair), so
  // broken Unicode is refused before parsing, naming the element it is in or near.
  const broken = loneSurrogateAt(text);
  if (broken !== -1) {
    const near = nearestStartTag(text, broken);
    return new Stop(`the text${near ? ` of <${near}>` : ''} contains broken Unicode (a lone UTF-16 surrogate); save the file as UTF-8 and try again`, lines.line(broken));
  }
  return null;
}

/** Name (and type, if any) of the last start tag before `offset`, looking back a little way. */
function nearestStartTag(text: string, offset: number): string | null {
  const window = text.slice(Math.max(0, offset - 2000), offset);
  let last: RegExpExecArray | null = null;
  for (const m of window.matchAll(/<([A-Za-z_][\w:.-]{0,60})(?:[^<>]{0,300}?\stype="([^"<>]{1,60})")?[^<>]{0,300}>/g)) last = m;
  if (!last?.[1]) return null;
  return last[2] ? `${last[1]} type="${displayText(last[2], 40)}"` : last[1];
}

function newConcept(line: number, sourceId: string | undefined): Concept {
  return { line, sourceId, terms: [], definitions: [], contexts: [], notes: [], sourceTexts: [], sources: [], subjects: [], refs: [] };
}

/**
 * Concept ids written by Gloss's own TBX export carry the entry id ("gloss.senate"), so that
 * notes and highlights survive a round trip. Other termbases' ids ("c1", GUIDs) are not
 * entry ids: those entries get ids from their terms, like every other import.
 */
export const GLOSS_ID_PREFIX = 'gloss.';

function entryIdFrom(sourceId: string | undefined): string | undefined {
  if (!sourceId?.startsWith(GLOSS_ID_PREFIX)) return undefined;
  const id = sourceId.slice(GLOSS_ID_PREFIX.length);
  return ID_PATTERN.test(id) ? id : undefined;
}

/** The entry draft of one concept; see the mapping at the top of this file. */
function draftFromConcept(c: Concept, language: string | undefined): DraftEntry {
  const draft: DraftEntry = { line: c.line, problems: [], sourceId: c.sourceId };
  const id = entryIdFrom(c.sourceId);
  if (id) draft.id = id;
  const primary = language ? primaryLanguage(language) : '';
  const inLanguage = (lang: string) => primary !== '' && primaryLanguage(lang) === primary;
  const isDeprecated = (t: Term) => DEPRECATED_STATUS.test(t.status);
  const rank = (t: Term) => (inLanguage(t.lang) ? 0 : 2) + (isDeprecated(t) ? 1 : 0);
  const terms = c.terms
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
  const head = terms.find((t) => !isDeprecated(t)) ?? terms[0];
  if (!head) {
    draft.problems.push({ field: 'term', message: 'the concept has no term' });
    return draft;
  }
  draft.term = head.text;
  // Variants keep the file's order; only the choice of the head term is ranked.
  const others = [...new Set(c.terms.filter((t) => t !== head).map((t) => t.text))].filter((t) => t !== head.text);
  if (others.length) draft.variants = others;
  const deprecated = [...new Set(c.terms.filter((t) => t !== head && isDeprecated(t)).map((t) => t.text))].filter((t) => t !== head.text);

  const def = c.definitions.find((d) => inLanguage(d.lang)) ?? c.definitions[0];
  const note = deprecated.length ? deprecatedNote(deprecated) : '';
  if (def || note) draft.definition = [def?.text, note].filter(Boolean).join('\n\n');
  const shortFrom = def?.text ?? c.notes[0] ?? (others.length ? `Also: ${others.join(', ')}` : '');
  if (shortFrom) draft.short = truncateAtWord(oneLine(shortFrom), SHORT_MAX);

  const contexts = [...c.contexts.filter((x) => inLanguage(x.lang)), ...c.contexts.filter((x) => !inLanguage(x.lang))].map((x) => x.text);
  const sources = [...c.sources];
  const unlinked: string[] = [];
  for (const s of c.sourceTexts) {
    const parsed = parseSource(s);
    if (typeof parsed === 'string') unlinked.push(`Source: ${s}`);
    else sources.push(parsed);
  }
  const context = [...contexts, ...c.notes, ...unlinked].join('\n\n');
  if (context) draft.context = context;
  if (sources.length) draft.sources = sources;
  const tags = [...new Set(c.subjects.map(oneLine).filter(Boolean))];
  if (tags.length) draft.tags = tags;
  if (c.refs.length) draft.related = [...new Set(c.refs)];
  return draft;
}

/** Collects concepts from saxes events; see the mapping at the top of this file. */
class TbxCollector {
  readonly drafts: DraftEntry[] = [];
  readonly warnings: ReadResult['warnings'] = [];
  readonly meta: { title?: string; language?: string } = {};
  private readonly stack: Frame[] = [];
  private concept: Concept | null = null;
  private lang = '';
  private group: Term | null = null;
  private capture: Capture | null = null;

  constructor(
    private readonly parser: SaxesParser<{ xmlns: false; position: true }>,
    private readonly options: { language?: string; maxEntries: number; maxDepth: number },
  ) {}

  open(tag: SaxesTagPlain): void {
    const local = localName(tag.name);
    const parent = this.stack[this.stack.length - 1]?.local;
    const frame: Frame = { local };
    this.stack.push(frame);
    if (this.stack.length > this.options.maxDepth) throw new Stop(`elements are nested more than ${this.options.maxDepth} levels deep`, this.parser.line);
    if (this.stack.length === 1) return this.openRoot(tag, local);
    if (this.capture) return; // markup inside a field: its text joins the field
    if (CONCEPT.has(local)) {
      if (this.drafts.length >= this.options.maxEntries) throw new Stop(`the file has more than ${this.options.maxEntries} entries; split it into smaller files`, this.parser.line);
      this.concept = newConcept(this.parser.line, attr(tag, 'id'));
    } else if (LANGUAGE.has(local)) this.lang = attr(tag, 'xml:lang') ?? '';
    else if (TERM_GROUP.has(local)) this.group = { text: '', lang: this.lang, status: '' };
    else if (local === 'title' && parent === 'titlestmt') this.capture = frame.capture = { category: '#title', parts: [] };
    else if (this.concept && !STRUCTURE.has(local) && !INLINE.has(local)) {
      const category = TYPED.has(local) ? (attr(tag, 'type') ?? local) : local;
      this.capture = frame.capture = { category: category.toLowerCase(), target: attr(tag, 'target'), parts: [] };
    }
  }

  text(t: string): void {
    this.capture?.parts.push(t);
  }

  close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.capture) {
      this.capture = null;
      this.field(frame.capture, tidy(frame.capture.parts.join('')));
    } else if (TERM_GROUP.has(frame.local) && this.group && this.concept) {
      if (this.group.text) this.concept.terms.push(this.group);
      this.group = null;
    } else if (LANGUAGE.has(frame.local)) this.lang = '';
    else if (CONCEPT.has(frame.local) && this.concept) {
      this.drafts.push(draftFromConcept(this.concept, this.options.language ?? this.meta.language));
      this.concept = null;
    }
  }

  private openRoot(tag: SaxesTagPlain, local: string): void {
    if (local !== 'martif' && local !== 'tbx') throw new Stop(`this is not a TBX file: its root element is <${displayText(tag.name, 40)}>, not <martif> or <tbx>`, this.parser.line);
    const type = attr(tag, 'type') ?? '';
    if (!/tbx-basic/i.test(type)) {
      const dialect = type ? `"${displayText(type, 40)}"` : 'of no declared dialect';
      this.warnings.push({ line: this.parser.line, message: `the file is ${dialect}, not TBX-Basic; only the TBX-Basic data categories are read` });
    }
    // "und" (undetermined) is what the TBX export writes for a pack without a language.
    const xmlLang = attr(tag, 'xml:lang');
    if (xmlLang && xmlLang.toLowerCase() !== 'und') this.meta.language = xmlLang;
  }

  /** One finished field, filed under the data category it belongs to. */
  private field(cap: Capture, value: string): void {
    const { category } = cap;
    const c = this.concept;
    if (category === '#title') {
      if (value && this.meta.title === undefined) this.meta.title = oneLine(value);
    } else if (!c) {
      return;
    } else if (category === 'term') {
      if (!value) return;
      if (this.group) this.group.text = oneLine(value);
      else c.terms.push({ text: oneLine(value), lang: this.lang, status: '' });
    } else if (category === 'administrativestatus' || category === 'termstatus' || category === 'normativeauthorization') {
      if (this.group) this.group.status = value;
    } else if (category === 'externalcrossreference' || category === 'xref') {
      const url = cap.target ?? '';
      if (/^https?:\/\/\S+$/i.test(url)) c.sources.push({ title: oneLine(value) || url, url });
      else if (value) c.sourceTexts.push(value);
    } else if (category === 'crossreference' || category === 'ref') {
      if (cap.target) c.refs.push(cap.target);
    } else if (value) {
      if (category === 'definition') c.definitions.push({ lang: this.lang, text: value });
      else if (category === 'context') c.contexts.push({ lang: this.lang, text: value });
      else if (category === 'note') c.notes.push(value);
      else if (category === 'source') c.sourceTexts.push(value);
      else if (category === 'subjectfield') c.subjects.push(value);
    }
  }
}

export function readTbx(text: string, options: { language?: string; maxEntries: number; maxDepth: number }): ReadResult {
  const stopped = precheck(text);
  if (stopped) return { drafts: [], fatal: [{ line: stopped.line, message: stopped.message }], warnings: [] };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const tbx = new TbxCollector(parser, options);
  // Every refusal is thrown from inside a handler and ends the parse (see Stop).
  parser.on('error', (err) => {
    throw new Stop(`the XML is not well-formed: ${err.message.replace(/^\d+:\d+: /, '')}`, parser.line);
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) throw new Stop('the DOCTYPE declares an entity; TBX files must not, and Gloss never expands them', parser.line);
  });
  parser.on('opentag', (tag) => tbx.open(tag));
  parser.on('text', (t) => tbx.text(t));
  parser.on('cdata', (t) => tbx.text(t));
  parser.on('closetag', () => tbx.close());
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Stop) return { drafts: [], fatal: [{ line: err.line, message: err.message }], warnings: tbx.warnings };
    throw err;
  }
  const { drafts, warnings, meta } = tbx;
  if (!drafts.length) return { drafts, fatal: [{ message: 'the file has no termEntry or conceptEntry' }], warnings, meta };
  return { drafts, fatal: [], warnings, meta };
}
