// The pack editor's working copy. Fields hold what the teacher typed (lists as one line per
// item, tags as comma-separated text) so that a half-typed line is never reformatted under her
// cursor; toPack turns that into the pack the importer's own validation then checks, and the
// problems it finds are mapped back to the fields they are about. Everything here is pure:
// each edit returns a new draft, which is what makes Undo and the dirty check cheap.

import { IdAllocator } from '../formats/ids';
import type { EntryView } from '../messages';
import { safeHttpUrl } from '../url';
import { type Pack, type PackEntry, type PackSource, INFLECTIONS } from './format';
import { checkPackData, type PackIssue } from './parse';
import type { JsonPath } from './json-scan';
import { displayText, truncateAtWord } from './text-safety';

export type Inflection = (typeof INFLECTIONS)[number];

export interface SourceDraft {
  title: string;
  url: string;
}

export interface AuthorDraft {
  name: string;
  url: string;
}

export interface EntryDraft {
  /** The entry's handle in the editor (list keys, selection, related links); never saved. */
  key: string;
  id: string;
  /**
   * The id follows the term until the entry is first saved. After that it stays fixed, because
   * readers' notes and highlights refer to it.
   */
  autoId: boolean;
  term: string;
  /** One per line. */
  variants: string;
  /** One per line. */
  forms: string;
  inflect: Inflection[];
  short: string;
  definition: string;
  context: string;
  sources: SourceDraft[];
  /** Comma-separated. */
  tags: string;
  /** Keys (not ids) of related entries, so a link survives the other entry's id changing. */
  related: string[];
}

export type EntryFields = Omit<EntryDraft, 'key' | 'id' | 'autoId'>;

export interface MetaDraft {
  id: string;
  /** Not saved yet: only a new pack may choose its id. */
  isNew: boolean;
  /** A new pack's id follows its title until the teacher types one. */
  autoId: boolean;
  title: string;
  version: string;
  description: string;
  language: string;
  authors: AuthorDraft[];
  license: string;
  /** Match patterns of `scope.sites`, one per line. */
  sites: string;
  /** Fields the editor does not show, kept exactly as they were loaded. */
  kept: Pick<Pack, 'updateUrl' | 'folding'>;
}

export interface PackDraft {
  meta: MetaDraft;
  entries: EntryDraft[];
  /** Number for the next entry key; keys are never reused, even after a delete. */
  seq: number;
}

/** What «Add to glossary» brings from a page. */
export interface Capture {
  term: string;
  context?: string;
  url?: string;
  title?: string;
}

export const NEW_PACK_VERSION = '1.0.0';

const EMPTY_FIELDS: EntryFields = {
  term: '',
  variants: '',
  forms: '',
  inflect: [],
  short: '',
  definition: '',
  context: '',
  sources: [],
  tags: '',
  related: [],
};

export function emptyPack(): PackDraft {
  return {
    meta: { id: '', isNew: true, autoId: true, title: '', version: NEW_PACK_VERSION, description: '', language: '', authors: [], license: '', sites: '', kept: {} },
    entries: [],
    seq: 1,
  };
}

/** The draft of a stored pack: every id is fixed, since the pack is already in use. */
export function draftFromPack(pack: Pack): PackDraft {
  const keyOfId = new Map(pack.entries.map((e, i) => [e.id, `e${i + 1}`]));
  const entries = pack.entries.map((e, i): EntryDraft => ({
    key: `e${i + 1}`,
    id: e.id,
    autoId: false,
    term: e.term,
    variants: (e.variants ?? []).join('\n'),
    forms: (e.forms ?? []).join('\n'),
    inflect: [...(e.inflect ?? [])],
    short: e.short,
    definition: e.definition ?? '',
    context: e.context ?? '',
    sources: (e.sources ?? []).map((s) => ({ title: s.title, url: s.url })),
    tags: (e.tags ?? []).join(', '),
    related: (e.related ?? []).flatMap((id) => keyOfId.get(id) ?? []),
  }));
  const kept: MetaDraft['kept'] = {};
  if (pack.updateUrl !== undefined) kept.updateUrl = pack.updateUrl;
  if (pack.folding !== undefined) kept.folding = [...pack.folding];
  const meta: MetaDraft = {
    id: pack.id,
    isNew: false,
    autoId: false,
    title: pack.title,
    version: pack.version,
    description: pack.description ?? '',
    language: pack.language ?? '',
    authors: (pack.authors ?? []).map((a) => ({ name: a.name, url: a.url ?? '' })),
    license: pack.license ?? '',
    sites: (pack.scope?.sites ?? []).join('\n'),
    kept,
  };
  return { meta, entries, seq: entries.length + 1 };
}

