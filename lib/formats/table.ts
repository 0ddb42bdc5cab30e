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
  /** Set when a quote was never closed: from this line on, quotes were read as plain text. */
  plainQuotesFrom?: number;
}

function describePapaError(error: Papa.ParseError): string {
  switch (error.code) {
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

/** A character `text` does not hold, to give papaparse as the quote when quotes are plain text. */
function absentChar(text: string): string {
  return ['\u0000', '\uFFFF', '\uFFFE', '\u0001'].find((c) => !text.includes(c)) ?? '\u0002';
}

/**
 * Reads `text` from offset `start` as rows separated by newlines and cells by `delimiter`,
 * handing each non-blank row to `onRow` as soon as it is read (so that a large file's rows
 * never all sit in memory at once). Stops after `maxRows` rows (tooMany tells of more).
 *
 * A cell that opens a quote and never closes it would swallow the rest of the file, as
 * papaparse reads it: one stray " in a 16,000-row word list left two rows. The rows before it
 * stand; from its row on, the file is read again with quotes as plain text, and the caller is
 * told where (plainQuotesFrom).
 */
export function readTable(text: string, lines: LineIndex, options: { delimiter: string; start?: number; maxRows: number }, onRow: (row: TableRow) => void): TableRead {
  const read: TableRead = { rows: 0, tooMany: false };
  let from = options.start ?? 0;
  let quoteChar: string | undefined;
  for (;;) {
    const start = from;
    let rowStart = start;
    let unclosed = false;
    Papa.parse<string[]>(text.slice(start), {
      delimiter: options.delimiter,
      header: false,
      skipEmptyLines: false,
      dynamicTyping: false,
      ...(quoteChar ? { quoteChar } : {}),
      step: (result, parser) => {
        const at = rowStart;
        const line = lines.line(at);
        rowStart = start + result.meta.cursor;
        if (!quoteChar && result.errors.some((e) => e.code === 'MissingQuotes')) {
          unclosed = true;
          from = at;
          parser.abort();
          return;
        }
        const cells = result.data;
        if (isBlank(cells) && result.errors.length === 0) return;
        if (read.rows >= options.maxRows) {
          read.tooMany = true;
          parser.abort();
          return;
        }
        // The delimiter guess warning does not apply: the delimiter is always given.
        const problems = result.errors.length ? result.errors.filter((e) => e.code !== 'UndetectableDelimiter').map(describePapaError) : NO_PROBLEMS;
        read.rows++;
        onRow({ line, cells, problems });
      },
    });
    if (!unclosed) return read;
    quoteChar = absentChar(text);
    read.plainQuotesFrom = lines.line(from);
  }
}

/** The warning for a file whose quotes were read as plain text from `line` on. */
export function plainQuotesWarning(line: number): { line: number; message: string } {
  return { line, message: 'a cell starts with a quote (") that is never closed, so from this line on quotes are read as ordinary characters; check these rows, and in a file meant to quote cells write a quote inside a quoted cell as ""' };
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
