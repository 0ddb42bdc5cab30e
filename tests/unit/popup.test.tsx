// The popup's «Open side panel»: the opener runs inside the click itself (the browser's gesture
// rule), and a refusal is said in the popup instead of failing silently.

import { h } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../components/PopupView';
import { en } from '../../lib/i18n';
import { preactDom } from './preact-dom';


const dom = preactDom();

async function renderPopup(more: Partial<PopupViewProps>) {
  const props: PopupViewProps = { t: en, page: { host: 'news.example', enabled: true, terms: [] }, siteEnabled: true, onToggleSite: vi.fn(), onReveal: vi.fn(), onOptions: vi.fn(), ...more };
  const root = await dom.mount(h(PopupView, props));
  return root;
}

const button = (root: Element, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);

function click(el: EventTarget): void {
  el.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
}

describe('PopupView «Open side panel»', () => {
  it('calls the opener during the click', async () => {
    const open = vi.fn(() => Promise.resolve());
    const root = await renderPopup({ onOpenSidePanel: open });
    // No act() around the click: the call must not wait for a render or a microtask.
    click(button(root, 'Open side panel')!);
    expect(open).toHaveBeenCalledOnce();
    await act(() => Promise.resolve());
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when the browser refuses, and tries again on the next click', async () => {
    const open = vi.fn<() => Promise<void>>(() => Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.')));
    const root = await renderPopup({ page: null, onOpenSidePanel: open });
    // An async act: the refusal arrives a microtask after the click.
    await act(async () => click(button(root, 'Open side panel')!));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Could not open the side panel.');
    open.mockResolvedValueOnce(undefined);
    await act(async () => click(button(root, 'Open side panel')!));
    expect(open).toHaveBeenCalledTimes(2);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('has no button when the popup knows no window to open the panel in', async () => {
    expect(button(await renderPopup({}), 'Open side panel')).toBeUndefined();
  });
});
