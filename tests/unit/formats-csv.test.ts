// CSV and TSV with a header row: header names in three languages, the mapping step, lists,
// derived short texts, line numbers across quoted newlines, hostile cells, limits.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, readPackFile } from '../../lib/formats/import';
import type { ImportOptions } from '../../lib/formats/types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/formats', name), 'utf8');
const read = (name: string, text = fixture(name), options: ImportOptions = {}) => readPackFile({ name, text }, options);

describe('CSV with English headers', () => {
  const p = read('glossary.csv');

  it('maps every known column without asking', () => {
    expect(p.status).toBe('ok');
    expect(p.columns).toEqual({
      headers: ['Term', 'Short', 'Definition', 'Variants', 'Tags', 'Source', 'Related'],
      targets: ['term', 'short', 'definition', 'variants', 'tags', 'sources', 'related'],
    });
  });

  it('reads lists split on ; or |, sources as Title <url>, and related terms as ids', () => {
    const [mazhilis, senate] = p.pack?.entries ?? [];
    expect(mazhilis).toEqual({
      id: 'mazhilis',
      term: 'Mazhilis',
      short: "The lower house of Kazakhstan's parliament.",
      variants: ['Мажилис', 'Мәжіліс'],
      definition: 'The Mazhilis has 98 members.\nThey are elected for five years.',
      sources: [{ title: 'Parliament of Kazakhstan', url: 'https://en.wikipedia.org/wiki/Parliament_of_Kazakhstan' }],
      tags: ['institution'],
      related: ['senate'],
    });
    expect(senate?.tags).toEqual(['institution', 'parliament']);
    expect(senate?.related).toEqual(['mazhilis']);
  });

  it('derives the short text from the definition, cut at a word boundary within 200 characters', () => {
    const akim = p.pack?.entries[2];
    expect(akim?.short.length).toBeLessThanOrEqual(200);
    expect(akim?.short).toMatch(/ answer to…$/);
    expect(akim?.definition).toMatch(/^A regional or city head .* or town\.$/);
  });

  it('takes pack metadata from the options, else from the file name', () => {
    expect(p.pack).toMatchObject({ id: 'glossary', title: 'Glossary', version: '1.0.0', description: 'Imported from glossary (CSV).' });
    const named = read('Civics 101 (final).csv', fixture('glossary.csv'), { id: 'civics', title: 'Civics', language: 'en', version: '2.0.0' });
    expect(named.pack).toMatchObject({ id: 'civics', title: 'Civics', language: 'en', version: '2.0.0' });
    expect(read('Civics 101 (final).csv', fixture('glossary.csv')).pack).toMatchObject({ id: 'civics-101-final', title: 'Civics 101 (final)' });
  });

  it('refuses metadata options that are not valid, naming the field', () => {
    const bad = read('glossary.csv', fixture('glossary.csv'), { id: 'Not An Id', language: 'english' });
    expect(bad.status).toBe('failed');
    expect(bad.errors.map(formatIssue)).toEqual([
      'glossary.csv, id: must be lowercase letters, digits and hyphens (at most 64), starting with a letter or digit (set it in the import options)',
      'glossary.csv, language: must be a language tag like "en" or "kk-Cyrl" (set it in the import options)',
    ]);
  });
});

