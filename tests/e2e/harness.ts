// Shared end-to-end fixtures: a static server on 127.0.0.1 and Debian's Chromium with the built
// extension loaded, reused for every test of a file.

import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { PageStats } from '../../lib/messages';
import { glossUi, launchWithExtension, ROOT, sendToActiveTab, serve, textEdges, textPoint, type GlossUi } from './launch.mjs';

export { glossUi, ROOT, type GlossUi };
/** The shared test corpus: $GLOSS_CORPUS, else beside the checkout, else the workplace's copy. */
export const CORPUS = [process.env.GLOSS_CORPUS, join(ROOT, '../shared/corpus'), '/work/shared/corpus']
  .filter((p): p is string => Boolean(p))
  .map((p) => resolve(p))
  .find((p) => existsSync(join(p, 'news/index.json'))) ?? fail('No test corpus found: set GLOSS_CORPUS to the shared corpus folder');

function fail(message: string): never {
  throw new Error(message);
}

// The service worker's `chrome` global, used only inside worker.evaluate callbacks; its full
// typings would pull @types/chrome into a test helper for two calls.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

/** Serves `/demo/…` from the repo, `/corpus/…` from the shared corpus, and `extra` paths from memory. */
export function startServer(extra: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  return serve({ '/demo/': join(ROOT, 'demo'), '/corpus/': CORPUS }, extra);
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Console errors and uncaught exceptions seen so far, per page URL. */
  errors: string[];
  close: () => Promise<void>;
  open: (url: string) => Promise<Page>;
}

export async function launch(): Promise<Browser> {
  const { context, worker, extensionId, close } = await launchWithExtension();
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
  const open = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  return { context, worker, extensionId, errors, close, open };
}

/** Painted ranges' text in the page's highlight registry now: the terms near the viewport. */
export async function paintedNow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const name of ['gloss-underline', 'gloss-background', 'gloss-outline']) {
      const h = CSS.highlights.get(name);
      if (h) for (const r of h) out.push((r as Range).toString());
    }
    return out;
  });
}

/**
 * Every term Gloss paints on the page, read as a reader would see them: Gloss keeps only the
 * ranges near the viewport in the highlight registry, and off-screen ones wait for a first
 * scroll, so this scrolls the page through (three screens a step, and a quarter of a second
 * each: the window paints nine screens around the viewport and applies what comes near at most
 * every 450 ms while the reader scrolls, so what it paints at one step in two already overlaps),
 * collects each range once, and scrolls back. A reload of Gloss's terms meanwhile (a new
 * highlight object) starts it over.
 */
export async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const NAMES = ['gloss-underline', 'gloss-background', 'gloss-outline'];
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const registered = () => NAMES.map((n) => CSS.highlights.get(n));
    const back = window.scrollY;
    let seen = new Set<Range>();
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = registered();
      seen = new Set();
      for (let y = 0; y < document.documentElement.scrollHeight; y += 3 * window.innerHeight) {
        window.scrollTo({ top: y, behavior: 'instant' });
        await new Promise((r) => setTimeout(r, 250));
        await frames();
        for (const h of registered()) for (const r of h ?? []) seen.add(r as Range);
      }
      if (registered().every((h, i) => h === at[i])) break;
    }
    window.scrollTo({ top: back, behavior: 'instant' });
    await frames();
    return [...seen].map((r) => r.toString());
  });
}

/** Waits until the painted count stops changing (the scan runs in slices). */
export async function waitForPaint(page: Page, min = 1, timeoutMs = 10_000): Promise<number> {
  const start = Date.now();
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const n = (await paintedNow(page)).length;
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (n >= min && Date.now() - stableSince > 300) return n;
    if (Date.now() - start > timeoutMs) return n;
    await page.waitForTimeout(50);
  }
}

/** Sends a content-contract message to `page`'s tab, as the background or the popup would. */
export async function tabCall<T>(b: Browser, page: Page, msg: { type: string; [k: string]: unknown }): Promise<T> {
  await page.bringToFront();
  return (await sendToActiveTab(b.worker, msg)) as T;
}

/** Waits until the tab's content script has scanned the whole page (the rest runs in idle time) and returns its stats. */
export async function scanned(b: Browser, page: Page, timeoutMs = 15_000): Promise<PageStats> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await page.waitForTimeout(100)) {
    const stats = await tabCall<PageStats | null>(b, page, { type: 'page:stats' });
    if (stats) return stats;
  }
  throw new Error(`${page.url()}: the page was not scanned within ${timeoutMs} ms`);
}

/** Asks the tab's content script for its term list, the way the popup does. */
export async function pageTerms(b: Browser, page: Page): Promise<{ key: string; term: string; count: number }[]> {
  return (await tabCall<{ terms: { key: string; term: string; count: number }[] }>(b, page, { type: 'page:terms' })).terms;
}

/** Opens the popup as a page acting on `page`'s tab (a real popup cannot be opened from a test). */
export async function openPopup(b: Browser, page: Page): Promise<Page> {
  await page.bringToFront();
  const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Moves the mouse onto the first occurrence of `text`, as a reader would, and returns Gloss's UI. */
export async function hoverOver(page: Page, text: string): Promise<GlossUi> {
  const { x, y } = await pointOf(page, text);
  await page.mouse.move(x, y, { steps: 3 });
  return glossUi(page);
}

/** Viewport centre of the nth occurrence of `text` in the page's text nodes. */
export async function pointOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(textPoint, { needle: text, nth });
  if (!p) throw new Error(`"${text}" not on page`);
  return p;
}

/** Selects the nth occurrence of `text` by dragging the mouse across it, as a reader would. */
export async function dragSelect(page: Page, text: string, nth = 0): Promise<void> {
  const edges = await page.evaluate(textEdges, { needle: text, nth });
  if (!edges) throw new Error(`"${text}" not on page`);
  await page.mouse.move(edges.from.x, edges.from.y);
  await page.mouse.down();
  await page.mouse.move(edges.to.x, edges.to.y, { steps: 6 });
  await page.mouse.up();
}

/** The texts painted as saved highlights, by colour. */
export async function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-hl-') && name !== 'gloss-hl-flash' && h.size) out[name.slice(9)] = [...h].map((r) => (r as Range).toString());
    return out;
  });
}
