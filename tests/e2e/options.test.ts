// Options and popup change open tabs without a reload; bad packs are refused without loss; pack
// text is data, never markup.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverOver, launch, openPopup, paintedTexts, ROOT, startServer, waitForPaint, type Browser } from './harness';


const DEMO = '/demo/kazakhstan-january-2022.html';
const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/packs', name));

let b: Browser;
let base: string;
let stop: () => void;
let options: Page;
let article: Page;

const packNames = () => options.locator('li.pack strong').allTextContents();

async function importFile(name: string, buffer: Buffer): Promise<string> {
  await options.bringToFront();
  await options.getByLabel('Import glossary pack').setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect.poll(() => options.locator('.status').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^(Imported .* from|Could not import) ${name.replace(/\./g, '\\.')}`));
  return (await options.locator('.status').textContent()) ?? '';
}

const paintedCount = async (page: Page) => (await paintedTexts(page)).length;

beforeAll(async () => {
  const s = await startServer();
  base = s.url;
  stop = () => s.server.close();
  b = await launch();
  article = await b.open(`${base}${DEMO}`);
  await waitForPaint(article);
  options = await b.open(`chrome-extension://${b.extensionId}/options.html`);
  await options.locator('li.pack').first().waitFor();
});

afterAll(async () => {
  await b?.close();
  stop?.();
});

describe('bad input', () => {
  it('refuses an invalid pack naming the field and entry, and keeps what was stored', async () => {
    const before = await packNames();
    const message = await importFile('short-too-long.json', fixture('short-too-long.json'));
    expect(message).toContain('Could not import short-too-long.json');
    expect(message).toContain('entries[0] (id "mazhilis").short: must be at most 200 characters');
    expect(await options.getByRole('alert').count()).toBe(1);
    expect(await packNames()).toEqual(before);
  });

  it('refuses a pack whose source is a javascript: URL', async () => {
    const message = await importFile('javascript-source.json', fixture('javascript-source.json'));
    expect(message).toContain('entries[0] (id "mazhilis").sources[0].url: must be an http(s) URL');
  });

  it('shows pack text as text, never as markup', async () => {
    const pack = {
      format: 'gloss-pack',
      formatVersion: 1,
      id: 'markup-test',
      version: '1.0.0',
      title: '<i>Markup</i> test',
      entries: [{ id: 'ak', term: 'Steppe', short: '<img src=x onerror="document.title=1"><b>not bold</b>', context: '<script>alert(1)</script>' }],
    };
    expect(await importFile('markup.json', Buffer.from(JSON.stringify(pack)))).toMatch(/^Imported/);
    expect(await packNames()).toContain('<i>Markup</i> test');
    const page = await b.open(`${base}/demo/kazakhstan-january-2022.html`);
    await waitForPaint(page);
    const ui = await hoverOver(page, 'Steppe');
    await expect.poll(() => ui.text('.card .term'), { timeout: 3000 }).toBe('Steppe');
    expect(await ui.text('.card .short')).toBe(pack.entries[0]!.short);
    expect(await ui.count('.card img, .card b, .card script')).toBe(0);
    await page.close();
  });
});

describe('changes reach open tabs without a reload', () => {
  it('disabling and enabling a pack repaints the open article', async () => {
    const painted = await paintedCount(article);
    expect(painted).toBeGreaterThan(20);
    const toggle = options.getByLabel('Enable Kazakhstan, January 2022');
    await toggle.uncheck();
    await expect.poll(() => paintedCount(article), { timeout: 5000 }).toBeLessThan(painted);
    await toggle.check();
    await expect.poll(() => paintedCount(article), { timeout: 5000 }).toBe(painted);
  });

  it('changing the highlight style restyles the open article', async () => {
    await options.getByLabel('Highlight style').selectOption('background');
    await expect.poll(() => article.evaluate(() => CSS.highlights.has('gloss-background')), { timeout: 5000 }).toBe(true);
    expect(await article.evaluate(() => CSS.highlights.has('gloss-underline'))).toBe(false);
    await options.getByLabel('Highlight style').selectOption('underline');
    await expect.poll(() => article.evaluate(() => CSS.highlights.has('gloss-underline')), { timeout: 5000 }).toBe(true);
  });

  it('the popup turns Gloss off and on for the site', async () => {
    const popup = await openPopup(b, article);
    const toggle = popup.getByRole('checkbox');
    await expect.poll(() => toggle.isChecked(), { timeout: 3000 }).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => paintedCount(article), { timeout: 5000 }).toBe(0);
    await expect.poll(() => popup.getByText('No glossary terms found on this page.').count(), { timeout: 3000 }).toBe(1);
    await toggle.check();
    await expect.poll(() => paintedCount(article), { timeout: 5000 }).toBeGreaterThan(20);
    await popup.close();
  });

  it('deleting a pack removes its terms from open tabs', async () => {
    expect(await paintedTexts(article)).toContain('Steppe');
    await options.bringToFront();
    await options.getByRole('button', { name: 'Delete <i>Markup</i> test' }).click();
    await options.getByRole('button', { name: 'Delete <i>Markup</i> test' }).click();
    await expect.poll(() => packNames()).not.toContain('<i>Markup</i> test');
    await expect.poll(async () => (await paintedTexts(article)).includes('Steppe'), { timeout: 5000 }).toBe(false);
  });
});

describe('console', () => {
  it('shows no errors', () => {
    expect(b.errors).toEqual([]);
  });
});
