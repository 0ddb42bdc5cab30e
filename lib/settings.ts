// User settings: one record, sanitised on the way in so a bad value never reaches the page.

export const HIGHLIGHT_STYLES = ['underline', 'background', 'outline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Hover-intent delay before a popover opens. */
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  /** Host names where Gloss stays off. */
  disabledSites: string[];
  /** Remember the pages where the reader met each term ("where else you met it"). */
  recordHistory: boolean;
}

export const DEFAULT_SETTINGS: Settings = { hoverDelayMs: 300, highlightStyle: 'underline', disabledSites: [], recordHistory: true };

export function sanitizeSettings(input: Partial<Settings> | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...input };
  const delay = Number(s.hoverDelayMs);
  return {
    hoverDelayMs: Number.isFinite(delay) ? Math.min(2000, Math.max(0, Math.round(delay))) : DEFAULT_SETTINGS.hoverDelayMs,
    highlightStyle: HIGHLIGHT_STYLES.includes(s.highlightStyle) ? s.highlightStyle : DEFAULT_SETTINGS.highlightStyle,
    disabledSites: [...new Set((Array.isArray(s.disabledSites) ? s.disabledSites : []).map(normalizeHost).filter(Boolean))],
    recordHistory: s.recordHistory !== false,
  };
}

/** "WWW.Example.org." → "example.org"; also accepts a pasted URL. */
export function normalizeHost(input: string): string {
  let h = String(input).trim().toLowerCase();
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/.exec(h);
  if (m) h = m[1]!.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  return h.replace(/\.$/, '').replace(/^www\./, '');
}

export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = normalizeHost(host);
  return settings.disabledSites.some((d) => h === d || h.endsWith(`.${d}`));
}
