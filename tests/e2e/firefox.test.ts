// Firefox: the same built extension (MV2) installed in Debian's firefox-esr through puppeteer-core
// paints the demo article, and a long page near the viewport as the reader scrolls; resists the
// hostile-page attack of tests/e2e/privacy.test.ts; opens a popover for the reader's real mouse;
// saves a highlight from the keyboard (also on a page without terms, where the page core arrives
// with the selection); and lists it in the side panel's page, where its note is edited. Gloss's
// UI sits in a closed shadow root, which WebDriver BiDi cannot enter: the popover is seen as its
// host element's box.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackPage } from './attack.mjs';
import { CORPUS } from './harness';
import { ROOT, serve, textEdges, textPoint } from './launch.mjs';
import { LONG_PAGE, LONG_PARAGRAPHS, paintingInView } from './long-page';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(ROOT, '.output/firefox-mv2');
const SECRET = 'tok-5d1e88b0aa';
const PAGE_A = '/corpus/kazakhstan/opendemocracy-kazakhstan-interview.html';
const TITLE_A = 'What really happened in Kazakhstan? A feminist perspective | openDemocracy';
/**
 * Gloss's internal UUID, chosen before install: Firefox gives an extension a random one (its
 * moz-extension:// host) unless this pref names it, and no BiDi target reveals it.
 */
const GLOSS_UUID = '3c9e5a70-1b2d-4e8f-9a6b-0d4c7e2f1a58';
const PASSAGE = 'compared such gangs to the';
/** A page without any term of the starter pack: the content script's boot alone answers it. */
const QUIET =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet</title></head><body><main>' +
  '<p>Weather for the coast: light rain in the morning, clearing by noon.</p></main></body></html>';
const QUIET_PASSAGE = 'light rain in the morning';

let browser: Browser;
let page: Page;
let siteA: string;
let stop: () => void;
const errors: string[] = [];

const painted = (p: Page) => p.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
/** Gloss's host element is in the page only while its UI is open. */
const uiOpen = () => page.evaluate(() => document.querySelector('gloss-root') !== null);

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await check()); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

beforeAll(async () => {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`No Firefox build at ${BUILD}: run npm run build:firefox`);
  const mounts = { '/demo/': join(ROOT, 'demo'), '/corpus/': CORPUS };
  const [a, b] = await Promise.all([serve(mounts, { '/quiet.html': QUIET, '/long.html': LONG_PAGE }), serve(mounts)]);
  siteA = a.url;
  stop = () => [a, b].forEach((s) => s.server.close());
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // BiDi refuses to navigate to extension pages without system access (the side panel test).
    args: ['--no-remote', '--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'gloss@gloss.invalid': GLOSS_UUID }) },
  });
  await browser.installExtension(BUILD);
  const first = await browser.newPage();
  await first.goto(`${siteA}${PAGE_A}?session=${SECRET}`);
  await until(async () => (await painted(first)) > 20, 10_000);
  await new Promise((r) => setTimeout(r, 500));
  await first.close();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${b.url}/demo/kazakhstan-january-2022.html`);
});

/**
 * Loads one of Gloss's pages in `tab`, afresh even at the same address. Firefox sends BiDi no load
 * events for extension pages, so the navigation's own wait times out: a new document (another
 * time origin), fully loaded, says when it is ready instead.
 */
async function openGlossPage(tab: Page, path: string): Promise<void> {
  const url = `moz-extension://${GLOSS_UUID}${path}`;
  const before = await tab.evaluate(() => performance.timeOrigin);
  await tab.goto(url, { timeout: 1000 }).catch((err: unknown) => {
    if (!(err instanceof TimeoutError)) throw err;
  });
  const loaded = () => tab.evaluate((u, old) => performance.timeOrigin !== old && location.href === u && document.readyState === 'complete', url, before);
  await until(() => loaded().catch(() => false), 5000);
}

/** The parts of Firefox's extension API these tests use, as an extension page sees them. */
interface FirefoxExtensionApi {
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
  sidebarAction: { isOpen(details: object): Promise<boolean>; close(): Promise<void> };
}

/** The story's tab id, asked from one of Gloss's pages (`ext`) while the story is in front. */
async function storyTabId(ext: Page): Promise<number | undefined> {
  await page.bringToFront();
  // Inside: the page's own `browser` (Firefox's extension API), not this file's puppeteer Browser.
  return ext.evaluate(async () => (await (globalThis as unknown as { browser: FirefoxExtensionApi }).browser.tabs.query({ active: true, currentWindow: true }))[0]?.id);
}

