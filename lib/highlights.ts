// Highlights as the reader sees them: colours, and the part of a highlight a page's content
// script may know (where it is and how it looks, never its note or tags).

import type { AnchorState } from './anchor/anchor';
import type { TextPositionSelector, TextQuoteSelector } from './anchor/selectors';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** How a highlight last anchored on its page; `score` for fuzzy anchors (0..1). */
export interface AnchorStatus {
  state: AnchorState;
  score?: number;
  at: number;
}

/** Where a highlight is and how it is painted: all a content script receives. */
export interface HighlightPlacement {
  id: string;
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A highlight's private part: what only the extension's own pages see, and how it last anchored. */
export interface HighlightDetails {
  pageTitle: string;
  /** The sentence around the passage when it was saved, shown for orphans. */
  sentence: string;
  note: string;
  tags: string[];
  /** Glossary entries the passage contains, by stable entry key. */
  entries: string[];
  created: number;
  modified: number;
  anchor: AnchorStatus;
}

/** What a content script sends to save a selection. */
export interface HighlightCapture {
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  sentence: string;
  /** Glossary entries inside the passage, by stable entry key. */
  entries: string[];
}

export const NOTE_MAX = 10_000;
export const TAG_MAX = 60;
export const TAGS_MAX = 30;

/** Tags as the reader typed them: trimmed, no empties or repeats (case-insensitively), bounded. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, TAG_MAX);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === TAGS_MAX) break;
  }
  return out;
}
