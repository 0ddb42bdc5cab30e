// CSV and TSV files with a header row. Known headers map to entry fields by themselves; when
// no column can be read as the term, the reader stops and asks for a mapping instead of
// guessing, listing the headers it found.

import { LineIndex } from '../pack/lines';
import { displayText } from '../pack/text-safety';
import { draftFromCells } from './cells';
import { mapHeaders, type HeaderMapping } from './headers';
import { plainQuotesWarning, readTable, type TableRow } from './table';
import type { ColumnTarget, DraftEntry, ReadResult } from './types';

export interface HeaderTableOptions {
  delimiter: string;
  mapping?: Readonly<Record<string, ColumnTarget>>;
  maxEntries: number;
}

/** Problems of a row that has more cells than the header names. */
function raggedProblem(row: TableRow, width: number): string | null {
  if (row.cells.length <= width) return null;
  // Trailing empty cells are what spreadsheets write after a blank column: harmless.
  if (row.cells.slice(width).every((c) => c.trim() === '')) return null;
  return `the row has ${row.cells.length} cells but the header has ${width}; put cells that contain the separator in double quotes`;
}

export function readHeaderTable(text: string, options: HeaderTableOptions): ReadResult {
  const lines = new LineIndex(text);
  let header: { row: TableRow; headers: string[]; map: HeaderMapping } | null = null;
  const drafts: DraftEntry[] = [];
  const table = readTable(text, lines, { delimiter: options.delimiter, maxRows: options.maxEntries + 1 }, (row) => {
    if (!header) {
      const headers = row.cells.map((h) => h.trim());
      header = { row, headers, map: mapHeaders(headers, options.mapping) };
      return;
    }
    if (!header.map.hasTerm || header.row.problems.length) return;
    const draft = draftFromCells(row.line, row.cells, header.map.targets);
    const ragged = raggedProblem(row, header.headers.length);
    const problems = ragged ? [{ message: ragged }, ...row.problems.map((message) => ({ message }))] : row.problems.map((message) => ({ message }));
    if (problems.length) draft.problems.push(...problems);
    drafts.push(draft);
  });
  const result = finish(header, drafts, table.tooMany, options);
  if (table.plainQuotesFrom !== undefined) result.warnings.push(plainQuotesWarning(table.plainQuotesFrom));
  return result;
}

function finish(header: { row: TableRow; headers: string[]; map: HeaderMapping } | null, drafts: DraftEntry[], tooMany: boolean, options: HeaderTableOptions): ReadResult {
  if (!header) return { drafts: [], fatal: [{ message: 'the file has no rows' }], warnings: [] };
  const { row, headers, map } = header;
  if (row.problems.length) return { drafts: [], fatal: row.problems.map((message) => ({ line: row.line, message: `header row: ${message}` })), warnings: [] };
  const columns = { headers, targets: map.targets };
  if (!map.hasTerm) return { drafts: [], fatal: [], warnings: [], columns, needsMapping: true };
  const warnings: ReadResult['warnings'] = [];
  for (const { column, field } of map.repeated) {
    warnings.push({ line: row.line, field, message: `column "${displayText(headers[column] ?? '')}" is ignored: an earlier column already gives the ${field}` });
  }
  headers.forEach((h, i) => {
    if (map.targets[i] === null && h) warnings.push({ line: row.line, message: `column "${displayText(h)}" is not recognised and is ignored; map it to a field to keep it` });
  });
  for (const name of Object.keys(options.mapping ?? {})) {
    if (!headers.includes(name)) warnings.push({ message: `the mapping names a column "${displayText(name)}" that the file does not have` });
  }
  const fatal = tooMany ? [{ message: `the file has more than ${options.maxEntries} entries; split it into smaller files` }] : [];
  return { drafts, fatal, warnings, columns };
}
