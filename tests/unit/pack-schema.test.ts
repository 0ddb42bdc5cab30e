// The published JSON Schema is generated from the valibot definition (lib/pack/json-schema.ts):
// the committed file must equal the generated one, and a JSON Schema validator using it must
// agree with the parser on every pack except where the schema says it cannot decide.
// Regenerate the file with: GLOSS_WRITE_SCHEMA=1 npx vitest run tests/unit/pack-schema.test.ts

import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchema, packJsonSchemaText } from '../../lib/pack/json-schema';
import { validatePack, parsePackText } from '../../lib/pack/parse';

const root = join(import.meta.dirname, '../..');
const schemaPath = join(root, 'public/schema/gloss-pack-v1.schema.json');
if (process.env.GLOSS_WRITE_SCHEMA) writeFileSync(schemaPath, packJsonSchemaText());

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(packJsonSchema());
const agree = (pack: unknown) => ({ schema: validate(pack), parser: validatePack(pack).ok });

describe('generated JSON Schema', () => {
  it('is exactly the committed public/schema/gloss-pack-v1.schema.json', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(packJsonSchemaText());
  });

  it('keeps the published metadata', () => {
    const schema = packJsonSchema();
    expect(schema.$id).toBe('https://gloss.invalid/schema/gloss-pack-v1.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toMatch(/Gloss glossary pack/);
    expect(schema.description).toMatch(/checked by Gloss only/);
    expect(JSON.stringify(schema)).toContain('"$ref":"#/$defs/entry"');
  });
});

describe('schema and parser agree', () => {
  const dir = join(root, 'tests/fixtures/packs');
  // Rules the schema leaves to the parser, as its description says.
  const parserOnly = new Set(['duplicate-id.json', 'unknown-related.json']);

  it.each(readdirSync(dir).filter((f) => f !== 'broken-syntax.json'))('on the fixture %s', (name) => {
    const data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const { schema, parser } = agree(data);
    if (parserOnly.has(name)) expect([schema, parser]).toEqual([true, false]);
    else expect(schema).toBe(parser);
  });

  it('on the starter pack', () => {
    const data = JSON.parse(readFileSync(join(root, 'public/packs/kazakhstan-january-2022.json'), 'utf8'));
    expect(agree(data)).toEqual({ schema: true, parser: true });
  });

  it('on generated valid packs and their single-fault mutations', () => {
    fc.assert(
      fc.property(packArb, fc.nat(), (pack, pick) => {
        expect(agree(pack), 'valid pack').toEqual({ schema: true, parser: true });
        const [label, mutate] = MUTATIONS[pick % MUTATIONS.length] as Mutation;
        const bad = mutate(structuredClone(pack));
        const result = agree(bad);
        expect(result, label).toEqual({ schema: false, parser: false });
      }),
      { numRuns: 300, seed: 20220105 },
    );
  });

  it('on match patterns, valid and invalid', () => {
    const sites = [
      ['*://*.example.org/*', true],
      ['<all_urls>', true],
      ['https://example.org/', true],
      ['file:///*', true],
      ['wss://chat.example.org/socket/*', true],
      ['https://*/*', true],
      ['https://*.example.org', false],
      ['https://example.org:8080/*', false],
      ['http://ex*ample.org/*', false],
      ['https://*.*.org/*', false],
      ['HTTPS://example.org/*', false],
      ['data:text/html,x', false],
      ['https://exa mple.org/*', false],
      ['https://a/x://b/c', false],
      ['example.org', false],
      ['', false],
    ] as const;
    for (const [site, ok] of sites) {
      const pack = { ...base(), scope: { sites: [site] } };
      expect(agree(pack), site).toEqual({ schema: ok, parser: ok });
    }
  });

  it('refuses an invalid scope with a message that says why', () => {
    const text = JSON.stringify({ ...base(), scope: { sites: ['https://example.org:8080/*'] } }, null, 2);
    const r = parsePackText(text);
    expect(r.ok ? [] : r.errors).toEqual(['line 16, scope.sites[0]: is not a WebExtension match pattern (Hostname cannot include a port); write it like *://*.example.org/*']);
  });

  it('leaves lone surrogates to the parser, as the schema says', () => {
    const pack = { ...base(), title: 'Broken \ud800 title' };
    expect(agree(pack)).toEqual({ schema: true, parser: false });
  });

  it('counts lengths in code points on both sides', () => {
    const emoji = '😀'.repeat(200); // 400 UTF-16 units, 200 characters
    expect(agree({ ...base(), entries: [{ id: 'e', term: 'e', short: emoji }] })).toEqual({ schema: true, parser: true });
    expect(agree({ ...base(), entries: [{ id: 'e', term: 'e', short: `${emoji}!` }] })).toEqual({ schema: false, parser: false });
  });
});

function base(): Record<string, unknown> {
  return { format: 'gloss-pack', formatVersion: 1, id: 'p', version: '1.0.0', title: 'P', entries: [{ id: 'a', term: 'A', short: 'a' }] };
}

// ---- Generated packs -------------------------------------------------------------------

const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const urlArb = fc.constantFrom('https://example.org/a', 'http://example.com/b?c=d', 'https://ru.wikipedia.org/wiki/Тенге');
const uniqueWords = (max: number) => fc.uniqueArray(word, { maxLength: max });

