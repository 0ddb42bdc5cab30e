// Gloss's UI is built away from the page's document: any change to that document, even creating
// an element that is not inserted, makes Chromium rebuild every highlight's markers and repaint at
// its next frame (docs/content-script.md). The page's document gains the host only when a panel shows.

import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UiHost } from '../../entrypoints/content/ui-host';

let page: Document;
const saved = globalThis.document;

const parse = (html: string) => parseHTML(html).document as unknown as Document;

beforeAll(() => {
  page = parse('<!doctype html><html><body><p>Feminita</p></body></html>');
  // linkedom has no DOMImplementation; the browser's makes an empty document the same way.
  Object.defineProperty(page, 'implementation', { value: { createHTMLDocument: () => parse('<!doctype html><html><head></head><body></body></html>') } });
  Object.assign(globalThis, { document: page });
});

afterAll(() => {
  Object.assign(globalThis, { document: saved });
});

describe('UiHost', () => {
  it('builds its panels outside the page’s document until one shows, then joins the page', () => {
    const shell = new UiHost();
    const panel = shell.panel('toolbar');
    panel.append(shell.make('button'));
    shell.addStyle('.toolbar { color: inherit }');
    expect(shell.host.ownerDocument).not.toBe(page);
    expect(panel.ownerDocument).not.toBe(page);
    expect(page.documentElement.outerHTML).not.toContain('gloss-root');
    shell.show(panel);
    expect(page.documentElement.lastElementChild).toBe(shell.host);
    shell.hide(panel);
    expect(page.documentElement.lastElementChild).not.toBe(shell.host);
  });
});
