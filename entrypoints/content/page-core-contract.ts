// The page core (entrypoints/page-core): everything Gloss does on a page beyond its first slice:
// scanning the rest, painting, the popover, the keyboard, highlights and the selection toolbar.
// The content script's boot (boot.ts) loads it only when the page needs it, so a page without
// terms or highlights evaluates a few kilobytes of script instead of all of this.

import type { ContentApi, Handlers } from '../../lib/messages';
import type { FirstLoad } from './first-walk';
import { loadScript } from './lazy-script';

export interface PageCore {
  /** A load: from the boot's first slice, or walking the page afresh when given none. */
  load(first?: FirstLoad): Promise<void>;
  /** Answers the background, the popup and the side panel once the core is there. */
  handlers(): Handlers<ContentApi, unknown>;
  /** The reader selected text before the core arrived: offer the toolbar for it now. */
  offerSelection(): void;
}

export interface PageCoreApi {
  /** The core for this page's life (`signal`); `startedAt` is when the content script started. */
  create(signal: AbortSignal, startedAt: number): PageCore;
}

export const PAGE_CORE_GLOBAL = '__glossPageCore';

export const loadPageCore = () => loadScript<PageCoreApi>('/page-core.js', PAGE_CORE_GLOBAL);
