// The glossary popover: props in, markup out. Every string from a pack is rendered as text.

import type { EntryView } from '../lib/messages';
import type { Strings } from '../lib/i18n';
import { safeHttpUrl } from '../lib/url';

export interface TermPopoverProps {
  view: EntryView | null | undefined;
  /** Which form of the hovered entry matched and why; absent for the plain term or a related entry. */
  matchNote?: string;
  /** Set when a related entry is shown in place; offers a way back. */
  relatedFrom?: string;
  t: Strings;
  /**
   * A page of the extension's own origin showing where else the reader met the entry. The
   * reader's history never enters the page's DOM: only this frame, which the page cannot read,
   * fetches and shows it. Its size never depends on what it shows.
   */
  historyFrameUrl?: string;
  onRelated: (key: string) => void;
  onBack: () => void;
  onClose: () => void;
}

function Link({ url, children }: { url: string; children: string }) {
  const href = safeHttpUrl(url);
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Only the reader acts on Gloss's UI: events a page script dispatched are ignored. */
const trusted = (act: () => void) => (e: Event) => {
  if (e.isTrusted) act();
};

export function TermPopover({ view, matchNote, relatedFrom, t, historyFrameUrl, onRelated, onBack, onClose }: TermPopoverProps) {
  if (view === undefined) return <div class="card" role="dialog" aria-busy="true">{t.loading}</div>;
  if (view === null) return <div class="card" role="dialog">{t.notFound}</div>;
  return (
    <div class="card" role="dialog" aria-label={view.term} tabIndex={-1}>
      <header>
        {relatedFrom !== undefined && (
          <button type="button" class="icon" aria-label={t.back} onClick={trusted(onBack)}>
            ←
          </button>
        )}
        <h2 class="term">{view.term}</h2>
        <button type="button" class="icon" aria-label={t.close} onClick={trusted(onClose)}>
          ×
        </button>
      </header>
      {matchNote && <p class="matched">{matchNote}</p>}
      {relatedFrom !== undefined && <p class="matched">{t.relatedFrom(relatedFrom)}</p>}
      {view.variants.length > 0 && <p class="variants">{view.variants.join(' · ')}</p>}
      <p class="short">{view.short}</p>
      {view.definition && <p class="definition">{view.definition}</p>}
      {view.context && (
        <details class="context">
          <summary>{t.context}</summary>
          <p>{view.context}</p>
        </details>
      )}
      {view.sources.length > 0 && (
        <section>
          <h3>{t.sources}</h3>
          <ul class="sources">
            {view.sources.map((s) => (
              <li key={s.url}>
                <Link url={s.url}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.related.length > 0 && (
        <section>
          <h3>{t.related}</h3>
          <ul class="related">
            {view.related.map((r) => (
              <li key={r.key}>
                <button type="button" class="chip" title={r.short} onClick={trusted(() => onRelated(r.key))}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {historyFrameUrl && (
        <section>
          <h3>{t.seenOn}</h3>
          <iframe class="history" src={historyFrameUrl} title={t.seenOn} />
        </section>
      )}
      <footer>
        {t.fromPack} {view.packTitle}
        {view.tags.length > 0 && <span class="tags"> · {view.tags.join(', ')}</span>}
      </footer>
    </div>
  );
}
