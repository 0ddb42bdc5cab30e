// Quizlet exports: one card per row, the term and the definition separated by a tab (or a
// comma, or the custom separator chosen when exporting), rows separated by newlines (or a
// custom row separator such as ';'). Quizlet never quotes anything, so a quote is an ordinary
// character here and a CSV parser would misread it: each row is split at the FIRST separator
// only, and the definition keeps any later ones.

import { LineIndex } from '../pack/lines';
import { completeShort } from './cells';
import { oneLine } from './html-text';
import type { DraftEntry, ReadResult } from './types';

function describeSeparator(sep: string): string {
  return sep === '\t' ? 'tab' : sep === ',' ? 'comma' : `"${sep}"`;
}

/** Runs of marks (neither letters, digits nor spaces): what a custom separator is made of. */
const MARKS = /[^\p{L}\p{N}\s]+/gu;

/**
 * Tab when the first rows have one, else comma when each of them has one, else the custom
 * separator a teacher chose when exporting ("/////", " - "): the longest run of marks found in
 * every one of the first rows, after some text; otherwise null.
 */
export function guessQuizletSeparator(text: string): string | null {
  const sample = text.slice(0, 16 * 1024).split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  if (sample.some((l) => l.includes('\t'))) return '\t';
  if (sample.length && sample.every((l) => l.includes(','))) return ',';
  const candidates = [...new Set(sample[0]?.match(MARKS) ?? [])].sort((a, b) => b.length - a.length);
  return candidates.find((c) => sample.every((l) => l.indexOf(c) > 0)) ?? null;
}

interface Row {
  line: number;
  text: string;
}

/** Non-blank rows, at most `maxRows` (one more than the limit tells that there are too many). */
function splitRows(text: string, rowSeparator: string, maxRows: number): Row[] {
  const lines = new LineIndex(text);
  const rows: Row[] = [];
  let pos = 0;
  while (pos <= text.length && rows.length < maxRows) {
    const end = text.indexOf(rowSeparator, pos);
    const stop = end === -1 ? text.length : end;
    const raw = text.slice(pos, stop);
    if (raw.trim()) rows.push({ line: lines.line(pos + (raw.length - raw.trimStart().length)), text: raw.replace(/\r$/, '') });
    if (end === -1) break;
    pos = end + rowSeparator.length;
  }
  return rows;
}

function draftFromRow(row: Row, separator: string): DraftEntry {
  const draft: DraftEntry = { line: row.line, problems: [] };
  const at = row.text.indexOf(separator);
  if (at === -1) {
    draft.term = oneLine(row.text);
    draft.problems.push({ message: `no ${describeSeparator(separator)} between the term and the definition` });
    return draft;
  }
  draft.term = oneLine(row.text.slice(0, at));
  draft.definition = row.text.slice(at + separator.length).trim();
  completeShort(draft);
  return draft;
}

export function readQuizlet(text: string, options: { separator?: string; rowSeparator?: string; maxEntries: number }): ReadResult {
  const separator = options.separator || guessQuizletSeparator(text);
  if (!separator) {
    return { drafts: [], fatal: [{ message: 'no tab or comma separates terms from definitions; choose the separator used when exporting' }], warnings: [] };
  }
  const rowSeparator = options.rowSeparator || '\n';
  if (rowSeparator === separator) return { drafts: [], fatal: [{ message: 'the row separator and the term separator must differ' }], warnings: [] };
  const rows = splitRows(text, rowSeparator, options.maxEntries + 1);
  if (rows.length > options.maxEntries) {
    return { drafts: [], fatal: [{ message: `the file has more than ${options.maxEntries} cards; split it into smaller files` }], warnings: [] };
  }
  return { drafts: rows.map((r) => draftFromRow(r, separator)), fatal: [], warnings: [] };
}
