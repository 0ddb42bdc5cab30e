// Anki "Notes in Plain Text" exports: optional header lines (#separator:, #html:, #columns:,
// #tags column:, #notetype column:, #deck column:, #guid column:, #tags:) followed by one note
// per row, quoted like CSV. Front becomes the term, Back the short text and definition, the
// tags column the tags. Fields in HTML are reduced to plain text (see html-text.ts).

import { LineIndex } from '../pack/lines';
import { displayText } from '../pack/text-safety';
import { draftFromCells } from './cells';
import { knownField } from './headers';
import { htmlToText, oneLine } from './html-text';
import { plainQuotesWarning, readTable } from './table';
import type { ColumnTarget, DraftEntry, ReadResult } from './types';

const HEADER_LINE = /^#([A-Za-z ]{1,30}):(.*)$/;
const HEADER_KEYS = new Set(['separator', 'html', 'columns', 'tags column', 'notetype column', 'deck column', 'guid column', 'notetype', 'deck', 'tags']);
const NAMED_SEPARATORS: Readonly<Record<string, string>> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' };

interface AnkiHeader {
  separator?: string;
  html?: boolean;
  columns?: string;
  /** 0-based columns holding tags, and holding data Gloss has no use for. */
  tagsColumn?: number;
  ignored: number[];
  /** Tags Anki adds to every note (#tags:). */
  tags: string[];
  /** Offset of the first note row. */
  bodyStart: number;
  problems: { line: number; message: string }[];
}

/** True when `text` starts with an Anki header line. */
export function isAnkiExport(text: string): boolean {
  const m = HEADER_LINE.exec(text.slice(0, 200).split(/\r?\n/, 1)[0] ?? '');
  return !!m && HEADER_KEYS.has((m[1] ?? '').trim().toLowerCase());
}

function separatorFrom(value: string): string | null {
  const v = value.trim();
  const named = NAMED_SEPARATORS[v.toLowerCase()];
  if (named !== undefined && Object.hasOwn(NAMED_SEPARATORS, v.toLowerCase())) return named;
  if (v === '\\t') return '\t';
  return [...value].length === 1 ? value : null;
}

function columnNumber(value: string): number | null {
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n - 1 : null;
}

function applyHeaderLine(header: AnkiHeader, key: string, value: string, line: number): void {
  const bad = (what: string) => header.problems.push({ line, message: `#${key}: ${what}` });
  switch (key) {
    case 'separator': {
      const sep = separatorFrom(value);
      if (sep === null) bad(`"${displayText(value)}" is not a separator (use tab, comma, semicolon, pipe, space or one character)`);
      else header.separator = sep;
      break;
    }
    case 'html':
      header.html = value.trim().toLowerCase() === 'true';
      break;
    case 'columns':
      header.columns = value;
      break;
    case 'tags':
      header.tags.push(...value.split(/\s+/).filter(Boolean));
      break;
    case 'notetype':
    case 'deck':
      break; // the same for every note: nothing to keep
    default: {
      const column = columnNumber(value);
      if (column === null) bad(`"${displayText(value)}" is not a column number`);
      else if (key === 'tags column') header.tagsColumn = column;
      else header.ignored.push(column);
    }
  }
}

function readHeader(text: string, lines: LineIndex): AnkiHeader {
  const header: AnkiHeader = { ignored: [], tags: [], bodyStart: 0, problems: [] };
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const m = HEADER_LINE.exec(text.slice(pos, end).replace(/\r$/, ''));
    const key = (m?.[1] ?? '').trim().toLowerCase();
    if (!m || !HEADER_KEYS.has(key)) break;
    applyHeaderLine(header, key, m[2] ?? '', lines.line(pos));
    pos = end + 1;
  }
  header.bodyStart = Math.min(pos, text.length);
  return header;
}