/** A valid entry id for `term` that none of `taken` uses: "senate", else "senate-2", … */
export function uniqueEntryId(term: string, taken: Iterable<string>): string {
  const ids = new IdAllocator();
  for (const id of taken) ids.claim(id);
  return ids.fromTerm(term.trim());
}

function otherIds(draft: PackDraft, key: string): string[] {
  return draft.entries.filter((e) => e.key !== key).map((e) => e.id);
}

/** Adds an entry (at the end unless `at` is given); returns the draft and the new entry's key. */
export function addEntry(draft: PackDraft, fields: Partial<EntryFields> = {}, at = draft.entries.length): { draft: PackDraft; key: string } {
  const key = `e${draft.seq}`;
  const filled: EntryFields = { ...EMPTY_FIELDS, ...fields };
  const entry: EntryDraft = { key, id: uniqueEntryId(filled.term, draft.entries.map((e) => e.id)), autoId: true, ...filled };
  const entries = [...draft.entries];
  entries.splice(Math.max(0, Math.min(at, entries.length)), 0, entry);
  return { draft: { ...draft, entries, seq: draft.seq + 1 }, key };
}

/**
 * The fields of an entry captured from a page: the term, the sentence it was met in as context,
 * and the page as its source when the page has an http(s) address.
 */
export function captureFields(capture: Capture): Partial<EntryFields> {
  const fields: Partial<EntryFields> = { term: capture.term.trim().replace(/\s+/g, ' ') };
  const context = capture.context?.trim();
  if (context) fields.context = truncateAtWord(context, 4000);
  const url = capture.url ? safeHttpUrl(capture.url.trim()) : null;
  if (url) fields.sources = [{ title: truncateAtWord(capture.title?.trim() || new URL(url).hostname, 300), url }];
  return fields;
}

/** Applies an edit to one entry; an id that still follows the term follows it here. */
export function editEntry(draft: PackDraft, key: string, patch: Partial<EntryFields>): PackDraft {
  const entries = draft.entries.map((e) => {
    if (e.key !== key) return e;
    const next = { ...e, ...patch };
    if (next.autoId && patch.term !== undefined) next.id = uniqueEntryId(next.term, otherIds(draft, key));
    return next;
  });
  return { ...draft, entries };
}

/** Applies an edit to the pack's metadata; a new pack's id follows its title until typed. */
export function editMeta(draft: PackDraft, patch: Partial<Omit<MetaDraft, 'isNew' | 'kept'>>): PackDraft {
  const meta = { ...draft.meta, ...patch };
  if (!meta.isNew) meta.id = draft.meta.id;
  else if (patch.id !== undefined) meta.autoId = false;
  else if (meta.autoId && patch.title !== undefined) meta.id = meta.title.trim() ? uniqueEntryId(meta.title, []) : '';
  return { ...draft, meta };
}

/** Moves an entry one place up (-1) or down (+1); at either end nothing changes. */
export function moveEntry(draft: PackDraft, key: string, delta: -1 | 1): PackDraft {
  const from = draft.entries.findIndex((e) => e.key === key);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= draft.entries.length) return draft;
  const entries = [...draft.entries];
  [entries[from], entries[to]] = [entries[to]!, entries[from]!];
  return { ...draft, entries };
}

export interface DeletedEntry {
  entry: EntryDraft;
  index: number;
}

/** Removes an entry; what comes back lets undoDelete put it back at its place. */
export function deleteEntry(draft: PackDraft, key: string): { draft: PackDraft; deleted: DeletedEntry } | null {
  const index = draft.entries.findIndex((e) => e.key === key);
  if (index === -1) return null;
  const entry = draft.entries[index]!;
  // Links to the entry stay in the other entries (toPack skips them while it is gone), so
  // Undo brings them back with it.
  return { draft: { ...draft, entries: draft.entries.filter((e) => e.key !== key) }, deleted: { entry, index } };
}

export function undoDelete(draft: PackDraft, deleted: DeletedEntry): PackDraft {
  if (draft.entries.some((e) => e.key === deleted.entry.key)) return draft;
  const taken = draft.entries.map((e) => e.id);
  const entry = { ...deleted.entry };
  // A newer entry may have taken an id that was only following the term.
  if (entry.autoId && taken.includes(entry.id)) entry.id = uniqueEntryId(entry.term, taken);
  const entries = [...draft.entries];
  entries.splice(Math.min(deleted.index, entries.length), 0, entry);
  return { ...draft, entries };
}

