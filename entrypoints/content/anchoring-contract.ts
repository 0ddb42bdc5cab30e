// Highlight anchoring (lib/anchor) and approx-string-match load only on pages that have
// highlights or when the reader saves one: entrypoints/anchoring exposes them through this API.

import type { anchorQuote } from '../../lib/anchor/anchor';
import type { pageText } from '../../lib/anchor/page-text';
import type { describeRange, sentenceAround } from '../../lib/anchor/selectors';
import { loadScript } from './lazy-script';

export interface AnchoringApi {
  anchorQuote: typeof anchorQuote;
  pageText: typeof pageText;
  describeRange: typeof describeRange;
  sentenceAround: typeof sentenceAround;
}

export const ANCHORING_GLOBAL = '__glossAnchoring';

export const loadAnchoring = () => loadScript<AnchoringApi>('/anchoring.js', ANCHORING_GLOBAL);
