// Opening the side panel: the browser's own API, called before the function returns (the browser
// accepts it only inside the reader's gesture), and a rejection rather than a throw on failure.

import { describe, expect, it, vi } from 'vitest';
import { openSidePanel } from '../../lib/side-panel';

describe('openSidePanel', () => {
  it('calls Chrome’s sidePanel.open at once, for the tab when known, else the window', async () => {
    const open = vi.fn(() => Promise.resolve());
    const opening = openSidePanel({ sidePanel: { open } }, { tabId: 7, windowId: 2 });
    // Synchronously: nothing awaited yet, so the reader's gesture still holds.
    expect(open).toHaveBeenCalledExactlyOnceWith({ tabId: 7 });
    await opening;
    openSidePanel({ sidePanel: { open } }, { windowId: 2 });
    expect(open).toHaveBeenLastCalledWith({ windowId: 2 });
  });

  it('prefers Chrome’s panel when both exist, and uses Firefox’s sidebar otherwise', async () => {
    const chrome = vi.fn(() => Promise.resolve());
    const firefox = vi.fn(() => Promise.resolve());
    await openSidePanel({ sidePanel: { open: chrome }, sidebarAction: { open: firefox } }, { windowId: 1 });
    expect([chrome.mock.calls.length, firefox.mock.calls.length]).toEqual([1, 0]);
    const opening = openSidePanel({ sidebarAction: { open: firefox } }, {});
    expect(firefox).toHaveBeenCalledExactlyOnceWith();
    await opening;
  });

  it('rejects, never throws, when there is nowhere to open it or the browser refuses', async () => {
    const open = vi.fn(() => Promise.resolve());
    await expect(openSidePanel({ sidePanel: { open } }, {})).rejects.toThrow('No tab or window');
    expect(open).not.toHaveBeenCalled();
    await expect(openSidePanel({}, { windowId: 1 })).rejects.toThrow('no side panel');
    const throwing = () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    };
    await expect(openSidePanel({ sidePanel: { open: throwing } }, { windowId: 1 })).rejects.toThrow('user gesture');
    await expect(openSidePanel({ sidePanel: { open: () => Promise.reject(new Error('No active side panel')) } }, { tabId: 3 })).rejects.toThrow('No active side panel');
  });
});
