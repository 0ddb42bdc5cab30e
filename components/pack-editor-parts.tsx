// Building blocks of the pack editor: labelled fields that show their problems, rows of
// sources or authors, the related-entry picker and the popover preview. Each field has a
// visible label, and a field with a problem says so to assistive technology (aria-invalid,
// with the message as its description). Everything typed is rendered as text.

import { Fragment, render, type Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../lib/i18n';
import type { EntryView } from '../lib/messages';
import { INFLECTIONS } from '../lib/pack/format';
import type { EntryDraft, Inflection } from '../lib/pack/draft';
import { TermPopover } from './TermPopover';

/** A DOM id made of our own prefix and editor keys/field names (no teacher text in it). */
export const domId = (...parts: string[]) => `pe-${parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-')}`;

export const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

/** The messages of one field; its id is what the field's aria-describedby points at. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} class="field-errors">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** aria attributes of a field with `errors`, described by its messages and an optional hint. */
export function invalidProps(id: string, errors: readonly string[], hintId?: string) {
  const described = [errors.length ? `${id}-err` : '', hintId ?? ''].filter(Boolean).join(' ');
  return { 'aria-invalid': errors.length ? ('true' as const) : undefined, 'aria-describedby': described || undefined };
}

/** A group (fieldset) is described by its messages; aria-invalid belongs on the controls. */
const groupProps = (id: string, errors: readonly string[]) => ({ 'aria-describedby': errors.length ? `${id}-err` : undefined });

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  errors: readonly string[];
  onValue: (value: string) => void;
  /** Rows of a textarea; absent for a one-line input. */
  rows?: number;
  hint?: string;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
  inputMode?: 'url' | 'text';
  spellcheck?: boolean;
}

export function TextField({ id, label, value, errors, onValue, rows, hint, readOnly, inputRef, inputMode, spellcheck }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value,
    readOnly,
    spellcheck,
    onInput: (e: Event) => onValue(valueOf(e)),
    ...invalidProps(id, errors, hintId),
  };
  return (
    <div class={errors.length ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {rows === undefined ? (
        // type=text even for addresses: the importer's rules, not the browser's, decide what is valid.
        <input type="text" inputMode={inputMode} {...common} ref={inputRef as Ref<HTMLInputElement>} />
      ) : (
        <textarea rows={rows} {...common} ref={inputRef as Ref<HTMLTextAreaElement>} />
      )}
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={`${id}-err`} messages={errors} />
    </div>
  );
}

export interface PairRow {
  a: string;
  b: string;
}

export interface PairRowsProps {
  id: string;
  legend: string;
  rows: readonly PairRow[];
  /** Visible labels of the two inputs of a row. */
  labelA: string;
  labelB: string;
  rowName: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  /** Messages of row `i`'s first and second input. */
  errorsOf: (i: number, which: 'a' | 'b') => readonly string[];
  /** Messages about the list as a whole (too many rows). */
  errors: readonly string[];
  onRows: (rows: PairRow[]) => void;
}

