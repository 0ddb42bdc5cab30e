// The highlights side panel (Chrome's side_panel, Firefox's sidebar_action). It asks the active
// tab's content script only for the page's address, and the background for the highlights, so
// notes and tags go from the database to this extension page and nowhere else.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanelView, type PanelState } from '../../components/SidePanelView';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi, type ContentApi } from '../../lib/messages';

/** Changes arrive in bursts (a note saves as the reader types): list once per burst. */
const REFRESH_DELAY_MS = 150;

const background = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;

let state: PanelState = { kind: 'loading' };
let tabId: number | undefined;
let needsSelection: string | null = null;
/** Bumped by every refresh: a slower, older answer must not replace a newer one. */
let generation = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** Edits run one after another, so the last one the reader made is the one stored. */
let edits: Promise<unknown> = Promise.resolve();

const tabClient = (id: number) => makeClient<ContentApi>((msg) => browser.tabs.sendMessage(id, msg));

/** The active tab's highlights, or 'unavailable' when no content script answers there. */
async function load(): Promise<{ tab: number | undefined; state: PanelState }> {
  // ?tab=ID when opened as a page acting on a given tab (as the popup can be; tests use it).
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  const tab = pinned || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tab === undefined) return { tab, state: { kind: 'unavailable' } };
  const page = await tabClient(tab)('page:identity', {}).catch(() => null);
  if (!page) return { tab, state: { kind: 'unavailable' } };
  const request = page.canonical === undefined ? { url: page.url } : { url: page.url, canonical: page.canonical };
  // The background refuses pages it keeps no highlights for (not http/https).
  const highlights = await background('highlights:list', request).catch(() => null);
  return { tab, state: highlights ? { kind: 'list', highlights } : { kind: 'unavailable' } };
}

async function refresh(): Promise<void> {
  const mine = ++generation;
  const next = await load().catch(() => ({ tab: undefined, state: { kind: 'unavailable' } as PanelState }));
  if (mine !== generation) return;
  if (next.tab !== tabId) needsSelection = null;
  tabId = next.tab;
  state = next.state;
  draw();
}

function refreshSoon(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
}

/** Sends a request to the tab the list came from; null when it no longer answers. */
function toTab<K extends keyof ContentApi & string>(type: K, req: ContentApi[K]['req']): Promise<ContentApi[K]['res'] | null> {
  if (tabId === undefined) return Promise.resolve(null);
  return tabClient(tabId)(type, req).catch(() => null);
}

/** Saves a note or tags; when that fails, the list is read again to show what is stored. */
function save(patch: { id: string; note?: string; tags?: string[] }): void {
  edits = edits.then(() => background('highlight:update', patch)).catch(() => refreshSoon());
}

async function reattach(id: string): Promise<void> {
  const moved = await toTab('highlight:reattach', { id });
  needsSelection = moved ? null : id;
  draw();
  // On success the background announces the change, and the list follows.
}

function draw(): void {
  render(
    <SidePanelView
      t={en}
      state={state}
      needsSelection={needsSelection}
      onReveal={(id) => void toTab('highlight:reveal', { id })}
      onReattach={(id) => void reattach(id)}
      onNote={(id, note) => save({ id, note })}
      onTags={(id, tags) => save({ id, tags })}
    />,
    root,
  );
}

async function main(): Promise<void> {
  draw();
  // Closing the panel mid-pause still saves what was typed: unmounting flushes the fields.
  window.addEventListener('pagehide', () => render(null, root));
  // Only this window's active tab matters; the panel belongs to one window.
  const windowId = (await browser.windows.getCurrent().catch(() => null))?.id;
  browser.tabs.onActivated.addListener((info) => {
    if (windowId === undefined || info.windowId === windowId) refreshSoon();
  });
  browser.tabs.onUpdated.addListener((_id, info, tab) => {
    if (info.status === 'complete' && tab.active && (windowId === undefined || tab.windowId === windowId)) refreshSoon();
  });
  // Returns nothing: this page answers no message, and must not hold a sender's reply open.
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if ((msg as { type?: unknown } | null)?.type === 'highlights:changed') refreshSoon();
  });
  await refresh();
}

void main();