describe('CSV and TSV with Russian and Kazakh headers', () => {
  it('reads Russian headers and a semicolon separator', () => {
    const p = read('glossary-ru.csv');
    expect(p.columns?.targets).toEqual(['term', 'short', 'variants', 'tags']);
    expect(p.pack?.entries.map((e) => [e.id, e.term, e.variants])).toEqual([
      ['titushki', 'Титушки', ['titushki', 'tituszki']],
      ['shal-ket', 'Шал кет', ['Shal ket']],
    ]);
  });

  it('reads Kazakh headers in a TSV file', () => {
    const p = read('glossary-kk.tsv');
    expect(p.format).toBe('tsv');
    expect(p.columns?.targets).toEqual(['term', 'definition', 'variants', 'tags']);
    expect(p.pack?.entries[0]).toEqual({
      id: 'mazhilis',
      term: 'Мәжіліс',
      short: 'Қазақстан парламентінің төменгі палатасы.',
      variants: ['Mazhilis', 'Мажилис'],
      tags: ['институция'],
    });
  });

  it.each([
    ['термин', 'term'],
    ['ТЕРМИН', 'term'],
    ['Определение', 'definition'],
    ['анықтама', 'definition'],
    ['кратко', 'short'],
    ['қысқаша', 'short'],
    ['варианты', 'variants'],
    ['нұсқалар', 'variants'],
    ['теги', 'tags'],
    ['тегтер', 'tags'],
    ['источник', 'sources'],
    ['дереккөз', 'sources'],
    ['контекст', 'context'],
    ['мәнмәтін', 'context'],
    ['Forms', 'forms'],
    ['related', 'related'],
    [' ID ', 'id'],
    ['Term*', 'term'],
  ])('maps the header %j to %s', (header, field) => {
    const p = read('h.csv', `${header},x\nvalue,1\n`, { mapping: { x: 'ignore' } });
    expect(p.columns?.targets[0]).toBe(field);
  });
});

describe('column mapping', () => {
  it('asks for a mapping when no column is the term, listing the headers', () => {
    const p = read('unknown-headers.csv');
    expect(p.status).toBe('needs-mapping');
    expect(p.pack).toBeNull();
    expect(p.columns).toEqual({ headers: ['Word (EN)', 'Meaning (EN)', 'Notes'], targets: [null, null, 'context'] });
  });

  it('completes the mapping from the options', () => {
    const p = read('unknown-headers.csv', fixture('unknown-headers.csv'), { mapping: { 'Word (EN)': 'term', 'Meaning (EN)': 'definition', Notes: 'ignore' } });
    expect(p.status).toBe('ok');
    expect(p.pack?.entries.map((e) => [e.term, e.short])).toEqual([
      ['Mazhilis', 'Lower house'],
      ['Senate', 'Upper house'],
    ]);
  });

  it('ignores hostile mapping keys and targets', () => {
    const mapping = JSON.parse('{"__proto__": "term", "constructor": "term", "Word (EN)": "toString"}');
    const p = read('unknown-headers.csv', fixture('unknown-headers.csv'), { mapping });
    expect(p.status).toBe('needs-mapping');
    expect(({} as Record<string, unknown>).term).toBeUndefined();
  });

  it('warns about unknown and repeated columns and ignores them', () => {
    const p = read('w.csv', 'term,Wort,term,variant,variant,short\nA,x,B,a1,a2,s\n');
    expect(p.pack?.entries[0]).toEqual({ id: 'a', term: 'A', short: 's', variants: ['a1', 'a2'] });
    expect(p.warnings.map(formatIssue)).toEqual([
      'w.csv, line 1, term: column "term" is ignored: an earlier column already gives the term',
      'w.csv, line 1: column "Wort" is not recognised and is ignored; map it to a field to keep it',
    ]);
  });
});

