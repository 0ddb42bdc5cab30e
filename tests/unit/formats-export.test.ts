// Exports, and round trips through the matching importer.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportPack, packToAnki, packToCsv, packToJson, packToTbx } from '../../lib/formats/export';
import { readPackFile } from '../../lib/formats/import';
import type { Pack, PackEntry } from '../../lib/pack/format';
import { parsePackText } from '../../lib/pack/parse';

const root = join(import.meta.dirname, '../..');
const starterText = readFileSync(join(root, 'public/packs/kazakhstan-january-2022.json'), 'utf8');
const starter = (() => {
  const r = parsePackText(starterText);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
})();

function imported(name: string, text: string): Pack {
  const p = readPackFile({ name, text });
  if (!p.pack || p.status !== 'ok') throw new Error(`${name}: ${p.status} ${JSON.stringify(p.errors.slice(0, 3))}`);
  return p.pack;
}

const HOSTILE: PackEntry = {
  id: 'hostile',
  term: '=HYPERLINK("http://evil.example")',
  short: '<script>alert(1)</script> & "quotes", commas; semicolons',
  variants: ['-minus', '+plus', '@at', 'a|b'],
  definition: 'Line one\r\nLine "two"\n\nParagraph <b>three</b> & ]]> end',
  context: "It's <![CDATA[ not ]]> real\ttabbed",
  sources: [{ title: 'Title; with | separators', url: 'https://example.org/a?b=1&c=<2>' }],
  tags: ['x&y', '<tag>'],
};

describe('Gloss pack JSON export', () => {
  it('writes a pack that reads back identically', () => {
    const again = imported('starter.json', packToJson(starter));
    expect(again).toEqual(starter);
    expect(packToJson(again)).toBe(packToJson(starter));
  });

  it('writes keys in schema order, whatever order the file had', () => {
    const valid = readFileSync(join(root, 'tests/fixtures/packs/valid.json'), 'utf8');
    const out = packToJson(imported('valid.json', valid));
    expect(JSON.parse(out)).toEqual(JSON.parse(valid));
    expect(Object.keys(JSON.parse(out).entries[0])).toEqual(['id', 'term', 'short', 'variants', 'sources', 'tags', 'related']);
  });

  it('is byte-identical for a file already in schema order', () => {
    const canonical = packToJson(starter);
    expect(packToJson(imported('c.json', canonical))).toBe(canonical);
  });
});

describe('CSV export', () => {
  it('writes a header row and one entry per row, with lists joined by ";"', () => {
    const csv = packToCsv({ ...starter, entries: starter.entries.slice(0, 1) });
    const [header, row] = Papa.parse<string[]>(csv.trim()).data;
    expect(header).toEqual(['id', 'term', 'short', 'definition', 'variants', 'forms', 'inflect', 'tags', 'related', 'context', 'sources']);
    expect(row?.[4]).toBe(starter.entries[0]?.variants?.join('; '));
  });

  it('reads back to the same entries', () => {
    const again = imported('starter.csv', packToCsv(starter));
    expect(again.entries).toEqual(starter.entries);
  });

  it('guards formulas against spreadsheets and still reads back the same', () => {
    const pack = { ...starter, entries: [HOSTILE] };
    const csv = packToCsv(pack);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(imported('h.csv', csv).entries).toEqual([HOSTILE]);
  });
});

