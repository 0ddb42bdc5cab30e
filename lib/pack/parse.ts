// Turns untrusted pack text into a Pack or a list of problems that name the line, field and
// entry at fault. Nothing here stores anything: callers store only a fully valid pack.
// checkPackText/checkPackData keep the problems apart per entry so an importer can offer to
// keep the valid entries; parsePackText/validatePack are the all-or-nothing forms.

import * as v from 'valibot';
import { EntrySchema, PackShellSchema, type Pack, type PackEntry } from './format';
import { checkJsonSyntax, JsonLocator, type JsonPath } from './json-scan';
import { DEFAULT_LIMITS, fileSizeProblem, type ImportLimits } from './limits';
import { displayText } from './text-safety';

export interface PackIssue {
  /** Where in the pack, e.g. ['entries', 3, 'short']; empty for the file as a whole. */
  path: JsonPath;
  /** Human-readable form of `path`: `entries[3] (id "titushki").short`, or '' for the file. */
  where: string;
  /** Index of the entry at fault, when the problem is inside one entry. */
  entry?: number;
  /** That entry's id, when it has a string one (shown for recognition, not trusted). */
  entryId?: string;
  line?: number;
  /** Only for syntax errors. */
  column?: number;
  message: string;
}

export interface PackCheck {
  /** Problems with the file or its metadata: nothing in it can be used. */
  fatal: PackIssue[];
  /** Problems confined to single entries, keyed by entry index in ascending order. */
  entries: Map<number, PackIssue[]>;
  /** The parsed JSON, when the text was JSON. */
  data: unknown;
  /** The validated pack, when there was no problem at all. */
  pack: Pack | null;
  /**
   * Each entry as the schema reads it, by index, where it passed the schema (empty when the
   * entries were not checked): an importer keeping the valid entries need not check them again.
   */
  checked: readonly (PackEntry | undefined)[];
  /** Line of any value by its path, when the JSON text is known. */
  locate?: Locate;
}

export type ParseResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

export type Locate = (path: JsonPath) => number | undefined;

const MAX_ERRORS = 20;

function own(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** `entries[3] (id "titushki").short` for a path. */
export function describePath(path: JsonPath, data: unknown): string {
  let out = '';
  let node: unknown = data;
  path.forEach((key, depth) => {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = own(node, 'id');
      if (depth === 1 && path[0] === 'entries' && typeof id === 'string') out += ` (id "${displayText(id, 64)}")`;
    } else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `"${displayText(key)}"`;
      out += out ? `.${name}` : name;
      node = own(node, key);
    }
  });
  return out;
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') return 'unknown field';
  if (issue.received === 'undefined') return 'is required';
  return issue.message.startsWith('Invalid') ? `expected ${issue.expected}, got ${issue.received}` : issue.message;
}

function makeIssue(path: JsonPath, message: string, data: unknown, locate: Locate | undefined): PackIssue {
  const issue: PackIssue = { path, where: describePath(path, data), message, line: locate?.(path) };
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    issue.entry = path[1];
    const id = own(Array.isArray(own(data, 'entries')) ? (own(data, 'entries') as unknown[])[path[1]] : undefined, 'id');
    if (typeof id === 'string') issue.entryId = id;
  }
  return issue;
}

/** Cross-entry rules a schema cannot express: unique ids, related ids that exist. */
function crossCheck(entries: readonly unknown[], data: unknown, locate: Locate | undefined): PackIssue[] {
  const issues: PackIssue[] = [];
  const firstUse = new Map<string, number>();
  entries.forEach((e, i) => {
    const id = own(e, 'id');
    if (typeof id !== 'string') return;
    const first = firstUse.get(id);
    if (first === undefined) firstUse.set(id, i);
    else {
      const line = locate?.(['entries', first]);
      const at = line === undefined ? `entries[${first}]` : `entries[${first}] at line ${line}`;
      issues.push(makeIssue(['entries', i, 'id'], `duplicate entry id: ${at} already uses "${displayText(id, 64)}"`, data, locate));
    }
  });
  entries.forEach((e, i) => {
    const related = own(e, 'related');
    if (!Array.isArray(related)) return;
    related.forEach((r: unknown, k) => {
      if (typeof r === 'string' && !firstUse.has(r)) {
        issues.push(makeIssue(['entries', i, 'related', k], `no entry with id "${displayText(r, 64)}" in this pack`, data, locate));
      }
    });
  });
  return issues;
}

function sortedByEntry(issues: PackIssue[]): Map<number, PackIssue[]> {
  const byEntry = new Map<number, PackIssue[]>();
  for (const issue of issues) {
    const list = byEntry.get(issue.entry ?? -1);
    if (list) list.push(issue);
    else byEntry.set(issue.entry ?? -1, [issue]);
  }
  return new Map([...byEntry].sort((a, b) => a[0] - b[0]));
}

/** `locate` for the first `n` calls only: problems beyond what anyone is shown need no line. */
function budgeted(locate: Locate | undefined, n: number): Locate | undefined {
  let left = n;
  return locate && ((path) => (left-- > 0 ? locate(path) : undefined));
}

