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
  await expect.poll(() => options.locator('.status').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^(Imported .* from ${name.replace(/\./g, '\\.')}|Could not import ${name.replace(/\./g, '\\.')})`));
  return (await options.locator('.status').textContent()) ?? '';
}

/** What the reader sees painted on `page` when she looks at it (scrolled through). */
const paintedCount = async (page: Page) => {
  await page.bringToFront();
  return (await paintedTexts(page)).length;
};

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

/** Chooses files in «Import glossary pack», as a reader would. */
async function chooseFiles(files: { name: string; buffer: Buffer }[]): Promise<void> {
  await options.bringToFront();
  await options.getByLabel('Import glossary pack').setInputFiles(files.map((f) => ({ ...f, mimeType: 'text/plain' })));
}

const pendingImport = (name: string) => options.getByRole('region', { name: `Import of ${name}` });

describe('bad input', () => {
  it('lists a pack’s bad entries by line, entry and field, and keeps what was stored when cancelled', async () => {
    const before = await packNames();
    await chooseFiles([{ name: 'short-too-long.json', buffer: fixture('short-too-long.json') }]);
    const panel = pendingImport('short-too-long.json');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.textContent()).toMatch(/short-too-long\.json, line \d+, entry 1 \(id "mazhilis"\), short: must be at most 200 characters/);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => pendingImport('short-too-long.json').count()).toBe(0);
    expect(await packNames()).toEqual(before);
  });

  it('names a javascript: source as the field at fault', async () => {
    await chooseFiles([{ name: 'javascript-source.json', buffer: fixture('javascript-source.json') }]);
    const panel = pendingImport('javascript-source.json');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.textContent()).toMatch(/entry 1 \(id "mazhilis"\), sources\[0\]\.url: must be an http\(s\) URL/);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('refuses a file that is not JSON at all, naming the line', async () => {
    const before = await packNames();
    const message = await importFile('broken.json', Buffer.from('{\n  "format": "gloss-pack",\n  "entries": [\n'));
    expect(message).toMatch(/^Could not import broken\.json:\nbroken\.json, line \d+/);
    expect(await options.getByRole('alert').count()).toBe(1);
    expect(await packNames()).toEqual(before);
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

const CSV = 'Term,Definition,Tags\nreferendum,A vote of the whole electorate on one question.,politics\n';
const ANKI = '#separator:tab\n#html:true\n#columns:Front\tBack\tTags\nblackout\t<b>A shutdown</b> of the internet or of power.\tmedia\n';
const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Media terms</title></titleStmt></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="journalism">
      <langSec xml:lang="en">
        <descrip type="definition">Gathering and reporting news for the public.</descrip>
        <termSec><term>journalism</term></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

describe('formats teachers already use', () => {
  it('imports a CSV, an Anki export and a TBX file at once, and their terms are painted with their meanings', async () => {
    await chooseFiles([
      { name: 'civics-class.csv', buffer: Buffer.from(CSV) },
      { name: 'media-deck.txt', buffer: Buffer.from(ANKI) },
      { name: 'media-terms.tbx', buffer: Buffer.from(TBX) },
    ]);
    await expect.poll(() => options.locator('.status').textContent(), { timeout: 10_000 }).toContain('from media-terms.tbx');
    const status = (await options.locator('.status').textContent()) ?? '';
    expect(status).toContain('(1 entries) from civics-class.csv');
    expect(status).toContain('from media-deck.txt');
    await expect.poll(async () => [...new Set((await paintedTexts(article)).filter((t) => ['referendum', 'blackout', 'journalism'].includes(t)))].sort(), { timeout: 5000 }).toEqual([
      'blackout',
      'journalism',
      'referendum',
    ]);
    await article.bringToFront();
    const ui = await hoverOver(article, 'referendum');
    await expect.poll(() => ui.text('.card .short'), { timeout: 3000 }).toBe('A vote of the whole electorate on one question.');
    await article.mouse.move(5, 5);
    const anki = await hoverOver(article, 'blackout');
    // Anki's HTML arrives as plain text.
    await expect.poll(() => anki.text('.card .short'), { timeout: 3000 }).toBe('A shutdown of the internet or of power.');
    await article.mouse.move(5, 5);
  });

  it('imports a file with two bad entries without them, after the reader confirms', async () => {
    const csv = 'term,short\nparliament,The elected assembly.\nempty one,\nliquefied,Turned into a liquid.\n,no term here\n';
    await chooseFiles([{ name: 'mixed.csv', buffer: Buffer.from(csv) }]);
    const panel = pendingImport('mixed.csv');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.textContent()).toContain('2 of 4 entries have problems');
    await panel.getByRole('button', { name: 'Import without the 2 bad entries' }).click();
    await expect.poll(() => options.locator('.status').textContent(), { timeout: 10_000 }).toContain('(2 entries, 2 left out) from mixed.csv');
    await expect.poll(async () => (await paintedTexts(article)).includes('parliament'), { timeout: 5000 }).toBe(true);
  });

  it('keeps every row after a stray quote and says where quotes became plain text', async () => {
    const tsv = 'term\tshort\nbeta\tThe second letter.\n"cohort" theory\tWords are recognised by their start.\ngamma\tThe third letter.\n';
    await chooseFiles([{ name: 'letters.tsv', buffer: Buffer.from(tsv) }]);
    await expect
      .poll(() => options.locator('.status').textContent(), { timeout: 10_000 })
      .toMatch(/^Imported “Letters” \(3 entries\) from letters\.tsv\.\nNote: letters\.tsv, line 3: a cell starts with a quote \("\) that is never closed/);
  });

  it('shows what re-importing a pack changes before replacing it', async () => {
    const csv = 'term,short\nparliament,The elected assembly.\nliquefied,Made liquid by cooling or pressure.\njournalism,News work.\n';
    await chooseFiles([{ name: 'mixed.csv', buffer: Buffer.from(csv) }]);
    const panel = pendingImport('mixed.csv');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.textContent()).toContain('adds 1, changes 1 and removes 0 entries');
    await panel.getByRole('button', { name: /^Replace “/ }).click();
    await expect.poll(() => options.locator('.status').textContent(), { timeout: 10_000 }).toContain('(3 entries) from mixed.csv');
  });
});

describe('a large spreadsheet', () => {
  it('shows how far the import has come, then the pack with every entry', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Civic term ${i},Meaning number ${i}.`);
    await options.bringToFront();
    // Every line the progress bar shows, as it changes (the whole import takes a second or two).
    await options.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        const line = `${bar?.getAttribute('aria-label')}: ${document.querySelector('.import-progress span')?.textContent}`;
        if (bar && seen.at(-1) !== line) seen.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await chooseFiles([{ name: 'civics-5000.csv', buffer: Buffer.from(`term,short\n${rows.join('\n')}\n`) }]);
    await expect.poll(() => options.locator('.status').textContent(), { timeout: 15_000 }).toBe('Imported “Civics 5000” (5000 entries) from civics-5000.csv.');
    const seen = await options.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen[0]).toBe('Import progress: Reading civics-5000.csv…');
    expect(seen).toContain('Import progress: Checking 5,000 of 5,000 entries…');
    expect(seen).toContain('Import progress: Saving…');
    expect(seen.some((line) => /^Import progress: Saving [\d,]+ of 5,000 entries…$/.test(line))).toBe(true);
    expect(await options.getByRole('progressbar').count()).toBe(0);
    expect(await options.locator('li.pack', { hasText: 'Civics 5000' }).textContent()).toContain('5000 entries');
    await options.getByRole('button', { name: 'Delete Civics 5000' }).click();
    await options.getByRole('button', { name: 'Delete Civics 5000' }).click();
    await expect.poll(() => packNames(), { timeout: 10_000 }).not.toContain('Civics 5000');
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
