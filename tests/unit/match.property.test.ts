// Property-based tests: the matcher (lib/match, lib/text) against the slow reference in
// reference-matcher.ts, over a small alphabet so that collisions, overlaps and near misses are
// frequent.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSSESSIVE } from '../../lib/match/scan';
import { indexOf, matches } from './helpers';
import { refMatches, refTokens, prepareTerm, type FoldTable, type RefMatch } from './reference-matcher';

// ---------------------------------------------------------------------------------------------
// Vocabulary

const LATIN = [
  'shal', 'Shal', 'KET', 'ket', 'straße', 'STRASSE', 'strasse', 'İzmir', 'izmir', 'i\u0307zmir',
  'café', 'cafe\u0301', 'CAFÉ', 'cafe', 'obama', 'Obama', 's', 'S', 'a', 'at', 't', 'T', 'nur', 'otan',
];
const CYRILLIC = [
  'шал', 'кет', 'Кет', 'ёлка', 'елка', 'Ёлка', 'е\u0308лка', 'ақ', 'ак', 'Ақ', 'жол', 'теңге', 'тенге',
  'әке', 'аке', 'өмір', 'омир', 'ұлы', 'улы', 'үй', 'уй', 'қала', 'кала',
];
const CJK = ['宇', '航', '员', '宇航员', '中国', 'カ', 'な', '𠮷'];
const DIGITS = ['2022', '7', 'x7'];
const WORDS = [...LATIN, ...CYRILLIC, ...CJK, ...DIGITS];

/** What may stand between words of a text. */
const TEXT_SEPS = [
  '', ' ', ' ', ' ', '  ', '\u00a0', '\u202f', '\n', ' \n ', ', ', ',', '. ', '.', '!', '! ', ' !', '-', ' - ',
  '«', '»', '« ', ' »', '&', ' & ', '#', "'", '’', "'s ", '’s', '\u00ad', '\u200b', ' \u00ad', '…',
];
/** What may stand between words of a term with full punctuation. */
const TERM_SEPS = [' ', ' ', ' ', ', ', ',', '-', "'", '’', '.', '. ', ' - ', '&', ' & ', '«', '!', ' !'];
const TERM_LEADS = ['', '', '', '', '«', '#', '"', '(', '« '];
const TERM_TRAILS = ['', '', '', '', '!', '»', '.', '…', '#', ' !', '&', "'s"];

const word = fc.constantFrom(...WORDS);
const textSep = fc.constantFrom(...TEXT_SEPS);

interface Phrase {
  lead: string;
  words: string[];
  seps: string[];
  trail: string;
}

function render(p: Phrase): string {
  let s = p.lead;
  p.words.forEach((w, i) => {
    if (i > 0) s += p.seps[i - 1];
    s += w;
  });
  return s + p.trail;
}

function phrase(punctuated: boolean): fc.Arbitrary<Phrase> {
  return fc
    .record({
      lead: punctuated ? fc.constantFrom(...TERM_LEADS) : fc.constant(''),
      words: fc.array(word, { minLength: 1, maxLength: 3 }),
      seps: fc.array(punctuated ? fc.constantFrom(...TERM_SEPS) : fc.constant(' '), { minLength: 2, maxLength: 2 }),
      trail: punctuated ? fc.constantFrom(...TERM_TRAILS) : fc.constant(''),
    })
    .map((p) => ({ ...p, seps: p.seps.slice(0, p.words.length - 1) }));
}

/** 1–4 base phrases plus overlapping ones: a prefix or suffix of a base phrase's words. */
function phrases(punctuated: boolean): fc.Arbitrary<Phrase[]> {
  return fc
    .tuple(
      fc.array(phrase(punctuated), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat(), fc.boolean()), { maxLength: 3 }),
    )
    .map(([base, derive]) => {
      const out = [...base];
      for (const [which, prefix, cut, keepPunct] of derive) {
        const p = base[which % base.length]!;
        if (p.words.length < 2) continue;
        const n = 1 + (cut % (p.words.length - 1));
        const words = prefix ? p.words.slice(0, n) : p.words.slice(p.words.length - n);
        const seps = prefix ? p.seps.slice(0, n - 1) : p.seps.slice(p.seps.length - (n - 1));
        out.push({
          lead: keepPunct && prefix ? p.lead : '',
          words,
          seps,
          trail: keepPunct && !prefix ? p.trail : '',
        });
      }
      return out;
    });
}

