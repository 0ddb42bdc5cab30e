// The pack editor page's view: metadata and entries on screen, problems next to their fields
// (debounced, as the teacher types), Save only for a valid pack, «Add to glossary», reordering,
// delete with Undo, exports, and a preview that renders the teacher's text as text.

import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PackEditor, PackListView, VALIDATE_DELAY_MS, type PackEditorProps } from '../../components/PackEditor';
import { en } from '../../lib/i18n';
import { preactDom } from './preact-dom';
import type { PackSummary } from '../../lib/messages';
import { addEntry, captureFields, draftFromPack, emptyPack, fingerprint, type PackDraft } from '../../lib/pack/draft';
import type { Pack } from '../../lib/pack/format';

const pack: Pack = {
  format: 'gloss-pack',
  formatVersion: 1,
  id: 'civics',
  version: '1.0.0',
  title: 'Civics',
  description: 'Words from the news',
  authors: [{ name: 'A. Teacher' }],
  entries: [
    { id: 'senate', term: 'Senate', short: 'Upper house', variants: ['Сенат'], related: ['mazhilis'] },
    { id: 'mazhilis', term: 'Mazhilis', short: 'Lower house' },
    { id: 'akim', term: 'Akim', short: 'Head of a region' },
  ],
};

const summaries: PackSummary[] = [
  { id: 'civics', title: 'Civics', version: '1.0.0', entryCount: 3, enabled: true, source: 'editor', updatedAt: 1 },
  { id: 'my-glossary', title: 'My glossary', version: '1.0.0', entryCount: 0, enabled: true, source: 'editor', updatedAt: 1 },
];


const dom = preactDom();

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type Callbacks = Pick<PackEditorProps, 'onSave' | 'onDownload'>;

async function mount(initial: PackDraft = draftFromPack(pack), more: Partial<PackEditorProps> = {}) {
  const calls = { onSave: vi.fn<Callbacks['onSave']>(async () => undefined), onDownload: vi.fn<Callbacks['onDownload']>() };
  const props: PackEditorProps = { t: en, initial, savedPrint: fingerprint(draftFromPack(pack)), popoverCss: '.card{}', ...calls, ...more };
  const root = await dom.mount(h(PackEditor, props));
  return { root, calls };
}

function fire(el: EventTarget, type: string): void {
  el.dispatchEvent(new dom.window.Event(type, { bubbles: true }));
}

/** The input or textarea whose visible label is `text`. */
function field(root: Element, text: string, within: Element = root): HTMLInputElement {
  const label = [...within.querySelectorAll('label')].find((l) => l.textContent === text);
  const id = label?.getAttribute('for');
  const el = id ? root.querySelector(`#${id}`) : null;
  if (!el) throw new Error(`no field labelled ${text}`);
  return el as HTMLInputElement;
}

const buttons = (root: Element, name: string) => [...root.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent) === name) as HTMLButtonElement[];
const button = (root: Element, name: string) => buttons(root, name)[0] ?? null;
const listed = (root: Element) => [...root.querySelectorAll('.entry-list .pick-term')].map((e) => e.textContent);
const entryForm = (root: Element) => root.querySelector('.entry-form')!;

async function type(el: HTMLInputElement, value: string): Promise<void> {
  el.value = value;
  await act(() => fire(el, 'input'));
}

