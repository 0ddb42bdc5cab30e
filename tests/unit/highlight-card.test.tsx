// The highlight card renders the reader's text as text, names its controls, and reports the
// reader's edits through its callbacks (the frame's main.tsx turns them into messages).

import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightCardView, type CardFocus, type CardState, type HighlightCardViewProps } from '../../components/HighlightCardView';
import { SAVE_DELAY_MS } from '../../components/highlight-parts';
import { en } from '../../lib/i18n';
import { preactDom } from './preact-dom';
import type { HighlightView } from '../../lib/messages';

const highlight: HighlightView = {
  id: '0123abcd-0000-4000-8000-000000000001',
  color: 'blue',
  quote: { type: 'TextQuoteSelector', exact: 'The <em>tenge</em> fell by 12%', prefix: 'Yesterday ', suffix: ' against' },
  position: { type: 'TextPositionSelector', start: 10, end: 40 },
  pageTitle: 'Markets',
  page: 'https://news.example/markets',
  sentence: 'Yesterday the tenge fell by 12% against the dollar.',
  note: '<img src=x onerror=alert(1)> check the <b>rate</b>',
  tags: ['economy', 'kz'],
  entries: [],
  created: 1,
  modified: 2,
  anchor: { state: 'exact', at: 3 },
};


const dom = preactDom();


afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type Callbacks = Pick<HighlightCardViewProps, 'onColor' | 'onNote' | 'onTags' | 'onDelete' | 'onUndo' | 'onClose'>;

async function renderCard(state: CardState, focus: CardFocus = null) {
  const calls: Callbacks = { onColor: vi.fn(), onNote: vi.fn(), onTags: vi.fn(), onDelete: vi.fn(), onUndo: vi.fn(), onClose: vi.fn() };
  const root = await dom.mount(h(HighlightCardView, { t: en, state, focus, ...calls }));
  return { root, calls };
}

/** A control by its accessible name: its aria-label, or a button's text. */
function named(root: Element, name: string): HTMLElement {
  const found = [...root.querySelectorAll('button, input, textarea')].find((el) => el.getAttribute('aria-label') === name || (el.tagName === 'BUTTON' && !el.hasAttribute('aria-label') && el.textContent === name));
  if (!found) throw new Error(`No control named ${name}`);
  return found as HTMLElement;
}

function fire(el: EventTarget, type: string, init: { key?: string } = {}): void {
  const event = new dom.window.Event(type, { bubbles: true });
  if (init.key) Object.defineProperty(event, 'key', { value: init.key });
  el.dispatchEvent(event);
}

async function type(el: HTMLElement, text: string): Promise<void> {
  (el as HTMLTextAreaElement).value = text;
  await act(() => fire(el, 'input'));
}

