// The bundled pack and the published JSON Schema agree with the parser.

import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackText } from '../../lib/pack/parse';

const root = join(import.meta.dirname, '../..');
const starterText = readFileSync(join(root, 'public/packs/kazakhstan-january-2022.json'), 'utf8');
const schema = JSON.parse(readFileSync(join(root, 'public/schema/gloss-pack-v1.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

describe('starter pack', () => {
  const r = parsePackText(starterText);

  it('is a valid v1 pack with the entries the seed article needs', () => {
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const ids = r.pack.entries.map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    for (const id of ['shal-ket', 'titushki', 'feminita', 'bloody-january', 'tenge', 'nur-otan', 'csto', 'bandits-terrorists']) expect(ids).toContain(id);
  });

  it('gives every entry a short definition, context, a source, tags and related entries', () => {
    if (!r.ok) throw new Error('invalid');
    for (const e of r.pack.entries) {
      expect(e.short.length, e.id).toBeLessThanOrEqual(200);
      expect(e.context?.length, e.id).toBeGreaterThan(40);
      expect(e.sources?.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources ?? []) expect(s.url, e.id).toMatch(/^https:\/\//);
      expect(e.tags?.length, e.id).toBeGreaterThan(0);
      expect(e.related?.length, e.id).toBeGreaterThan(0);
    }
  });

  it('validates against the published JSON Schema', () => {
    expect(validate(JSON.parse(starterText)) ? null : validate.errors).toBeNull();
  });
});

describe('published schema', () => {
  const dir = join(import.meta.dirname, '../fixtures/packs');
  it.each(readdirSync(dir).filter((f) => f !== 'broken-syntax.json'))('agrees with the parser on %s', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const parsed = parsePackText(text);
    // The schema cannot see cross-entry rules (unique ids, related ids that exist).
    const schemaOnly = name === 'duplicate-id.json' || name === 'unknown-related.json';
    expect(validate(JSON.parse(text))).toBe(parsed.ok || schemaOnly);
  });
});
