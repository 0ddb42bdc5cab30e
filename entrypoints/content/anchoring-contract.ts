// Highlight anchoring (lib/anchor), approx-string-match and the page-text map load only on pages
// that have highlights or when the reader saves one: entrypoints/anchoring exposes them through
// this API.

import type { anchorQuote } from '../../lib/anchor/anchor';
import type { pageText } from '../../lib/anchor/page-text';
import type { describeRange, sentenceAround } from '../../lib/anchor/selectors';
import { loadScript } from './lazy-script';
import type { PageTextMap } from './page-text-map';

export interface AnchoringApi {
  anchorQuote: typeof anchorQuote;
  pageText: typeof pageText;
  describeRange: typeof describeRange;
  sentenceAround: typeof sentenceAround;
  PageTextMap: typeof PageTextMap;
}

export const ANCHORING_GLOBAL = '__glossAnchoring';

export const loadAnchoring = () => loadScript<AnchoringApi>('/anchoring.js', ANCHORING_GLOBAL);
