import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashSet } from '../../lib/match/hash-set';
import { COMPLEX } from '../../lib/match/raw-tokens';
import { findCandidates, matchCandidates, type RawMatch } from '../../lib/match/scan';
import { addTokenHashes, selectByFirstTokens } from '../../lib/match/select';
import { filterFromWire, filterToWire, tokenFilter } from '../../lib/match/token-filter';
import { indexOf, matches } from './helpers';

const labelsOf = (ix: ReturnType<typeof indexOf>, text: string) => matches(ix, text).map((m) => `${m.start}-${m.end}:${ix.labels[m.pattern]}`);

describe('page vocabulary sub-index', () => {
  it('keeps only the patterns a page can start, and finds the same matches', () => {
    const ix = indexOf(['Shal, ket!', 'Nur Otan', 'Nur', 'tenge', { term: 'titushki', variants: ['титушки'], inflect: ['ru'] }, 'Almaty']);
    const text = 'Shal ket! said the Nur Otan man; титушками and Nur.';
    const hashes = new HashSet();
    addTokenHashes(text, ix.mask, hashes);
    const sub = selectByFirstTokens(ix, hashes.values());
    expect(sub.labels.length).toBeLessThan(ix.labels.length);
    expect(sub.labels).not.toContain('Almaty');
    expect(labelsOf(sub, text)).toEqual(labelsOf(ix, text));
  });

  it('names each entry by its own term, even when only a variant of it is on the page', () => {
    const ix = indexOf([{ term: 'Feminita', variants: ['Kazakhstan Feminist Initiative'] }, 'Kazakhstan']);
    const hashes = new HashSet();
    addTokenHashes('the Kazakhstan Feminist Initiative', ix.mask, hashes);
    const sub = selectByFirstTokens(ix, hashes.values());
    expect(sub.labels).not.toContain('Feminita');
    expect(sub.entries.map((key, e) => `${key}=${sub.terms[e]}`).sort()).toEqual(['p/e0=Feminita', 'p/e1=Kazakhstan']);
  });

  it('agrees with the full index on random texts', () => {
    const words = ['nur', 'otan', 'shal', 'ket', 'tenge', 'ақ', 'жол', '宇', '航', 'ß', 'x'];
    const seps = [' ', ', ', '! ', '\u00a0', '-', ''];
    const phrase = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 1, maxLength: 4 }).map((xs) => xs.map(([w, s]) => w + s).join('').trim());
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), phrase, (terms, text) => {
        const ix = indexOf(terms.filter(Boolean), ['kazakh-loose']);
        const hashes = new HashSet();
        addTokenHashes(text, ix.mask, hashes);
        expect(labelsOf(selectByFirstTokens(ix, hashes.values()), text)).toEqual(labelsOf(ix, text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same through the filter a page gets: candidates first, patterns for them later', () => {
    const words = ['nur', 'otan', 'shal', 'ket', 'tenge', 'ақ', 'жол', 'ё', 'е', '宇', '航', 'ß', 'é', 'e\u0301', 'x'];
    const seps = [' ', ', ', '! ', '\u00a0', '-', '\u00ad', ''];
    const phrase = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 1, maxLength: 6 }).map((xs) => xs.map(([w, s]) => w + s).join('').trim());
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), fc.array(phrase, { minLength: 1, maxLength: 4 }), fc.boolean(), (terms, texts, loose) => {
        const ix = indexOf(terms.filter(Boolean), loose ? ['kazakh-loose', 'yo-e'] : undefined);
        const filter = filterFromWire(JSON.parse(JSON.stringify(filterToWire(tokenFilter(ix)))));
        const wanted = new HashSet();
        const found = texts.map((text) => {
          const c = findCandidates(filter, ix.mask, text);
          if (c === COMPLEX) addTokenHashes(text, ix.mask, wanted);
          else if (c) for (let q = 1; q < c.length; q += 2) wanted.add(c[q]!);
          return c;
        });
        const sub = selectByFirstTokens(ix, wanted.values());
        texts.forEach((text, i) => {
          const out: RawMatch[] = [];
          matchCandidates(sub, text, found[i]!, out);
          expect(out.map((m) => `${m.start}-${m.end}:${sub.labels[m.pattern]}`)).toEqual(labelsOf(ix, text));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('lets through about one in a hundred words that start no term', () => {
    // Seeded words of five to nine letters: 5,000 become terms, 20,000 others fill a page.
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 26);
    const word = () => Array.from({ length: 5 + (seed % 5) }, letter).join('');
    const words = new Set<string>();
    while (words.size < 25_000) words.add(word());
    const [terms, prose] = [[...words].slice(0, 5000), [...words].slice(5000)];
    const ix = indexOf(terms);
    const passed = prose.filter((w) => findCandidates(tokenFilter(ix), ix.mask, w) !== null).length;
    expect(terms.every((t) => findCandidates(tokenFilter(ix), ix.mask, t) !== null)).toBe(true);
    expect(passed / prose.length).toBeLessThan(0.02);
  });

  it('keeps every block’s candidates intact while thousands of blocks, and one huge block, share their storage', () => {
    const ix = indexOf(['Nur Otan', 'tenge', 'Shal, ket!']);
    const filter = tokenFilter(ix);
    const texts = Array.from({ length: 3000 }, (_, i) => `${'tenge '.repeat(1 + (i % 7))}and Nur Otan, block ${i}`);
    texts.push('tenge '.repeat(20000));
    const kept = texts.map((t) => findCandidates(filter, ix.mask, t));
    texts.forEach((t, i) => expect(kept[i]).toEqual(findCandidates(filter, ix.mask, t)));
    expect((kept.at(-1) as Int32Array).length).toBe(40000);
  });
});