const entryArb = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      term: word,
      short: word,
      variants: uniqueWords(4),
      forms: uniqueWords(3),
      inflect: fc.uniqueArray(fc.constantFrom('ru', 'uk', 'kk'), { maxLength: 3 }),
      definition: fc.string({ unit: 'grapheme', maxLength: 60 }),
      context: fc.string({ maxLength: 60 }),
      sources: fc.array(fc.record({ title: word, url: urlArb }), { maxLength: 2 }),
      tags: uniqueWords(3),
    },
    { requiredKeys: ['id', 'term', 'short'] },
  );

const packArb = fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }).chain((ids) =>
  fc.record(
    {
      format: fc.constant('gloss-pack'),
      formatVersion: fc.constant(1),
      id: idArb,
      version: fc.constantFrom('1.0.0', '0.2.10', '2.1.0-beta.1', '1.0.0+build.5'),
      title: word,
      description: fc.string({ maxLength: 40 }),
      language: fc.constantFrom('en', 'ru', 'kk-Cyrl', 'zh-Hant-TW', 'en-US'),
      authors: fc.array(fc.record({ name: word, url: urlArb }, { requiredKeys: ['name'] }), { maxLength: 2 }),
      license: fc.constantFrom('CC-BY-4.0', 'MIT'),
      updateUrl: fc.constant('https://example.org/pack.json'),
      scope: fc.record({ sites: fc.uniqueArray(fc.constantFrom('*://*.example.org/*', '<all_urls>', 'https://news.example.kz/*'), { minLength: 1 }) }),
      folding: fc.uniqueArray(fc.constantFrom('yo-e', 'kazakh-loose'), { maxLength: 2 }),
      entries: fc.tuple(...ids.map(entryArb)),
    },
    { requiredKeys: ['format', 'formatVersion', 'id', 'version', 'title', 'entries'] },
  ),
);

type Pack = Record<string, unknown> & { entries: Record<string, unknown>[] };
type Mutation = readonly [string, (p: Pack) => unknown];
const first = (p: Pack) => p.entries[0] as Record<string, unknown>;

const MUTATIONS: readonly Mutation[] = [
  ['format', (p) => ({ ...p, format: 'gloss' })],
  ['formatVersion', (p) => ({ ...p, formatVersion: 2 })],
  ['pack id', (p) => ({ ...p, id: 'Not An Id' })],
  ['version', (p) => ({ ...p, version: '1.0' })],
  ['leading zero version', (p) => ({ ...p, version: '01.0.0' })],
  ['title empty', (p) => ({ ...p, title: '' })],
  ['title too long', (p) => ({ ...p, title: 'x'.repeat(121) })],
  ['language', (p) => ({ ...p, language: 'english' })],
  ['license empty', (p) => ({ ...p, license: '' })],
  ['updateUrl http', (p) => ({ ...p, updateUrl: 'http://example.org/p.json' })],
  ['unknown pack field', (p) => ({ ...p, html: '<b>' })],
  ['__proto__ key', (p) => JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(p).slice(1)}`)],
  ['constructor key', (p) => ({ ...p, constructor: 'x' })],
  ['no entries', (p) => ({ ...p, entries: [] })],
  ['entries not a list', (p) => ({ ...p, entries: {} })],
  ['missing title', ({ title: _t, ...rest }) => rest],
  ['scope empty', (p) => ({ ...p, scope: { sites: [] } })],
  ['scope repeated', (p) => ({ ...p, scope: { sites: ['<all_urls>', '<all_urls>'] } })],
  ['scope port', (p) => ({ ...p, scope: { sites: ['https://a.example:81/*'] } })],
  ['folding unknown', (p) => ({ ...p, folding: ['none'] })],
  ['folding repeated', (p) => ({ ...p, folding: ['yo-e', 'yo-e'] })],
  ['author without name', (p) => ({ ...p, authors: [{ url: 'https://a.example/' }] })],
  ['author javascript url', (p) => ({ ...p, authors: [{ name: 'A', url: 'javascript:alert(1)' }] })],
  ['entry id', (p) => (first(p).id = 'Bad_Id', p)],
  ['entry without short', (p) => (delete first(p).short, p)],
  ['short too long', (p) => (first(p).short = 'y'.repeat(201), p)],
  ['term empty', (p) => (first(p).term = '', p)],
  ['term a number', (p) => (first(p).term = 42, p)],
  ['variants repeated', (p) => (first(p).variants = ['x', 'x'], p)],
  ['variants too many', (p) => (first(p).variants = Array.from({ length: 51 }, (_, i) => `v${i}`), p)],
  ['inflect unknown', (p) => (first(p).inflect = ['de'], p)],
  ['definition too long', (p) => (first(p).definition = 'd'.repeat(2001), p)],
  ['context too long', (p) => (first(p).context = 'c'.repeat(4001), p)],
  ['source javascript', (p) => (first(p).sources = [{ title: 'x', url: 'javascript:alert(1)' }], p)],
  ['source extra field', (p) => (first(p).sources = [{ title: 'x', url: 'https://a.example/', html: '' }], p)],
  ['tag too long', (p) => (first(p).tags = ['t'.repeat(41)], p)],
  ['related bad id', (p) => (first(p).related = ['Not Valid'], p)],
  ['unknown entry field', (p) => (first(p).html = '<b>x</b>', p)],
  ['entry null', (p) => ({ ...p, entries: [null] })],
];
