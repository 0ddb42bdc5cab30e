// Quizlet exports: term and definition per row, default and custom separators.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, readPackFile } from '../../lib/formats/import';
import type { ImportOptions } from '../../lib/formats/types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/formats', name), 'utf8');
const read = (name: string, text: string, options: ImportOptions = {}) => readPackFile({ name, text }, options);

describe('Quizlet export', () => {
  it('reads term<TAB>definition rows', () => {
    const p = read('quizlet.txt', fixture('quizlet.txt'));
    expect(p.format).toBe('quizlet');
    expect(p.pack?.entries.map((e) => [e.id, e.term, e.short])).toEqual([
      ['mazhilis', 'Mazhilis', 'The lower house of parliament.'],
      ['senate', 'Senate', 'The upper house of parliament.'],
      ['akim', 'Akim', 'Head of a region, appointed.'],
    ]);
  });

  it('finds a custom separator that every card has, with no options given', () => {
    const p = read('cards.txt', 'a bad apple/////a trouble maker, one who spoils the rest\nbreak the ice/////to start a conversation.\n', { format: 'quizlet' });
    expect(p.pack?.entries.map((e) => [e.term, e.short])).toEqual([
      ['a bad apple', 'a trouble maker, one who spoils the rest'],
      ['break the ice', 'to start a conversation.'],
    ]);
    const dashes = read('gov.txt', 'Senate --- the upper house\nMazhilis --- the lower house\n', { format: 'quizlet' });
    expect(dashes.pack?.entries.map((e) => e.term)).toEqual(['Senate', 'Mazhilis']);
  });

  it('reads custom term and row separators from the options', () => {
    const p = read('quizlet-custom.txt', fixture('quizlet-custom.txt'), { format: 'quizlet', separator: ' - ', rowSeparator: ';' });
    expect(p.pack?.entries.map((e) => [e.term, e.short])).toEqual([
      ['Mazhilis', 'The lower house'],
      ['Senate', 'The upper house'],
      ['Akim', 'Regional head'],
    ]);
  });

  it('guesses a comma when every row has one, and splits at the first one only', () => {
    const p = read('c.txt', 'Akim,Head of a region, appointed\nTenge,Currency, since 1993\n');
    expect(p.pack?.entries.map((e) => e.short)).toEqual(['Head of a region, appointed', 'Currency, since 1993']);
  });

  it('treats quotes as text: Quizlet never quotes', () => {
    const p = read('q.txt', '"Shal ket"\t"Old man, go!" — a slogan\n');
    expect(p.pack?.entries[0]).toMatchObject({ term: '"Shal ket"', short: '"Old man, go!" — a slogan' });
  });

  it('names rows without a separator and keeps the others', () => {
    const p = read('q.txt', 'A\ta\r\n\r\nno separator here\r\nB\tb\r\n');
    expect(p.status).toBe('partial');
    expect(p.errors.map(formatIssue)).toEqual(['q.txt, line 3, entry 2 (id "no-separator-here"): no tab between the term and the definition']);
    expect(p.pack?.entries.map((e) => e.term)).toEqual(['A', 'B']);
  });

  it('counts lines across a custom row separator', () => {
    const p = read('q.txt', 'A - a;\nB - ;\nC = c', { format: 'quizlet', separator: ' - ', rowSeparator: ';' });
    expect(p.errors.map(formatIssue)).toEqual([
      'q.txt, line 2, entry 2 (id "b"), short: is required: give a short text or a definition',
      'q.txt, line 3, entry 3 (id "c-c"): no " - " between the term and the definition',
    ]);
  });

  it('asks for the separator when it cannot tell', () => {
    const p = read('q.txt', 'just words\nmore words\n', { format: 'quizlet' });
    expect(p.errors.map(formatIssue)).toEqual(['q.txt: no tab or comma separates terms from definitions; choose the separator used when exporting']);
  });
});
