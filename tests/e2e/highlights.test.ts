// Researchers' path in Chromium, driven like a person: select a passage on the Kazakhstan page,
// press «Highlight», write a note and a tag in the card (an extension-origin frame), reload and
// find it painted; the side panel lists it, and the popup's «Open side panel» opens Chrome's real
// panel on it; an edited copy under the same URL re-anchors it; a copy without its paragraph
// leaves an orphan, which «Re-attach» moves onto a new selection.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, dragSelect, glossUi, highlightTexts, hoverOver, launch, openPopup, startServer, tabCall, waitForPaint, type Browser, type GlossUi } from './harness';

const ORIGINAL = readFileSync(join(CORPUS, 'kazakhstan/opendemocracy-kazakhstan-interview.html'), 'utf8');
const QUOTE = 'I remember, I was at home and I was thinking';
const PARAGRAPH = /<p>On 4 January, when the internet was turned off[\s\S]*?<\/p>/;
const NOTE = 'Compare with the Almaty blackout timeline';
const site: Record<string, string> = { '/story.html': ORIGINAL };

let b: Browser;
let base: string;
let stop: () => void;
let page: Page;
let ui: GlossUi;

beforeAll(async () => {
  const s = await startServer(site);
  base = s.url;
  stop = () => s.server.close();
  b = await launch();
  page = await b.open(`${base}/story.html`);
  ui = glossUi(page);
  await waitForPaint(page);
});

afterAll(async () => {
  await b?.close();
  stop?.();
});

async function cardFrame(): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/highlight-card.html')), { timeout: 5000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/highlight-card.html'))!;
  await frame.getByLabel('Note').waitFor({ timeout: 5000 });
  return frame;
}

/**
 * Clicks a button of the card with the real mouse. Playwright cannot place a frame that sits in a
 * closed shadow root on the page, so the point is the button's box in the frame plus the frame's
 * box in Gloss's UI.
 */
async function clickInCard(card: Frame, name: string): Promise<void> {
  const inner = await card.getByRole('button', { name }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const outer = await ui.box('.card-frame iframe');
  if (!outer) throw new Error('No highlight card');
  await page.mouse.click(outer.x + 1 + inner.x, outer.y + 1 + inner.y);
}

async function openSidePanel(): Promise<Page> {
  await page.bringToFront();
  const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

// The extension's `chrome` global, only inside callbacks evaluated in the service worker or in
// an extension page.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

/**
 * The addresses of the documents Chrome runs as the extension's side panel, as the background
 * sees them (empty for a moment while a panel's document loads).
 */
function sidePanelContexts(): Promise<string[]> {
  return b.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c: { documentUrl: string }) => c.documentUrl));
}

/**
 * The rows the real side panel shows, or null when none is open. Chrome's panel is not a tab, so
 * Playwright offers no page for it; Chrome lists every open view of the extension to the
 * extension's own pages, so `probe` (one of them) reads the panel's document.
 */
function realPanelRows(probe: Page): Promise<{ quote: string; state: string; note: string }[] | null> {
  return probe.evaluate(() => {
    const panel = (chrome.extension.getViews() as Window[]).find((v) => v.location.pathname === '/sidepanel.html');
    if (!panel) return null;
    return [...panel.document.querySelectorAll('li.hl-row')].map((row) => ({
      quote: row.querySelector('.quote')?.textContent ?? '',
      state: row.querySelector('.anchor-state')?.textContent ?? '',
      note: row.querySelector('textarea')?.value ?? '',
    }));
  });
}

async function reload(): Promise<void> {
  await page.reload();
  await waitForPaint(page);
}

