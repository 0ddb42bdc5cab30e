// Pieces shared by the highlight card and the side panel. Both are extension pages: the notes
// and tags they show never enter a news page's DOM (docs/privacy.md).

import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cleanTags, HIGHLIGHT_COLORS, NOTE_MAX, type AnchorStatus, type HighlightColor } from '../lib/highlights';
import type { Strings } from '../lib/i18n';
import type { HighlightView } from '../lib/messages';

/** Typing pauses this long before a note is saved; leaving the field saves at once. */
export const SAVE_DELAY_MS = 400;

/** Tags from the comma-separated text the reader typed, cleaned as the background keeps them. */
export function parseTags(text: string): string[] {
  return cleanTags(text.split(','));
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** How the highlight last anchored, in words: Exact / Moved / Fuzzy NN% / Orphan. */
export function anchorLabel(t: Strings, anchor: AnchorStatus): string {
  switch (anchor.state) {
    case 'exact':
      return t.anchorExact;
    case 'moved':
      return t.anchorMoved;
    case 'fuzzy':
      return t.anchorFuzzy(anchor.score);
    case 'orphan':
      return t.anchorOrphan;
  }
}

export const isOrphan = (h: HighlightView) => h.anchor.state === 'orphan';

/** A colour shown as a chip; screen readers hear its name. */
export function Swatch({ t, color }: { t: Strings; color: HighlightColor }) {
  return <span class={`swatch ${color}`} role="img" aria-label={t.colorNames[color]} />;
}

/** The five colours as toggle buttons named after them; the current one is pressed. */
export function ColorPicker({ t, color, onColor }: { t: Strings; color: HighlightColor; onColor: (color: HighlightColor) => void }) {
  return (
    <div class="colors" role="group" aria-label={t.colorGroup}>
      {HIGHLIGHT_COLORS.map((c) => (
        <button key={c} type="button" class={`swatch ${c}`} aria-label={t.colorNames[c]} title={t.colorNames[c]} aria-pressed={c === color ? 'true' : 'false'} onClick={() => c !== color && onColor(c)} />
      ))}
    </div>
  );
}

type FieldElement = HTMLTextAreaElement | HTMLInputElement;

export interface SavedFieldProps {
  /** The accessible name (tests and people find the field by it). */
  label: string;
  /** Show the label above the field (where there is room: the side panel); else it is only spoken. */
  showLabel?: boolean;
  /** The stored text. */
  value: string;
  onSave: (text: string) => void;
  multiline?: boolean;
  /** Save while typing (after SAVE_DELAY_MS); otherwise only on leaving the field or Enter. */
  saveWhileTyping?: boolean;
  placeholder?: string;
  /** Rewrites the reader's text into its stored form on leaving the field (before saving). */
  tidy?: (text: string) => string;
  inputRef?: Ref<FieldElement>;
}

/**
 * A text field that saves itself: after a pause in typing, when left, and when it goes away with
 * typing unsaved. The reader's unsaved text always wins over a stored value arriving meanwhile
 * (a reply to an earlier save, or a refresh of the list).
 */
export function SavedField({ label, showLabel = false, value, onSave, multiline = false, saveWhileTyping = false, placeholder, tidy, inputRef }: SavedFieldProps) {
  const [text, setText] = useState(value);
  const latest = useRef(value);
  /** The last text handed to onSave, or taken from `value`. */
  const saved = useRef(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useRef(onSave);
  save.current = onSave;

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (latest.current === saved.current) return;
    saved.current = latest.current;
    save.current(latest.current);
  };

  // Follow the stored value only while the reader is neither in the field nor holding unsaved text.
  useEffect(() => {
    if (focused.current || latest.current !== saved.current) return;
    saved.current = latest.current = value;
    setText(value);
  }, [value]);

  // A row or card that goes away (filtered out, frame removed) still saves what was typed.
  useEffect(() => flush, []);

  /** The reader is done with this text: tidy it and save it now. */
  const commit = () => {
    if (tidy) setText((latest.current = tidy(latest.current)));
    flush();
  };

  const onInput = (e: Event) => {
    latest.current = (e.currentTarget as FieldElement).value;
    setText(latest.current);
    if (!saveWhileTyping) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };
  const common = {
    // A shown label names the field through <label>; saying it twice would repeat it to screen readers.
    'aria-label': showLabel ? undefined : label,
    value: text,
    placeholder,
    onInput,
    onFocus: () => void (focused.current = true),
    onBlur: () => {
      focused.current = false;
      commit();
    },
  };
  const field = multiline ? (
    <textarea {...common} class="note" rows={3} maxLength={NOTE_MAX} ref={inputRef as Ref<HTMLTextAreaElement>} />
  ) : (
    <input {...common} type="text" class="tags" ref={inputRef as Ref<HTMLInputElement>} onKeyDown={(e) => e.key === 'Enter' && commit()} />
  );
  if (!showLabel) return field;
  return (
    <label class="saved-field">
      <span class="field-label">{label}</span>
      {field}
    </label>
  );
}

/** How a note or tags field presents itself: the card has no room for shown labels. */
interface FieldOptions {
  showLabel?: boolean;
  inputRef?: Ref<FieldElement>;
}

/** The note textarea: saved while typing. */
export function NoteField({ t, note, onNote, showLabel, inputRef }: { t: Strings; note: string; onNote: (note: string) => void } & FieldOptions) {
  return <SavedField label={t.note} showLabel={showLabel} value={note} onSave={onNote} multiline saveWhileTyping placeholder={t.notePlaceholder} inputRef={inputRef} />;
}

/**
 * The tags input, comma-separated. Saved on leaving it or Enter, not while typing: a save would
 * tidy "news, " into "news" under the reader's cursor.
 */
export function TagsField({ t, tags, onTags, showLabel, inputRef }: { t: Strings; tags: readonly string[]; onTags: (tags: string[]) => void } & FieldOptions) {
  const onSave = (text: string) => {
    const next = parseTags(text);
    if (!sameTags(next, tags)) onTags(next);
  };
  const tidy = (text: string) => parseTags(text).join(', ');
  return <SavedField label={t.tags} showLabel={showLabel} value={tags.join(', ')} onSave={onSave} tidy={tidy} placeholder={t.tagsPlaceholder} inputRef={inputRef} />;
}
