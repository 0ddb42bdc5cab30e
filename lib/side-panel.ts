// Opening the highlights side panel: Chrome's `sidePanel`, or the `sidebarAction` of the Firefox
// build. Both browsers open it only while they handle the reader's own action (a click, a command,
// a menu item), and an `await` before the call would end that. So callers hand over their
// extension namespace and call this directly in their handler; it calls the browser at once.

export interface ChromeSidePanel {
  open(options: { tabId: number } | { windowId: number }): Promise<void>;
}
export interface FirefoxSidebar {
  open(): Promise<void>;
}
/** The parts of an extension namespace (`browser`) that can open the panel; a browser has one. */
export interface PanelApis {
  sidePanel?: ChromeSidePanel;
  sidebarAction?: FirefoxSidebar;
}

/** Where the panel goes in Chrome: the tab's window (the panel is the same for all its tabs), or a window. */
export interface PanelTarget {
  tabId?: number | undefined;
  windowId?: number | undefined;
}

/**
 * Opens the panel, calling the browser before returning. Rejects (never throws) when the browser
 * has neither API, or Chrome has no tab or window to open it in.
 */
export function openSidePanel(apis: PanelApis, target: PanelTarget): Promise<void> {
  try {
    if (apis.sidePanel) return apis.sidePanel.open(chromeOptions(target));
    if (apis.sidebarAction) return apis.sidebarAction.open();
    return Promise.reject(new Error('This browser has no side panel for extensions'));
  } catch (err) {
    // Chrome's bindings throw, rather than reject, for options they cannot accept.
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

function chromeOptions({ tabId, windowId }: PanelTarget): { tabId: number } | { windowId: number } {
  if (tabId !== undefined) return { tabId };
  if (windowId !== undefined) return { windowId };
  throw new Error('No tab or window to open the side panel in');
}
