// The popover renders pack text as text and links only http(s) sources, whatever reaches it.

import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermPopover } from '../../components/TermPopover';
import { en } from '../../lib/i18n';
import type { EntryView } from '../../lib/messages';

const view: EntryView = {
  key: 'p/x',
  term: 'Shal, ket!',
  short: '<b>Old man, go!</b>',
  variants: ['Шал, кет!'],
  context: 'Chanted in Almaty.',
  sources: [
    { title: 'Good', url: 'https://en.wikipedia.org/wiki/2022_Kazakh_unrest' },
    { title: 'Script', url: 'javascript:alert(1)' },
    { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
  ],
  tags: ['slogan'],
  related: [{ key: 'p/n', term: 'Nazarbayev', short: 'First president' }],
  packTitle: 'Kazakhstan',
};

beforeAll(() => {
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { document: window.document });
});

function renderPopover(): HTMLElement {
  const root = document.createElement('div');
  const noop = () => undefined;
  render(h(TermPopover, { view, t: en, onRelated: noop, onBack: noop, onClose: noop }), root);
  return root;
}

describe('TermPopover', () => {
  it('shows markup in pack text as text', () => {
    const root = renderPopover();
    expect(root.querySelector('.short')?.textContent).toBe('<b>Old man, go!</b>');
    expect(root.querySelector('b')).toBeNull();
  });

  it('links only http(s) sources, in a new tab without an opener', () => {
    const root = renderPopover();
    const links = [...root.querySelectorAll('.sources a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://en.wikipedia.org/wiki/2022_Kazakh_unrest']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect([...root.querySelectorAll('.sources li')].map((li) => li.textContent)).toEqual(['Good', 'Script', 'Data']);
  });

  it('offers related entries as buttons', () => {
    const root = renderPopover();
    expect([...root.querySelectorAll('.related button')].map((b) => b.textContent)).toEqual(['Nazarbayev']);
  });
});
