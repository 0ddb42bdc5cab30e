// The side panel lists a page's highlights in reading order with orphans last, renders the
// reader's text as text, and reports the reader's actions with the highlight's id.

import { h } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { matchesSearch, panelOrder, SidePanelView, type PanelState, type SidePanelViewProps } from '../../components/SidePanelView';
import type { AnchorStatus, HighlightColor } from '../../lib/highlights';
import { en } from '../../lib/i18n';
import { preactDom } from './preact-dom';
import type { HighlightView } from '../../lib/messages';

function hl(n: number, exact: string, anchor: Omit<AnchorStatus, 'at'>, more: Partial<HighlightView> = {}): HighlightView {
  return {
    id: `0123abcd-0000-4000-8000-00000000000${n}`,
    color: 'yellow' as HighlightColor,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: n * 100, end: n * 100 + exact.length },
    pageTitle: 'Markets',
    page: 'https://news.example/markets',
    sentence: `Sentence around ${exact}.`,
    note: '',
    tags: [],
    entries: [],
    created: n,
    modified: n,
    anchor: { ...anchor, at: 1 },
    ...more,
  };
}

// As the background sends them: reading order, orphans wherever they were.
const list: HighlightView[] = [
  hl(1, 'Parliament met on Monday', { state: 'exact' }, { color: 'green', note: '<script>alert(1)</script> ask <b>Aigerim</b>', tags: ['politics'] }),
  hl(2, 'a lost paragraph', { state: 'orphan' }, { sentence: 'The editors later removed a lost paragraph about oil.' }),
  hl(3, 'The tenge fell', { state: 'moved' }, { tags: ['Economy', 'currency'] }),
  hl(4, 'oil exports rose', { state: 'fuzzy', score: 0.734 }, { note: 'Compare with 2023' }),
];


const dom = preactDom();

type Callbacks = Pick<SidePanelViewProps, 'onReveal' | 'onReattach' | 'onNote' | 'onTags'>;

async function renderPanel(state: PanelState, needsSelection: string | null = null) {
  const calls: Callbacks = { onReveal: vi.fn(), onReattach: vi.fn(), onNote: vi.fn(), onTags: vi.fn() };
  const root = await dom.mount(h(SidePanelView, { t: en, state, needsSelection, ...calls }));
  return { root, calls };
}

const rows = (root: Element) => [...root.querySelectorAll('li.hl-row')];
/** Fields by accessible name: the text of the <label> around them, or their aria-label. */
const controls = (el: Element, name: string) =>
  [...el.querySelectorAll('input, textarea')].filter((c) => (c.closest('label')?.querySelector('.field-label')?.textContent ?? c.getAttribute('aria-label')) === name) as HTMLInputElement[];
const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLElement | undefined;

function fire(el: EventTarget, type: string): void {
  el.dispatchEvent(new dom.window.Event(type, { bubbles: true }));
}

