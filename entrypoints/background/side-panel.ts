// Opens the highlights side panel: Chrome's sidePanel, Firefox's sidebar. Both must be called
// while handling the reader's own action (a command, a menu click), as they are here.

import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

export function openSidePanel(tab: { id?: number; windowId?: number } | undefined): Promise<void> {
  const b = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  const c = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  const sidePanel = b.sidePanel ?? c?.sidePanel;
  if (sidePanel) return sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId });
  if (b.sidebarAction) return b.sidebarAction.open();
  return Promise.resolve();
}
