import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi, type ContentApi } from '../../lib/messages';
import { isSiteDisabled } from '../../lib/settings';

const background = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));

/** The tab the popup acts on: the active tab, or ?tab=ID when opened as a page. */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const tabId = await targetTab();
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
      />,
      root,
    );
  };
  await refresh();
}

void main();
