// Delimited text (CSV, TSV, the body of an Anki export) read with papaparse, keeping the line
// on which each row starts. Rows are streamed through papaparse's step callback, whose cursor
// says where each row ends; a row that spans lines (a quoted cell with newlines) is therefore
// numbered by its first line, and the rows after it keep their true line numbers.

import Papa from 'papaparse';
import type { LineIndex } from '../pack/lines';

export interface TableRow {
  line: number;
  cells: string[];
  /** papaparse problems in this row (an unclosed quote, stray quotes). */
  problems: readonly string[];
}

export interface TableRead {
  rows: number;
  /** More non-empty rows than `maxRows`: reading stopped there. */
  tooMany: boolean;
}

function describePapaError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'a quoted cell is never closed: every cell that starts with " needs a closing "; the rest of the file was read into this cell';
    case 'InvalidQuotes':
      return 'a quoted cell has text after its closing quote; write a quote inside a quoted cell as ""';
    default:
      return error.message;
  }
}

const NO_PROBLEMS: readonly string[] = [];

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Reads `text` from offset `start` as rows separated by newlines and cells by `delimiter`,
 * handing each non-blank row to `onRow` as soon as it is read (so that a large file's rows
 * never all sit in memory at once). Stops after `maxRows` rows (tooMany tells of more).
 */
export function readTable(text: string, lines: LineIndex, options: { delimiter: string; start?: number; maxRows: number }, onRow: (row: TableRow) => void): TableRead {
  const start = options.start ?? 0;
  let rows = 0;
  let tooMany = false;
  let rowStart = start;
  Papa.parse<string[]>(text.slice(start), {
    delimiter: options.delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (result, parser) => {
      const line = lines.line(rowStart);
      rowStart = start + result.meta.cursor;
      const cells = result.data;
      if (isBlank(cells) && result.errors.length === 0) return;
      if (rows >= options.maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      // The delimiter guess warning does not apply: the delimiter is always given.
      const problems = result.errors.length ? result.errors.filter((e) => e.code !== 'UndetectableDelimiter').map(describePapaError) : NO_PROBLEMS;
      rows++;
      onRow({ line, cells, problems });
    },
  });
  return { rows, tooMany };
}

/** The delimiter of a CSV file: the candidate that occurs most in its first line. */
export function guessDelimiter(text: string, candidates: readonly string[] = [',', ';', '\t']): string {
  const firstLine = text.slice(0, 64 * 1024).split(/\r?\n/, 1)[0] ?? '';
  let best = candidates[0] ?? ',';
  let bestCount = 0;
  for (const c of candidates) {
    const count = firstLine.split(c).length - 1;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
