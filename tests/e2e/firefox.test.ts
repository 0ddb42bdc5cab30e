// Firefox: the same built extension (MV2) installed in Debian's firefox-esr through puppeteer-core
// paints the demo article and opens a popover on hover.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, serve, textPoint } from './launch.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(ROOT, '.output/firefox-mv2');

let browser: Browser;
let page: Page;
let stop: () => void;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`No Firefox build at ${BUILD}: run npm run build:firefox`);
  const { url, server } = await serve({ '/demo/': join(ROOT, 'demo') });
  stop = () => server.close();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, args: ['--no-remote'] });
  await browser.installExtension(BUILD);
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${url}/demo/kazakhstan-january-2022.html`);
});

afterAll(async () => {
  await browser?.close();
  stop?.();
});

const painted = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));

describe('Firefox', () => {
  it('paints the demo article', async () => {
    await expect.poll(painted, { timeout: 10_000 }).toBeGreaterThan(50);
  });

  it('opens the titushki popover on hover', async () => {
    const at = await page.evaluate(textPoint, { needle: 'titushki' });
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 20, at!.y - 20);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    const term = () => page.evaluate(() => document.querySelector('gloss-root')?.shadowRoot?.querySelector('.card .term')?.textContent ?? null);
    await expect.poll(term, { timeout: 5000 }).toBe('titushki');
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
