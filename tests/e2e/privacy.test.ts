// The attack from issue 12 as a test: a reader visits a page whose address carries a private
// token, then opens an unrelated site whose own script pokes every painted term with synthetic
// events and reads everything a page can read. It must learn nothing about the reader, and no
// synthetic event may open Gloss's UI. The reader's real mouse still opens the popover, and her
// history shows only in the extension-origin frame.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attackPage } from './attack.mjs';
import { glossUi, hoverOver, launch, startServer, waitForPaint, type Browser } from './harness';

const SECRET = 'tok-7f3a9c51e2';
const PAGE_A = '/corpus/kazakhstan/opendemocracy-kazakhstan-interview.html';
const TITLE_A = 'What really happened in Kazakhstan? A feminist perspective | openDemocracy';
let b: Browser;
let siteA: string;
let siteB: string;
let stop: () => void;
let page: Page;

beforeAll(async () => {
  // Two servers: two origins (the port is part of the origin), both on 127.0.0.1.
  const [a, c] = await Promise.all([startServer(), startServer()]);
  siteA = a.url;
  siteB = c.url;
  stop = () => [a, c].forEach((s) => s.server.close());
  b = await launch();
  const first = await b.open(`${siteA}${PAGE_A}?session=${SECRET}&utm_source=mail`);
  await waitForPaint(first);
  // The encounter is recorded once the scan is done.
  await first.waitForTimeout(500);
  await first.close();
  page = await b.open(`${siteB}/demo/kazakhstan-january-2022.html`);
  await waitForPaint(page, 50);
});

afterAll(async () => {
  await b?.close();
  stop?.();
});

function expectNothingPrivate(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('opendemocracy-kazakhstan-interview');
  expect(text).not.toContain(TITLE_A);
  expect(text).not.toContain(siteA);
}

describe('a hostile page', () => {
  it('opens no UI with synthetic events and reads nothing about the reader', async () => {
    const result = await page.evaluate(attackPage);
    expect(result.ranges).toBeGreaterThan(50);
    expect(result.hostsBefore).toBe(0);
    expect(result.hostsAfter).toBe(0);
    expect(await glossUi(page).count('.card')).toBe(0);
    expectNothingPrivate(result.text);
  });

  it('reads nothing private while the reader has a popover open either', async () => {
    const ui = await hoverOver(page, 'titushki');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('titushki');
    // The reader's own history is there, in the frame of the extension's origin.
    const frame = () => ui.historyFrame();
    await expect.poll(async () => (await frame()?.locator('a').allTextContents()) ?? [], { timeout: 3000 }).toContain(TITLE_A);
    const href = await frame()!.locator('a').first().getAttribute('href');
    expect(href).toBe(`${siteA}${PAGE_A}`);
    const result = await page.evaluate(attackPage);
    expect(result.hostsBefore).toBe(1);
    expectNothingPrivate(result.text);
  });

  it('receives no message from Gloss on its window', async () => {
    const listening = await b.context.newPage();
    await listening.addInitScript(() => {
      const got: unknown[] = [];
      (window as unknown as { got: unknown[] }).got = got;
      window.addEventListener('message', (e) => got.push(e.data));
    });
    await listening.goto(`${siteB}/demo/kazakhstan-january-2022.html`);
    await waitForPaint(listening, 50);
    await listening.waitForTimeout(300);
    expect(await listening.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([]);
    await listening.close();
  });

  it('closes the popover and leaves no element behind', async () => {
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('gloss-root').length), { timeout: 3000 }).toBe(0);
  });

  it('forgets and stops keeping history when the reader turns it off in the options', async () => {
    const options = await b.open(`chrome-extension://${b.extensionId}/options.html`);
    const remember = options.getByLabel('Remember where I met terms');
    await expect.poll(() => remember.isChecked(), { timeout: 3000 }).toBe(true);
    // A change of settings reloads Gloss in every tab: a new load registers a new highlight. A
    // hover begun before that reload is dropped with the old load, so the reader points after it.
    await page.evaluate(() => ((window as unknown as { before?: unknown }).before = CSS.highlights.get('gloss-underline')));
    await remember.uncheck();
    await options.close();
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('gloss-underline') !== (window as unknown as { before?: unknown }).before), { timeout: 5000 }).toBe(true);
    await waitForPaint(page);
    const ui = await hoverOver(page, 'Feminita');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('Feminita');
    await expect.poll(async () => (await ui.historyFrame()?.locator('body').innerText()) ?? '', { timeout: 3000 }).toContain('You turned off remembering where you met terms');
    await page.mouse.move(5, 5, { steps: 3 });
  });

  it('logs no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
