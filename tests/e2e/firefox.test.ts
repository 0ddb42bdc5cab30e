// Firefox: the same built extension (MV2) installed in Debian's firefox-esr through puppeteer-core
// paints the demo article, resists the hostile-page attack of tests/e2e/privacy.test.ts, and
// opens a popover for the reader's real mouse. Gloss's UI sits in a closed shadow root, which
// WebDriver BiDi cannot enter: the popover is seen as its host element's box.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackPage } from './attack.mjs';
import { CORPUS } from './harness';
import { ROOT, serve, textEdges, textPoint } from './launch.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(ROOT, '.output/firefox-mv2');
const SECRET = 'tok-5d1e88b0aa';
const PAGE_A = '/corpus/kazakhstan/opendemocracy-kazakhstan-interview.html';
const TITLE_A = 'What really happened in Kazakhstan? A feminist perspective | openDemocracy';

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
  const [a, b] = await Promise.all([serve(mounts), serve(mounts)]);
  siteA = a.url;
  stop = () => [a, b].forEach((s) => s.server.close());
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, args: ['--no-remote'] });
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

afterAll(async () => {
  await browser?.close();
  stop?.();
});

describe('Firefox', () => {
  it('paints the demo article', async () => {
    // Only the terms within two screens of the viewport are in the registry (viewport-window.ts).
    await expect.poll(() => painted(page), { timeout: 10_000 }).toBeGreaterThan(20);
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
    const passage = 'compared such gangs to the';
    const yellow = () => page.evaluate(() => [...(CSS.highlights.get('gloss-hl-yellow') ?? [])].map((r) => (r as Range).toString()));
    const edges = await page.evaluate(textEdges, { needle: passage });
    expect(edges).not.toBeNull();
    await page.mouse.move(edges!.from.x, edges!.from.y);
    await page.mouse.down();
    await page.mouse.move(edges!.to.x, edges!.to.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(uiOpen, { timeout: 5000 }).toBe(true);
    // Tab reaches the toolbar; its first control is «Highlight».
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(yellow, { timeout: 5000 }).toEqual([passage]);
    await page.reload();
    await expect.poll(yellow, { timeout: 10_000 }).toEqual([passage]);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