describe('HighlightCardView', () => {
  it('shows the quote and the note as text, markup and all', async () => {
    const { root } = await renderCard({ kind: 'card', highlight });
    expect(root.querySelector('.quote')?.textContent).toBe('The <em>tenge</em> fell by 12%');
    expect((named(root, 'Note') as HTMLTextAreaElement).value).toBe(highlight.note);
    expect(root.querySelector('img, b, em')).toBeNull();
    expect((named(root, 'Tags') as HTMLInputElement).value).toBe('economy, kz');
  });

  it('names the five colour buttons and presses the current one', async () => {
    const { root, calls } = await renderCard({ kind: 'card', highlight });
    const names = ['Yellow', 'Green', 'Blue', 'Pink', 'Purple'];
    expect(names.map((n) => named(root, n).getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false', 'false']);
    await act(() => fire(named(root, 'Green'), 'click'));
    await act(() => fire(named(root, 'Blue'), 'click'));
    expect(calls.onColor).toHaveBeenCalledTimes(1);
    expect(calls.onColor).toHaveBeenCalledWith('green');
  });

  it('focuses the field the card was opened for', async () => {
    const focus = vi.spyOn(dom.window.HTMLElement.prototype, 'focus');
    const note = await renderCard({ kind: 'card', highlight }, 'note');
    expect(focus.mock.contexts).toEqual([named(note.root, 'Note')]);
    focus.mockClear();
    const tags = await renderCard({ kind: 'card', highlight }, 'tags');
    expect(focus.mock.contexts).toEqual([named(tags.root, 'Tags')]);
    focus.mockClear();
    await renderCard({ kind: 'card', highlight });
    expect(focus).not.toHaveBeenCalled();
  });

  it('saves the note after a pause in typing, and at once on leaving the field', async () => {
    vi.useFakeTimers();
    const { root, calls } = await renderCard({ kind: 'card', highlight });
    const note = named(root, 'Note');
    await type(note, 'First');
    await type(note, 'First draft');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(calls.onNote).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(calls.onNote).toHaveBeenCalledExactlyOnceWith('First draft');
    await type(note, 'First draft, revised');
    await act(() => fire(note, 'blur'));
    expect(calls.onNote).toHaveBeenLastCalledWith('First draft, revised');
    // Nothing new to save: leaving again or waiting sends nothing.
    await act(() => fire(note, 'blur'));
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(calls.onNote).toHaveBeenCalledTimes(2);
  });

  it('saves tags, cleaned, on leaving the field or Enter', async () => {
    vi.useFakeTimers();
    const { root, calls } = await renderCard({ kind: 'card', highlight });
    const tags = named(root, 'Tags') as HTMLInputElement;
    await type(tags, ' economy ,, KZ, oil , Oil,');
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(calls.onTags).not.toHaveBeenCalled();
    await act(() => fire(tags, 'blur'));
    expect(calls.onTags).toHaveBeenCalledExactlyOnceWith(['economy', 'KZ', 'oil']);
    expect(tags.value).toBe('economy, KZ, oil');
    await type(tags, 'economy, kz');
    await act(() => fire(tags, 'keydown', { key: 'Enter' }));
    // Back to the stored tags: nothing to save.
    expect(calls.onTags).toHaveBeenCalledTimes(1);
    await type(tags, 'markets');
    await act(() => fire(tags, 'keydown', { key: 'Enter' }));
    expect(calls.onTags).toHaveBeenLastCalledWith(['markets']);
  });

  it('deletes, then offers undo and close', async () => {
    const { root, calls } = await renderCard({ kind: 'card', highlight });
    await act(() => fire(named(root, 'Delete'), 'click'));
    expect(calls.onDelete).toHaveBeenCalledOnce();

    const deleted = await renderCard({ kind: 'deleted' });
    expect(deleted.root.querySelector('[role="status"]')?.textContent).toBe('Highlight deleted.');
    expect(deleted.root.textContent).not.toContain('tenge');
    await act(() => fire(named(deleted.root, 'Undo'), 'click'));
    expect(deleted.calls.onUndo).toHaveBeenCalledOnce();
    await act(() => fire(named(deleted.root, 'Close'), 'click'));
    expect(deleted.calls.onClose).toHaveBeenCalledOnce();
  });

  it('closes on Close and on Escape', async () => {
    const { root, calls } = await renderCard({ kind: 'card', highlight });
    await act(() => fire(named(root, 'Close'), 'click'));
    expect(calls.onClose).toHaveBeenCalledTimes(1);
    await act(() => fire(named(root, 'Note'), 'keydown', { key: 'Escape' }));
    expect(calls.onClose).toHaveBeenCalledTimes(2);
    await act(() => fire(document, 'keydown', { key: 'a' }));
    expect(calls.onClose).toHaveBeenCalledTimes(2);
  });

  it('says when the highlight no longer exists', async () => {
    const { root, calls } = await renderCard({ kind: 'missing' });
    expect(root.textContent).toContain('This highlight no longer exists.');
    await act(() => fire(named(root, 'Close'), 'click'));
    expect(calls.onClose).toHaveBeenCalledOnce();
  });
});
