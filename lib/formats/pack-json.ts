// Gloss pack JSON through the import pipeline: the same checks as parsePackText, but an entry
// with problems is set aside instead of refusing the whole pack, and every problem names the
// line it is on.

import * as v from 'valibot';
import { PackMetaSchema, type PackEntry } from '../pack/format';
import type { ImportLimits } from '../pack/limits';
import { checkPackText, type PackIssue } from '../pack/parse';
import { displayText } from '../pack/text-safety';
import { capIssues } from './assemble';
import { phaseCounter, type ProgressReport } from './progress';
import type { ImportIssue, ImportPreview, SkippedEntry } from './types';

function own(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function toImportIssue(file: string, issue: PackIssue): ImportIssue {
  const inEntry = issue.entry !== undefined;
  // Inside an entry the field is named relative to it ("sources[0].url").
  const field = inEntry ? issue.where.replace(/^entries\[\d+\]( \(id "[^"]*"\))?\.?/, '') : issue.where;
  return {
    file,
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(inEntry ? { entry: issue.entry } : {}),
    ...(issue.entryId !== undefined ? { entryId: issue.entryId } : {}),
    ...(field ? { field } : {}),
    message: issue.column !== undefined ? `${issue.message} (column ${issue.column})` : issue.message,
  };
}

function failed(file: string, errors: ImportIssue[], read = 0): ImportPreview {
  return { file, format: 'gloss-json', status: 'failed', pack: null, partial: false, counts: { read, valid: 0, skipped: read }, errors, warnings: [], skipped: [] };
}

export function readPackJson(file: string, text: string, limits: ImportLimits, onProgress?: ProgressReport): ImportPreview {
  // The pipeline has checked the size already.
  // The number of entries is known only once the text is parsed: the counter starts then.
  let count: ((done: number) => void) | undefined;
  const onChecked = (done: number, total: number) => (count ??= phaseCounter(onProgress, 'checking', total))(done);
  const check = checkPackText(text, { ...limits, fileBytes: Number.POSITIVE_INFINITY }, onProgress && onChecked);
  if (check.fatal.length) return failed(file, capIssues(check.fatal.map((i) => toImportIssue(file, i)), limits.issues, file));
  const data = check.data as Record<string, unknown>;
  const raw = data.entries as unknown[];
  const { entries: _entries, ...metaData } = data;
  const meta = check.pack ? (({ entries: _e, ...m }) => m)(check.pack) : v.parse(PackMetaSchema, metaData);

  const warnings: ImportIssue[] = [];
  // Every entry without a problem passed the schema, which read it already.
  const kept: { index: number; entry: PackEntry }[] = check.pack
    ? check.pack.entries.map((entry, index) => ({ index, entry }))
    : raw.flatMap((_, index) => (check.entries.has(index) ? [] : [{ index, entry: check.checked[index]! }]));
  const keptIds = new Set(kept.map((k) => k.entry.id));
  for (const k of kept) {
    const related = k.entry.related;
    if (!related || related.every((r) => keptIds.has(r))) continue;
    for (const r of related.filter((x) => !keptIds.has(x))) {
      warnings.push({ file, entry: k.index, entryId: k.entry.id, field: 'related', message: `"${r}" is not imported (it has errors); the link is dropped` });
    }
    const still = related.filter((r) => keptIds.has(r));
    if (still.length) k.entry.related = still;
    else delete k.entry.related;
  }

  const errors = [...check.entries.values()].flat().map((i) => toImportIssue(file, i));
  const skipped: SkippedEntry[] = [...check.entries.entries()].map(([entry, issues]) => {
    const line = check.locate?.(['entries', entry]);
    const term = own(raw[entry], 'term');
    return {
      entry,
      ...(line !== undefined ? { line } : {}),
      ...(issues[0]?.entryId !== undefined ? { entryId: issues[0].entryId } : {}),
      ...(typeof term === 'string' ? { term: displayText(term) } : {}),
    };
  });
  const counts = { read: raw.length, valid: kept.length, skipped: skipped.length };
  if (!kept.length) return { ...failed(file, capIssues(errors, limits.issues, file), raw.length), skipped };
  return {
    file,
    format: 'gloss-json',
    status: skipped.length ? 'partial' : 'ok',
    pack: { ...meta, entries: kept.map((k) => k.entry) },
    partial: skipped.length > 0,
    counts,
    errors: capIssues(errors, limits.issues, file),
    warnings: capIssues(warnings, limits.issues, file),
    skipped,
  };
}