/** Rows of two fields (source title and address, author name and page) with Add and Remove. */
export function PairRows({ id, legend, rows, labelA, labelB, rowName, addLabel, removeLabel, errorsOf, errors, onRows }: PairRowsProps) {
  const set = (i: number, patch: Partial<PairRow>) => onRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="rows" {...groupProps(id, errors)}>
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        <div class="row" key={i} role="group" aria-label={rowName(i + 1)}>
          <TextField id={`${id}-${i}-a`} label={labelA} value={row.a} errors={errorsOf(i, 'a')} onValue={(a) => set(i, { a })} />
          <TextField id={`${id}-${i}-b`} label={labelB} value={row.b} errors={errorsOf(i, 'b')} onValue={(b) => set(i, { b })} inputMode="url" spellcheck={false} />
          <button type="button" class="remove" aria-label={removeLabel(i + 1)} title={removeLabel(i + 1)} onClick={() => onRows(rows.filter((_, k) => k !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onRows([...rows, { a: '', b: '' }])}>
        {addLabel}
      </button>
      <FieldMessages id={`${id}-err`} messages={errors} />
    </fieldset>
  );
}

/** Checkboxes for the languages whose inflection rules apply to the Cyrillic spellings. */
export function InflectChecks({ t, id, value, errors, onValue }: { t: Strings; id: string; value: readonly Inflection[]; errors: readonly string[]; onValue: (v: Inflection[]) => void }) {
  const toggle = (lang: Inflection, on: boolean) => onValue(INFLECTIONS.filter((l) => (l === lang ? on : value.includes(l))));
  return (
    <fieldset class="checks" {...groupProps(id, errors)}>
      <legend>{t.editor.inflect}</legend>
      {INFLECTIONS.map((lang) => (
        <label key={lang}>
          <input type="checkbox" checked={value.includes(lang)} onChange={(e) => toggle(lang, (e.currentTarget as HTMLInputElement).checked)} />
          {t.editor.inflectNames[lang]} ({lang})
        </label>
      ))}
      <FieldMessages id={`${id}-err`} messages={errors} />
    </fieldset>
  );
}

export interface RelatedPickerProps {
  t: Strings;
  id: string;
  entry: EntryDraft;
  entries: readonly EntryDraft[];
  errors: readonly string[];
  onValue: (keys: string[]) => void;
}

const termOf = (t: Strings, e: EntryDraft) => e.term.trim() || t.editor.untitled;

/** The related entries as removable chips, and a list of the pack's other entries to add one. */
export function RelatedPicker({ t, id, entry, entries, errors, onValue }: RelatedPickerProps) {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const chosen = entry.related.flatMap((k) => byKey.get(k) ?? []);
  const candidates = entries.filter((e) => e.key !== entry.key && !entry.related.includes(e.key));
  return (
    <fieldset class="related-picker" {...groupProps(id, errors)}>
      <legend>{t.editor.related}</legend>
      {chosen.length > 0 && (
        <ul class="chips">
          {chosen.map((e) => (
            <li key={e.key}>
              <span>{termOf(t, e)}</span>
              <button type="button" class="remove" aria-label={t.editor.removeRelated(termOf(t, e))} title={t.editor.removeRelated(termOf(t, e))} onClick={() => onValue(entry.related.filter((k) => k !== e.key))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 ? (
        <div class="field">
          <label for={`${id}-add`}>{t.editor.addRelated}</label>
          <select
            id={`${id}-add`}
            value=""
            onChange={(e) => {
              const key = valueOf(e);
              if (key) onValue([...entry.related, key]);
            }}
          >
            <option value="">{t.editor.chooseRelated}</option>
            {candidates.map((e) => (
              <option key={e.key} value={e.key}>
                {termOf(t, e)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        chosen.length === 0 && <p class="hint">{t.editor.noOtherEntries}</p>
      )}
      <FieldMessages id={`${id}-err`} messages={errors} />
    </fieldset>
  );
}

// The popover's own sheet positions its frame over the page; in the preview it sits in place.
const PREVIEW_FRAME_CSS = '.frame { position: static; max-width: 380px; }';

export interface PopoverPreviewProps {
  t: Strings;
  view: EntryView | null;
  /** components/popover.css, exactly as the content script injects it. */
  css: string;
  label: string;
  onRelated: (key: string) => void;
}

/**
 * The entry as readers see it: the real TermPopover with the real stylesheet, in a shadow root
 * of its own so that neither the popover's styles nor the editor's leak into each other.
 */
export function PopoverPreview({ t, view, css, label, onRelated }: PopoverPreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  // Kept apart from `host`: Preact clears that ref before the cleanup below runs.
  const shadow = useRef<ShadowRoot | null>(null);
  const noop = () => undefined;
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = (shadow.current ??= el.shadowRoot ?? el.attachShadow({ mode: 'open' }));
    render(
      <Fragment>
        <style>{css}</style>
        <style>{PREVIEW_FRAME_CSS}</style>
        <div class="frame">{view && <TermPopover view={view} t={t} onRelated={onRelated} onBack={noop} onClose={noop} />}</div>
      </Fragment>,
      root,
    );
  });
  useLayoutEffect(
    () => () => {
      if (shadow.current) render(null, shadow.current);
    },
    [],
  );
  return (
    <section class="preview" aria-label={label}>
      <h2>{label}</h2>
      <div class="preview-box" ref={host} />
    </section>
  );
}
