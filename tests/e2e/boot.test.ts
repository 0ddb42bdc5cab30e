// The content script's boot (entrypoints/content/boot.ts) in Chromium: a page that holds no term
// and no highlight is answered by the boot alone, and the page core arrives with the first thing
// that needs it: a term the page's own script adds later (a change without terms is looked at in
// the background and brings nothing), the reader selecting text to highlight,
// the keyboard command, a saved highlight when the page loads again. Last, a stopped service
// worker wakes as soon as a tab starts loading, before the page has arrived.

import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragSelect, glossUi, highlightTexts, launch, pageTerms, paintedTexts, scanned, startServer, tabCall, type Browser } from './harness';
import { WorkerWatch } from './worker-watch';

const quiet = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>` +
  '<p>Weather for the coast: light rain in the morning, clearing by noon.</p>' +
  '<p>The harbour stays open all day and the ferries run on time.</p></main></body></html>';
const site = Object.fromEntries(['/quiet-1.html', '/quiet-2.html', '/quiet-3.html', '/quiet-4.html'].map((path) => [path, quiet(path)]));

let b: Browser;
let base: string;
let stop: () => void;

beforeAll(async () => {
  const s = await startServer(site);
  base = s.url;
  stop = () => s.server.close();
  b = await launch();
});

afterAll(async () => {
  await b?.close();
  stop?.();
});

/** Opens a quiet page and waits until the boot has its answer. */
async function openQuiet(path: string): Promise<Page> {
  const page = await b.open(`${base}${path}`);
  expect(await scanned(b, page)).toMatchObject({ core: false, terms: 0 });
  return page;
}

describe('a page without terms or highlights', () => {
  it('is answered by the boot alone: no page core, no terms in the popup', async () => {
    const page = await openQuiet('/quiet-1.html');
    expect(await pageTerms(b, page)).toEqual([]);
    expect(await tabCall(b, page, { type: 'page:identity' })).toEqual({ url: `${base}/quiet-1.html` });
    await page.close();
  });

  it('looks at the page’s changes without the core, and paints a term the page adds later with it', async () => {
    const page = await openQuiet('/quiet-2.html');
    const add = (text: string) => page.evaluate((t) => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: t })), text);
    // A change without terms: its text is looked at in the background, and the core stays away.
    await add('Tides turn at six this evening.');
    await page.waitForTimeout(800);
    expect(await scanned(b, page)).toMatchObject({ core: false });
    await add('Late news from Zhanaozen.');
    await expect.poll(() => paintedTexts(page), { timeout: 5000 }).toEqual(['Zhanaozen']);
    expect(await scanned(b, page)).toMatchObject({ core: true, terms: 1 });
    await page.close();
  });

  it('offers the toolbar for the reader’s first selection and saves it; the highlight is painted again after a reload', async () => {
    const page = await openQuiet('/quiet-3.html');
    const ui = glossUi(page);
    await dragSelect(page, 'light rain in the morning');
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 5000 }).toBe(1);
    await ui.click('.toolbar button', 'Highlight');
    await expect.poll(() => highlightTexts(page), { timeout: 3000 }).toEqual({ yellow: ['light rain in the morning'] });
    await page.reload();
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual({ yellow: ['light rain in the morning'] });
    expect(await scanned(b, page)).toMatchObject({ core: true, terms: 0 });
    await page.close();
  });

  it('highlights the selection with the keyboard command', async () => {
    const page = await openQuiet('/quiet-4.html');
    await page.evaluate(() => {
      const text = document.querySelector('p + p')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 4);
      range.setEnd(text, 11);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await tabCall(b, page, { type: 'command:run', command: 'highlight-selection' });
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual({ yellow: ['harbour'] });
    await page.close();
  });

  it('logs no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});

describe('a stopped service worker', () => {
  it('starts when a tab starts loading, while the page is still on its way, and the page is painted', async () => {
    // A page whose start the server sends at once and whose end it holds back until the test
    // lets it go: the browser commits the navigation (the tab's update), and the content script
    // cannot run before the document ends.
    const html = quiet('Slow').replace('ferries', 'ferries to Zhanaozen');
    const cut = html.indexOf('<p>');
    let requested!: () => void;
    const arrived = new Promise<void>((r) => (requested = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).write(html.slice(0, cut));
      requested();
      void held.then(() => res.end(html.slice(cut)));
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const { port } = slow.address() as { port: number };
    const control = await b.context.newPage();
    const watch = await WorkerWatch.open(b.context, control, `chrome-extension://${b.extensionId}/`);
    const page = await b.context.newPage();
    await page.waitForTimeout(300);
    await watch.stop();
    await page.waitForTimeout(300);
    expect(watch.running).toBe('stopped');
    const loaded = page.goto(`http://127.0.0.1:${port}/slow.html`);
    await arrived;
    // No content script can run yet: only the tab's update can wake the worker.
    await expect.poll(() => watch.running, { timeout: 5000 }).toBe('running');
    release();
    await loaded;
    await expect.poll(() => paintedTexts(page), { timeout: 5000 }).toEqual(['Zhanaozen']);
    await page.close();
    await control.close();
    slow.close();
  });
});