/**
 * The draft after `saved` (an earlier state of it) was stored: the ids that were saved are in
 * use by readers from now on, so they stop following terms and titles. Entries added since keep
 * following theirs.
 */
export function markSaved(draft: PackDraft, saved: PackDraft = draft): PackDraft {
  const savedIds = new Map(saved.entries.map((e) => [e.key, e.id]));
  const meta = saved.meta.isNew ? { ...draft.meta, id: saved.meta.id, isNew: false, autoId: false } : draft.meta;
  const entries = draft.entries.map((e) => {
    const id = savedIds.get(e.key);
    return id === undefined || (!e.autoId && e.id === id) ? e : { ...e, id, autoId: false };
  });
  return { ...draft, meta, entries };
}

export function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function entryToPack(e: EntryDraft, idOfKey: Map<string, string>): PackEntry {
  const out: PackEntry = { id: e.id, term: e.term.trim(), short: e.short.trim() };
  const variants = lines(e.variants);
  const forms = lines(e.forms);
  const tags = commaList(e.tags);
  // Links to entries that are not in the pack (deleted, waiting for Undo) are left out.
  const related = e.related.flatMap((k) => idOfKey.get(k) ?? []);
  if (variants.length) out.variants = variants;
  if (forms.length) out.forms = forms;
  if (e.inflect.length) out.inflect = INFLECTIONS.filter((l) => e.inflect.includes(l));
  if (e.definition.trim()) out.definition = e.definition.trim();
  if (e.context.trim()) out.context = e.context.trim();
  // Every row counts, an empty one included, so its problem shows next to the row on screen.
  if (e.sources.length) out.sources = e.sources.map((s) => ({ title: s.title.trim(), url: s.url.trim() }));
  if (tags.length) out.tags = tags;
  if (related.length) out.related = related;
  return out;
}

/** The pack the draft describes, not yet validated (that is checkDraft's job). */
export function toPack(draft: PackDraft): Pack {
  const { meta } = draft;
  const idOfKey = new Map(draft.entries.map((e) => [e.key, e.id]));
  const pack: Pack = { format: 'gloss-pack', formatVersion: 1, id: meta.id.trim(), version: meta.version.trim(), title: meta.title.trim(), entries: [] };
  if (meta.description.trim()) pack.description = meta.description.trim();
  if (meta.language.trim()) pack.language = meta.language.trim();
  if (meta.authors.length) pack.authors = meta.authors.map((a) => (a.url.trim() ? { name: a.name.trim(), url: a.url.trim() } : { name: a.name.trim() }));
  if (meta.license.trim()) pack.license = meta.license.trim();
  if (meta.kept.updateUrl !== undefined) pack.updateUrl = meta.kept.updateUrl;
  const sites = lines(meta.sites);
  if (sites.length) pack.scope = { sites };
  if (meta.kept.folding !== undefined) pack.folding = meta.kept.folding;
  pack.entries = draft.entries.map((e) => entryToPack(e, idOfKey));
  return pack;
}

/** Equal for drafts that would save the same pack: the basis of the unsaved-changes check. */
export function fingerprint(draft: PackDraft): string {
  return JSON.stringify(toPack(draft));
}

/** Messages by field: `title`, `authors.0.name`, `sites` for the pack; `short`, `sources.1.url` for an entry. */
export type FieldErrors = Record<string, string[]>;

export interface DraftErrors {
  /** Problems with the pack as a whole, which no single field can show. */
  pack: string[];
  meta: FieldErrors;
  /** Entry key → that entry's problems. */
  entries: Map<string, FieldErrors>;
  count: number;
}

export interface DraftCheck {
  /** The validated pack, when there is no problem. */
  pack: Pack | null;
  errors: DraftErrors;
}

// Fields typed as one item per line (or per comma): a problem with one item names the item,
// since line numbers would not match once blank lines are dropped.
const ITEM_FIELDS = new Set(['variants', 'forms', 'tags', 'inflect', 'related', 'sites']);

