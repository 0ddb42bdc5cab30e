// Spreadsheet-like cells turned into draft entry fields: lists split on ';' or '|', sources
// read from "Title <https://…>", a short text derived from the definition when none is given.
// Shared by the CSV/TSV, Anki and Quizlet readers so they all read a cell the same way.

import { SHORT_MAX, type EntryField, type PackSource } from '../pack/format';
import { codePointLength, displayText, truncateAtWord } from '../pack/text-safety';
import { isListField } from './headers';
import type { ColumnTarget, DraftEntry } from './types';

/**
 * Items of a list cell, trimmed, without repeats. The separator is ';' or '|': whichever the
 * cell has, and when it has both, '|' if it appears with spaces around it (" | "), else ';'.
 * joinList writes lists so that this reads them back.
 */
export function splitList(cell: string): string[] {
  const semi = cell.includes(';');
  const pipe = cell.includes('|') && (!semi || cell.includes(' | '));
  if (!semi && !pipe) {
    const item = cell.trim();
    return item ? [item] : [];
  }
  const items: string[] = [];
  for (const part of cell.split(pipe ? '|' : ';')) {
    const item = part.trim();
    if (item && !items.includes(item)) items.push(item);
  }
  return items;
}

/**
 * A list cell that splitList reads back as `items`: joined with "; ", or with " | " when an
 * item contains ';'. A trailing separator settles the cases a single item would leave open.
 * Items containing both ';' and " | " cannot be told apart.
 */
export function joinList(items: readonly string[]): string {
  if (items.some((i) => i.includes(';'))) {
    const joined = items.join(' | ');
    return joined.includes(' | ') ? joined : `${joined} | `;
  }
  const joined = items.join('; ');
  return joined.includes('|') && !joined.includes(';') ? `${joined};` : joined;
}

// Sources end with "<https://…>", so a separator right after '>' is unambiguous even when
// titles contain ';' or '|'.
function splitSources(cell: string): string[] {
  return /<https?:\/\//i.test(cell) ? cell.split(/(?<=>)\s*[;|]\s*/).map((s) => s.trim()).filter(Boolean) : splitList(cell);
}

// Spreadsheets run cells that start with these as formulas; our CSV export prefixes them with
// an apostrophe (the usual guard) and the import takes it off again.
const FORMULA_START = /^'[=+\-@\t\r]/;

export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

const HTTP = /^https?:\/\/\S+$/i;

/** A source from "Title <https://…>", "Title https://…" or a bare address. */
export function parseSource(item: string): PackSource | string {
  const text = item.trim();
  if (text.endsWith('>')) {
    // The address starts at the last "<http": titles may contain '<', and so may addresses.
    let lt = -1;
    for (const m of text.matchAll(/<https?:\/\//gi)) lt = m.index;
    const url = text.slice(lt + 1, -1).trim();
    if (lt !== -1 && HTTP.test(url)) return { title: text.slice(0, lt).trim() || url, url };
  }
  const space = text.search(/\s\S+$/);
  const last = space === -1 ? text : text.slice(space + 1);
  if (HTTP.test(last)) return { title: space === -1 ? last : text.slice(0, space).trim(), url: last };
  return `"${displayText(text)}" has no http(s) address; write sources as "Title <https://…>"`;
}

/**
 * Short text and definition from one definition text. A first paragraph that fits becomes the
 * short text and the rest the definition (this is how the Anki export writes Back); otherwise
 * the short text is the definition cut at a word boundary, and an identical definition is
 * dropped so the popover does not say the same thing twice.
 */
export function splitDefinition(text: string): { short?: string; definition?: string } {
  const body = text.trim();
  if (!body) return {};
  const paragraphs = body.includes('\n') ? body.split(/\n[^\S\n]*\n\s*/) : [body];
  const first = (paragraphs[0] ?? '').trim();
  if (paragraphs.length > 1 && codePointLength(first) <= SHORT_MAX) return { short: first, definition: paragraphs.slice(1).join('\n\n') };
  const short = truncateAtWord(body, SHORT_MAX);
  return short === body ? { short } : { short, definition: body };
}

function addListItems(draft: DraftEntry, field: EntryField, items: string[]): void {
  if (field === 'sources') {
    for (const item of items) {
      const source = parseSource(item);
      if (typeof source === 'string') draft.problems.push({ field: 'sources', message: source });
      else (draft.sources ??= []).push(source);
    }
    return;
  }
  const key = field as 'variants' | 'forms' | 'inflect' | 'tags' | 'related';
  const list = (draft[key] ??= []);
  for (const item of items) if (!list.includes(item)) list.push(item);
}

/** A draft entry from one row of cells and what each column holds. */
export function draftFromCells(line: number, cells: readonly string[], targets: readonly (ColumnTarget | null)[], read?: (cell: string) => string): DraftEntry {
  const draft: DraftEntry = { line, problems: [] };
  for (let column = 0; column < targets.length; column++) {
    const target = targets[column];
    const cell = cells[column];
    if (target === null || target === undefined || target === 'ignore' || !cell) continue;
    const guarded = unguardFormula(cell);
    const value = (read ? read(guarded) : guarded).trim();
    if (!value) continue;
    if (target === 'sources') addListItems(draft, target, splitSources(value));
    else if (isListField(target)) addListItems(draft, target, target === 'inflect' ? splitList(value).map((s) => s.toLowerCase()) : splitList(value));
    else draft[target as 'id' | 'term' | 'short' | 'definition' | 'context'] = value;
  }
  completeShort(draft);
  return draft;
}

/** Fills `short` from the definition when the file gave none. */
export function completeShort(draft: DraftEntry): void {
  if (draft.short || !draft.definition) return;
  const { short, definition } = splitDefinition(draft.definition);
  draft.short = short;
  draft.definition = definition;
}
