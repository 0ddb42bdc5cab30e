// Shapes shared by every importer: the options a user can give, the draft entries a reader
// produces, and the preview the import pipeline hands back for the user to confirm.

import type { EntryField, Pack, PackSource } from '../pack/format';
import type { ImportLimits } from '../pack/limits';
import type { ProgressReport } from './progress';

export type FormatId = 'gloss-json' | 'csv' | 'tsv' | 'anki' | 'quizlet' | 'tbx';

/** What a spreadsheet column holds: an entry field, or nothing Gloss keeps. */
export type ColumnTarget = EntryField | 'ignore';

export interface ImportOptions {
  /** Skip detection and read the file as this format. */
  format?: FormatId;
  /** Pack metadata for formats that carry none (all but Gloss JSON). */
  id?: string;
  title?: string;
  language?: string;
  version?: string;
  /** Header text → field, completing or overriding the automatic column mapping (CSV, TSV). */
  mapping?: Readonly<Record<string, ColumnTarget>>;
  /** Field separator: ',' ';' '\t' or any other string (CSV, TSV, Quizlet, Anki). */
  separator?: string;
  /** Row separator for Quizlet exports made with a custom one, such as ';'. */
  rowSeparator?: string;
  limits?: Partial<ImportLimits>;
  /** Told, while the file is read, which step it is in and how many entries have been checked. */
  onProgress?: ProgressReport;
}

export interface ImportIssue {
  file: string;
  /** 1-based line in the file. */
  line?: number;
  /** 0-based index of the entry in the file's order. */
  entry?: number;
  entryId?: string;
  /** The term as read, to help recognise the entry. */
  term?: string;
  /** Pack field (`short`, `sources[0].url`) or metadata field (`id`) at fault. */
  field?: string;
  message: string;
}

export interface SkippedEntry {
  entry: number;
  line?: number;
  entryId?: string;
  term?: string;
}

export interface ColumnReport {
  headers: string[];
  /** What each header maps to; null when Gloss does not recognise it. */
  targets: (ColumnTarget | null)[];
}

export type ImportStatus = 'ok' | 'partial' | 'needs-mapping' | 'failed';

export interface ImportPreview {
  file: string;
  format: FormatId | null;
  /**
   * ok: every entry is valid. partial: some entries are invalid and listed in `skipped`; the
   * pack holds the others. needs-mapping: no column could be read as the term; see `columns`.
   * failed: nothing can be imported; see `errors`.
   */
  status: ImportStatus;
  /** Metadata and the valid entries, ready to store (null unless ok or partial). */
  pack: Pack | null;
  /** True when some entries are invalid but the others can be imported without them. */
  partial: boolean;
  counts: { read: number; valid: number; skipped: number };
  /** Why entries were skipped, or why nothing can be imported (at most limits.issues). */
  errors: ImportIssue[];
  /** Things changed or dropped on the way that did not cost an entry. */
  warnings: ImportIssue[];
  skipped: SkippedEntry[];
  /** For CSV and TSV: the header row and how each column was understood. */
  columns?: ColumnReport;
}

/** A list field as read, before validation. */
export type DraftLists = Partial<Record<'variants' | 'forms' | 'inflect' | 'tags' | 'related', string[]>>;

/** One entry as a reader found it: strings only, nothing validated yet. */
export interface DraftEntry extends DraftLists {
  line: number;
  id?: string;
  term?: string;
  short?: string;
  definition?: string;
  context?: string;
  sources?: PackSource[];
  /** The id the source file gave this entry (TBX concept id), for resolving cross-references. */
  sourceId?: string;
  /** Problems found while reading, each making the entry invalid. */
  problems: { field?: string; message: string }[];
}

/** What a format reader returns to the pipeline. */
export interface ReadResult {
  drafts: DraftEntry[];
  /** Problems that make the whole file unusable. */
  fatal: { line?: number; field?: string; message: string }[];
  warnings: { line?: number; field?: string; message: string }[];
  /** Metadata the file itself carries (TBX title and language). */
  meta?: { title?: string; language?: string };
  columns?: ColumnReport;
  needsMapping?: boolean;
}