type Piece = { kind: 'word'; w: string } | { kind: 'sep'; s: string } | { kind: 'plant'; which: number; mode: number; seps: string[] };

/** A text over the vocabulary with the terms (or near copies of them) planted in it. */
function textWith(terms: Phrase[]): fc.Arbitrary<string> {
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    { weight: 2, arbitrary: word.map((w): Piece => ({ kind: 'word', w })) },
    { weight: 3, arbitrary: textSep.map((s): Piece => ({ kind: 'sep', s })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ which: fc.nat(), mode: fc.nat({ max: 7 }), seps: fc.array(textSep, { minLength: 2, maxLength: 2 }) })
        .map((r): Piece => ({ kind: 'plant', ...r })),
    },
  );
  return fc.array(piece, { maxLength: 14 }).map((pieces) => {
    const parts = pieces.map((p) => {
      if (p.kind === 'word') return p.w;
      if (p.kind === 'sep') return p.s;
      const t = terms[p.which % terms.length]!;
      switch (p.mode) {
        case 0:
        case 1:
          return render(t); // verbatim
        case 2:
          return render(t).toUpperCase();
        case 3:
          return render({ ...t, lead: '', trail: '' }); // punctuation at the edges left out
        case 4:
          return render({ ...t, seps: t.seps.map((s, i) => p.seps[i] ?? s) }); // other inner gaps
        case 5:
          return render({ ...t, trail: "'s" });
        case 6:
          return render({ ...t, seps: t.seps.map((s) => s.replace(/[^ ]/g, '')) }); // punctuation dropped
        default:
          return render({ ...t, lead: ' ' + t.lead, trail: ' ' + t.trail });
      }
    });
    // Keep texts short, dropping whole pieces so no surrogate pair or cluster is cut.
    while (parts.join('').length > 80) parts.pop();
    return parts.join('');
  });
}

const tablesArb: fc.Arbitrary<FoldTable[]> = fc.constantFrom([], ['yo-e'], ['kazakh-loose'], ['yo-e', 'kazakh-loose']);

