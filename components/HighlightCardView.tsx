// The card beside a highlight: its quote, colour, note and tags. It renders only in a frame of
// the extension's origin that the content script embeds at a fixed size, so the page learns
// neither the note nor its length (docs/privacy.md). Props in, callbacks out: main.tsx does the I/O.

import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { HighlightColor } from '../lib/highlights';
import type { Strings } from '../lib/i18n';
import type { HighlightView } from '../lib/messages';
import { ColorPicker, NoteField, TagsField } from './highlight-parts';

export type CardFocus = 'note' | 'tags' | null;

export type CardState =
  | { kind: 'loading' }
  /** `highlight:get` found nothing (deleted elsewhere, or a stale card). */
  | { kind: 'missing' }
  | { kind: 'card'; highlight: HighlightView }
  /** Deleted from this card; undo is still possible. */
  | { kind: 'deleted' };

export interface HighlightCardViewProps {
  t: Strings;
  state: CardState;
  /** The field to focus when the card shows (the content script opened it to write a note or tags). */
  focus: CardFocus;
  /** A failed save or undo, in words. */
  error?: string | null;
  onColor: (color: HighlightColor) => void;
  onNote: (note: string) => void;
  onTags: (tags: string[]) => void;
  onDelete: () => void;
  onUndo: () => void;
  /** Asks the embedder to close the card (Close, Escape). */
  onClose: () => void;
}

type Blurrable = { blur?: () => void };

/** Leaves the focused field first, so that what the reader typed is saved before the card goes. */
function leaveField(el: Element | null): void {
  (el?.ownerDocument.activeElement as Blurrable | null)?.blur?.();
}

/** Escape anywhere in the frame closes the card, even with nothing focused. */
function useEscape(root: { current: Element | null }, onEscape: () => void): void {
  const handler = useRef(onEscape);
  handler.current = onEscape;
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      handler.current();
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, [root]);
}

function CardBody({ t, highlight, focus, onColor, onNote, onTags, onDelete, close }: Pick<HighlightCardViewProps, 't' | 'focus' | 'onColor' | 'onNote' | 'onTags' | 'onDelete'> & { highlight: HighlightView; close: () => void }) {
  const note = useRef<HTMLTextAreaElement | HTMLInputElement>(null);
  const tags = useRef<HTMLTextAreaElement | HTMLInputElement>(null);
  // Layout effect: the field is focused before the reader can type into the wrong place.
  useLayoutEffect(() => {
    (focus === 'note' ? note : focus === 'tags' ? tags : null)?.current?.focus();
  }, []);
  const remove = () => {
    leaveField(note.current);
    onDelete();
  };
  return (
    <>
      <blockquote class="quote" title={highlight.quote.exact}>
        {highlight.quote.exact}
      </blockquote>
      <ColorPicker t={t} color={highlight.color} onColor={onColor} />
      <NoteField t={t} note={highlight.note} onNote={onNote} inputRef={note} />
      <TagsField t={t} tags={highlight.tags} onTags={onTags} inputRef={tags} />
      <div class="actions">
        <button type="button" class="danger" onClick={remove}>
          {t.deleteHighlight}
        </button>
        <button type="button" onClick={close}>
          {t.close}
        </button>
      </div>
    </>
  );
}

function Deleted({ t, onUndo, close }: { t: Strings; onUndo: () => void; close: () => void }) {
  return (
    <>
      <p role="status">{t.highlightDeleted}</p>
      <div class="actions">
        <button type="button" onClick={onUndo}>
          {t.undo}
        </button>
        <button type="button" onClick={close}>
          {t.close}
        </button>
      </div>
    </>
  );
}

export function HighlightCardView(props: HighlightCardViewProps) {
  const { t, state, error, onUndo, onClose } = props;
  const root = useRef<HTMLElement>(null);
  const close = () => {
    leaveField(root.current);
    onClose();
  };
  useEscape(root, close);
  return (
    <main class="hl-card" ref={root} aria-busy={state.kind === 'loading' ? 'true' : undefined}>
      {state.kind === 'loading' && <p class="muted">{t.loading}</p>}
      {state.kind === 'missing' && (
        <>
          <p class="muted">{t.highlightGone}</p>
          <div class="actions">
            <button type="button" onClick={close}>
              {t.close}
            </button>
          </div>
        </>
      )}
      {state.kind === 'card' && (
        <CardBody key={state.highlight.id} t={t} highlight={state.highlight} focus={props.focus} onColor={props.onColor} onNote={props.onNote} onTags={props.onTags} onDelete={props.onDelete} close={close} />
      )}
      {state.kind === 'deleted' && <Deleted t={t} onUndo={onUndo} close={close} />}
      {error && (
        <p role="alert" class="status error">
          {error}
        </p>
      )}
    </main>
  );
}
