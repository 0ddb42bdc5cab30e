// Glossary pack format v1 (DESIGN.md §3): the schema every pack is checked against before
// anything is stored. public/schema/gloss-pack-v1.schema.json publishes the same rules.

import * as v from 'valibot';

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and hyphens (at most 64), starting with a letter or digit'));
const text = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min, `must not be empty`), v.maxLength(max, `must be at most ${max} characters`));
const HTTP_URL = v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL'));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `must have at most ${max} items`));

export const FOLDINGS = ['yo-e', 'kazakh-loose'] as const;
export const INFLECTIONS = ['ru', 'uk', 'kk'] as const;

export const SourceSchema = v.strictObject({ title: text(1, 300), url: HTTP_URL });

export const EntrySchema = v.strictObject({
  id: ID,
  term: text(1, 200),
  short: text(1, 200),
  variants: v.optional(list(text(1, 200), 50)),
  forms: v.optional(list(text(1, 200), 50)),
  inflect: v.optional(list(v.picklist(INFLECTIONS, `must be one of ${INFLECTIONS.join(', ')}`), 3)),
  definition: v.optional(text(0, 2000)),
  context: v.optional(text(0, 4000)),
  sources: v.optional(list(SourceSchema, 20)),
  tags: v.optional(list(text(1, 40), 20)),
  related: v.optional(list(ID, 50)),
});

export const PackSchema = v.strictObject({
  format: v.literal('gloss-pack', 'must be "gloss-pack"'),
  formatVersion: v.literal(1, 'must be 1 (the only version this Gloss reads)'),
  id: ID,
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'must be a version like 1.0.0')),
  title: text(1, 120),
  description: v.optional(text(0, 1000)),
  language: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en" or "kk-Cyrl"'))),
  authors: v.optional(list(v.strictObject({ name: text(1, 200), url: v.optional(HTTP_URL) }), 50)),
  license: v.optional(text(1, 100)),
  updateUrl: v.optional(v.pipe(v.string(), v.regex(/^https:\/\/[^\s]+$/i, 'must be an https URL'))),
  scope: v.optional(v.strictObject({ sites: list(text(1, 300), 100) })),
  folding: v.optional(list(v.picklist(FOLDINGS, `must be one of ${FOLDINGS.join(', ')}`), 2)),
  entries: v.pipe(v.array(EntrySchema), v.minLength(1, 'must have at least one entry'), v.maxLength(100_000, 'must have at most 100000 entries')),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type PackEntry = v.InferOutput<typeof EntrySchema>;
export type PackSource = v.InferOutput<typeof SourceSchema>;
