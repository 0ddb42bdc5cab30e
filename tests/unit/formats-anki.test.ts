// Anki text exports: header lines, separators, special columns, HTML reduced to plain text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../lib/formats/html-text';
import { formatIssue, readPackFile } from '../../lib/formats/import';
import type { ImportOptions } from '../../lib/formats/types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/formats', name), 'utf8');
const read = (name: string, text: string, options: ImportOptions = {}) => readPackFile({ name, text }, options);

describe('Anki export', () => {
  it('reads Front, Back and the tags column, turning HTML into text', () => {
    const p = read('anki-basic.txt', fixture('anki-basic.txt'));
    expect(p.format).toBe('anki');
    expect(p.status).toBe('ok');
    expect(p.pack?.entries).toEqual([
      { id: 'mazhilis', term: 'Mazhilis', short: "The lower house of Kazakhstan's parliament. It has 98 members.", tags: ['politics', 'institution'] },
      { id: 'senate-co', term: 'Senate & co', short: 'The upper house; "senators" sit there.', tags: ['politics'] },
      { id: 'akim', term: 'Akim', short: 'Head of a region or city.', tags: ['office'] },
    ]);
  });

  it('honours #columns, #separator names and special columns, with lines counted from the top', () => {
    const text = [
      '#separator:semicolon',
      '#html:false',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#columns:GUID;Notetype;Deck;Back;Front;Tags',
      '#tags column:6',
      'abc;Basic;Default;Head of a region;Akim;office',
      'def;Basic;Default;"Short.',
      '',
      'Longer <b>explanation</b>.";Senate;',
      'ghi;Basic;Default;;Empty;',
    ].join('\n');
    const p = read('notes.txt', text);
    expect(p.pack?.entries).toEqual([
      { id: 'akim', term: 'Akim', short: 'Head of a region', tags: ['office'] },
      { id: 'senate', term: 'Senate', short: 'Short.', definition: 'Longer <b>explanation</b>.' },
    ]);
    expect(p.errors.map(formatIssue)).toEqual(['notes.txt, line 12, entry 3 (id "empty"), short: is required: give a short text or a definition']);
  });

  it.each([
    ['tab', '\t'],
    ['Comma', ','],
    ['pipe', '|'],
    ['space', ' '],
    [':', ':'],
  ])('understands #separator:%s', (name, sep) => {
    const p = read('s.txt', `#separator:${name}\n#html:false\nTerm${sep}Meaning\n`);
    expect(p.pack?.entries[0]).toMatchObject({ term: 'Term', short: 'Meaning' });
  });

  it('refuses an unknown separator, naming the header line', () => {
    const p = read('s.txt', '#html:true\n#separator:twice\nA\tB\n');
    expect(p.errors.map(formatIssue)).toEqual(['s.txt, line 2: #separator: "twice" is not a separator (use tab, comma, semicolon, pipe, space or one character)']);
  });

  it('adds #tags: to every note and splits the tags column on spaces', () => {
    const p = read('t.txt', '#separator:tab\n#tags:imported kz\n#tags column:3\nA\ta\tx y\n');
    expect(p.pack?.entries[0]?.tags).toEqual(['x', 'y', 'imported', 'kz']);
  });

  it('names the columns it does not keep', () => {
    const p = read('koine.txt', '#separator:tab\n#html:false\n#columns:Слово\tПеревод\tГрамматика\n#tags column:4\nλόγος\tслово\tсущ. м.\tgreek\n');
    expect(p.pack?.entries[0]).toMatchObject({ term: 'λόγος', short: 'слово', tags: ['greek'] });
    expect(p.warnings.map(formatIssue)).toEqual(['koine.txt: column 3 ("Грамматика") is not kept: Gloss reads the term, the meaning and tags']);
  });

  it('keeps "<" and "&" literally when #html:false', () => {
    const p = read('l.txt', '#separator:tab\n#html:false\na < b & c\t<i>x</i> &amp;\n');
    expect(p.pack?.entries[0]).toMatchObject({ term: 'a < b & c', short: '<i>x</i> &amp;' });
  });

  it('detects HTML without a #html line', () => {
    const p = read('h.txt', '#separator:tab\nA&nbsp;B\tone<br>two\n');
    expect(p.pack?.entries[0]).toMatchObject({ term: 'A B', short: 'one two' });
  });
});

describe('htmlToText', () => {
  it.each([
    ['a<br>b', 'a\nb'],
    ['<div>a</div><div>b</div>', 'a\nb'],
    ['<p>a</p>\n\n\n<p>b</p>', 'a\nb'],
    ['a<br><br>b', 'a\n\nb'],
    ['<div><div>nested</div></div>after', 'nested\nafter'],
    ['x<script>alert("<b>")</script>y', 'xy'],
    ['x<STYLE type="text/css">b{}</style >y', 'xy'],
    ['<img src=x onerror="alert(1)">ok', 'ok'],
    ['<a title="1 > 0" href="javascript:alert(1)">link</a>', 'link'],
    ['a < b and c > d', 'a < b and c > d'],
    ['&lt;b&gt; &amp;amp; &#65;&#x42; &nbsp;&mdash;', '<b> &amp; AB —'],
    ['&#0; &#xD800; &#x110000; &bogus;', '\uFFFD \uFFFD \uFFFD &bogus;'],
    ['<!-- hidden <b>x</b> -->shown', 'shown'],
    ['text <b unclosed', 'text'],
    ['<script>never closed', ''],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('never returns markup from markup', () => {
    expect(htmlToText('<<script>script>alert(1)<</script>/script>')).not.toMatch(/<script/i);
  });

  it('stays linear on pathological input', () => {
    const inputs = ['<a "'.repeat(50_000), '<script>'.repeat(50_000), '&#1'.repeat(50_000), '<!--'.repeat(50_000), '<b title=">'.repeat(50_000)];
    for (const input of inputs) {
      const t0 = performance.now();
      htmlToText(input);
      expect(performance.now() - t0, input.slice(0, 12)).toBeLessThan(500);
    }
  });
});