function scenario(punctuated: boolean, withTables: boolean) {
  return phrases(punctuated).chain((ps) =>
    fc.record({
      terms: fc.constant(ps.map(render)),
      text: textWith(ps),
      tables: withTables ? tablesArb : fc.constant<FoldTable[]>([]),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Engine adapters

function engine(terms: string[], text: string, tables: FoldTable[] = []): RefMatch[] {
  const ix = indexOf(terms, tables.length ? tables : undefined);
  return matches(ix, text).map((m) => ({ start: m.start, end: m.end, term: ix.patEntry[m.pattern]! }));
}

function countPerTerm(ms: RefMatch[]): Record<number, number> {
  const c: Record<number, number> = {};
  for (const m of ms) c[m.term] = (c[m.term] ?? 0) + 1;
  return c;
}

const RUNS = { words: 1500, punct: 2500, tables: 500, offsets: 1000, stable: 1000 };

// ---------------------------------------------------------------------------------------------

describe('matcher against the reference', () => {
  it('agrees on terms made of words and single spaces', () => {
    fc.assert(
      fc.property(scenario(false, false), ({ terms, text }) => {
        expect(engine(terms, text)).toEqual(refMatches(text, terms));
      }),
      { numRuns: RUNS.words },
    );
  });

  it('agrees with full punctuation in terms and texts, with and without folding tables', () => {
    fc.assert(
      fc.property(scenario(true, true), ({ terms, text, tables }) => {
        expect(engine(terms, text, tables)).toEqual(refMatches(text, terms, tables));
      }),
      { numRuns: RUNS.punct },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const PLAIN: Record<string, string> = { қ: 'к', ң: 'н', ұ: 'у', ү: 'у', і: 'и', ә: 'а', ө: 'о', ғ: 'г', һ: 'х', ё: 'е' };
const KAZAKH_LETTERS = 'қңұүіәөғһ';
const FOLDABLE = ['ақ', 'Ақ', 'теңге', 'әке', 'өмір', 'ұлы', 'үй', 'қала', 'ёлка', 'Ёлка', 'ғалым', 'һәм', 'шал', 'кет', 'жол'];

describe('opt-in folding tables', () => {
  it('match a letter to its plain form only when the pack opts in', () => {
    const arb = fc
      .record({
        words: fc.array(fc.constantFrom(...FOLDABLE), { minLength: 1, maxLength: 3 }),
        // Which foldable letters of the term get their plain form in the text (at least one).
        replace: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        flip: fc.boolean(),
        // Nothing that would glue a letter onto the term.
        before: textSep.filter((x) => !/\p{L}/u.test(x)),
        after: textSep,
      })
      .map(({ words, replace, flip, before, after }) => {
        const term = words.join(' ');
        let k = 0;
        let needsKazakh = false;
        let needsYo = false;
        let changed = false;
        const plain = Array.from(term)
          .map((ch) => {
            const lower = ch.toLowerCase();
            const p = PLAIN[lower];
            if (!p) return ch;
            if (!(replace[k++ % replace.length] || !changed)) return ch;
            changed = true;
            if (KAZAKH_LETTERS.includes(lower)) needsKazakh = true;
            else needsYo = true;
            return ch === lower ? p : p.toUpperCase();
          })
          .join('');
        // flip: the term carries the plain letters and the text the special ones.
        return { term: flip ? plain : term, text: before + (flip ? term : plain) + after, changed, needsKazakh, needsYo };
      })
      .filter((s) => s.changed);
    fc.assert(
      fc.property(arb, tablesArb, ({ term, text, needsKazakh, needsYo }, tables) => {
        const on = (!needsKazakh || tables.includes('kazakh-loose')) && (!needsYo || tables.includes('yo-e'));
        const got = engine([term], text, tables);
        expect(got.length).toBe(on ? 1 : 0);
        if (!on) expect(engine([term], text, [])).toEqual([]);
        expect(got).toEqual(refMatches(text, [term], tables));
      }),
      { numRuns: RUNS.tables },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('offsets', () => {
  it('cover exactly the matched term’s tokens in the raw text', () => {
    fc.assert(
      fc.property(scenario(true, true), ({ terms, text, tables }) => {
        const ix = indexOf(terms, tables.length ? tables : undefined);
        let previous = 0;
        for (const m of matches(ix, text)) {
          expect(m.start).toBeGreaterThanOrEqual(previous);
          expect(m.end).toBeGreaterThan(m.start);
          previous = m.end;
          const term = prepareTerm(terms[ix.patEntry[m.pattern]!]!, 0, tables);
          const expected = m.flags & POSSESSIVE ? [...term.tokens, 's'] : term.tokens;
          expect(refTokens(text.slice(m.start, m.end), tables)).toEqual(expected);
        }
      }),
      { numRuns: RUNS.offsets },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const WORD_CHAR = /^[\p{L}\p{M}\p{Nd}]$/u;

/** Raw positions strictly inside a word: between two word characters (never inside a surrogate pair). */
function insidePositions(text: string): number[] {
  const out: number[] = [];
  let prev = '';
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (WORD_CHAR.test(prev) && WORD_CHAR.test(ch)) out.push(i);
    prev = ch;
    i += ch.length;
  }
  return out;
}

describe('stability', () => {
  it('soft hyphens and zero-width spaces inside words do not change what matches', () => {
    fc.assert(
      fc.property(
        scenario(true, false),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('\u00ad', '\u200b')), { minLength: 1, maxLength: 4 }),
        ({ terms, text }, inserts) => {
          let changed = text;
          for (const [at, ch] of inserts) {
            const spots = insidePositions(changed);
            if (spots.length === 0) break;
            const i = spots[at % spots.length]!;
            changed = changed.slice(0, i) + ch + changed.slice(i);
          }
          expect(countPerTerm(engine(terms, changed))).toEqual(countPerTerm(engine(terms, text)));
        },
      ),
      { numRuns: RUNS.stable },
    );
  });

  it('a no-break space in place of a space changes nothing', () => {
    fc.assert(
      fc.property(scenario(true, false), fc.nat(), ({ terms, text }, at) => {
        const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
        fc.pre(spaces.length > 0);
        const i = spaces[at % spaces.length]!;
        const changed = text.slice(0, i) + '\u00a0' + text.slice(i + 1);
        const before = engine(terms, text);
        const after = engine(terms, changed);
        expect(countPerTerm(after)).toEqual(countPerTerm(before));
        expect(after).toEqual(before);
      }),
      { numRuns: RUNS.stable },
    );
  });
});
