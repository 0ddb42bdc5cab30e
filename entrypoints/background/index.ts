import { browser } from 'wxt/browser';
import type { ContentApi, Request } from '../../lib/messages';
import { GlossDB } from '../../storage/db';
import { backgroundHandlers } from './handlers';
import { listen } from './router';
import { ensureStarterPack, STARTER_PACK_PATH } from './starter-pack';
import { TermIndexCache } from './term-index';

export default defineBackground(() => {
  const db = new GlossDB();
  const index = new TermIndexCache(db);
  const ready = ensureStarterPack(db, async () => (await fetch(browser.runtime.getURL(STARTER_PACK_PATH))).text()).catch((err: unknown) =>
    console.warn('Gloss: starter pack not installed', err),
  );
  const toTab = (tabId: number, msg: Request<ContentApi>) => browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
  const broadcast = () => {
    void browser.tabs.query({}).then((tabs) => tabs.forEach((t) => t.id !== undefined && toTab(t.id, { type: 'index:changed' })));
  };
  listen(browser.runtime, backgroundHandlers({ db, index, ready, broadcast }));

  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-term' && command !== 'prev-term') return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await toTab(id, { type: 'command:run', command });
  });
});
