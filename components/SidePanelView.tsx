// The side panel: the highlights of the page in the active tab, with their notes and tags. An
// extension page, so the reader's notes never enter the news page's DOM (docs/privacy.md).
// Props in, callbacks out: entrypoints/sidepanel/main.tsx talks to the tab and the background.

import { useState } from 'preact/hooks';
import type { Strings } from '../lib/i18n';
import type { HighlightView } from '../lib/messages';
import { anchorLabel, isOrphan, NoteField, Swatch, TagsField } from './highlight-parts';

export type PanelState =
  | { kind: 'loading' }
  /** The active tab has no Gloss content script (a browser page, the store, a PDF …). */
  | { kind: 'unavailable' }
  | { kind: 'list'; highlights: HighlightView[] };

export interface SidePanelViewProps {
  t: Strings;
  state: PanelState;
  /** The orphan whose last Re-attach found no selection on the page: it shows how to proceed. */
  needsSelection?: string | null;
  onReveal: (id: string) => void;
  onReattach: (id: string) => void;
  onNote: (id: string, note: string) => void;
  onTags: (id: string, tags: string[]) => void;
}

/** The background's reading order, with the highlights it could not place moved to the end. */
export function panelOrder(highlights: readonly HighlightView[]): HighlightView[] {
  return [...highlights.filter((h) => !isOrphan(h)), ...highlights.filter(isOrphan)];
}

/** True when every word of the query occurs in the quote, the note or a tag (case-insensitively). */
export function matchesSearch(h: HighlightView, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [h.quote.exact, h.note, ...h.tags].join('\n').toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}

type RowProps = Omit<SidePanelViewProps, 'state'> & { h: HighlightView };

function Placed({ t, h, onReveal }: Pick<RowProps, 't' | 'h' | 'onReveal'>) {
  return (
    <button type="button" class="quote" title={t.showOnPage} onClick={() => onReveal(h.id)}>
      {h.quote.exact}
    </button>
  );
}

function Orphaned({ t, h, needsSelection, onReattach }: Pick<RowProps, 't' | 'h' | 'needsSelection' | 'onReattach'>) {
  return (
    <>
      <blockquote class="quote">{h.quote.exact}</blockquote>
      <p class="orphan-context muted">{t.orphanContext}</p>
      <p class="sentence">{h.sentence}</p>
      <button type="button" onClick={() => onReattach(h.id)}>
        {t.reattach}
      </button>
      {needsSelection === h.id && (
        <p role="status" class="status">
          {t.reattachHint}
        </p>
      )}
    </>
  );
}

function Row(props: RowProps) {
  const { t, h, onNote, onTags } = props;
  return (
    <li class={`hl-row ${h.anchor.state}`} data-id={h.id}>
      <div class="hl-head">
        <Swatch t={t} color={h.color} />
        <span class="anchor-state">{anchorLabel(t, h.anchor)}</span>
      </div>
      {isOrphan(h) ? <Orphaned {...props} /> : <Placed {...props} />}
      <NoteField t={t} note={h.note} onNote={(note) => onNote(h.id, note)} showLabel />
      <TagsField t={t} tags={h.tags} onTags={(tags) => onTags(h.id, tags)} showLabel />
    </li>
  );
}

function HighlightList(props: Omit<SidePanelViewProps, 'state'> & { highlights: HighlightView[] }) {
  const { t, highlights } = props;
  const [query, setQuery] = useState('');
  if (highlights.length === 0) return <p class="muted">{t.noHighlights}</p>;
  const shown = panelOrder(highlights).filter((h) => matchesSearch(h, query));
  return (
    <>
      <input type="search" class="search" aria-label={t.searchHighlights} placeholder={t.searchHighlights} value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      {shown.length === 0 ? (
        <p class="muted">{t.noSearchMatches}</p>
      ) : (
        <ul class="hl-list" aria-label={t.highlightsTitle}>
          {shown.map((h) => (
            <Row key={h.id} {...props} h={h} />
          ))}
        </ul>
      )}
    </>
  );
}

export function SidePanelView({ state, ...rest }: SidePanelViewProps) {
  const { t } = rest;
  return (
    <main class="hl-panel" aria-busy={state.kind === 'loading' ? 'true' : undefined}>
      <h1>{t.highlightsTitle}</h1>
      {state.kind === 'loading' && <p class="muted">{t.loading}</p>}
      {state.kind === 'unavailable' && <p class="muted">{t.notAvailable}</p>}
      {state.kind === 'list' && <HighlightList {...rest} highlights={state.highlights} />}
    </main>
  );
}
