// Draft entries from any reader turned into a preview: ids assigned, cross-references
// resolved, every entry validated by the pack schema, invalid entries set aside with the
// reasons, and a pack of the valid ones built for the user to confirm.

import * as v from 'valibot';
import { EntrySchema, ID_PATTERN, type PackEntry, type PackMeta } from '../pack/format';
import { displayText } from '../pack/text-safety';
import { IdAllocator } from './ids';
import { phaseCounter, type ProgressReport } from './progress';
import type { DraftEntry, FormatId, ImportIssue, ImportPreview, ReadResult, SkippedEntry } from './types';

export interface AssembleContext {
  file: string;
  format: FormatId;
  meta: PackMeta;
  maxIssues: number;
  onProgress?: ProgressReport;
}

interface Candidate {
  draft: DraftEntry;
  index: number;
  id?: string;
  /** The reader's problems, then ours (a new array when ours are added: the draft's stays its own). */
  problems: readonly { field?: string; message: string }[];
  entry?: PackEntry;
}

/** Ids from the file where valid and free, else derived from the term. */
function assignIds(candidates: Candidate[]): void {
  const ids = new IdAllocator();
  const lineOf = new Map<string, number>();
  for (const c of candidates) {
    const given = c.draft.id;
    if (given === undefined) continue;
    c.id = given;
    if (!ID_PATTERN.test(given)) continue; // the schema names the problem
    if (ids.claim(given)) lineOf.set(given, c.draft.line);
    else c.problems = [...c.problems, { field: 'id', message: `duplicate entry id: the entry at line ${lineOf.get(given)} already uses "${given}"` }];
  }
  for (const c of candidates) {
    if (c.id === undefined && c.draft.term) c.id = ids.fromTerm(c.draft.term);
  }
}

/** Related items may name an entry by id, by the source file's own id, or by term. */
function resolveRelated(candidates: Candidate[], warn: (c: Candidate, message: string) => void): void {
  if (!candidates.some((c) => c.draft.related)) return;
  const byId = new Set<string>();
  for (const c of candidates) if (c.id) byId.add(c.id);
  // The other two names are looked up only when an item is not an id (built on first need).
  let names: { bySourceId: Map<string, string>; byTerm: Map<string, string> } | undefined;
  const lookUp = (name: string): string | undefined => {
    if (!names) {
      names = { bySourceId: new Map(), byTerm: new Map() };
      for (const c of candidates) {
        if (!c.id) continue;
        const term = c.draft.term?.toLowerCase();
        if (term && !names.byTerm.has(term)) names.byTerm.set(term, c.id);
        if (c.draft.sourceId !== undefined && !names.bySourceId.has(c.draft.sourceId)) names.bySourceId.set(c.draft.sourceId, c.id);
      }
    }
    // A source id outranks a term that happens to read the same.
    return names.bySourceId.get(name) ?? names.byTerm.get(name.toLowerCase());
  };
  for (const c of candidates) {
    if (!c.draft.related) continue;
    const resolved: string[] = [];
    for (const r of c.draft.related) {
      const id = byId.has(r) ? r : lookUp(r);
      if (id === undefined) warn(c, `no entry "${displayText(r)}" in this file; the link is dropped`);
      else if (!resolved.includes(id)) resolved.push(id);
    }
    c.draft.related = resolved;
  }
}

function issueField(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : i ? `.${String(p.key)}` : String(p.key))).join('');
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') return 'unknown field';
  if (issue.received === 'undefined') return issue.path?.at(-1)?.key === 'short' ? 'is required: give a short text or a definition' : 'is required';
  return issue.message.startsWith('Invalid') ? `expected ${issue.expected}, got ${issue.received}` : issue.message;
}

/** The entry in schema field order, without empty fields. */
function entryObject(c: Candidate): Record<string, unknown> {
  const d = c.draft;
  const out: Record<string, unknown> = { id: c.id, term: d.term, short: d.short };
  const put = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== '') out[key] = value;
  };
  put('variants', d.variants?.filter((x) => x !== d.term));
  put('forms', d.forms);
  put('inflect', d.inflect);
  put('definition', d.definition);
  put('context', d.context);
  put('sources', d.sources);
  put('tags', d.tags);
  put('related', d.related);
  return out;
}