function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** The field a problem at `path` (relative to the pack or the entry) belongs to. */
function fieldOf(path: JsonPath): string {
  const [head, index, sub] = path;
  if (head === 'scope') return 'sites';
  if ((head === 'authors' || head === 'sources') && typeof index === 'number' && typeof sub === 'string') return `${head}.${index}.${sub}`;
  return typeof head === 'string' ? head : '';
}

function messageOf(issue: PackIssue, data: unknown, rel: JsonPath): string {
  const field = fieldOf(rel);
  const item = rel[rel.length - 1];
  if (ITEM_FIELDS.has(field) && typeof item === 'number') {
    const value = valueAt(data, issue.path);
    if (typeof value === 'string') return `“${displayText(value)}” ${issue.message}`;
  }
  return issue.message;
}

function push(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

// The pack format wants at least one entry, but a pack being written may have none (the
// background saves it so): a stand-in entry lets every other rule be checked.
const STAND_IN: PackEntry = { id: 'stand-in', term: 'stand-in', short: 'stand-in' };

/**
 * Runs the importer's validation on the draft and files each problem under its field.
 * `takenPackIds`: ids of the packs already installed, which a new pack must not reuse.
 */
export function checkDraft(draft: PackDraft, takenPackIds: readonly string[] = []): DraftCheck {
  const data = toPack(draft);
  const empty = data.entries.length === 0;
  const check = checkPackData(empty ? { ...data, entries: [STAND_IN] } : data);
  const errors: DraftErrors = { pack: [], meta: {}, entries: new Map(), count: 0 };
  for (const issue of check.fatal) {
    const field = fieldOf(issue.path);
    if (field === '' || field === 'entries' || field === 'format' || field === 'formatVersion') errors.pack.push(issue.where ? `${issue.where}: ${issue.message}` : issue.message);
    else push(errors.meta, field, messageOf(issue, data, issue.path));
  }
  if (!empty) {
    for (const [index, issues] of check.entries) {
      const key = draft.entries[index]?.key;
      if (key === undefined) continue;
      const fields: FieldErrors = {};
      for (const issue of issues) push(fields, fieldOf(issue.path.slice(2)), messageOf(issue, data, issue.path.slice(2)));
      errors.entries.set(key, fields);
    }
  }
  if (draft.meta.isNew && takenPackIds.includes(data.id)) push(errors.meta, 'id', `is already used by an installed pack; choose another id`);
  errors.count = errors.pack.length + countOf(errors.meta) + [...errors.entries.values()].reduce((n, f) => n + countOf(f), 0);
  const pack = errors.count === 0 && check.pack ? (empty ? { ...check.pack, entries: [] } : check.pack) : null;
  return { pack, errors };
}

function countOf(fields: FieldErrors): number {
  return Object.values(fields).reduce((n, list) => n + list.length, 0);
}

/** Messages for one field: of the pack when `entryKey` is null, else of that entry. */
export function errorsFor(errors: DraftErrors, entryKey: string | null, field: string): string[] {
  const fields = entryKey === null ? errors.meta : errors.entries.get(entryKey);
  return fields?.[field] ?? [];
}

/** Number of problems in one entry (for the entry list). */
export function entryErrorCount(errors: DraftErrors, entryKey: string): number {
  const fields = errors.entries.get(entryKey);
  return fields ? countOf(fields) : 0;
}

export const NO_ERRORS: DraftErrors = { pack: [], meta: {}, entries: new Map(), count: 0 };

/** The entry as the popover will show it to readers once the pack is saved. */
export function previewView(draft: PackDraft, key: string): EntryView | null {
  const entry = draft.entries.find((e) => e.key === key);
  if (!entry) return null;
  const packId = draft.meta.id.trim() || 'new-pack';
  const idOfKey = new Map(draft.entries.map((e) => [e.key, e.id]));
  const e = entryToPack(entry, idOfKey);
  const byKey = new Map(draft.entries.map((x) => [x.key, x]));
  return {
    key: `${packId}/${e.id}`,
    term: e.term,
    short: e.short,
    variants: e.variants ?? [],
    definition: e.definition,
    context: e.context,
    sources: (e.sources ?? []).filter((s) => s.title || s.url).map((s): PackSource => ({ title: s.title || s.url, url: s.url })),
    tags: e.tags ?? [],
    // A related entry is named by its editor key: choosing it in the preview selects it.
    related: entry.related.flatMap((k) => {
      const r = byKey.get(k);
      return r ? [{ key: k, term: r.term.trim(), short: r.short.trim() }] : [];
    }),
    packTitle: draft.meta.title.trim(),
  };
}
