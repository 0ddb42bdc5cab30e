// The reader's path on the Kazakhstan page: terms painted without touching the page, a popover on
// hover, keyboard navigation, and the popup's term list.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LONG_PAGE, LONG_PARAGRAPHS, paintingInView, SMALL_PRINT_PAGE } from './long-page';
import { dragSelect, glossUi, hoverOver, launch, openPopup, paintedTexts, pageTerms, pointOf, startServer, tabCall, waitForPaint, type Browser, type GlossUi } from './harness';

const PAGE = '/corpus/kazakhstan/opendemocracy-kazakhstan-interview.html';
let b: Browser;
let base: string;
let close: () => void;

beforeAll(async () => {
  const s = await startServer({ '/long.html': LONG_PAGE, '/small-print.html': SMALL_PRINT_PAGE });
  base = s.url;
  close = () => s.server.close();
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  close?.();
});

describe('Kazakhstan page', () => {
  let page: Page;
  let ui: GlossUi;

  beforeAll(async () => {
    page = await b.open(`${base}${PAGE}`);
    ui = glossUi(page);
    await waitForPaint(page);
  });

  it('paints "Shal, ket!" twice, titushki and Feminita', async () => {
    const painted = await paintedTexts(page);
    expect(painted.filter((t) => t === 'Shal, ket!')).toHaveLength(2);
    expect(painted).toContain('Old man out!');
    expect(painted.filter((t) => t.toLowerCase() === 'titushki')).toHaveLength(1);
    expect(painted).toContain('Feminita');
  });

  it('leaves the page text and its text nodes as they were', async () => {
    const result = await page.evaluate(async () => {
      const count = (root: Node) => {
        const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let nodes = 0;
        for (let n = w.nextNode(); n; n = w.nextNode()) nodes++;
        return nodes;
      };
      // The same file parsed afresh is the page as it was before Gloss ran.
      const doc = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return {
        before: { nodes: count(doc.body), text: doc.body.textContent },
        after: { nodes: count(document.body), text: document.body.textContent },
        marks: document.querySelectorAll('mark').length,
      };
    });
    expect(result.marks).toBe(0);
    expect(result.after).toEqual(result.before);
  });

  it('opens the titushki popover on hover, with its definition', async () => {
    const { x, y } = await pointOf(page, 'titushki');
    await page.mouse.move(x - 40, y - 40);
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => ui.count('.card'), { timeout: 3000 }).toBe(1);
    await expect.poll(() => ui.text('.card .term')).toBe('titushki');
    const short = await ui.text('.card .short');
    expect(short?.length).toBeGreaterThan(20);
    // The entry's own term needs no "matched" line.
    expect(await ui.count('.card .matched')).toBe(0);
  });

  it('says which variant matched', async () => {
    await page.mouse.move(5, 5);
    await expect.poll(() => ui.count('.card'), { timeout: 3000 }).toBe(0);
    const { x, y } = await pointOf(page, 'Old man out!');
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('Shal, ket!');
    expect(await ui.text('.card .matched')).toBe('Matched the variant “Old man out!”');
  });

  it('opens at once on click, without waiting for hover intent', async () => {
    await page.mouse.move(5, 5);
    await expect.poll(() => ui.count('.card'), { timeout: 3000 }).toBe(0);
    const { x, y } = await pointOf(page, 'Feminita');
    const clicked = Date.now();
    await page.mouse.click(x, y);
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000, interval: 20 }).toBe('Feminita');
    // The hover delay is 300 ms; a click that opened it counts from the press.
    expect(Date.now() - clicked).toBeLessThan(250);
    await page.keyboard.press('Escape');
  });

  it('stays open while the pointer is over it and closes after it leaves', async () => {
    await hoverOver(page, 'titushki');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('titushki');
    const box = await ui.box('.card');
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + 20, box!.y + 20, { steps: 3 });
    await page.waitForTimeout(700);
    expect(await ui.count('.card')).toBe(1);
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(() => ui.count('.card'), { timeout: 3000 }).toBe(0);
  });

  it('moves to the next term with the keyboard command and closes on Escape', async () => {
    // The command shortcut arrives in the background, which forwards it to the active tab.
    const run = (command: string) => tabCall(b, page, { type: 'command:run', command });
    await run('next-term');
    await expect.poll(() => ui.count('.card'), { timeout: 3000 }).toBe(1);
    const first = await ui.text('.card .term');
    await run('next-term');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).not.toBe(first);
    // Focus moves into the popover once it is placed, a moment after its text changes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName), { timeout: 3000 }).toBe('gloss-root');
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.count('.card'), { timeout: 3000 }).toBe(0);
  });

  it('opens no popover for a term the reader drags across to select it, only the toolbar', async () => {
    await dragSelect(page, 'titushki');
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(1);
    // Well past the hover delay (300 ms), with the pointer still resting on the term.
    await page.waitForTimeout(700);
    expect(await ui.count('.card')).toBe(0);
    await page.mouse.click(5, 5);
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(0);
  });

  it('lists the page terms in the popup, and a click reveals the term', async () => {
    const terms = await pageTerms(b, page);
    const byTerm = Object.fromEntries(terms.map((t) => [t.term, t.count]));
    expect(byTerm['Feminita']).toBe(1);
    expect(byTerm['titushki']).toBe(1);
    const popup = await openPopup(b, page);
    const item = popup.getByRole('button', { name: /Feminita/ });
    await expect.poll(() => item.count(), { timeout: 3000 }).toBe(1);
    expect(await popup.getByRole('checkbox').isChecked()).toBe(true);
    await item.click();
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('Feminita');
    if (!popup.isClosed()) await popup.close();
    await page.keyboard.press('Escape');
  });

});