async function pause(ms = VALIDATE_DELAY_MS): Promise<void> {
  await act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** Clicks, and lets a save the click started finish (its reply is an already settled promise). */
async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    fire(el, 'click');
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

describe('PackEditor', () => {
  it('shows the pack metadata and its entries, the first one open', async () => {
    const { root } = await mount();
    expect(field(root, 'Title').value).toBe('Civics');
    expect(field(root, 'Version').value).toBe('1.0.0');
    expect(field(root, 'Description').value).toBe('Words from the news');
    // linkedom has no readOnly property: Preact writes the attribute.
    expect(field(root, 'Pack id').outerHTML).toMatch(/readonly/i);
    expect(field(root, 'Name').value).toBe('A. Teacher');
    expect(listed(root)).toEqual(['Senate', 'Mazhilis', 'Akim']);
    expect(root.querySelector('[aria-current="true"] .pick-term')?.textContent).toBe('Senate');
    expect(field(root, 'Term').value).toBe('Senate');
    expect(field(root, 'Other spellings (one per line)').value).toBe('Сенат');
    expect(root.querySelector('.related-picker .chips')?.textContent).toContain('Mazhilis');
    await click(root.querySelector('[data-key="e3"] button'));
    expect(field(root, 'Short meaning (one line, shown first)').value).toBe('Head of a region');
  });

  it('shows a problem next to its field after a pause in typing, with aria-invalid', async () => {
    const { root } = await mount();
    const short = field(root, 'Short meaning (one line, shown first)');
    await type(short, '');
    await pause(VALIDATE_DELAY_MS / 2);
    expect(short.getAttribute('aria-invalid')).toBeNull();
    await pause(VALIDATE_DELAY_MS / 2);
    expect(short.getAttribute('aria-invalid')).toBe('true');
    const described = short.getAttribute('aria-describedby')!;
    expect(root.querySelector(`#${described}`)?.textContent).toBe('must not be empty');
    expect(root.querySelector('.summary h2')?.textContent).toBe('1 problem to fix before saving');
    expect(root.querySelector('[data-key="e1"] .pick-problems')?.textContent).toBe('1 problem');
    await type(short, 'Upper house');
    await pause();
    expect(short.getAttribute('aria-invalid')).toBeNull();
    expect(short.getAttribute('aria-describedby')).toBeNull();
    expect(root.querySelector('.summary')).toBeNull();
  });

  it('keeps Save disabled while there are problems, and saves the pack when there are none', async () => {
    const { root, calls } = await mount();
    const save = button(root, 'Save')!;
    expect(save.disabled).toBe(false);
    await type(field(root, 'Title'), '');
    await pause();
    expect(save.disabled).toBe(true);
    expect(root.querySelector('.summary li')?.textContent).toBe('Title: must not be empty');
    await type(field(root, 'Title'), 'Civics 2');
    await type(field(root, 'Short meaning (one line, shown first)'), 'Upper chamber');
    expect(root.querySelector('.dirty')?.textContent).toBe('Unsaved changes');
    await pause();
    expect(save.disabled).toBe(false);
    await click(save);
    expect(calls.onSave).toHaveBeenCalledOnce();
    const saved = calls.onSave.mock.calls[0]![0];
    expect(saved).toEqual({ ...pack, title: 'Civics 2', entries: [{ ...pack.entries[0]!, short: 'Upper chamber' }, ...pack.entries.slice(1)] });
    expect(root.querySelector('[role="status"].save-status')?.textContent).toBe('Saved.');
    await pause();
    expect(root.querySelector('.dirty')).toBeNull();
  });

  it('does not save what became invalid in the last pause, and shows the background’s reasons', async () => {
    const { root, calls } = await mount();
    await type(field(root, 'Version'), 'v2');
    await click(button(root, 'Save'));
    expect(calls.onSave).not.toHaveBeenCalled();
    expect(field(root, 'Version').getAttribute('aria-invalid')).toBe('true');
    await type(field(root, 'Version'), '2.0.0');
    await pause();
    calls.onSave.mockRejectedValueOnce(new Error('entries[0] (id "senate").short: is required\nsomething else'));
    await click(button(root, 'Save'));
    const alert = root.querySelector('[role="alert"]');
    expect([...alert!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['entries[0] (id "senate").short: is required', 'something else']);
    expect(root.querySelector('.save-status')?.textContent).toBe('');
  });

  it('opens «Add to glossary» with the term, sentence and page filled in and the short text focused', async () => {
    const focus = vi.spyOn(dom.window.HTMLElement.prototype as unknown as HTMLElement, 'focus');
    const mine: Pack = { ...pack, id: 'my-glossary', title: 'My glossary', entries: [] };
    const fields = captureFields({ term: 'Kurultai', context: 'The <i>Kurultai</i> met on Monday.', url: 'https://news.example/kurultai', title: 'Kurultai meets' });
    const { draft, key } = addEntry(draftFromPack(mine), fields);
    const onChoose = vi.fn();
    const { root } = await mount(draft, { savedPrint: fingerprint(draftFromPack(mine)), captured: key, packChoice: { packs: summaries, current: 'my-glossary', onChoose } });
    expect(field(root, 'Term').value).toBe('Kurultai');
    expect(field(root, 'Context').value).toBe('The <i>Kurultai</i> met on Monday.');
    expect(field(root, 'Title', entryForm(root)).value).toBe('Kurultai meets');
    expect(field(root, 'Address (http or https)').value).toBe('https://news.example/kurultai');
    const short = field(root, 'Short meaning (one line, shown first)');
    expect(focus.mock.contexts.includes(short)).toBe(true);
    expect(short.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('.dirty')).not.toBeNull();
    // The entry goes to "My glossary" unless the teacher picks another pack.
    const choice = field(root, 'Add the new entry to') as unknown as HTMLSelectElement;
    // linkedom has no select.value: Preact leaves the attribute.
    expect(choice.getAttribute('value')).toBe('my-glossary');
    await type(short, 'Assembly of the people');
    // linkedom's select.value cannot be set; a browser's can, and the editor sets it back.
    Object.defineProperty(choice, 'value', { value: 'civics', writable: true });
    await act(() => fire(choice, 'change'));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith('civics', expect.objectContaining({ term: 'Kurultai', short: 'Assembly of the people', related: [] }), false);
    expect(choice.value).toBe('my-glossary');
  });

  it('reorders entries with Move up and Move down, and says where the entry went', async () => {
    const { root, calls } = await mount();
    await click(root.querySelector('[data-key="e2"] button'));
    await click(button(entryForm(root), 'Move up'));
    expect(listed(root)).toEqual(['Mazhilis', 'Senate', 'Akim']);
    expect(root.querySelector('.notice')?.textContent).toBe('Moved to place 1 of 3.');
    expect(button(entryForm(root), 'Move up')!.getAttribute('aria-disabled')).toBe('true');
    await click(button(entryForm(root), 'Move up'));
    expect(listed(root)).toEqual(['Mazhilis', 'Senate', 'Akim']);
    await click(button(entryForm(root), 'Move down'));
    await click(button(entryForm(root), 'Move down'));
    expect(listed(root)).toEqual(['Senate', 'Akim', 'Mazhilis']);
    expect(button(entryForm(root), 'Move down')!.getAttribute('aria-disabled')).toBe('true');
    await pause();
    await click(button(root, 'Save'));
    expect(calls.onSave.mock.calls[0]![0].entries.map((e) => e.id)).toEqual(['senate', 'akim', 'mazhilis']);
  });

  it('deletes an entry and brings it back at its place with Undo', async () => {
    const { root } = await mount();
    await click(root.querySelector('[data-key="e2"] button'));
    await click(button(entryForm(root), 'Delete entry'));
    expect(listed(root)).toEqual(['Senate', 'Akim']);
    expect(root.querySelector('.notice')?.textContent).toContain('Deleted “Mazhilis”.');
    expect(field(root, 'Term').value).toBe('Akim');
    await click(button(root, 'Undo'));
    expect(listed(root)).toEqual(['Senate', 'Mazhilis', 'Akim']);
    expect(field(root, 'Term').value).toBe('Mazhilis');
    expect(button(root, 'Undo')).toBeNull();
    await pause();
    expect(root.querySelector('.dirty')).toBeNull();
  });

  it('adds an entry at the end, selected, with its id following the term', async () => {
    const { root } = await mount();
    await click(button(root, 'Add entry'));
    expect(listed(root)).toEqual(['Senate', 'Mazhilis', 'Akim', '(no term yet)']);
    await type(field(root, 'Term'), 'Мәслихат');
    expect(entryForm(root).querySelector('.entry-id code')?.textContent).toBe('maslikhat');
    await pause();
    expect(button(root, 'Save')!.disabled).toBe(true);
  });

  it('previews the entry with the popover, the teacher’s markup as text, as she types', async () => {
    const { root } = await mount();
    const shadow = () => root.querySelector('.preview-box')!.shadowRoot!;
    expect(shadow().querySelector('style')?.textContent).toBe('.card{}');
    expect(shadow().querySelector('.term')?.textContent).toBe('Senate');
    expect(shadow().querySelector('.related button')?.textContent).toBe('Mazhilis');
    await type(field(root, 'Short meaning (one line, shown first)'), '<b>Upper</b> <img src=x onerror=alert(1)>');
    expect(shadow().querySelector('.short')?.textContent).toBe('<b>Upper</b> <img src=x onerror=alert(1)>');
    expect(shadow().querySelector('b, img')).toBeNull();
    expect(root.querySelector('[data-key="e1"] .pick-short')?.textContent).toBe('<b>Upper</b> <img src=x onerror=alert(1)>');
    expect(root.querySelector('b, img')).toBeNull();
  });

  it('exports a valid pack with entries, and nothing otherwise', async () => {
    const { root, calls } = await mount();
    await click(button(root, 'Export JSON'));
    expect(calls.onDownload).toHaveBeenCalledOnce();
    expect(calls.onDownload.mock.calls[0]![0]).toMatchObject({ name: 'civics.json', mime: 'application/json' });
    expect(JSON.parse(calls.onDownload.mock.calls[0]![0].text)).toEqual(pack);
    await click(button(root, 'Export TBX'));
    expect(calls.onDownload.mock.calls[1]![0].name).toBe('civics.tbx');
    await type(field(root, 'Term'), '');
    await pause();
    for (const name of ['Export JSON', 'Export CSV', 'Export Anki', 'Export TBX']) expect(button(root, name)!.disabled).toBe(true);
    const empty = await mount(draftFromPack({ ...pack, entries: [] }));
    expect(button(empty.root, 'Export CSV')!.disabled).toBe(true);
    expect(button(empty.root, 'Save')!.disabled).toBe(false);
  });

  it('lets a new pack take an id, following its title, but not one already installed', async () => {
    const { root, calls } = await mount(emptyPack(), { savedPrint: null, takenPackIds: ['civics', 'my-glossary'] });
    expect(root.querySelector('h1')?.textContent).toBe('New pack');
    expect(root.querySelector('.no-selection')?.textContent).toBe('No entries yet. Press «Add entry» to write the first one.');
    await type(field(root, 'Title'), 'Civics');
    expect(field(root, 'Pack id').value).toBe('civics');
    await pause();
    expect(root.querySelector(`#${field(root, 'Pack id').getAttribute('aria-describedby')}`)?.textContent).toBe('is already used by an installed pack; choose another id');
    await type(field(root, 'Pack id'), 'civics-2');
    await type(field(root, 'Title'), 'Civics, second year');
    expect(field(root, 'Pack id').value).toBe('civics-2');
    await pause();
    await click(button(root, 'Save'));
    expect(calls.onSave).toHaveBeenCalledExactlyOnceWith({ format: 'gloss-pack', formatVersion: 1, id: 'civics-2', version: '1.0.0', title: 'Civics, second year', entries: [] });
    // Saved, the pack's id is fixed.
    expect(field(root, 'Pack id').outerHTML).toMatch(/readonly/i);
  });

  it('labels every input', async () => {
    const { root } = await mount();
    for (const el of root.querySelectorAll('input:not([type="checkbox"]), textarea, select')) {
      expect(root.querySelector(`label[for="${el.id}"]`)?.textContent, el.outerHTML).toBeTruthy();
    }
    for (const box of root.querySelectorAll('input[type="checkbox"]')) expect(box.parentElement?.tagName).toBe('LABEL');
  });
});

describe('PackListView', () => {
  it('lists the packs to edit and offers a new one', async () => {
    const root = await dom.mount(h(PackListView, { t: en, packs: summaries }));
    expect([...root.querySelectorAll('.pack-list a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Civics', '?pack=civics'],
      ['My glossary', '?pack=my-glossary'],
    ]);
    expect(root.querySelector('a.button')?.textContent).toBe('New pack');
  });
});
