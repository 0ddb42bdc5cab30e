// The pack editor (editor.html): metadata, entries, a live preview of the popover, validation as
// the teacher types, Save and exports. Props in, callbacks out: the page does the I/O. The
// draft lives here; lib/pack/draft.ts holds every rule about it.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { exportPack, type ExportedFile, type ExportFormat } from '../lib/formats/export';
import type { Strings } from '../lib/i18n';
import type { PackSummary } from '../lib/messages';
import type { Pack } from '../lib/pack/format';
import {
  addEntry,
  checkDraft,
  deleteEntry,
  editEntry,
  editMeta,
  entryErrorCount,
  errorsFor,
  fingerprint,
  markSaved,
  moveEntry,
  previewView,
  undoDelete,
  type DeletedEntry,
  type DraftErrors,
  type EntryDraft,
  type EntryFields,
  type MetaDraft,
  type PackDraft,
} from '../lib/pack/draft';
import { domId, FieldMessages, InflectChecks, PairRows, PopoverPreview, RelatedPicker, TextField } from './pack-editor-parts';

/** Typing pauses this long before the draft is validated again. */
export const VALIDATE_DELAY_MS = 200;

/** «Add to glossary»: the packs the captured entry may go to. */
export interface PackChoice {
  packs: readonly PackSummary[];
  current: string;
  /** `otherChanges`: unsaved edits besides the captured entry, which switching would drop. */
  onChoose: (packId: string, fields: EntryFields, otherChanges: boolean) => void;
}

export interface PackEditorProps {
  t: Strings;
  initial: PackDraft;
  /** Fingerprint (lib/pack/draft.ts) of the stored pack; null when it was never saved. */
  savedPrint: string | null;
  /** Key of the entry captured from a page: selected first, with its short text focused. */
  captured?: string;
  packChoice?: PackChoice;
  /** Ids of the installed packs, which a new pack may not take. */
  takenPackIds?: readonly string[];
  /** components/popover.css as text, for the preview. */
  popoverCss: string;
  validateDelayMs?: number;
  /** Stores the validated pack; throws with the reasons (one per line) when it cannot. */
  onSave: (pack: Pack) => Promise<unknown>;
  onDownload: (file: ExportedFile) => void;
  onDirtyChange?: (dirty: boolean) => void;
}

type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; messages: string[] };
type FocusRequest = { key: string; field: 'term' | 'short' } | 'undo' | null;

const EXPORTS: readonly [ExportFormat, (t: Strings) => string][] = [
  ['gloss-json', (t) => t.editor.exportJson],
  ['csv', (t) => t.editor.exportCsv],
  ['anki', (t) => t.editor.exportAnki],
  ['tbx', (t) => t.editor.exportTbx],
];

/** How many entries with problems the summary names; the count stays exact beyond it. */
const SUMMARY_ENTRIES = 20;

const termOf = (t: Strings, e: EntryDraft) => e.term.trim() || t.editor.untitled;

