// Seeded inputs for the benchmarks: a 1 MiB news-like page with inline markup and packs of
// 5,000 and 50,000 terms (words, phrases, punctuated slogans, Cyrillic); `generateDense` adds a
// dense course-pack page and a 1 MiB page without matches. Same seed, same bytes.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = 'the of and to in a is that for on was with as by at from it an be this which or are were has have not but had they its their his her said after about more than into over also been new two who when would up year'.split(' ');
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'ch', 'cl', 'dr', 'gr', 'pl', 'pr', 'sh', 'st', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'rk', 'ng'];
const CYR_ONSETS = ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ш', 'қ', 'ң'];
const CYR_VOWELS = ['а', 'о', 'е', 'и', 'у', 'ы', 'ә', 'ө', 'ұ', 'і'];

function word(r: () => number, syllables: number, cyrillic = false): string {
  let w = '';
  for (let i = 0; i < syllables; i++) {
    if (cyrillic) w += CYR_ONSETS[Math.floor(r() * CYR_ONSETS.length)]! + CYR_VOWELS[Math.floor(r() * CYR_VOWELS.length)]!;
    else w += ONSETS[Math.floor(r() * ONSETS.length)]! + VOWELS[Math.floor(r() * VOWELS.length)]! + CODAS[Math.floor(r() * CODAS.length)]!;
  }
  return w;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface BenchInputs {
  /** The page body's HTML. */
  html: string;
  /** Text of each block, as the content script would see it. */
  blocks: string[];
  /** Terms that occur on the page (and some that do not). */
  terms5k: string[];
  /** terms5k plus 45,000 terms that never occur. */
  terms50k: string[];
  /** A page of the same size and shape where no term occurs. */
  quietHtml: string;
}

function makeTerms(r: () => number, n: number, vocab: string[], cyrVocab: string[]): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const k = r();
    if (k < 0.5) out.add(pick(r, vocab));
    else if (k < 0.8) out.add(`${cap(pick(r, vocab))} ${cap(pick(r, vocab))}${r() < 0.3 ? ` ${pick(r, vocab)}` : ''}`);
    else if (k < 0.9) out.add(`${cap(pick(r, vocab))}, ${pick(r, vocab)}!`);
    else out.add(r() < 0.5 ? pick(r, cyrVocab) : `${pick(r, cyrVocab)} ${pick(r, cyrVocab)}`);
  }
  return [...out];
}

interface PageOptions {
  bytes: number;
  vocab: string[];
  cyrVocab: string[];
  terms: string[];
  termRate: number;
}

function makePage(r: () => number, o: PageOptions): { html: string; blocks: string[] } {
  const parts: string[] = [];
  const blocks: string[] = [];
  let size = 0;
  const inline = ['em', 'a', 'strong', 'span', 'b'];
  while (size < o.bytes) {
    const html: string[] = [];
    const text: string[] = [];
    const sentences = 3 + Math.floor(r() * 4);
    for (let s = 0; s < sentences; s++) {
      const words = 8 + Math.floor(r() * 14);
      for (let w = 0; w < words; w++) {
        let t: string;
        const k = r();
        if (k < o.termRate) t = pick(r, o.terms);
        else if (k < 0.5) t = pick(r, COMMON);
        else if (k < 0.52) t = pick(r, o.cyrVocab);
        else t = pick(r, o.vocab);
        if (w === 0) t = cap(t);
        const sep = w === words - 1 ? '. ' : r() < 0.06 ? ', ' : ' ';
        text.push(t + sep);
        // About one inline element every 40 characters: ~25,000 text nodes per MiB.
        if (r() < 0.14) {
          const tag = pick(r, inline);
          html.push(`<${tag}${tag === 'a' ? ' href="#x"' : ''}>${t}</${tag}>${sep}`);
        } else html.push(t + sep);
      }
    }
    const block = text.join('').trim();
    blocks.push(block);
    const p = `<p>${html.join('').trim()}</p>\n`;
    parts.push(p);
    size += p.length;
  }
  return { html: parts.join(''), blocks };
}

interface Words {
  vocab: string[];
  cyrVocab: string[];
  terms5k: string[];
}

/** The prose vocabularies and the 5,000-term pack: the first draws of every generator's stream. */
function words(r: () => number): Words {
  const vocab = Array.from({ length: 4000 }, () => word(r, 1 + Math.floor(r() * 3)));
  const cyrVocab = Array.from({ length: 600 }, () => word(r, 2 + Math.floor(r() * 2), true));
  // Terms come from their own vocabulary (names, loanwords) and appear in the prose where the
  // generator puts them, about one word in a hundred, as on a real page.
  const termVocab = Array.from({ length: 6000 }, () => word(r, 2 + Math.floor(r() * 2)));
  const termCyr = Array.from({ length: 800 }, () => word(r, 3, true));
  return { vocab, cyrVocab, terms5k: makeTerms(r, 5000, termVocab, termCyr) };
}

export function generate(seed = 2022, bytes = 1 << 20): BenchInputs {
  const r = rng(seed);
  const { vocab, cyrVocab, terms5k } = words(r);
  // Extra terms from a separate vocabulary (distinct syllable lengths) so they never occur.
  const rareVocab = Array.from({ length: 30000 }, () => `${word(r, 4)}${word(r, 1)}`);
  const rareCyr = Array.from({ length: 3000 }, () => word(r, 5, true));
  const shared = new Set(terms5k);
  const extra = makeTerms(r, 45000, rareVocab, rareCyr).filter((t) => !shared.has(t));
  const terms50k = [...terms5k, ...extra];
  const page = makePage(r, { bytes, vocab, cyrVocab, terms: terms5k, termRate: 0.01 });
  // The quiet page uses only words that no term contains.
  const termWords = new Set(terms5k.flatMap((t) => t.toLowerCase().split(/[^\p{L}]+/u)));
  const quietVocab = COMMON.filter((w) => !termWords.has(w));
  const quiet = makePage(r, { bytes: 20_000, vocab: quietVocab, cyrVocab: ['текст'], terms: quietVocab, termRate: 0 });
  return { html: page.html, blocks: page.blocks, terms5k, terms50k, quietHtml: quiet.html };
}

