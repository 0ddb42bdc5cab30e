// Where else the reader met a term: rendered only in the extension's own origin (the popover's
// history frame), never in a page's DOM.

import type { Strings } from '../lib/i18n';
import type { MetElsewhere } from '../lib/messages';
import { safeHttpUrl } from '../lib/url';

export interface MetElsewhereViewProps {
  t: Strings;
  /** undefined while loading; null when the entry key was missing or the answer failed. */
  data: MetElsewhere | null | undefined;
}

export function MetElsewhereView({ t, data }: MetElsewhereViewProps) {
  if (data === undefined) return <p class="muted">{t.loading}</p>;
  if (data === null) return <p class="muted">{t.historyUnavailable}</p>;
  if (!data.recording) return <p class="muted">{t.historyOff}</p>;
  if (data.pages.length === 0) return <p class="muted">{t.notMetElsewhere}</p>;
  return (
    <ul class="met">
      {data.pages.map((p) => {
        const href = safeHttpUrl(p.url);
        return (
          <li key={p.url}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={p.url}>
                {p.title || p.url}
              </a>
            ) : (
              <span>{p.title || p.url}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
