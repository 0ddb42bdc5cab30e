// Gloss pack JSON through the import pipeline: lines in every message, partial imports,
// broken Unicode, hostile keys, limits.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, readPackFile } from '../../lib/formats/import';
import { checkJsonSyntax, JsonLocator } from '../../lib/pack/json-scan';
import { parsePackText } from '../../lib/pack/parse';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/packs', name), 'utf8');
const read = (name: string, text = fixture(name), options = {}) => readPackFile({ name, text }, options);

function pack(entries: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'gloss-pack', formatVersion: 1, id: 'p', version: '1.0.0', title: 'P', ...extra, entries }, null, 2);
}

describe('Gloss pack JSON import', () => {
  it('reads a valid pack as is', () => {
    const p = read('valid.json');
    expect(p.format).toBe('gloss-json');
    expect(p.status).toBe('ok');
    expect(p.pack).toEqual(JSON.parse(fixture('valid.json')));
    expect(p.counts).toEqual({ read: 2, valid: 2, skipped: 0 });
  });

  it('keeps the valid entries of a pack with a bad one, naming its line, entry and field', () => {
    const p = read('missing-short.json');
    expect(p.status).toBe('partial');
    expect(p.partial).toBe(true);
    expect(p.pack?.entries.map((e) => e.id)).toEqual(['mazhilis']);
    expect(p.skipped).toEqual([{ entry: 1, line: 43, entryId: 'senate', term: 'Senate' }]);
    expect(p.errors.map(formatIssue)).toEqual(['missing-short.json, line 43, entry 2 (id "senate"), short: is required']);
    // mazhilis pointed at senate, which is not imported: the link goes, with a warning.
    expect(p.pack?.entries[0]?.related).toBeUndefined();
    expect(p.warnings.map(formatIssue)).toEqual(['missing-short.json, entry 1 (id "mazhilis"), related: "senate" is not imported (it has errors); the link is dropped']);
  });

  it('names both lines of a duplicate id', () => {
    const p = read('duplicate-id.json');
    expect(p.errors.map(formatIssue)).toEqual(['duplicate-id.json, line 42, entry 2 (id "mazhilis"), id: duplicate entry id: entries[0] at line 23 already uses "mazhilis"']);
    expect(p.pack?.entries.map((e) => e.term)).toEqual(['Mazhilis']);
  });

  it('refuses the whole file when the metadata is wrong', () => {
    const p = read('wrong-version.json');
    expect(p.status).toBe('failed');
    expect(p.pack).toBeNull();
    expect(p.errors.map(formatIssue)).toEqual(['wrong-version.json, line 3, formatVersion: must be 1 (the only version this Gloss reads)']);
  });

  it('gives the line and column of a syntax error', () => {
    const p = read('broken-syntax.json');
    expect(p.errors.map(formatIssue)).toEqual(['broken-syntax.json, line 3: not valid JSON: expected a field name in double quotes (column 13)']);
    expect(p.errors[0]?.line).toBe(3);
  });

  it('names the line of a nested field', () => {
    const p = read('javascript-source.json');
    expect(p.errors.map(formatIssue)).toEqual(['javascript-source.json, line 33, entry 1 (id "mazhilis"), sources[0].url: must be an http(s) URL']);
  });

  it('accepts a byte order mark', () => {
    expect(read('valid.json', `\uFEFF${fixture('valid.json')}`).status).toBe('ok');
  });
});

describe('broken Unicode', () => {
  it('refuses an escaped lone surrogate, naming line and field', () => {
    const text = pack([{ id: 'a', term: 'A', short: 'ok' }, { id: 'b', term: 'B', short: 'x' }]).replace('"x"', '"bad \\ud800 text"');
    const p = read('u.json', text);
    expect(p.errors.map(formatIssue)).toEqual([
      'u.json, line 16, entry 2 (id "b"), short: contains broken Unicode (a lone UTF-16 surrogate); save the file as UTF-8 and try again',
    ]);
    expect(p.pack?.entries).toHaveLength(1);
  });

  it('refuses a raw lone low surrogate in metadata', () => {
    const r = parsePackText(pack([{ id: 'a', term: 'A', short: 'a' }], { description: 'x\udc00y' }));
    expect(r.ok ? [] : r.errors).toEqual(['line 7, description: contains broken Unicode (a lone UTF-16 surrogate); save the file as UTF-8 and try again']);
  });

  it('accepts proper surrogate pairs, escaped or not', () => {
    const text = pack([{ id: 'a', term: 'A 😀', short: 'a' }]).replace('😀', '\\ud83d\\ude00 😀');
    expect(read('ok.json', text).status).toBe('ok');
  });
});