/** Builds one paragraph's HTML and counts the text nodes the parser will make of it. */
class Paragraph {
  private html = '';
  /** Whether a run of plain text is open (it becomes one text node when an element or the end closes it). */
  private open = false;
  textNodes = 0;

  text(s: string): void {
    this.html += s;
    this.open ||= s.length > 0;
  }

  inline(tag: string, s: string): void {
    if (this.open) this.textNodes++;
    this.open = false;
    this.html += `<${tag}${tag === 'a' ? ' href="#x"' : ''}>${s}</${tag}>`;
    this.textNodes++;
  }

  close(): string {
    if (this.open) this.textNodes++;
    return `<p>${this.html}</p>\n`;
  }
}

const INLINE = ['em', 'a', 'strong', 'span', 'b'];

interface DenseOptions {
  bytes: number;
  /** Prose words, none of which is a word of any term. */
  filler: { common: string[]; vocab: string[]; cyr: string[] };
  terms: string[];
  /** Share of word slots that hold a term. */
  termRate: number;
  /** Share of multi-word terms with one of their words in an inline element of its own. */
  splitRate: number;
  /** Share of other words (and whole terms) wrapped in an inline element. */
  inlineRate: number;
}

interface Counts {
  paragraphs: number;
  textNodes: number;
  occurrences: number;
  split: number;
}

/** Writes `term` into `p`; a split one crosses an element boundary (`<em>Foo</em> Bar`). */
function placeTerm(r: () => number, p: Paragraph, term: string, o: DenseOptions, c: Counts): void {
  const words = term.split(' ');
  c.occurrences++;
  if (words.length > 1 && r() < o.splitRate) {
    c.split++;
    const k = Math.floor(r() * words.length);
    words.forEach((w, i) => {
      if (i > 0) p.text(' ');
      if (i === k) p.inline(pick(r, INLINE), w);
      else p.text(w);
    });
  } else if (r() < o.inlineRate) p.inline(pick(r, INLINE), term);
  else p.text(term);
}

/** One paragraph of 17–29 words in sentences of 6–13 words. */
function denseParagraph(r: () => number, o: DenseOptions, c: Counts): string {
  const p = new Paragraph();
  const n = 17 + Math.floor(r() * 13);
  let sentenceLeft = 0;
  for (let w = 0; w < n; w++) {
    const first = sentenceLeft === 0;
    if (first) sentenceLeft = 6 + Math.floor(r() * 8);
    sentenceLeft--;
    if (w > 0) p.text(first ? '. ' : r() < 0.06 ? ', ' : ' ');
    const k = r();
    if (k < o.termRate) placeTerm(r, p, first ? cap(pick(r, o.terms)) : pick(r, o.terms), o, c);
    else {
      const f = k < 0.5 ? pick(r, o.filler.common) : k < 0.52 ? pick(r, o.filler.cyr) : pick(r, o.filler.vocab);
      const t = first ? cap(f) : f;
      if (r() < o.inlineRate) p.inline(pick(r, INLINE), t);
      else p.text(t);
    }
  }
  p.text('.');
  const html = p.close();
  c.paragraphs++;
  c.textNodes += p.textNodes;
  return html;
}

function densePage(r: () => number, o: DenseOptions): { html: string } & Counts {
  const c: Counts = { paragraphs: 0, textNodes: 0, occurrences: 0, split: 0 };
  const parts: string[] = [];
  for (let size = 0; size < o.bytes; ) {
    const p = denseParagraph(r, o, c);
    parts.push(p);
    size += p.length;
  }
  return { html: parts.join(''), ...c };
}

export interface DenseInputs {
  /** The 5,000-term pack, the same as `generate(seed).terms5k`. */
  terms5k: string[];
  /**
   * A course-pack page: ~1 MiB in ~5,000 short paragraphs with ~25,000 text nodes, a term every
   * ~12 words, some of them across inline elements. The counts are what the generator placed.
   */
  dense: { html: string } & Counts;
  /** ~1 MiB of the same shape in which no word of any term occurs. */
  empty: { html: string } & Counts;
}

/** The dense and the match-free 1 MiB pages; `generate`'s outputs for the same seed are unchanged. */
export function generateDense(seed = 2022, bytes = 1 << 20): DenseInputs {
  const { vocab, cyrVocab, terms5k } = words(rng(seed));
  const termWords = new Set(terms5k.flatMap((t) => t.toLowerCase().split(/[^\p{L}]+/u)));
  const free = (xs: string[]) => xs.filter((w) => !termWords.has(w.toLowerCase()));
  const filler = { common: free(COMMON), vocab: free(vocab), cyr: free(cyrVocab) };
  // Its own stream, so the pages do not shift when the pack's generator draws differently.
  const r = rng(seed ^ 0x5eed);
  const base = { bytes, filler, terms: terms5k, splitRate: 0.24, inlineRate: 0.085 };
  const dense = densePage(r, { ...base, termRate: 1 / 11 });
  const empty = densePage(r, { ...base, termRate: 0 });
  return { terms5k, dense, empty };
}