function validate(c: Candidate): void {
  // A problem the reader found (a ragged row, a missing separator) is the cause of whatever
  // else is wrong with the entry: report it alone.
  if (c.draft.problems.length) return;
  if (!c.draft.term) {
    c.problems = [...c.problems, { field: 'term', message: 'is required: the entry has no term' }];
    return;
  }
  const result = v.safeParse(EntrySchema, entryObject(c), { abortPipeEarly: true });
  if (!result.success) c.problems = [...c.problems, ...result.issues.map((i) => ({ field: issueField(i), message: issueMessage(i) }))];
  else if (!c.problems.length) c.entry = result.output;
}

/** Links to entries that were set aside are dropped, so the pack stays consistent. */
function dropLinksToSkipped(candidates: Candidate[], warn: (c: Candidate, message: string) => void): void {
  if (candidates.every((c) => c.entry)) return;
  const kept = new Set<string>();
  for (const c of candidates) if (c.entry) kept.add(c.entry.id);
  for (const c of candidates) {
    const related = c.entry?.related;
    if (!c.entry || !related || related.every((r) => kept.has(r))) continue;
    const still = related.filter((r) => kept.has(r));
    for (const r of related.filter((x) => !kept.has(x))) warn(c, `"${r}" is not imported (it has errors); the link is dropped`);
    if (still.length) c.entry.related = still;
    else delete c.entry.related;
  }
}

export function assemble(read: ReadResult, ctx: AssembleContext): ImportPreview {
  const { file } = ctx;
  const warnings: ImportIssue[] = read.warnings.map((w) => ({ file, ...w }));
  const candidates: Candidate[] = read.drafts.map((draft, index) => ({ draft, index, problems: draft.problems }));
  const issueOf = (c: Candidate, p: { field?: string; message: string }): ImportIssue => ({
    file,
    line: c.draft.line,
    entry: c.index,
    ...(c.id ? { entryId: c.id } : {}),
    ...(c.draft.term ? { term: displayText(c.draft.term) } : {}),
    ...(p.field ? { field: p.field } : {}),
    message: p.message,
  });
  // The only warnings about single entries are about their related links.
  const warn = (c: Candidate, message: string) => warnings.push(issueOf(c, { field: 'related', message }));

  assignIds(candidates);
  resolveRelated(candidates, warn);
  const checked = phaseCounter(ctx.onProgress, 'checking', candidates.length);
  candidates.forEach((c, i) => {
    validate(c);
    checked(i + 1);
  });
  dropLinksToSkipped(candidates, warn);

  const entries: PackEntry[] = [];
  const bad: Candidate[] = [];
  for (const c of candidates) {
    if (c.entry) entries.push(c.entry);
    else bad.push(c);
  }
  const errors = bad.flatMap((c) => c.problems.map((p) => issueOf(c, p)));
  const skipped: SkippedEntry[] = bad.map((c) => ({
    entry: c.index,
    line: c.draft.line,
    ...(c.id ? { entryId: c.id } : {}),
    ...(c.draft.term ? { term: displayText(c.draft.term) } : {}),
  }));
  const counts = { read: candidates.length, valid: entries.length, skipped: bad.length };
  const pack = entries.length ? { ...ctx.meta, entries } : null;
  const status = !pack ? 'failed' : bad.length ? 'partial' : 'ok';
  if (!candidates.length) errors.push({ file, message: 'the file has no entries' });
  return {
    file,
    format: ctx.format,
    status,
    pack,
    partial: status === 'partial',
    counts,
    errors: capIssues(errors, ctx.maxIssues, file),
    warnings: capIssues(warnings, ctx.maxIssues, file),
    skipped,
    ...(read.columns ? { columns: read.columns } : {}),
  };
}

/** At most `max` issues, the last one saying how many more there were. */
export function capIssues(issues: ImportIssue[], max: number, file: string): ImportIssue[] {
  if (issues.length <= max) return issues;
  return [...issues.slice(0, max - 1), { file, message: `… and ${issues.length - max + 1} more` }];
}
