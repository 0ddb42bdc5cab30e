import { browser } from 'wxt/browser';
import type { ContentApi, Request } from '../../lib/messages';
import { GlossDB } from '../../storage/db';
import { ensureMyGlossary } from '../../storage/packs';
import { backgroundHandlers } from './handlers';
import { listen } from './router';
import { openSidePanel } from './side-panel';
import { ensureStarterPack, STARTER_PACK_PATH } from './starter-pack';
import { TermIndexCache } from './term-index';

const TAB_COMMANDS = new Set(['next-term', 'prev-term', 'highlight-selection'] as const);
const SIDE_PANEL_MENU = 'gloss-open-side-panel';

export default defineBackground(() => {
  const db = new GlossDB();
  const index = new TermIndexCache(db);
  const ready = ensureStarterPack(db, async () => (await fetch(browser.runtime.getURL(STARTER_PACK_PATH))).text())
    .catch((err: unknown) => console.warn('Gloss: starter pack not installed', err))
    .then(() => ensureMyGlossary(db))
    .catch((err: unknown) => console.warn('Gloss: "My glossary" not created', err));
  const toTab = (tabId: number, msg: Request<ContentApi>) => browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
  const toAllTabs = (msg: Request<ContentApi>) => {
    void browser.tabs.query({}).then((tabs) => tabs.forEach((t) => t.id !== undefined && toTab(t.id, msg)));
  };
  // Tabs repaint; extension pages (the side panel) list again.
  const highlightsChanged = (scope: 'all' | 'pages') => {
    if (scope === 'all') toAllTabs({ type: 'highlights:changed' });
    void browser.runtime.sendMessage({ type: 'highlights:changed' }).catch(() => undefined);
  };
  listen(
    browser.runtime,
    backgroundHandlers({ db, index, ready, broadcast: () => toAllTabs({ type: 'index:changed' }), highlightsChanged }),
  );

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') return void openSidePanel(tab).catch(() => undefined);
    if (!TAB_COMMANDS.has(command as never)) return;
    const run = async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await toTab(id, { type: 'command:run', command: command as 'next-term' | 'prev-term' | 'highlight-selection' });
    };
    void run();
  });

  // The toolbar button's own context menu offers the side panel.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus?.create({ id: SIDE_PANEL_MENU, title: 'Open highlights side panel', contexts: [import.meta.env.MANIFEST_VERSION === 3 ? 'action' : ('browser_action' as never)] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SIDE_PANEL_MENU) void openSidePanel(tab).catch(() => undefined);
  });
});
