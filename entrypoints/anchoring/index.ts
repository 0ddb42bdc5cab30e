import { anchorQuote } from '../../lib/anchor/anchor';
import { pageText } from '../../lib/anchor/page-text';
import { describeRange, sentenceAround } from '../../lib/anchor/selectors';
import { ANCHORING_GLOBAL, type AnchoringApi } from '../content/anchoring-contract';
import { PageTextMap } from '../content/page-text-map';

export default defineUnlistedScript(() => {
  const api: AnchoringApi = { anchorQuote, pageText, describeRange, sentenceAround, PageTextMap };
  (globalThis as unknown as Record<string, AnchoringApi>)[ANCHORING_GLOBAL] = api;
});