describe('SidePanelView', () => {
  it('lists highlights in reading order with orphans last, each with its anchoring in words', async () => {
    const { root } = await renderPanel({ kind: 'list', highlights: list });
    expect(rows(root).map((r) => r.querySelector('.quote')?.textContent)).toEqual(['Parliament met on Monday', 'The tenge fell', 'oil exports rose', 'a lost paragraph']);
    expect(rows(root).map((r) => r.querySelector('.anchor-state')?.textContent)).toEqual(['Exact', 'Moved', 'Fuzzy 73%', 'Orphan']);
    expect(rows(root).map((r) => r.querySelector('.swatch')?.getAttribute('aria-label'))).toEqual(['Green', 'Yellow', 'Yellow', 'Yellow']);
  });

  it('shows notes and tags as editable text, markup and all', async () => {
    const { root } = await renderPanel({ kind: 'list', highlights: list });
    const first = rows(root)[0]!;
    expect(controls(first, 'Note')[0]!.value).toBe('<script>alert(1)</script> ask <b>Aigerim</b>');
    expect(controls(first, 'Tags')[0]!.value).toBe('politics');
    expect(root.querySelector('script, b')).toBeNull();
    expect(controls(root, 'Note')).toHaveLength(4);
    expect(controls(root, 'Tags')).toHaveLength(4);
  });

  it('labels each note and tags field visibly, with a placeholder, and names it once', async () => {
    const { root } = await renderPanel({ kind: 'list', highlights: list });
    const first = rows(root)[0]!;
    const labels = [...first.querySelectorAll('label.saved-field')];
    expect(labels.map((l) => l.querySelector('.field-label')?.textContent)).toEqual(['Note', 'Tags']);
    expect(labels.map((l) => l.querySelector('textarea, input')?.getAttribute('placeholder'))).toEqual(['Why this passage matters', 'Comma, separated']);
    // The label names the field; an aria-label too would make screen readers say it twice.
    expect(labels.map((l) => l.querySelector('textarea, input')?.hasAttribute('aria-label'))).toEqual([false, false]);
  });

  it('shows an orphan with its saved sentence and a Re-attach button', async () => {
    const { root, calls } = await renderPanel({ kind: 'list', highlights: list });
    const orphan = rows(root).at(-1)!;
    expect(orphan.querySelector('.sentence')?.textContent).toBe('The editors later removed a lost paragraph about oil.');
    // An orphan has no place on the page to reveal.
    expect(orphan.querySelector('button.quote')).toBeNull();
    await act(() => fire(button(orphan, 'Re-attach')!, 'click'));
    expect(calls.onReattach).toHaveBeenCalledExactlyOnceWith(list[1]!.id);
    expect(rows(root).slice(0, -1).some((r) => button(r, 'Re-attach'))).toBe(false);
  });

  it('asks for a selection when Re-attach found none', async () => {
    const { root } = await renderPanel({ kind: 'list', highlights: list }, list[1]!.id);
    expect(rows(root).at(-1)!.querySelector('[role="status"]')?.textContent).toBe('Select the passage on the page first, then press Re-attach.');
  });

  it('reveals a placed highlight when its quote is clicked', async () => {
    const { root, calls } = await renderPanel({ kind: 'list', highlights: list });
    await act(() => fire(rows(root)[1]!.querySelector('button.quote')!, 'click'));
    expect(calls.onReveal).toHaveBeenCalledExactlyOnceWith(list[2]!.id);
  });

  it('saves a row’s note and tags under its id', async () => {
    const { root, calls } = await renderPanel({ kind: 'list', highlights: list });
    const row = rows(root)[1]!;
    const note = controls(row, 'Note')[0]!;
    note.value = 'Ask the central bank';
    await act(() => fire(note, 'input'));
    await act(() => fire(note, 'blur'));
    expect(calls.onNote).toHaveBeenCalledExactlyOnceWith(list[2]!.id, 'Ask the central bank');
    const tags = controls(row, 'Tags')[0]!;
    tags.value = 'Economy, currency, tenge';
    await act(() => fire(tags, 'input'));
    await act(() => fire(tags, 'blur'));
    expect(calls.onTags).toHaveBeenCalledExactlyOnceWith(list[2]!.id, ['Economy', 'currency', 'tenge']);
  });

  it('filters the list by quote, note and tag text', async () => {
    const { root } = await renderPanel({ kind: 'list', highlights: list });
    const search = controls(root, 'Search highlights')[0]!;
    const shown = () => rows(root).map((r) => r.getAttribute('data-id'));
    for (const [query, ids] of [
      ['aigerim', [list[0]!.id]],
      ['ECONOMY', [list[2]!.id]],
      ['oil', [list[3]!.id]],
      ['lost para', [list[1]!.id]],
      ['', [list[0]!.id, list[2]!.id, list[3]!.id, list[1]!.id]],
    ] as const) {
      search.value = query;
      await act(() => fire(search, 'input'));
      expect(shown(), query).toEqual(ids);
    }
    search.value = 'nowhere';
    await act(() => fire(search, 'input'));
    expect(root.textContent).toContain('No highlights match your search.');
  });

  it('says when the page has no highlights, and when Gloss cannot run there', async () => {
    expect((await renderPanel({ kind: 'list', highlights: [] })).root.textContent).toContain('No highlights on this page yet. Select text and press Highlight.');
    expect((await renderPanel({ kind: 'unavailable' })).root.textContent).toContain('Gloss cannot run on this page.');
    expect((await renderPanel({ kind: 'loading' })).root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
  });
});

describe('panelOrder and matchesSearch', () => {
  it('keeps the background’s order and moves orphans to the end', () => {
    expect(panelOrder(list).map((x) => x.id)).toEqual([list[0], list[2], list[3], list[1]].map((x) => x!.id));
    expect(list.map((x) => x.quote.exact)[0]).toBe('Parliament met on Monday');
  });

  it('needs every word of the query, in any field', () => {
    expect(matchesSearch(list[0]!, 'parliament aigerim politics')).toBe(true);
    expect(matchesSearch(list[0]!, 'parliament oil')).toBe(false);
    expect(matchesSearch(list[0]!, '   ')).toBe(true);
  });
});
