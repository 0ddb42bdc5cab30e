import { GlossPage } from '../content/gloss-page';
import { PAGE_CORE_GLOBAL, type PageCoreApi } from '../content/page-core-contract';

export default defineUnlistedScript(() => {
  const api: PageCoreApi = { create: (signal, startedAt) => new GlossPage(signal, startedAt) };
  (globalThis as unknown as Record<string, PageCoreApi>)[PAGE_CORE_GLOBAL] = api;
});