describe('Anki export', () => {
  it('writes the Anki header lines', () => {
    expect(packToAnki(starter).split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#columns:Front\tBack\tTags', '#tags column:3']);
  });

  it('reads back to the same terms, short texts, definitions and tags', () => {
    const again = imported('starter-anki.txt', packToAnki(starter));
    const pick = (e: PackEntry) => ({ term: e.term, short: e.short, definition: e.definition, tags: e.tags });
    expect(again.entries.map(pick)).toEqual(starter.entries.map(pick));
  });

  it('keeps hostile text as text', () => {
    const again = imported('h.txt', packToAnki({ ...starter, entries: [{ ...HOSTILE, definition: 'Plain.' }] }));
    expect(again.entries[0]).toMatchObject({ term: HOSTILE.term, short: HOSTILE.short, definition: 'Plain.', tags: HOSTILE.tags });
  });
});

describe('TBX export', () => {
  it('writes TBX-Basic v3 that reads back to the same terms, variants and definitions', () => {
    const tbx = packToTbx(starter);
    expect(tbx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en"/);
    const again = imported('starter.tbx', tbx);
    const pick = (e: PackEntry) => ({ id: e.id, term: e.term, variants: e.variants, definition: e.definition ?? e.short, tags: e.tags, related: e.related, sources: e.sources });
    expect(again.entries.map(pick)).toEqual(starter.entries.map(pick));
    expect(again.title).toBe(starter.title);
  });

  it('round-trips deprecated terms through the definition note', () => {
    const tbxText = readFileSync(join(root, 'tests/fixtures/formats/tbx-v2.tbx'), 'utf8');
    const first = imported('v2.tbx', tbxText);
    const out = packToTbx(first);
    expect(out).toContain('<term>Majilis</term>\n            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(out).not.toContain('Deprecated term:');
    const second = imported('again.tbx', out);
    const pick = (e: PackEntry) => ({ term: e.term, variants: e.variants, definition: e.definition });
    expect(second.entries.map(pick)).toEqual(first.entries.map(pick));
  });

  it('escapes everything and reads hostile text back unchanged', () => {
    const pack = { ...starter, title: 'A & <B> "C"', entries: [HOSTILE] };
    const tbx = packToTbx(pack);
    expect(tbx).not.toContain('<script>');
    expect(tbx).not.toContain('<b>');
    const again = imported('h.tbx', tbx);
    expect(again.title).toBe('A & <B> "C"');
    expect(again.entries[0]).toMatchObject({ term: HOSTILE.term, variants: HOSTILE.variants, sources: HOSTILE.sources, tags: HOSTILE.tags });
    expect(again.entries[0]?.definition).toBe('Line one\nLine "two"\n\nParagraph <b>three</b> & ]]> end');
  });

  it('drops characters XML cannot carry instead of writing a broken file', () => {
    const tbx = packToTbx({ ...starter, entries: [{ id: 'c', term: 'a\u0001b\uFFFE', short: 's' }] });
    expect(imported('c.tbx', tbx).entries[0]?.term).toBe('ab');
  });
});

describe('round trips of generated packs', () => {
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && !/[;|<>]/.test(s));
  const entries = fc.uniqueArray(text, { minLength: 1, maxLength: 8, selector: (t) => t.toLowerCase() }).chain((terms) =>
    fc.tuple(...terms.map((term) => fc.record({ term: fc.constant(term), short: text, variants: fc.uniqueArray(text, { maxLength: 3 }), tags: fc.uniqueArray(text.filter((t) => t.length <= 40 && !/\s/.test(t)), { maxLength: 3 }) }))),
  );

  it('CSV and Anki keep what they carry', () => {
    fc.assert(
      fc.property(entries, (drafts) => {
        const ids = new Set<string>();
        const pack: Pack = {
          format: 'gloss-pack',
          formatVersion: 1,
          id: 'gen',
          version: '1.0.0',
          title: 'Generated',
          entries: drafts.map((d, i) => {
            const entry: PackEntry = { id: `e${i}`, term: d.term, short: d.short };
            const variants = d.variants.filter((x) => x !== d.term);
            if (variants.length) entry.variants = variants;
            if (d.tags.length) entry.tags = d.tags;
            ids.add(entry.id);
            return entry;
          }),
        };
        expect(imported('g.csv', packToCsv(pack)).entries).toEqual(pack.entries);
        const anki = imported('g.txt', packToAnki(pack)).entries;
        expect(anki.map((e) => [e.term, e.short, e.tags])).toEqual(pack.entries.map((e) => [e.term, e.short, e.tags]));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('exportPack', () => {
  it('names the file after the pack', () => {
    expect(exportPack(starter, 'csv')).toMatchObject({ name: `${starter.id}.csv`, mime: 'text/csv' });
    expect(exportPack(starter, 'anki').name).toBe(`${starter.id}-anki.txt`);
    expect(exportPack(starter, 'tbx').name).toBe(`${starter.id}.tbx`);
    expect(exportPack(starter, 'gloss-json').text).toBe(packToJson(starter));
  });
});
