import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackText } from '../../lib/pack/parse';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/packs', name), 'utf8');

function errorsOf(name: string): string[] {
  const r = parsePackText(fixture(name));
  if (r.ok) throw new Error(`${name} was accepted`);
  return r.errors;
}

describe('pack validation', () => {
  it('accepts a valid pack', () => {
    const r = parsePackText(fixture('valid.json'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.entries.map((e) => e.id)).toEqual(['mazhilis', 'senate']);
  });

  it.each([
    ['missing-short.json', 'line 43, entries[1] (id "senate").short: is required'],
    ['short-too-long.json', 'line 29, entries[0] (id "mazhilis").short: must be at most 200 characters'],
    ['duplicate-id.json', 'line 42, entries[1] (id "mazhilis").id: duplicate entry id: entries[0] at line 23 already uses "mazhilis"'],
    ['unknown-related.json', 'line 40, entries[0] (id "mazhilis").related[0]: no entry with id "nowhere" in this pack'],
    ['javascript-source.json', 'line 33, entries[0] (id "mazhilis").sources[0].url: must be an http(s) URL'],
    ['wrong-version.json', 'line 3, formatVersion: must be 1 (the only version this Gloss reads)'],
    ['unknown-field.json', 'line 50, entries[1] (id "senate").html: unknown field'],
    ['broken-syntax.json', 'line 3, column 13: not valid JSON: expected a field name in double quotes'],
  ])('refuses %s naming the field and entry', (name, message) => {
    expect(errorsOf(name)).toEqual([message]);
  });

  it('refuses something that is not a pack at all', () => {
    expect(parsePackText('[1,2]')).toEqual({ ok: false, errors: ['pack: must be a JSON object'] });
  });
});