/** Whether Gloss's sidebar is open in the window of `ext`, one of Gloss's pages. */
function sidebarOpen(ext: Page): Promise<boolean> {
  return ext.evaluate(() => (globalThis as unknown as { browser: FirefoxExtensionApi }).browser.sidebarAction.isOpen({}));
}

/** The rows of the side panel's page: quote, anchoring in words, note. */
function panelRows(panel: Page): Promise<{ quote: string; state: string; note: string }[]> {
  return panel.evaluate(() =>
    [...document.querySelectorAll('li.hl-row')].map((row) => ({
      quote: row.querySelector('.quote')?.textContent ?? '',
      state: row.querySelector('.anchor-state')?.textContent ?? '',
      note: row.querySelector('textarea')?.value ?? '',
    })),
  );
}

afterAll(async () => {
  await browser?.close();
  stop?.();
});

describe('Firefox', () => {
  it('paints the demo article', async () => {
    // Only the terms within four screens of the viewport are in the registry (viewport-window.ts).
    await expect.poll(() => painted(page), { timeout: 10_000 }).toBeGreaterThan(20);
  });

  it('paints a long page only near the viewport, and keeps up with the reader’s wheel and a jump to the end', async () => {
    const long = await browser.newPage();
    await long.goto(`${siteA}/long.html`);
    await until(async () => (await long.evaluate(paintingInView)).registered > 0, 10_000);
    expect(await long.evaluate(paintingInView)).toMatchObject({ unpainted: 0 });
    await long.mouse.move(400, 300);
    for (let i = 0; i < 20; i++) {
      await long.mouse.wheel({ deltaY: 300 });
      await new Promise((r) => setTimeout(r, 50));
      expect((await long.evaluate(paintingInView)).unpainted).toBe(0);
    }
    expect(await long.evaluate(() => scrollY)).toBeGreaterThan(4000);
    await long.keyboard.press('End');
    await until(() => long.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1), 3000);
    await until(async () => (await long.evaluate(paintingInView)).unpainted === 0, 1000);
    expect((await long.evaluate(paintingInView)).registered).toBeLessThan(LONG_PARAGRAPHS / 2);
    await long.close();
  });

  it('opens no UI for a hostile page’s synthetic events, which read nothing about the reader', async () => {
    const result = await page.evaluate(attackPage);
    expect(result.ranges).toBeGreaterThan(20);
    expect(result.hostsAfter).toBe(0);
    for (const secret of [SECRET, 'opendemocracy-kazakhstan-interview', TITLE_A, siteA]) expect(result.text).not.toContain(secret);
  });

  it('opens the popover for the reader’s real mouse, and still leaks nothing', async () => {
    const at = await page.evaluate(textPoint, { needle: 'titushki' });
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 20, at!.y - 20);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await expect.poll(uiOpen, { timeout: 5000 }).toBe(true);
    const result = await page.evaluate(attackPage);
    expect(result.hostsBefore).toBe(1);
    for (const secret of [SECRET, 'opendemocracy-kazakhstan-interview', TITLE_A, siteA]) expect(result.text).not.toContain(secret);
    await page.mouse.move(2, 2, { steps: 3 });
    await expect.poll(uiOpen, { timeout: 5000 }).toBe(false);
  });

  it('saves a highlight from the keyboard and paints it again after a reload', async () => {
    const yellow = () => page.evaluate(() => [...(CSS.highlights.get('gloss-hl-yellow') ?? [])].map((r) => (r as Range).toString()));
    const edges = await page.evaluate(textEdges, { needle: PASSAGE });
    expect(edges).not.toBeNull();
    await page.mouse.move(edges!.from.x, edges!.from.y);
    await page.mouse.down();
    await page.mouse.move(edges!.to.x, edges!.to.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(uiOpen, { timeout: 5000 }).toBe(true);
    // Tab reaches the toolbar; its first control is «Highlight».
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(yellow, { timeout: 5000 }).toEqual([PASSAGE]);
    await page.reload();
    await expect.poll(yellow, { timeout: 10_000 }).toEqual([PASSAGE]);
  });

  it('fetches the page core for the first selection on a page without terms, and saves the highlight', async () => {
    const quiet = await browser.newPage();
    quiet.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await quiet.goto(`${siteA}/quiet.html`);
    const edges = await quiet.evaluate(textEdges, { needle: QUIET_PASSAGE });
    expect(edges).not.toBeNull();
    const toolbarShown = () => quiet.evaluate(() => document.querySelector('gloss-root') !== null);
    // The reader selects as a person would; the content script may still be starting, so she
    // selects again if no toolbar came.
    await until(async () => {
      await quiet.mouse.click(2, 2);
      await quiet.mouse.move(edges!.from.x, edges!.from.y);
      await quiet.mouse.down();
      await quiet.mouse.move(edges!.to.x, edges!.to.y, { steps: 6 });
      await quiet.mouse.up();
      for (let i = 0; i < 10 && !(await toolbarShown()); i++) await new Promise((r) => setTimeout(r, 100));
      return toolbarShown();
    }, 10_000);
    await quiet.keyboard.press('Tab');
    await quiet.keyboard.press('Enter');
    const yellow = () => quiet.evaluate(() => [...(CSS.highlights.get('gloss-hl-yellow') ?? [])].map((r) => (r as Range).toString()));
    await expect.poll(yellow, { timeout: 5000 }).toEqual([QUIET_PASSAGE]);
    await quiet.close();
  });

  it('lists the highlight in the side panel’s page, where its note is edited and kept', async () => {
    const note = 'Check the titushki reports from Almaty';
    // Firefox reports no console messages of extension pages to BiDi: the list is what is checked.
    const panel = await browser.newPage();
    // The panel's page, in a tab of its own, told which tab to show (as in Chromium's tests).
    await openGlossPage(panel, '/sidepanel.html');
    const tabId = await storyTabId(panel);
    expect(tabId).toBeTypeOf('number');
    await openGlossPage(panel, `/sidepanel.html?tab=${tabId}`);
    await panel.bringToFront();
    await expect.poll(() => panelRows(panel), { timeout: 5000 }).toEqual([{ quote: PASSAGE, state: 'Exact', note: '' }]);
    expect(await panel.$eval('li.hl-row label.saved-field', (l) => [l.querySelector('.field-label')?.textContent, l.querySelector('textarea')?.placeholder])).toEqual(['Note', 'Why this passage matters']);
    // Typed like a reader; Tab leaves the field, which saves it.
    await panel.click('li.hl-row textarea');
    await panel.keyboard.type(note);
    await panel.keyboard.press('Tab');
    // Opened afresh, the panel reads the highlights from the database again.
    await expect
      .poll(
        async () => {
          await openGlossPage(panel, `/sidepanel.html?tab=${tabId}`);
          await until(async () => (await panelRows(panel)).length > 0, 5000);
          return panelRows(panel);
        },
        { timeout: 15_000, interval: 200 },
      )
      .toEqual([{ quote: PASSAGE, state: 'Exact', note }]);
    await panel.close();
  });

  it('opens the sidebar from the popup’s «Open side panel», within the click', async () => {
    const probe = await browser.newPage();
    await openGlossPage(probe, '/sidepanel.html');
    // Firefox opens a new extension's sidebar at install, and closes it only for the reader's own
    // input (as it opens it): a real click in one of Gloss's pages closes it first.
    await probe.evaluate(() => document.addEventListener('click', () => void (globalThis as unknown as { browser: FirefoxExtensionApi }).browser.sidebarAction.close(), { once: true }));
    await probe.bringToFront();
    await probe.mouse.click(5, 5);
    await expect.poll(() => sidebarOpen(probe), { timeout: 3000 }).toBe(false);
    const popup = await browser.newPage();
    await openGlossPage(popup, `/popup.html?tab=${await storyTabId(probe)}`);
    await popup.bringToFront();
    await popup.click('::-p-text(Open side panel)');
    // Firefox refuses sidebarAction.open() outside the reader's input: an await before it would fail here.
    await expect.poll(() => sidebarOpen(probe), { timeout: 3000 }).toBe(true);
    // The popup's tab closed itself after opening the sidebar (BiDi is not told about that tab).
    await probe.close();
  });

  it('imports a CSV through «Import glossary pack» (read and checked in a worker) and paints its term', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gloss-ff-')), 'civics.csv');
    writeFileSync(file, 'term,short\nreferendum,A vote of the whole electorate on one question.\n');
    const options = await browser.newPage();
    await openGlossPage(options, '/options.html');
    const input = await options.waitForSelector('label.import input[type=file]');
    await input!.uploadFile(file);
    const status = () => options.evaluate(() => document.querySelector('.status')?.textContent ?? '');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/^Imported “.*” \(1 entries\) from civics\.csv\.$/);
    await options.close();
    // The open story repaints with the new pack; the term is read where a reader would see it.
    await page.bringToFront();
    await page.evaluate(textPoint, { needle: 'referendum', nth: 0 });
    const paintedReferendum = () =>
      page.evaluate(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => (r as Range).toString() === 'referendum')));
    await expect.poll(paintedReferendum, { timeout: 10_000 }).toBe(true);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