/** Tells how many of a pack's `total` entries have been checked. */
export type EntriesChecked = (checked: number, total: number) => void;

/**
 * PackSchema's checks, the metadata first and then entry by entry, telling `onChecked` as it
 * goes: a pack of 50,000 entries takes a few hundred milliseconds, which an importer shows.
 */
function checkShape(data: object, onChecked: EntriesChecked | undefined): { issues: { path: JsonPath; message: string }[]; output: Pack | null; checked: (PackEntry | undefined)[] } {
  const options = { abortPipeEarly: true } as const;
  const shell = v.safeParse(PackShellSchema, data, options);
  const issues = shell.success ? [] : shell.issues.map((i) => ({ path: issuePath(i), message: issueMessage(i) }));
  const entries = own(data, 'entries');
  if (!Array.isArray(entries)) return { issues, output: null, checked: [] };
  const checked: (PackEntry | undefined)[] = [];
  entries.forEach((entry: unknown, i) => {
    const result = v.safeParse(EntrySchema, entry, options);
    if (result.success) checked[i] = result.output;
    else for (const issue of result.issues) issues.push({ path: ['entries', i, ...issuePath(issue)], message: issueMessage(issue) });
    onChecked?.(i + 1, entries.length);
  });
  // Without issues every entry passed, so none of `checked` is missing.
  return { issues, output: shell.success && issues.length === 0 ? { ...shell.output, entries: checked as PackEntry[] } : null, checked };
}

/** Validates parsed JSON; `locate` (when the text is known) gives each problem its line. */
export function checkPackData(data: unknown, locateAll?: Locate, limits: Pick<ImportLimits, 'entries' | 'issues'> = DEFAULT_LIMITS, onChecked?: EntriesChecked): PackCheck {
  const locate = budgeted(locateAll, limits.issues);
  const none = new Map<number, PackIssue[]>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { fatal: [{ path: [], where: 'pack', message: 'must be a JSON object' }], entries: none, data, pack: null, checked: [] };
  }
  const entries = own(data, 'entries');
  if (Array.isArray(entries) && entries.length > limits.entries) {
    const message = `must have at most ${limits.entries} entries (this file has ${entries.length}); split it into smaller packs`;
    return { fatal: [makeIssue(['entries'], message, data, locate)], entries: none, data, pack: null, checked: [] };
  }
  const shape = checkShape(data, onChecked);
  const issues = shape.issues.map((i) => makeIssue(i.path, i.message, data, locate));
  if (Array.isArray(entries)) issues.push(...crossCheck(entries, data, locate));
  const fatal = issues.filter((i) => i.entry === undefined);
  const byEntry = sortedByEntry(issues.filter((i) => i.entry !== undefined));
  const pack = issues.length === 0 ? shape.output : null;
  return { fatal, entries: byEntry, data, pack, checked: shape.checked, ...(locateAll ? { locate: locateAll } : {}) };
}

/** Checks pack text: size, JSON syntax (with line and column), then the schema. */
export function checkPackText(text: string, limits: Pick<ImportLimits, 'entries' | 'fileBytes' | 'jsonDepth' | 'issues'> = DEFAULT_LIMITS, onChecked?: EntriesChecked): PackCheck {
  const none = new Map<number, PackIssue[]>();
  const tooBig = fileSizeProblem(text, limits.fileBytes);
  if (tooBig) return { fatal: [{ path: [], where: '', message: tooBig }], entries: none, data: undefined, pack: null, checked: [] };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const locator = new JsonLocator(body);
  const syntax = checkJsonSyntax(body, limits.jsonDepth);
  if (syntax) {
    const { line, column } = locator.position(syntax.offset);
    return { fatal: [{ path: [], where: '', line, column, message: `not valid JSON: ${syntax.message}` }], entries: none, data: undefined, pack: null, checked: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    // Not expected after the syntax check; kept so that a disagreement is reported, not thrown.
    return { fatal: [{ path: [], where: '', message: `not valid JSON (${err instanceof Error ? err.message : 'unknown error'})` }], entries: none, data: undefined, pack: null, checked: [] };
  }
  return checkPackData(data, (path) => locator.lineOf(path), limits, onChecked);
}

/** `line 12, entries[3] (id "x").short: must not be empty`. */
export function describeIssue(issue: PackIssue): string {
  const at = [issue.line === undefined ? '' : `line ${issue.line}`, issue.column === undefined ? '' : `column ${issue.column}`, issue.where].filter(Boolean);
  return at.length ? `${at.join(', ')}: ${issue.message}` : issue.message;
}

function toResult(check: PackCheck): ParseResult {
  if (check.pack) return { ok: true, pack: check.pack };
  const all = [...check.fatal, ...[...check.entries.values()].flat()];
  return { ok: false, errors: all.slice(0, MAX_ERRORS).map(describeIssue) };
}

export function parsePackText(text: string): ParseResult {
  return toResult(checkPackText(text));
}

export function validatePack(data: unknown): ParseResult {
  return toResult(checkPackData(data));
}