describe('saving a highlight', () => {
  it('shows the toolbar for a selection and saves it with «Highlight»', async () => {
    await dragSelect(page, QUOTE);
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(1);
    expect(await ui.texts('.toolbar button')).toContain('Highlight');
    await ui.click('.toolbar button', 'Highlight');
    await expect.poll(() => highlightTexts(page), { timeout: 3000 }).toEqual({ yellow: [QUOTE] });
    expect(await ui.count('.toolbar:not([hidden])')).toBe(0);
  });

  it('takes a note and tags in the card, which the page cannot read', async () => {
    const box = await page.evaluate(() => {
      const r = [...CSS.highlights.get('gloss-hl-yellow')!][0] as Range;
      const rect = [...r.getClientRects()].sort((a, b) => b.width - a.width)[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    const card = await cardFrame();
    await card.getByLabel('Note').fill(NOTE);
    await card.getByLabel('Tags').fill('blackout, January 2022');
    await card.getByLabel('Tags').press('Enter');
    await clickInCard(card, 'Green');
    await expect.poll(() => highlightTexts(page), { timeout: 3000 }).toEqual({ green: [QUOTE] });
    // Everything the page's scripts can serialize (tests/e2e/privacy.test.ts runs the whole attack).
    const readable = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('*')].map((el) => el.shadowRoot).filter((r) => r !== null);
      return [document.documentElement.getHTML({ serializableShadowRoots: true, shadowRoots: roots }), ...roots.map((r) => r.innerHTML), document.body.innerText].join('\n');
    });
    expect(readable).not.toContain(NOTE);
    expect(readable).not.toContain('blackout');
    await clickInCard(card, 'Close');
    await expect.poll(() => page.frames().some((f) => f.url().includes('/highlight-card.html')), { timeout: 3000 }).toBe(false);
  });

  it('is painted at the same text after a reload, and listed in the side panel', async () => {
    await reload();
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual({ green: [QUOTE] });
    const panel = await openSidePanel();
    const row = panel.locator('li.hl-row');
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
    expect(await row.locator('.anchor-state').textContent()).toBe('Exact');
    // Named by their shown labels alone (Chrome's accessible name, not the text typed in them).
    expect(await row.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe(NOTE);
    expect(await row.getByRole('textbox', { name: 'Tags', exact: true }).inputValue()).toBe('blackout, January 2022');
    await panel.close();
  });
});

describe('from the popup', () => {
  it('opens Chrome’s side panel with «Open side panel», and the panel lists the page’s highlight', async () => {
    await page.bringToFront();
    const windowId = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.windowId);
    expect(await sidePanelContexts()).toEqual([]);
    const popup = await openPopup(b, page);
    const closed = popup.waitForEvent('close', { timeout: 5000 });
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    // The popup closes itself only once Chrome has accepted the call (it stays open with an alert otherwise).
    await closed;
    await expect.poll(sidePanelContexts, { timeout: 3000 }).toEqual([`chrome-extension://${b.extensionId}/sidepanel.html`]);
    const probe = await b.open(`chrome-extension://${b.extensionId}/popup.html`);
    // The panel follows its window's active tab, which the probe took: give it back to the story.
    await page.bringToFront();
    await expect.poll(() => realPanelRows(probe), { timeout: 5000 }).toEqual([{ quote: QUOTE, state: 'Exact', note: NOTE }]);
    await probe.close();
    // Closed again, so that later tests see the page at its full width.
    await b.worker.evaluate((id: number) => chrome.sidePanel.close({ windowId: id }), windowId);
    await expect.poll(sidePanelContexts, { timeout: 3000 }).toEqual([]);
  });
});

describe('after the page changes', () => {
  it('re-anchors on an edited copy served under the same URL', async () => {
    site['/story.html'] = ORIGINAL.replace(PARAGRAPH, (p) => `<p>Editor’s note: this interview was updated on 21 January with a new paragraph.</p>\n${p.replace('outside world.', 'outside  <em>world</em>.')}`);
    await reload();
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual({ green: [QUOTE] });
    const panel = await openSidePanel();
    await expect.poll(() => panel.locator('li.hl-row .anchor-state').textContent(), { timeout: 5000 }).toBe('Moved');
    await panel.close();
  });

  it('keeps the highlight as an orphan when its paragraph is gone, and re-attaches it', async () => {
    site['/story.html'] = ORIGINAL.replace(PARAGRAPH, '');
    await reload();
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual({});
    const panel = await openSidePanel();
    const row = panel.locator('li.hl-row');
    await expect.poll(() => row.locator('.anchor-state').textContent(), { timeout: 5000 }).toBe('Orphan');
    expect(await row.locator('.sentence').textContent()).toContain(QUOTE);
    // The reader selects where the passage went, then presses «Re-attach».
    await page.bringToFront();
    await dragSelect(page, 'we felt like something was happening to our personalities');
    await panel.bringToFront();
    await row.getByRole('button', { name: 'Re-attach' }).click();
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual({ green: ['we felt like something was happening to our personalities'] });
    await expect.poll(() => row.locator('.anchor-state').textContent(), { timeout: 5000 }).toBe('Exact');
    await panel.close();
  });
});

describe('by keyboard', () => {
  it('reaches the toolbar with Tab, dismisses it with Escape, and highlights with the command', async () => {
    site['/story.html'] = ORIGINAL;
    await page.bringToFront();
    await reload();
    await dragSelect(page, 'COVID left us isolated');
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(0);
    // A press inside the old selection would drag it: click away first, as a reader does.
    await page.mouse.click(5, 5);
    await dragSelect(page, 'COVID left us isolated');
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    // Green is picked; back to «Highlight» and press it.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await highlightTexts(page)).green?.includes('COVID left us isolated') ?? false, { timeout: 3000 }).toBe(true);
    // The browser command highlights the selection in the current colour.
    await dragSelect(page, 'state terror');
    await tabCall(b, page, { type: 'command:run', command: 'highlight-selection' });
    await expect.poll(async () => (await highlightTexts(page)).green?.includes('state terror') ?? false, { timeout: 3000 }).toBe(true);
  });

  it('keeps a glossary term inside a highlight opening its popover', async () => {
    await page.mouse.click(5, 5);
    await dragSelect(page, 'with the information blockade over the protests');
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(1);
    await ui.click('.toolbar button', 'Highlight');
    await expect.poll(async () => (await highlightTexts(page)).green?.includes('with the information blockade over the protests') ?? false, { timeout: 3000 }).toBe(true);
    await page.mouse.move(5, 5);
    await hoverOver(page, 'information blockade');
    // "information blockade" is a variant of this entry in the starter pack.
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('January 2022 internet shutdown');
    await page.mouse.move(5, 5);
  });

  it('logs no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
