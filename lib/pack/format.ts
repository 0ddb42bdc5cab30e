// Glossary pack format v1 (DESIGN.md §3): the schema every pack is checked against before
// anything is stored. This file is the single source of the rules: the published JSON Schema
// (public/schema/gloss-pack-v1.schema.json) is generated from it by json-schema.ts, so every
// check here is either a built-in valibot action the generator understands or a custom check
// registered in schema-hints.ts with its JSON Schema equivalent (or why it has none).

import { MatchPattern } from '@webext-core/match-patterns';
import * as v from 'valibot';
import { MAX_ENTRIES } from './limits';
import { expressedAs, parserOnly } from './schema-hints';
import { codePointLength, displayText, hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from './text-safety';

// Patterns are written without RegExp flags and in syntax that is valid both with and without
// the `u` flag, because JSON Schema validators such as ajv compile them with `u`.
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ID_RULE = 'must be lowercase letters, digits and hyphens (at most 64), starting with a letter or digit';
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$/;
// The scheme is matched case-insensitively by spelling out both cases (JSON Schema has no flags).
const HTTP_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/;
const HTTPS_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]:\/\/\S+$/;
// The part of a WebExtension match pattern a regular expression can check. It is stricter than
// @webext-core/match-patterns on purpose (no whitespace, a single leading host wildcard, no
// second "://"), so that "accepted by the library and by this pattern" is exactly "accepted by
// this pattern", which is what the published schema says.
export const SITE_PATTERN = /^(<all_urls>|(\*|https?|wss?|ftp|file|urn):\/\/(\*|\*\.[^/*:\s]+|[^/*:\s]+)?\/(?!\S*:\/\/)\S*)$/;

export const FOLDINGS = ['yo-e', 'kazakh-loose'] as const;
export const INFLECTIONS = ['ru', 'uk', 'kk'] as const;
/** Longest short text: it is one line in the popover. */
export const SHORT_MAX = 200;

const wellFormed = () =>
  parserOnly(
    v.check((s: string) => !hasLoneSurrogate(s), LONE_SURROGATE_MESSAGE),
    'JSON Schema patterns cannot portably tell a lone surrogate from a surrogate pair',
  );

// Lengths are counted in code points, as JSON Schema counts them, so that an emoji is one
// character for the parser and for any schema validator alike.
const maxChars = (max: number) =>
  expressedAs(
    v.check((s: string) => s.length <= max || codePointLength(s) <= max, `must be at most ${max} characters`),
    { maxLength: max },
  );

/** A plain-text string of 0 or 1 to `max` characters. */
function text(min: 0 | 1, max: number, description: string) {
  return min === 1
    ? v.pipe(v.string(), v.description(description), wellFormed(), v.minLength(1, 'must not be empty'), maxChars(max))
    : v.pipe(v.string(), v.description(description), wellFormed(), maxChars(max));
}

function firstRepeat(items: readonly unknown[]): unknown {
  // Lists are short (the length check runs first): comparing pairs beats a Set for each one.
  if (items.length <= 16) {
    for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if (items[i] === items[j]) return items[i];
    return undefined;
  }
  const seen = new Set<unknown>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

const noRepeats = <T>() =>
  expressedAs(
    v.check<T[], (issue: v.CheckIssue<T[]>) => string>(
      (items) => firstRepeat(items) === undefined,
      (issue) => `lists "${displayText(String(firstRepeat(issue.input)))}" more than once`,
    ),
    { uniqueItems: true },
  );

const id = (description: string) => v.pipe(v.string(), v.description(description), v.regex(ID_PATTERN, ID_RULE));

const httpUrl = (description: string) =>
  v.pipe(v.string(), v.description(description), wellFormed(), v.regex(HTTP_URL_PATTERN, 'must be an http(s) URL'), maxChars(2000));

/** A list of at most `max` items. */
function list<T extends v.GenericSchema>(item: T, max: number, description: string) {
  return v.pipe(v.array(item), v.description(description), v.maxLength(max, `must have at most ${max} items`));
}

/** A list of at most `max` distinct items (strings: duplicates have no meaning there). */
function set<T extends v.GenericSchema>(item: T, max: number, description: string) {
  return v.pipe(v.array(item), v.description(description), v.maxLength(max, `must have at most ${max} items`), noRepeats<v.InferOutput<T>>());
}

function matchPatternProblem(pattern: string): string | null {
  try {
    new MatchPattern(pattern);
    return null;
  } catch (err) {
    // The library's message quotes the whole pattern first; keep only its reason.
    const reason = err instanceof Error ? err.message.replace(/^Invalid match pattern "[\s\S]*": /, '') : '';
    return `is not a WebExtension match pattern (${reason || 'incorrect format'}); write it like *://*.example.org/*`;
  }
}

const SITE = v.pipe(
  v.string(),
  v.description('A WebExtension match pattern such as *://*.example.org/*.'),
  wellFormed(),
  v.minLength(1, 'must not be empty'),
  maxChars(300),
  parserOnly(
    v.check(
      (p: string) => matchPatternProblem(p) === null,
      (issue) => matchPatternProblem(String(issue.input)) ?? 'is not a WebExtension match pattern',
    ),
    'expressed by the pattern that follows, which is at least as strict',
  ),
  v.regex(SITE_PATTERN, 'must be a WebExtension match pattern such as *://*.example.org/* (one leading * in the host, no port, no spaces)'),
);

export const SourceSchema = v.pipe(
  v.strictObject({
    title: text(1, 300, 'Human-readable title of the source.'),
    url: httpUrl('Address of the source; http or https.'),
  }),
  v.description('A cited source.'),
);

export const EntryObject = v.strictObject({
  id: id('Stable identifier, unique within the pack and unchanged across versions; notes and highlights refer to it.'),
  term: text(1, 200, 'The headword as it is usually written on the page.'),
  short: text(1, SHORT_MAX, 'One-line plain-text definition shown first in the popover.'),
  variants: v.optional(
    set(
      text(1, 200, 'One alternative spelling.'),
      50,
      'Other spellings of the term that should also match: Cyrillic or Kazakh forms, transliterations, alternative names.',
    ),
  ),
  forms: v.optional(set(text(1, 200, 'One inflected form.'), 50, 'Inflected surface forms (for example plurals or case forms) that should also match.')),
  inflect: v.optional(
    set(
      v.pipe(v.picklist(INFLECTIONS, `must be one of ${INFLECTIONS.join(', ')}`), v.description('ru = Russian, uk = Ukrainian, kk = Kazakh.')),
      3,
      'Languages whose noun suffix rules are applied to the Cyrillic variants so that their inflected forms also match.',
    ),
  ),
  definition: v.optional(text(0, 2000, 'Longer plain-text explanation of what the term means.')),
  context: v.optional(text(0, 4000, 'Plain-text background that helps the reader understand the story.')),
  sources: v.optional(list(SourceSchema, 20, 'Public pages that support the definition and context.')),
  tags: v.optional(set(text(1, 40, 'One tag.'), 20, 'Free-form labels such as person, place, party, slogan or event.')),
  related: v.optional(set(id('Id of a related entry.'), 50, 'Ids of other entries in the same pack.')),
});

export const EntrySchema = v.pipe(EntryObject, v.description('One glossary entry: a term, its alternative spellings and the text shown in the popover.'));

const AuthorSchema = v.pipe(
  v.strictObject({ name: text(1, 200, 'Name of the author.'), url: v.optional(httpUrl('Home page of the author; http or https.')) }),
  v.description('One author.'),
);

/** Every pack field except `entries`: the metadata an importer fills from its options. */
export const PACK_META_FIELDS = {
  format: v.pipe(v.literal('gloss-pack', 'must be "gloss-pack"'), v.description('Identifies the file as a Gloss pack.')),
  formatVersion: v.pipe(
    v.literal(1, 'must be 1 (the only version this Gloss reads)'),
    v.description('Version of the pack format; this schema describes version 1.'),
  ),
  id: id('Stable identifier of the pack.'),
  version: v.pipe(
    v.string(),
    v.description('Version of the pack content, as a semantic version such as 1.0.0.'),
    v.regex(SEMVER, 'must be a semantic version like 1.0.0'),
  ),
  title: text(1, 120, 'Human-readable name of the pack.'),
  description: v.optional(text(0, 1000, 'Plain-text summary of what the pack covers.')),
  language: v.optional(
    v.pipe(
      v.string(),
      v.description("BCP 47 language tag of the pack's explanatory text, such as en."),
      v.regex(LANGUAGE_TAG, 'must be a language tag like "en" or "kk-Cyrl"'),
    ),
  ),
  authors: v.optional(list(AuthorSchema, 50, 'People or groups who wrote the pack.')),
  license: v.optional(text(1, 100, 'Licence of the pack content, preferably an SPDX identifier such as CC-BY-4.0.')),
  updateUrl: v.optional(
    v.pipe(
      v.string(),
      v.description('HTTPS address from which a newer version of this pack can be fetched.'),
      wellFormed(),
      v.regex(HTTPS_URL_PATTERN, 'must be an https URL'),
      maxChars(2000),
    ),
  ),
  scope: v.optional(
    v.pipe(
      v.strictObject({
        sites: v.pipe(
          v.array(SITE),
          v.description('WebExtension match patterns of the pages the pack applies to.'),
          v.minLength(1, 'must list at least one site'),
          v.maxLength(100, 'must have at most 100 items'),
          noRepeats<string>(),
        ),
      }),
      v.description('Where the pack applies. Without a scope the pack applies on every site.'),
    ),
  ),
  folding: v.optional(
    set(
      v.pipe(v.picklist(FOLDINGS, `must be one of ${FOLDINGS.join(', ')}`), v.description('Name of a folding table.')),
      2,
      'Opt-in character folding tables applied when matching: yo-e treats Russian ё as е; kazakh-loose folds Kazakh-specific Cyrillic letters (such as қ, ң, ө, ұ) to their closest Russian letters.',
    ),
  ),
};

export const PackMetaSchema = v.strictObject(PACK_META_FIELDS);

/** The `entries` list, of `item`s: the one definition for both schemas below. */
const entriesOf = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.description('The glossary entries.'), v.minLength(1, 'must have at least one entry'), v.maxLength(MAX_ENTRIES, `must have at most ${MAX_ENTRIES} entries`));

export const PackSchema = v.strictObject({ ...PACK_META_FIELDS, entries: entriesOf(EntrySchema) });

/**
 * A pack with its entries left unchecked: a large pack's checker takes this, then EntrySchema
 * entry by entry, so that it can tell how far it has come. Together they check what PackSchema does.
 */
export const PackShellSchema = v.strictObject({ ...PACK_META_FIELDS, entries: entriesOf(v.unknown()) });

export type Pack = v.InferOutput<typeof PackSchema>;
export type PackMeta = v.InferOutput<typeof PackMetaSchema>;
export type PackEntry = v.InferOutput<typeof EntrySchema>;
export type PackSource = v.InferOutput<typeof SourceSchema>;
export type EntryField = keyof typeof EntryObject.entries;

/** Entry fields in the order the schema (and every exporter) lists them. */
export const ENTRY_FIELDS = Object.keys(EntryObject.entries) as EntryField[];
/** Pack fields in schema order, `entries` last. */
export const PACK_FIELDS = [...Object.keys(PACK_META_FIELDS), 'entries'] as (keyof Pack)[];