export function PackEditor(props: PackEditorProps) {
  const { t, initial, captured, packChoice, takenPackIds = [], popoverCss, validateDelayMs = VALIDATE_DELAY_MS, onSave, onDownload, onDirtyChange } = props;
  const [draft, setDraft] = useState(initial);
  const [selected, setSelected] = useState<string | null>(captured ?? initial.entries[0]?.key ?? null);
  const [errors, setErrors] = useState<DraftErrors>(() => checkDraft(initial, takenPackIds).errors);
  const [savedPrint, setSavedPrint] = useState(props.savedPrint);
  const [deleted, setDeleted] = useState<DeletedEntry | null>(null);
  const [notice, setNotice] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [dirty, setDirty] = useState(props.savedPrint === null || fingerprint(initial) !== props.savedPrint);
  const [focus, setFocus] = useState<FocusRequest>(captured ? { key: captured, field: 'short' } : null);
  // The chooser moves the captured entry to another pack; once saved, the entry stays put.
  const [choosing, setChoosing] = useState(captured !== undefined && packChoice !== undefined);
  const undoButton = useRef<HTMLButtonElement>(null);

  // Validation and the dirty check wait for a pause in typing: both walk the whole pack.
  useEffect(() => {
    const timer = setTimeout(() => {
      setErrors(checkDraft(draft, takenPackIds).errors);
      setDirty(savedPrint === null || fingerprint(draft) !== savedPrint);
    }, validateDelayMs);
    return () => clearTimeout(timer);
  }, [draft, savedPrint]);

  useEffect(() => onDirtyChange?.(dirty), [dirty]);

  useLayoutEffect(() => {
    if (focus !== 'undo') return;
    undoButton.current?.focus();
    setFocus(null);
  }, [focus]);

  const update = (next: PackDraft) => {
    if (next === draft) return;
    setDraft(next);
    // Any edit is presumed to change the pack until the next check says otherwise, so that
    // leaving the page right after typing still warns.
    setDirty(true);
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };

  const selectedIndex = draft.entries.findIndex((e) => e.key === selected);
  const entry = selectedIndex === -1 ? null : draft.entries[selectedIndex]!;

  const onAdd = () => {
    const { draft: next, key } = addEntry(draft);
    update(next);
    setSelected(key);
    setFocus({ key, field: 'term' });
    setNotice('');
    setDeleted(null);
  };

  const onMove = (delta: -1 | 1) => {
    if (!entry) return;
    const next = moveEntry(draft, entry.key, delta);
    if (next === draft) return;
    update(next);
    // The notice that offered Undo is replaced: the deletion stays done.
    setDeleted(null);
    setNotice(t.editor.moved(selectedIndex + delta + 1, next.entries.length));
  };

  const onDelete = () => {
    if (!entry) return;
    const result = deleteEntry(draft, entry.key);
    if (!result) return;
    update(result.draft);
    setDeleted(result.deleted);
    const rest = result.draft.entries;
    setSelected(rest[Math.min(result.deleted.index, rest.length - 1)]?.key ?? null);
    setNotice(t.editor.deleted(termOf(t, entry)));
    setFocus('undo');
  };

  const onUndo = () => {
    if (!deleted) return;
    update(undoDelete(draft, deleted));
    setSelected(deleted.entry.key);
    setDeleted(null);
    setNotice(t.editor.restored(termOf(t, deleted.entry)));
    setFocus({ key: deleted.entry.key, field: 'term' });
  };

  const doSave = async () => {
    // The shown problems may be up to one pause old: check what is saved now.
    const check = checkDraft(draft, takenPackIds);
    setErrors(check.errors);
    if (!check.pack) return;
    const snapshot = draft;
    setSave({ kind: 'saving' });
    try {
      await onSave(check.pack);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      setSave({ kind: 'failed', messages: text.split('\n').filter(Boolean) });
      return;
    }
    // The teacher may have typed on while the pack was saving: keep that, fix the saved ids.
    setDraft((current) => markSaved(current, snapshot));
    setSavedPrint(fingerprint(snapshot));
    setSave({ kind: 'saved' });
    setChoosing(false);
  };

  const doExport = (format: ExportFormat) => {
    const check = checkDraft(draft, takenPackIds);
    setErrors(check.errors);
    if (check.pack && check.pack.entries.length > 0) onDownload(exportPack(check.pack, format));
  };

  const choose = (select: HTMLSelectElement) => {
    const packId = select.value;
    // The page opens the chosen pack, or keeps this one (when the teacher would rather keep
    // her other edits): either way the list shows the pack the entry is in.
    if (packChoice) select.value = packChoice.current;
    if (!packChoice || !captured || packId === packChoice.current) return;
    const capturedEntry = draft.entries.find((e) => e.key === captured);
    if (!capturedEntry) return;
    const { key: _k, id: _i, autoId: _a, related: _r, ...fields } = capturedEntry;
    const without = deleteEntry(draft, captured)?.draft ?? draft;
    // Links are to this pack's entries: they do not carry over.
    packChoice.onChoose(packId, { ...fields, related: [] }, fingerprint(without) !== savedPrint);
  };

  const canSave = errors.count === 0 && save.kind !== 'saving';
  const canExport = errors.count === 0 && draft.entries.length > 0;

  return (
    <main class="pack-editor">
      <header class="editor-bar">
        <h1>{draft.meta.title.trim() || t.editor.newPack}</h1>
        {dirty && <span class="dirty">{t.editor.unsaved}</span>}
        <button type="button" class="primary" disabled={!canSave} onClick={() => void doSave()}>
          {t.editor.save}
        </button>
        <p role="status" class="save-status">
          {save.kind === 'saving' ? t.editor.saving : save.kind === 'saved' ? t.editor.saved : ''}
        </p>
      </header>
      {save.kind === 'failed' && (
        <div role="alert" class="status error">
          <p>{t.editor.saveFailed}</p>
          <ul>
            {save.messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorSummary t={t} errors={errors} entries={draft.entries} onSelect={setSelected} />
      {choosing && packChoice && (
        <div class="field pack-choice">
          <label for="pe-pack-choice">{t.editor.addToPack}</label>
          <select id="pe-pack-choice" value={packChoice.current} onChange={(e) => choose(e.currentTarget as HTMLSelectElement)}>
            {packChoice.packs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <MetaForm t={t} meta={draft.meta} errors={errors} onEdit={(patch) => update(editMeta(draft, patch))} />
      <section class="entries" aria-labelledby="pe-entries-h">
        <h2 id="pe-entries-h">{t.editor.entries}</h2>
        <p class="notice" role="status">
          {notice}
          {deleted && notice && (
            <button type="button" ref={undoButton} onClick={onUndo}>
              {t.editor.undo}
            </button>
          )}
        </p>
        <div class="entries-layout">
          <EntryList t={t} entries={draft.entries} selected={selected} errors={errors} onSelect={setSelected} onAdd={onAdd} />
          {entry ? (
            <EntryForm
              key={entry.key}
              t={t}
              entry={entry}
              index={selectedIndex}
              entries={draft.entries}
              errors={errors}
              focus={focus !== 'undo' && focus?.key === entry.key ? focus.field : null}
              onFocused={() => setFocus(null)}
              onEdit={(patch) => update(editEntry(draft, entry.key, patch))}
              onMove={onMove}
              onDelete={onDelete}
            />
          ) : (
            <p class="hint no-selection">{draft.entries.length ? t.editor.noSelection : t.editor.noEntries}</p>
          )}
          {entry && <PopoverPreview t={t} view={previewView(draft, entry.key)} css={popoverCss} label={t.editor.preview} onRelated={(key) => setSelected(key)} />}
        </div>
      </section>
      <footer class="exports">
        {EXPORTS.map(([format, label]) => (
          <button key={format} type="button" disabled={!canExport} onClick={() => doExport(format)} aria-describedby={canExport ? undefined : 'pe-export-hint'}>
            {label(t)}
          </button>
        ))}
        {!canExport && (
          <p id="pe-export-hint" class="hint">
            {t.editor.exportHint}
          </p>
        )}
      </footer>
    </main>
  );
}

function ErrorSummary({ t, errors, entries, onSelect }: { t: Strings; errors: DraftErrors; entries: readonly EntryDraft[]; onSelect: (key: string) => void }) {
  if (errors.count === 0) return null;
  const metaMessages = Object.entries(errors.meta).flatMap(([field, list]) => list.map((m) => `${metaLabel(t, field)}: ${m}`));
  const faulty = entries.filter((e) => entryErrorCount(errors, e.key) > 0).slice(0, SUMMARY_ENTRIES);
  return (
    <section class="summary" aria-labelledby="pe-summary-h">
      <h2 id="pe-summary-h">{t.editor.problems(errors.count)}</h2>
      <ul>
        {[...errors.pack, ...metaMessages].map((m, i) => (
          <li key={`m${i}`}>{m}</li>
        ))}
        {faulty.map((e) => (
          <li key={e.key}>
            <button type="button" class="link" onClick={() => onSelect(e.key)}>
              {t.editor.showEntry(termOf(t, e), entryErrorCount(errors, e.key))}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The visible label of a metadata field, for the summary: `authors.1.url` → "Author 2, Home page …". */
function metaLabel(t: Strings, field: string): string {
  const [head = '', index, sub] = field.split('.');
  const labels: Record<string, string> = {
    title: t.editor.title,
    id: t.editor.packId,
    version: t.editor.version,
    description: t.editor.description,
    language: t.editor.languageName,
    license: t.editor.licenseName,
    sites: t.editor.sitesName,
    authors: t.editor.authors,
  };
  if (head === 'authors' && index !== undefined) return `${t.editor.authorN(Number(index) + 1)}, ${sub === 'url' ? t.editor.authorUrl : t.editor.authorName}`;
  return labels[head] ?? field;
}

type MetaPatch = Partial<Omit<MetaDraft, 'isNew' | 'kept'>>;

function MetaForm({ t, meta, errors, onEdit }: { t: Strings; meta: MetaDraft; errors: DraftErrors; onEdit: (patch: MetaPatch) => void }) {
  const err = (field: string) => errorsFor(errors, null, field);
  const id = (field: string) => domId('meta', field);
  return (
    <section class="meta" aria-labelledby="pe-meta-h">
      <h2 id="pe-meta-h">{t.editor.packSection}</h2>
      <div class="meta-grid">
        <TextField id={id('title')} label={t.editor.title} value={meta.title} errors={err('title')} onValue={(title) => onEdit({ title })} />
        <TextField
          id={id('id')}
          label={t.editor.packId}
          value={meta.id}
          errors={err('id')}
          readOnly={!meta.isNew}
          hint={meta.isNew ? undefined : t.editor.packIdFixed}
          spellcheck={false}
          onValue={(value) => onEdit({ id: value })}
        />
        <TextField id={id('version')} label={t.editor.version} value={meta.version} errors={err('version')} spellcheck={false} onValue={(version) => onEdit({ version })} />
        <TextField id={id('language')} label={t.editor.language} value={meta.language} errors={err('language')} spellcheck={false} onValue={(language) => onEdit({ language })} />
        <TextField id={id('license')} label={t.editor.license} value={meta.license} errors={err('license')} spellcheck={false} onValue={(license) => onEdit({ license })} />
      </div>
      <TextField id={id('description')} label={t.editor.description} value={meta.description} errors={err('description')} rows={2} onValue={(description) => onEdit({ description })} />
      <PairRows
        id={id('authors')}
        legend={t.editor.authors}
        rows={meta.authors.map((a) => ({ a: a.name, b: a.url }))}
        labelA={t.editor.authorName}
        labelB={t.editor.authorUrl}
        rowName={t.editor.authorN}
        addLabel={t.editor.addAuthor}
        removeLabel={t.editor.removeAuthor}
        errorsOf={(i, which) => err(`authors.${i}.${which === 'a' ? 'name' : 'url'}`)}
        errors={err('authors')}
        onRows={(rows) => onEdit({ authors: rows.map((r) => ({ name: r.a, url: r.b })) })}
      />
      <TextField id={id('sites')} label={t.editor.sites} value={meta.sites} errors={err('sites')} rows={3} spellcheck={false} onValue={(sites) => onEdit({ sites })} />
    </section>
  );
}

interface EntryListProps {
  t: Strings;
  entries: readonly EntryDraft[];
  selected: string | null;
  errors: DraftErrors;
  onSelect: (key: string) => void;
  onAdd: () => void;
}

function EntryList({ t, entries, selected, errors, onSelect, onAdd }: EntryListProps) {
  return (
    <div class="entry-list">
      <button type="button" onClick={onAdd}>
        {t.editor.addEntry}
      </button>
      <ol>
        {entries.map((e) => {
          const problems = entryErrorCount(errors, e.key);
          return (
            <li key={e.key} data-key={e.key}>
              <button type="button" class="entry-pick" aria-current={e.key === selected ? 'true' : undefined} onClick={() => onSelect(e.key)}>
                <span class="pick-term">{termOf(t, e)}</span>
                <span class="pick-short">{e.short}</span>
                {problems > 0 && <span class="pick-problems">{t.editor.entryProblems(problems)}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

interface EntryFormProps {
  t: Strings;
  entry: EntryDraft;
  index: number;
  entries: readonly EntryDraft[];
  errors: DraftErrors;
  /** A field to focus once rendered (a new entry's term, a captured entry's short text). */
  focus: 'term' | 'short' | null;
  onFocused: () => void;
  onEdit: (patch: Partial<EntryFields>) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}

function EntryForm({ t, entry, index, entries, errors, focus, onFocused, onEdit, onMove, onDelete }: EntryFormProps) {
  const err = (field: string) => errorsFor(errors, entry.key, field);
  const id = (field: string) => domId(entry.key, field);
  const term = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const short = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (!focus) return;
    (focus === 'term' ? term : short).current?.focus();
    onFocused();
  }, [focus]);
  const first = index === 0;
  const last = index === entries.length - 1;
  const idErrors = [...err(''), ...err('id')];
  return (
    <section class="entry-form" aria-labelledby={id('heading')}>
      <div class="entry-tools">
        <h2 id={id('heading')}>
          {t.editor.entrySection} {index + 1}: {termOf(t, entry)}
        </h2>
        {/* aria-disabled, not disabled: a button that disables itself would drop keyboard focus. */}
        <button type="button" aria-disabled={first ? 'true' : undefined} onClick={() => !first && onMove(-1)}>
          {t.editor.moveUp}
        </button>
        <button type="button" aria-disabled={last ? 'true' : undefined} onClick={() => !last && onMove(1)}>
          {t.editor.moveDown}
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          {t.editor.deleteEntry}
        </button>
      </div>
      <TextField id={id('term')} label={t.editor.term} value={entry.term} errors={err('term')} inputRef={term} onValue={(value) => onEdit({ term: value })} />
      <p class="entry-id">
        {t.editor.entryId}: <code>{entry.id}</code>
      </p>
      <FieldMessages id={id('id-err')} messages={idErrors} />
      <TextField id={id('short')} label={t.editor.short} value={entry.short} errors={err('short')} inputRef={short} onValue={(value) => onEdit({ short: value })} />
      <TextField id={id('definition')} label={t.editor.definition} value={entry.definition} errors={err('definition')} rows={3} onValue={(definition) => onEdit({ definition })} />
      <TextField id={id('context')} label={t.editor.context} value={entry.context} errors={err('context')} rows={3} onValue={(context) => onEdit({ context })} />
      <div class="two-col">
        <TextField id={id('variants')} label={t.editor.variants} value={entry.variants} errors={err('variants')} rows={3} onValue={(variants) => onEdit({ variants })} />
        <TextField id={id('forms')} label={t.editor.forms} value={entry.forms} errors={err('forms')} rows={3} onValue={(forms) => onEdit({ forms })} />
      </div>
      <InflectChecks t={t} id={id('inflect')} value={entry.inflect} errors={err('inflect')} onValue={(inflect) => onEdit({ inflect })} />
      <PairRows
        id={id('sources')}
        legend={t.editor.sources}
        rows={entry.sources.map((s) => ({ a: s.title, b: s.url }))}
        labelA={t.editor.sourceTitle}
        labelB={t.editor.sourceUrl}
        rowName={t.editor.sourceN}
        addLabel={t.editor.addSource}
        removeLabel={t.editor.removeSource}
        errorsOf={(i, which) => err(`sources.${i}.${which === 'a' ? 'title' : 'url'}`)}
        errors={err('sources')}
        onRows={(rows) => onEdit({ sources: rows.map((r) => ({ title: r.a, url: r.b })) })}
      />
      <TextField id={id('tags')} label={t.editor.tags} value={entry.tags} errors={err('tags')} onValue={(tags) => onEdit({ tags })} />
      <RelatedPicker t={t} id={id('related')} entry={entry} entries={entries} errors={err('related')} onValue={(related) => onEdit({ related })} />
    </section>
  );
}

/** editor.html without a pack: the installed packs to choose from, and «New pack». */
export function PackListView({ t, packs }: { t: Strings; packs: readonly PackSummary[] }) {
  return (
    <main class="pack-editor">
      <h1>{t.editor.pageTitle}</h1>
      <section aria-labelledby="pe-choose-h">
        <h2 id="pe-choose-h">{t.editor.choosePack}</h2>
        {packs.length === 0 ? (
          <p class="muted">{t.editor.noPacks}</p>
        ) : (
          <ul class="pack-list">
            {packs.map((p) => (
              <li key={p.id}>
                <a href={`?pack=${encodeURIComponent(p.id)}`}>{p.title}</a> <span class="muted">v{p.version} · {t.editor.entriesCount(p.entryCount)}</span>
              </li>
            ))}
          </ul>
        )}
        <a class="button" href="?new=1">
          {t.editor.newPack}
        </a>
      </section>
    </main>
  );
}

/** A page-level message (loading, a pack that does not exist) with a way back to the list. */
export function EditorMessage({ t, text, busy = false }: { t: Strings; text: string; busy?: boolean }) {
  return (
    <main class="pack-editor" aria-busy={busy ? 'true' : undefined}>
      <h1>{t.editor.pageTitle}</h1>
      <p role={busy ? undefined : 'alert'}>{text}</p>
      {!busy && <a href="?">{t.editor.allPacks}</a>}
    </main>
  );
}