describe('hostile keys', () => {
  it('never pollutes Object.prototype and refuses __proto__ and constructor as unknown fields', () => {
    const text = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${pack([
      { id: 'a', term: 'A', short: 'a' },
    ]).slice(1)}`;
    const p = read('proto.json', text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(p.status).toBe('failed');
    // valibot reports the first unknown key of an object; either one refuses the file.
    expect(p.errors.map(formatIssue)).toEqual(['proto.json, line 1, __proto__: unknown field']);
    expect(read('c.json', `{"constructor": {"prototype": {}}, ${text.slice(text.indexOf('"format"'))}`).errors.map(formatIssue)).toEqual([
      'c.json, line 1, constructor: unknown field',
    ]);
  });

  it('skips an entry with a __proto__ key and keeps the others', () => {
    const text = pack([{ id: 'a', term: 'A', short: 'a' }, { id: 'b', term: 'B', short: 'b' }]).replace('"id": "b"', '"__proto__": {"id": "x"}, "id": "b"');
    const p = read('proto.json', text);
    expect(p.errors.map(formatIssue)).toEqual(['proto.json, line 14, entry 2 (id "b"), __proto__: unknown field']);
    expect(p.pack?.entries.map((e) => e.id)).toEqual(['a']);
    expect(Object.getPrototypeOf(p.pack?.entries[0])).toBe(Object.prototype);
  });
});

describe('limits', () => {
  it('refuses more entries than the limit, saying how many there are', () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, term: `T${i}`, short: 's' }));
    const p = read('big.json', pack(entries), { limits: { entries: 5 } });
    expect(p.errors.map(formatIssue)).toEqual(['big.json, line 7, entries: must have at most 5 entries (this file has 6); split it into smaller packs']);
  });

  it('refuses a file larger than the size limit', () => {
    const p = read('big.json', pack([{ id: 'a', term: 'A', short: 'a'.repeat(100) }]), { limits: { fileBytes: 100 } });
    expect(p.errors.map(formatIssue)).toEqual(['big.json: the file is larger than 100 bytes (the most Gloss reads at once); split it into smaller packs']);
  });

  it('counts the size in UTF-8 bytes', () => {
    const cyrillic = pack([{ id: 'a', term: 'Ж', short: 'ж'.repeat(150) }]);
    expect(cyrillic.length).toBeLessThan(400);
    expect(read('c.json', cyrillic, { limits: { fileBytes: 400 } }).status).toBe('failed');
    expect(read('c.json', cyrillic, { limits: { fileBytes: 600 } }).status).toBe('ok');
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const p = read('deep.json', deep);
    expect(p.errors.map(formatIssue)).toEqual(['deep.json, line 1: not valid JSON: objects and arrays are nested more than 64 levels deep (column 70)']);
  });

  it('names the field that is too long', () => {
    const p = read('long.json', pack([{ id: 'a', term: 'A', short: 'a', context: 'c'.repeat(4001) }, { id: 'b', term: 'B', short: 'b' }]));
    expect(p.errors.map(formatIssue)).toEqual(['long.json, line 12, entry 1 (id "a"), context: must be at most 4000 characters']);
  });
});

describe('JSON syntax and positions', () => {
  it.each([
    ['{"a": 1,}', "a ',' is followed by '}' (remove the trailing comma)", 8],
    ['[1, 2,]', "a ',' is followed by ']' (remove the trailing comma)", 6],
    ['{"a": x}', 'expected a value (a string in double quotes, number, true, false, null, object or array)', 6],
    ['{"a": "b\u0001"}', 'a string contains a raw control character (write it as an escape such as \\n)', 8],
    ['{"a": "\\q"}', 'a string contains an invalid escape', 7],
    ['{"a": "\\u12"}', 'a \\u escape needs four hexadecimal digits', 7],
    ['{"a": "b', 'a string is not closed', 8],
    ['{"a" 1}', "expected ':' after the field name", 5],
    ['{"a": 1 "b": 2}', "expected ',' or '}' after a field", 8],
    ['{"a": 01}', "expected ',' or '}' after a field", 7],
    ['{} {}', 'unexpected text after the end of the JSON value', 3],
    ['', 'the text ends where a value was expected', 0],
  ])('%j: %s', (text, message, offset) => {
    expect(checkJsonSyntax(text, 64)).toEqual({ offset, message });
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"], "b": {}}', ' [ ] ', '"x"', '0', '-0.0E-0']) {
      expect(checkJsonSyntax(text, 64), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('locates values by path, with escaped keys and repeated keys as JSON.parse reads them', () => {
    const text = '{\n "a": 1,\n "\\u0062": [\n  {"c": 2},\n  {"c": 3,\n   "c": 4}\n ]\n}';
    expect(JSON.parse(text).b[1].c).toBe(4);
    const at = new JsonLocator(text);
    expect(at.lineOf(['a'])).toBe(2);
    expect(at.lineOf(['b'])).toBe(3);
    expect(at.lineOf(['b', 0, 'c'])).toBe(4);
    expect(at.lineOf(['b', 1, 'c'])).toBe(6);
    expect(at.lineOf(['b', 1, 'missing'])).toBe(5);
    expect(at.lineOf(['b', 7])).toBe(3);
  });
});