/** The column names #columns gives, in order (none without the line). */
function columnNames(header: AnkiHeader, separator: string): string[] {
  return header.columns?.split(separator).map((n) => n.trim()) ?? [];
}

/** What each column holds: names from #columns, the special columns, then Front and Back by position. */
function columnTargets(header: AnkiHeader, separator: string, width: number): ColumnTarget[] {
  const names = columnNames(header, separator);
  const targets: (ColumnTarget | null)[] = Array.from({ length: Math.max(width, names.length) }, (_, i) => {
    if (header.ignored.includes(i)) return 'ignore';
    if (header.tagsColumn === i) return 'tags';
    return names[i] ? knownField(names[i] as string) : null;
  });
  const has = (f: ColumnTarget) => targets.includes(f);
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] !== null) continue;
    if (!has('term')) targets[i] = 'term';
    else if (!has('definition') && !has('short')) targets[i] = 'definition';
    else targets[i] = 'ignore';
  }
  return targets as ColumnTarget[];
}

/** Names the columns `indexes` (0-based) by their #columns names, else by their place. */
function ignoredColumns(header: AnkiHeader, separator: string, indexes: number[]): string {
  const names = columnNames(header, separator);
  return indexes.map((i) => (names[i] ? `column ${i + 1} ("${names[i]}")` : `column ${i + 1}`)).join(', ');
}

const LOOKS_LIKE_HTML = /<\/?[A-Za-z][^<>]{0,200}>|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
const SOUND = /\[sound:[^\]\n]{0,500}\]/g;

function fieldReader(html: boolean | undefined): (cell: string) => string {
  return (cell) => {
    const text = html === true || (html === undefined && LOOKS_LIKE_HTML.test(cell)) ? htmlToText(cell) : cell;
    return text.replace(SOUND, '').trim();
  };
}

/** Anki tags are separated by spaces; a tags cell read as a list is split again here. */
function finishDraft(draft: DraftEntry, extraTags: readonly string[]): DraftEntry {
  if (draft.term) draft.term = oneLine(draft.term);
  if (draft.short) draft.short = oneLine(draft.short);
  const tags = [...(draft.tags ?? []).flatMap((t) => t.split(/\s+/)), ...extraTags].filter(Boolean);
  if (tags.length) draft.tags = [...new Set(tags)];
  return draft;
}

export function readAnki(text: string, options: { separator?: string; maxEntries: number }): ReadResult {
  const lines = new LineIndex(text);
  const header = readHeader(text, lines);
  const separator = options.separator ?? header.separator ?? '\t';
  const read = fieldReader(header.html);
  // Columns are assigned from #columns and the first note's width; notes are read as they come.
  let targets: ColumnTarget[] | null = null;
  const drafts: DraftEntry[] = [];
  const table = readTable(text, lines, { delimiter: separator, start: header.bodyStart, maxRows: options.maxEntries }, (row) => {
    targets ??= columnTargets(header, separator, row.cells.length);
    const draft = finishDraft(draftFromCells(row.line, row.cells, targets, read), header.tags);
    for (const p of row.problems) draft.problems.push({ message: p });
    drafts.push(draft);
  });
  const fatal: ReadResult['fatal'] = header.problems.map((p) => ({ line: p.line, message: p.message }));
  if (table.tooMany) fatal.push({ message: `the file has more than ${options.maxEntries} notes; split it into smaller files` });
  const warnings: ReadResult['warnings'] = [];
  if (table.plainQuotesFrom !== undefined) warnings.push(plainQuotesWarning(table.plainQuotesFrom));
  const unused = (targets ?? ([] as ColumnTarget[])).flatMap((t, i) => (t === 'ignore' && !header.ignored.includes(i) ? [i] : []));
  if (unused.length) warnings.push({ message: `${ignoredColumns(header, separator, unused)} ${unused.length === 1 ? 'is' : 'are'} not kept: Gloss reads the term, the meaning and tags` });
  return { drafts, fatal, warnings };
}
