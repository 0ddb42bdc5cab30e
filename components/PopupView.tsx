import { useState } from 'preact/hooks';
import type { Strings } from '../lib/i18n';
import type { PageTerm } from '../lib/messages';

export interface PopupViewProps {
  t: Strings;
  /** Null when the page has no Gloss content script (browser pages, the store …). */
  page: { host: string; enabled: boolean; terms: PageTerm[] } | null;
  siteEnabled: boolean;
  onToggleSite: (enabled: boolean) => void;
  onReveal: (key: string) => void;
  onOptions: () => void;
  /**
   * Opens the highlights side panel; absent when the popup knows no window to open it in. Called
   * synchronously in the click (the browser refuses outside the reader's gesture); rejects on failure.
   */
  onOpenSidePanel?: () => Promise<void>;
}

/** The side panel's button, with a notice when the browser refused to open it. */
function SidePanelButton({ t, onOpen }: { t: Strings; onOpen: () => Promise<void> }) {
  const [failed, setFailed] = useState(false);
  const open = () => {
    setFailed(false);
    onOpen().catch(() => setFailed(true));
  };
  return (
    <>
      <p>
        <button type="button" onClick={open}>
          {t.openSidePanel}
        </button>
      </p>
      {failed && (
        <p role="alert" class="status error">
          {t.sidePanelFailed}
        </p>
      )}
    </>
  );
}

export function PopupView({ t, page, siteEnabled, onToggleSite, onReveal, onOptions, onOpenSidePanel }: PopupViewProps) {
  const terms = [...(page?.terms ?? [])].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  return (
    <main>
      <h1>{t.popupTitle}</h1>
      {/* Above the term list, which can be long: the panel is what a researcher opens the popup for. */}
      {onOpenSidePanel && <SidePanelButton t={t} onOpen={onOpenSidePanel} />}
      {page ? (
        <>
          <label class="switch">
            <input type="checkbox" checked={siteEnabled} onChange={(e) => onToggleSite((e.currentTarget as HTMLInputElement).checked)} />
            <span>
              {t.onThisSite} <strong>{page.host}</strong>
            </span>
          </label>
          <h2>{t.termsOnPage}</h2>
          {terms.length === 0 ? (
            <p class="muted">{t.noTerms}</p>
          ) : (
            <ul class="terms" aria-label={t.termsOnPage}>
              {terms.map((x) => (
                <li key={x.key}>
                  <button type="button" onClick={() => onReveal(x.key)}>
                    <span class="name">{x.term}</span>
                    <span class="count">{x.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p class="muted">{t.notAvailable}</p>
      )}
      <p>
        <button type="button" class="link" onClick={onOptions}>
          {t.openOptions}
        </button>
      </p>
    </main>
  );
}
