// Packs written back out: Gloss pack JSON, CSV with a header row, an Anki-ready TSV and
// TBX-Basic v3. Each output is read back by the matching importer (see the round-trip tests);
// what a format cannot carry is listed next to its writer.

import Papa from 'papaparse';
import { ENTRY_FIELDS, PACK_FIELDS, type Pack, type PackEntry, type PackSource } from '../pack/format';
import { joinList } from './cells';
import { idFromFileName } from './ids';
import { packToTbx } from './tbx-write';

export type ExportFormat = 'gloss-json' | 'csv' | 'anki' | 'tbx';

export interface ExportedFile {
  name: string;
  mime: string;
  text: string;
}

// Cells starting with these run as formulas when the CSV is opened in a spreadsheet; an
// apostrophe in front keeps them text (and the importer removes it again).
const FORMULA = /^[=+\-@\t\r]/;

/** A copy with keys in `order` (unknown keys never appear: the pack was validated). */
function ordered<T extends object>(obj: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(obj, key)) out[key] = (obj as Record<string, unknown>)[key];
  return out as T;
}

function canonicalEntry(e: PackEntry): PackEntry {
  const entry = ordered(e, ENTRY_FIELDS);
  if (entry.sources) entry.sources = entry.sources.map((s) => ordered(s, ['title', 'url']));
  return entry;
}

/** The pack with every object's keys in schema order, so exports are stable and diffable. */
export function canonicalPack(pack: Pack): Pack {
  const out = ordered(pack, PACK_FIELDS);
  if (out.authors) out.authors = out.authors.map((a) => ordered(a, ['name', 'url']));
  out.entries = pack.entries.map(canonicalEntry);
  return out;
}

export function packToJson(pack: Pack): string {
  return `${JSON.stringify(canonicalPack(pack), null, 2)}\n`;
}

function listCell(items: readonly string[] | undefined): string {
  return items?.length ? joinList(items) : '';
}

function sourceCell(sources: readonly PackSource[] | undefined): string {
  return (sources ?? []).map((s) => `${s.title} <${s.url}>`).join('; ');
}

const CSV_COLUMNS = ['id', 'term', 'short', 'definition', 'variants', 'forms', 'inflect', 'tags', 'related', 'context', 'sources'] as const;

/**
 * CSV with one header row and one entry per row; lists joined with ';' (or '|'), sources as
 * "Title <https://…>" (see joinList for the rare items that contain separators). Not carried:
 * pack metadata other than what the file name says.
 */
export function packToCsv(pack: Pack): string {
  const rows = pack.entries.map((e) =>
    CSV_COLUMNS.map((column) => {
      if (column === 'sources') return sourceCell(e.sources);
      const value = e[column];
      return Array.isArray(value) ? listCell(value) : (value ?? '');
    }),
  );
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA, newline: '\r\n' })}\r\n`;
}

/**
 * Anki "Notes in Plain Text" for the Basic note type: Front = term, Back = short text, a blank
 * line and the definition, Tags = tags. Anki tags cannot contain spaces, so spaces become '_'
 * (not reversed on import). Not carried: variants, forms, inflect, context, sources, related.
 */
export function packToAnki(pack: Pack): string {
  const header = ['#separator:tab', '#html:false', '#columns:Front\tBack\tTags', '#tags column:3'].join('\n');
  const rows = pack.entries.map((e) => [e.term, e.definition ? `${e.short}\n\n${e.definition}` : e.short, (e.tags ?? []).map((t) => t.replace(/\s+/g, '_')).join(' ')]);
  return `${header}\n${Papa.unparse(rows, { delimiter: '\t', newline: '\n' })}\n`;
}

export { packToTbx };

export function exportPack(pack: Pack, format: ExportFormat): ExportedFile {
  const base = idFromFileName(pack.id);
  switch (format) {
    case 'gloss-json':
      return { name: `${base}.json`, mime: 'application/json', text: packToJson(pack) };
    case 'csv':
      return { name: `${base}.csv`, mime: 'text/csv', text: packToCsv(pack) };
    case 'anki':
      return { name: `${base}-anki.txt`, mime: 'text/plain', text: packToAnki(pack) };
    case 'tbx':
      return { name: `${base}.tbx`, mime: 'application/x-tbx+xml', text: packToTbx(pack) };
  }
}