describe('a page that changes', () => {
  it('paints terms added later and follows in-page navigation', async () => {
    const page = await b.open(`${base}/demo/kazakhstan-january-2022.html`);
    await waitForPaint(page);
    const count = async (text: string) => (await paintedTexts(page)).filter((t) => t === text).length;
    const before = await count('Zhanaozen');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news from Zhanaozen.';
      document.querySelector('main, article, body')!.append(p);
    });
    await expect.poll(() => count('Zhanaozen'), { timeout: 3000 }).toBe(before + 1);

    // A single-page app swaps its content and pushes a new URL.
    await page.evaluate(() => {
      history.pushState({}, '', '/demo/next-story');
      document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Now a story about Feminita and the tenge.' }));
    });
    await expect.poll(async () => (await paintedTexts(page)).sort(), { timeout: 5000 }).toEqual(['Feminita', 'tenge']);
    await page.close();
  });

  it('shows a related entry in place and where else the reader met the term', async () => {
    const page = await b.open(`${base}/demo/kazakhstan-january-2022.html`);
    await waitForPaint(page);
    const ui = await hoverOver(page, 'titushki');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('titushki');
    // The Kazakhstan article, opened earlier in this browser, also has titushki: the reader's
    // history shows only inside the extension-origin frame, never in the page's DOM.
    await expect.poll(async () => (await ui.historyFrame()?.locator('a').allTextContents()) ?? [], { timeout: 3000 }).toContain(
      'What really happened in Kazakhstan? A feminist perspective | openDemocracy',
    );
    expect(await ui.count('.card a[href*="opendemocracy-kazakhstan"]')).toBe(0);
    const name = (await ui.texts('.card .related button'))[0]!;
    await ui.click('.card .related button', name);
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe(name);
    await ui.click('.card button', 'Back');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('titushki');
    await page.close();
  });
});

describe('a long page', () => {
  const unpaintedInView = async (page: Page) => (await page.evaluate(paintingInView)).unpainted;
  const registered = async (page: Page) => (await page.evaluate(paintingInView)).registered;

  it('paints only near the viewport, and keeps up with the reader’s wheel and a jump to the end', async () => {
    const page = await b.open(`${base}/long.html`);
    await expect.poll(async () => (await pageTerms(b, page)).find((t) => t.term === 'Zhanaozen')?.count, { timeout: 10_000 }).toBe(LONG_PARAGRAPHS);
    expect(await unpaintedInView(page)).toBe(0);
    // Nine screens around the viewport, not the page.
    expect(await registered(page)).toBeLessThan(LONG_PARAGRAPHS / 2);
    // Wheel steps of 300 px, 50 ms apart: what comes into view is already painted.
    await page.mouse.move(400, 400);
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(50);
      expect(await unpaintedInView(page)).toBe(0);
    }
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(4000);
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1), { timeout: 3000 }).toBe(true);
    await expect.poll(() => unpaintedInView(page), { timeout: 1000 }).toBe(0);
    expect(await registered(page)).toBeLessThan(LONG_PARAGRAPHS / 2);
    await page.close();
  });
});

describe('a tall window', () => {
  it('paints every term on screen without a scroll, though the screen holds more than the first paint', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1600, height: 2000 });
    await page.goto(`${base}/small-print.html`);
    const chars = await page.evaluate(() => [...document.querySelectorAll('main p')].filter((p) => p.getBoundingClientRect().top < innerHeight).reduce((n, p) => n + p.textContent!.length, 0));
    expect(chars).toBeGreaterThan(20_000);
    await expect.poll(async () => (await page.evaluate(paintingInView)).unpainted, { timeout: 3000 }).toBe(0);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.close();
  });

  /**
   * Small print in a short window, once the watch has reported the margin below the first paint
   * (which is held); `moves` changes what the screen shows without a scroll, and every term on
   * screen must then be painted.
   */
  async function paintsWithoutScroll(moves: (page: Page) => Promise<void>) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1600, height: 500 });
    await page.goto(`${base}/small-print.html`);
    await expect.poll(async () => (await page.evaluate(paintingInView)).registered, { timeout: 5000 }).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    await moves(page);
    await expect.poll(async () => (await page.evaluate(paintingInView)).unpainted, { timeout: 3000 }).toBe(0);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.close();
  }

  it('paints what the page itself moves onto the screen, without a scroll', async () => {
    // The page pulls its text three screens up, as a page collapsing what is above would.
    await paintsWithoutScroll((page) => page.evaluate(() => void (document.querySelector('main')!.style.marginTop = '-1500px')));
  });

  it('paints what a window made taller shows, without a scroll', async () => {
    await paintsWithoutScroll((page) => page.setViewportSize({ width: 1600, height: 2000 }));
  });
});

describe('console', () => {
  it('logs no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