describe('line numbers and per-row errors', () => {
  const text = ['term,short,tags', '"Multi', 'line",ok,a', 'Broken,,b', '"Quoted ""term""",fine,c', '', 'Ragged,x,y,z', 'Trailing,x,y,,', 'Last,"never closed', 'more'].join('\n');
  const p = read('lines.csv', text);

  it('numbers rows by their first line, after quoted newlines and blank lines', () => {
    expect(p.skipped.map((s) => [s.line, s.term])).toEqual([
      [4, 'Broken'],
      [7, 'Ragged'],
      [10, 'more'],
    ]);
  });

  it('says what is wrong with each row', () => {
    expect(p.errors.map(formatIssue)).toEqual([
      'lines.csv, line 4, entry 2 (id "broken"), short: is required: give a short text or a definition',
      'lines.csv, line 7, entry 4 (id "ragged"): the row has 4 cells but the header has 3; put cells that contain the separator in double quotes',
      'lines.csv, line 10, entry 7 (id "more"), short: is required: give a short text or a definition',
    ]);
  });

  it('reads a quote that is never closed as an ordinary character, from its row on, and says so', () => {
    expect(p.warnings.map(formatIssue)).toEqual([
      'lines.csv, line 9: a cell starts with a quote (") that is never closed, so from this line on quotes are read as ordinary characters; check these rows, and in a file meant to quote cells write a quote inside a quoted cell as ""',
    ]);
    expect(p.pack?.entries.at(-1)).toMatchObject({ term: 'Last', short: '"never closed' });
  });

  it('keeps the good rows, quotes and all', () => {
    expect(p.status).toBe('partial');
    expect(p.pack?.entries.map((e) => e.term)).toEqual(['Multi\nline', 'Quoted "term"', 'Trailing', 'Last']);
    expect(p.counts).toEqual({ read: 7, valid: 4, skipped: 3 });
  });

  it('loses no row of a word list to one stray quote', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `word ${i}\tmeaning ${i}`);
    rows.splice(2, 0, '"cohort" theory\ta theory of word recognition');
    const list = read('list.tsv', ['term\tdefinition', ...rows].join('\n'));
    expect(list.status).toBe('ok');
    expect(list.counts).toEqual({ read: 501, valid: 501, skipped: 0 });
    expect(list.warnings.map((w) => w.line)).toEqual([4]);
    expect(list.pack?.entries[2]).toMatchObject({ term: '"cohort" theory', short: 'a theory of word recognition' });
    expect(list.pack?.entries.at(-1)).toMatchObject({ term: 'word 499', short: 'meaning 499' });
  });

  it('names the row of a duplicate id and the row that had it first', () => {
    const d = read('d.csv', 'id,term,short\nsenate,Senate,a\nsenate,Сенат,b\n');
    expect(d.errors.map(formatIssue)).toEqual(['d.csv, line 3, entry 2 (id "senate"), id: duplicate entry id: the entry at line 2 already uses "senate"']);
  });

  it('names the line and field of broken Unicode in a cell', () => {
    const d = read('u.csv', 'term,short\nA,fine\nB,bad \ud800 cell\n');
    expect(d.errors.map(formatIssue)).toEqual([
      'u.csv, line 3, entry 2 (id "b"), short: contains broken Unicode (a lone UTF-16 surrogate); save the file as UTF-8 and try again',
    ]);
  });

  it('names a source without an address', () => {
    const d = read('s.csv', 'term,short,source\nA,a,Wikipedia\n');
    expect(d.errors.map(formatIssue)).toEqual(['s.csv, line 2, entry 1 (id "a"), sources: "Wikipedia" has no http(s) address; write sources as "Title <https://…>"']);
  });

  it('refuses a javascript: source like any other address that is not http(s)', () => {
    const d = read('s.csv', 'term,short,source\nA,a,Click <javascript:alert(1)>\n');
    expect(d.status).toBe('failed');
  });

  it('names the limit on string lengths', () => {
    const d = read('l.csv', `term,short,tags\n${'t'.repeat(201)},s,${'x'.repeat(41)}\n`);
    expect(d.errors.map((e) => `${e.field}: ${e.message}`)).toEqual(['term: must be at most 200 characters', 'tags[0]: must be at most 40 characters']);
  });
});

describe('hostile cells', () => {
  it('keeps HTML and formulas as plain text', () => {
    const p = read('h.csv', 'term,short\n<img src=x onerror=alert(1)>,=HYPERLINK("http://evil")\n');
    expect(p.pack?.entries[0]).toMatchObject({ term: '<img src=x onerror=alert(1)>', short: '=HYPERLINK("http://evil")' });
  });

  it('removes the apostrophe that guards a formula in our own export', () => {
    const p = read('h.csv', "term,short\n'=1+1,'-x\n");
    expect(p.pack?.entries[0]).toMatchObject({ term: '=1+1', short: '-x' });
  });

  it('stops at the entry limit with a clear message', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `T${i},s`).join('\n');
    const p = read('big.csv', `term,short\n${rows}\n`, { limits: { entries: 10 } });
    expect(p.errors.map(formatIssue)).toEqual(['big.csv: the file has more than 10 entries; split it into smaller files']);
    expect(read('ok.csv', `term,short\n${rows}\n`, { limits: { entries: 11 } }).status).toBe('ok');
  });

  it('reports a file with only a header as having no entries', () => {
    const p = read('empty.csv', 'term,short\n');
    expect(p.status).toBe('failed');
    expect(p.errors.map(formatIssue)).toEqual(['empty.csv: the file has no entries']);
  });
});
