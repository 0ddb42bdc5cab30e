import { browser } from 'wxt/browser';
import { makeClient, type ContentApi, type PageNotice, type Request } from '../../lib/messages';
import { EDITOR_PAGE, editorQuery } from '../../lib/editor-link';
import { openSidePanel, type PanelApis } from '../../lib/side-panel';
import { GlossDB } from '../../storage/db';
import { ensureMyGlossary } from '../../storage/packs';
import { backgroundHandlers } from './handlers';
import { listen } from './router';
import { ensureStarterPack, STARTER_PACK_PATH } from './starter-pack';
import { TermIndexCache } from './term-index';

const TAB_COMMANDS = new Set(['next-term', 'prev-term', 'highlight-selection'] as const);
const SIDE_PANEL_MENU = 'gloss-open-side-panel';
const ADD_TO_GLOSSARY_MENU = 'gloss-add-to-glossary';

/** Opens the panel in the window of the command's or the menu's tab; called while handling either. */
function showSidePanel(tab: { id?: number; windowId?: number } | undefined): void {
  openSidePanel(browser as PanelApis, { tabId: tab?.id, windowId: tab?.windowId }).catch((err: unknown) => console.warn('Gloss: side panel not opened', err));
}

export default defineBackground(() => {
  const db = new GlossDB();
  const index = new TermIndexCache(db, browser.runtime.getManifest().version);
  // Most worker starts are a page asking for its terms: start reading them now.
  index.warm();
  // A tab's page starting to load (its navigation commits with the first bytes) wakes a stopped
  // worker, since any listener does: the reading above then runs while the page arrives and
  // parses, not after its content script asks, which alone waited about 200 ms for the worker to
  // start. Neither the tab's address nor its title is read.
  const onTabUpdate = (_tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') index.warm();
  };
  // Firefox delivers only the updates asked for, so a page retitling itself every few seconds (a
  // chat's unread count) does not wake the background each time. Chromium has no such filter:
  // there any update wakes it, and such a page keeps it from stopping.
  if (import.meta.env.FIREFOX) (browser.tabs.onUpdated.addListener as (cb: typeof onTabUpdate, filter: { properties: string[] }) => void)(onTabUpdate, { properties: ['status'] });
  else browser.tabs.onUpdated.addListener(onTabUpdate);
  // Pages wait for the starter pack (a first run has nothing else to show); "My glossary" follows
  // without holding them up: it has no terms until the reader writes one, in the editor.
  const ready = ensureStarterPack(db, async () => (await fetch(browser.runtime.getURL(STARTER_PACK_PATH))).text()).catch((err: unknown) =>
    console.warn('Gloss: starter pack not installed', err),
  );
  ready.then(() => index.readPacks()).catch(() => undefined);
  void ready.then(() => ensureMyGlossary(db)).catch((err: unknown) => console.warn('Gloss: "My glossary" not created', err));
  const toTab = (tabId: number, msg: Request<ContentApi>) => browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
  const toAllTabs = (msg: Request<ContentApi>) => {
    void browser.tabs.query({}).then((tabs) => tabs.forEach((t) => t.id !== undefined && toTab(t.id, msg)));
  };
  const openEditor = (query: string) => void browser.tabs.create({ url: `${browser.runtime.getURL(EDITOR_PAGE)}${query}` });
  // With no extension page open there is no receiver, which is not an error.
  const toPages = (notice: PageNotice) => void browser.runtime.sendMessage(notice).catch(() => undefined);
  // Tabs repaint; extension pages (the side panel) list again.
  const highlightsChanged = (scope: 'all' | 'pages') => {
    if (scope === 'all') toAllTabs({ type: 'highlights:changed' });
    toPages({ type: 'highlights:changed' });
  };
  listen(
    browser.runtime,
    backgroundHandlers({ db, index, ready, broadcast: () => toAllTabs({ type: 'index:changed' }), highlightsChanged, openEditor }),
  );

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') return void showSidePanel(tab);
    if (!TAB_COMMANDS.has(command as never)) return;
    const run = async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await toTab(id, { type: 'command:run', command: command as 'next-term' | 'prev-term' | 'highlight-selection' });
    };
    void run();
  });

  // The toolbar button's own context menu offers the side panel; a selection offers the glossary.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus?.create({ id: SIDE_PANEL_MENU, title: 'Open highlights side panel', contexts: [import.meta.env.MANIFEST_VERSION === 3 ? 'action' : ('browser_action' as never)] }, () => void browser.runtime.lastError);
    browser.contextMenus?.create({ id: ADD_TO_GLOSSARY_MENU, title: 'Add “%s” to glossary', contexts: ['selection'] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SIDE_PANEL_MENU) showSidePanel(tab);
    if (info.menuItemId === ADD_TO_GLOSSARY_MENU) void addToGlossary(info.selectionText ?? '', info.pageUrl, tab);
  });

  /** The menu's selection with its sentence, which only the page's content script can read. */
  async function addToGlossary(selectionText: string, pageUrl: string | undefined, tab: { id?: number; title?: string } | undefined): Promise<void> {
    const tabId = tab?.id;
    const found = tabId === undefined ? null : await makeClient<ContentApi>((msg) => browser.tabs.sendMessage(tabId, msg))('selection:forGlossary', {}).catch(() => null);
    openEditor(editorQuery({ term: found?.term ?? selectionText, sentence: found?.sentence ?? '', pageUrl, pageTitle: found?.title ?? tab?.title }));
  }
});
