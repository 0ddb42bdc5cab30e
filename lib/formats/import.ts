// The one import pipeline: any supported file in, a preview out. Pure and synchronous; it
// never throws, so a hostile file can only ever produce a preview with errors.
//
//   const preview = readPackFile({ name: file.name, text: await file.text() }, { language: 'ru' });
//   if (preview.status === 'ok' || preview.status === 'partial') store(preview.pack);

import { DEFAULT_LIMITS, fileSizeProblem, type ImportLimits } from '../pack/limits';
import { readAnki } from './anki';
import { assemble } from './assemble';
import { readHeaderTable } from './csv';
import { detectFormat } from './detect';
import { packMeta } from './meta';
import { readPackJson } from './pack-json';
import { readQuizlet } from './quizlet';
import { guessDelimiter } from './table';
import { readTbx } from './tbx';
import type { FormatId, ImportIssue, ImportOptions, ImportPreview, ReadResult } from './types';

export interface PackFile {
  name: string;
  text: string;
}

function failed(file: string, format: FormatId | null, errors: ImportIssue[], warnings: ImportIssue[] = []): ImportPreview {
  return { file, format, status: 'failed', pack: null, partial: false, counts: { read: 0, valid: 0, skipped: 0 }, errors, warnings, skipped: [] };
}

function readFormat(format: Exclude<FormatId, 'gloss-json'>, text: string, options: ImportOptions, limits: ImportLimits): ReadResult {
  const maxEntries = limits.entries;
  switch (format) {
    case 'csv':
      return readHeaderTable(text, { delimiter: options.separator ?? guessDelimiter(text), mapping: options.mapping, maxEntries });
    case 'tsv':
      return readHeaderTable(text, { delimiter: options.separator ?? '\t', mapping: options.mapping, maxEntries });
    case 'anki':
      return readAnki(text, { separator: options.separator, maxEntries });
    case 'quizlet':
      return readQuizlet(text, { separator: options.separator, rowSeparator: options.rowSeparator, maxEntries });
    case 'tbx':
      return readTbx(text, { language: options.language, maxEntries, maxDepth: limits.xmlDepth });
  }
}

function readUnchecked(file: PackFile, options: ImportOptions): ImportPreview {
  const name = file.name;
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const tooBig = fileSizeProblem(file.text, limits.fileBytes);
  if (tooBig) return failed(name, null, [{ file: name, message: tooBig }]);
  const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text;
  const format = options.format ?? detectFormat(name, text);
  if (!format) return failed(name, null, [{ file: name, message: 'the file is empty or of a kind Gloss cannot read (use .json, .csv, .tsv, .txt or .tbx)' }]);
  options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  if (format === 'gloss-json') return readPackJson(name, text, limits, options.onProgress);

  const read = readFormat(format, text, options, limits);
  const readWarnings = read.warnings.map((w) => ({ file: name, ...w }));
  if (read.fatal.length) return failed(name, format, read.fatal.map((f) => ({ file: name, ...f })), readWarnings);
  if (read.needsMapping) {
    return {
      ...failed(name, format, [{ file: name, line: 1, message: 'no column could be read as the term: choose which column holds what' }], readWarnings),
      status: 'needs-mapping',
      ...(read.columns ? { columns: read.columns } : {}),
    };
  }
  const { meta, problems, warnings } = packMeta(name, format, options, read.meta);
  if (!meta) return failed(name, format, problems, readWarnings);
  return assemble({ ...read, warnings: [...read.warnings, ...warnings] }, { file: name, format, meta, maxIssues: limits.issues, onProgress: options.onProgress });
}

/** Reads a glossary file of any supported format into a preview; never throws. */
export function readPackFile(file: PackFile, options: ImportOptions = {}): ImportPreview {
  try {
    return readUnchecked(file, options);
  } catch (err) {
    // A bug, not a problem of the file: say so plainly instead of blaming the user.
    const detail = err instanceof Error ? err.message : String(err);
    return failed(file.name, null, [{ file: file.name, message: `internal error while reading the file (${detail}); please report it` }]);
  }
}

/** `civics.csv, line 4, entry 3 (id "senate"), short: must not be empty` */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file];
  if (issue.line !== undefined) where.push(`line ${issue.line}`);
  if (issue.entry !== undefined) where.push(`entry ${issue.entry + 1}${issue.entryId ? ` (id "${issue.entryId}")` : issue.term ? ` ("${issue.term}")` : ''}`);
  if (issue.field) where.push(issue.field);
  return `${where.join(', ')}: ${issue.message}`;
}

export type { FormatId, ImportIssue, ImportOptions, ImportPreview } from './types';
