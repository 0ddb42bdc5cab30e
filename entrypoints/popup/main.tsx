import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi, type ContentApi } from '../../lib/messages';
import { isSiteDisabled } from '../../lib/settings';
import { openSidePanel, type PanelApis } from '../../lib/side-panel';

const background = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));

/** The tab the popup acts on: the active tab, or ?tab=ID when opened as a page. */
async function targetTab(): Promise<{ id?: number; windowId?: number } | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return browser.tabs.get(fromQuery).catch(() => ({ id: fromQuery }));
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

/**
 * Opens the side panel in the tab's window, then closes the popup. Known before the click: the
 * browser call must run inside the reader's click, before anything is awaited.
 */
function sidePanelOpener(windowId: number | undefined): (() => Promise<void>) | undefined {
  if (windowId === undefined) return undefined;
  return () => openSidePanel(browser as PanelApis, { windowId }).then(() => window.close());
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const target = await targetTab();
  const tabId = target?.id;
  const tab = tabId === undefined ? undefined : makeClient<ContentApi>((msg) => browser.tabs.sendMessage(tabId, msg));
  const refresh = async () => {
    const page = await tab?.('page:terms', {}).catch(() => null);
    const settings = await background('settings:get', {});
    render(
      <PopupView
        t={en}
        page={page ?? null}
        siteEnabled={page ? !isSiteDisabled(settings, page.host) : false}
        onToggleSite={async (enabled) => {
          if (!page) return;
          await background('site:set', { host: page.host, enabled });
          // The tab reloads its index on the broadcast; give it a moment before listing again.
          setTimeout(() => void refresh(), 300);
        }}
        onReveal={async (key) => {
          await tab?.('page:reveal', { key });
          window.close();
        }}
        onOptions={() => void browser.runtime.openOptionsPage()}
        onOpenSidePanel={sidePanelOpener(target?.windowId)}
      />,
      root,
    );
  };
  await refresh();
}

void main();
