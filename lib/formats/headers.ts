// Column headers Gloss understands without asking, in English, Russian and Kazakh, and the
// mapping of a header row to entry fields (with the user's own mapping taking precedence).

import { ENTRY_FIELDS, type EntryField } from '../pack/format';
import type { ColumnReport, ColumnTarget } from './types';

// Normalised header text (see normalizeHeader) → field. Russian and Kazakh share some words.
const KNOWN: ReadonlyArray<readonly [EntryField, readonly string[]]> = [
  ['id', ['id', 'identifier', 'идентификатор', 'ид', 'код', 'сәйкестендіргіш']],
  ['term', ['term', 'word', 'headword', 'phrase', 'front', 'термин', 'слово', 'понятие', 'сөз', 'ұғым', 'атау']],
  ['short', ['short', 'short definition', 'summary', 'gloss', 'кратко', 'краткое определение', 'коротко', 'қысқаша', 'қысқаша анықтама']],
  ['definition', ['definition', 'meaning', 'back', 'explanation', 'определение', 'значение', 'толкование', 'анықтама', 'мағына', 'мағынасы', 'түсініктеме']],
  ['variants', ['variants', 'variant', 'synonyms', 'aliases', 'spellings', 'other spellings', 'варианты', 'вариант', 'синонимы', 'написания', 'нұсқалар', 'нұсқа', 'синонимдер']],
  ['forms', ['forms', 'word forms', 'inflected forms', 'формы', 'словоформы', 'формалар', 'сөз формалары']],
  ['inflect', ['inflect', 'inflection', 'склонение', 'склонять', 'септеу']],
  ['tags', ['tags', 'tag', 'labels', 'category', 'categories', 'теги', 'тег', 'метки', 'категория', 'тегтер', 'белгілер', 'санат']],
  ['sources', ['source', 'sources', 'url', 'link', 'links', 'источник', 'источники', 'ссылка', 'ссылки', 'дереккөз', 'дереккөздер', 'сілтеме', 'сілтемелер']],
  ['context', ['context', 'background', 'notes', 'note', 'контекст', 'примечание', 'примечания', 'мәнмәтін', 'ескерту']],
  ['related', ['related', 'see also', 'связанные', 'см также', 'см. также', 'байланысты', 'қатысты']],
];

const BY_NAME = new Map<string, EntryField>(KNOWN.flatMap(([field, names]) => names.map((n) => [n, field] as const)));

// Longer than any header Gloss knows, with room for decoration: longer text is not a header
// name, and is not worth normalising (hostile cells can be megabytes long).
const MAX_HEADER = 80;

function isDecoration(c: string | undefined, end: boolean): boolean {
  return c === ' ' || c === '"' || c === "'" || c === '*' || (end && c === ':');
}

/** Lowercase, single-spaced, without a BOM, quotes, a trailing ':' or a '*' marking "required". */
export function normalizeHeader(header: string): string {
  const flat = header.replace(/^\uFEFF/, '').toLowerCase().replace(/[_\s]+/g, ' ');
  // Trimmed by index rather than by an anchored regex, which backtracks quadratically on
  // long runs of these characters.
  let start = 0;
  let end = flat.length;
  while (start < end && isDecoration(flat[start], false)) start++;
  while (end > start && isDecoration(flat[end - 1], true)) end--;
  return flat.slice(start, end);
}

export function knownField(header: string): EntryField | null {
  if (header.length > MAX_HEADER) return null;
  const name = normalizeHeader(header);
  return BY_NAME.get(name) ?? (ENTRY_FIELDS as readonly string[]).find((f) => f === name) as EntryField | undefined ?? null;
}

// Lists can take several columns ("Variant 1", "Variant 2"); a single-valued field only one.
const LIST_FIELDS: ReadonlySet<EntryField> = new Set(['variants', 'forms', 'inflect', 'tags', 'sources', 'related']);

export function isListField(field: EntryField): boolean {
  return LIST_FIELDS.has(field);
}

function userTarget(header: string, mapping: Readonly<Record<string, ColumnTarget>> | undefined): ColumnTarget | null {
  if (!mapping || !Object.hasOwn(mapping, header)) return null;
  const target = mapping[header];
  return target === 'ignore' || (ENTRY_FIELDS as readonly string[]).includes(target ?? '') ? (target as ColumnTarget) : null;
}

export interface HeaderMapping extends ColumnReport {
  /** Columns given a second single-valued field, which are ignored. */
  repeated: { column: number; field: EntryField }[];
  hasTerm: boolean;
}

/** Maps a header row to fields: the user's mapping first, then the known names. */
export function mapHeaders(headers: string[], mapping?: Readonly<Record<string, ColumnTarget>>): HeaderMapping {
  const taken = new Set<EntryField>();
  const repeated: HeaderMapping['repeated'] = [];
  const targets = headers.map((header, column): ColumnTarget | null => {
    const target = userTarget(header, mapping) ?? knownField(header);
    if (target === null || target === 'ignore') return target;
    if (taken.has(target) && !isListField(target)) {
      repeated.push({ column, field: target });
      return 'ignore';
    }
    taken.add(target);
    return target;
  });
  return { headers, targets, repeated, hasTerm: taken.has('term') };
}

/** True when `row` looks like a header row: one of its cells names the term column. */
export function looksLikeHeader(row: readonly string[]): boolean {
  return row.some((cell) => knownField(cell) === 'term');
}
