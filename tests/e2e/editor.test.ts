// Teachers' path in Chromium: write a pack in the editor and see its term painted with its popover
// on a page; «Add to glossary» from a selection opens the editor on "My glossary" with the term and
// its sentence, and the saved entry is painted on the page it came from.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragSelect, glossUi, hoverOver, launch, paintedTexts, startServer, waitForPaint, type Browser } from './harness';

const DEMO = '/demo/kazakhstan-january-2022.html';
let b: Browser;
let base: string;
let stop: () => void;
let article: Page;

beforeAll(async () => {
  const s = await startServer();
  base = s.url;
  stop = () => s.server.close();
  b = await launch();
  article = await b.open(`${base}${DEMO}`);
  await waitForPaint(article);
});

afterAll(async () => {
  await b?.close();
  stop?.();
});

describe('the pack editor', () => {
  it('writes a new pack whose term is painted with its popover', async () => {
    const editor = await b.open(`chrome-extension://${b.extensionId}/editor.html?new=1`);
    await editor.getByLabel('Title').fill('Energy words');
    await editor.getByRole('button', { name: 'Add entry' }).click();
    await editor.getByLabel('Term', { exact: true }).fill('liquefied petroleum gas');
    await editor.getByLabel('Short meaning (one line, shown first)').fill('Propane and butane kept liquid under pressure; cars in Mangystau run on it.');
    const save = editor.getByRole('button', { name: 'Save' });
    await expect.poll(() => save.isEnabled(), { timeout: 3000 }).toBe(true);
    await save.click();
    await expect.poll(() => editor.getByRole('status').filter({ hasText: 'Saved.' }).count(), { timeout: 5000 }).toBe(1);
    await article.bringToFront();
    await expect.poll(async () => (await paintedTexts(article)).some((t) => t.toLowerCase() === 'liquefied petroleum gas'), { timeout: 5000 }).toBe(true);
    const ui = await hoverOver(article, 'liquefied petroleum gas');
    await expect.poll(() => ui.text('.card .short'), { timeout: 3000 }).toBe('Propane and butane kept liquid under pressure; cars in Mangystau run on it.');
    await article.mouse.move(5, 5);
    await editor.close();
  });

  it('adds a selected term to “My glossary” from the selection toolbar', async () => {
    await article.bringToFront();
    await dragSelect(article, 'referendum');
    const ui = glossUi(article);
    await expect.poll(() => ui.count('.toolbar:not([hidden])'), { timeout: 3000 }).toBe(1);
    const opened = b.context.waitForEvent('page');
    await ui.click('.toolbar button', 'Add to glossary');
    const editor = await opened;
    await editor.waitForLoadState();
    expect(new URL(editor.url()).searchParams.get('term')).toBe('referendum');
    const short = editor.getByLabel('Short meaning (one line, shown first)');
    await short.waitFor({ timeout: 5000 });
    expect(await editor.getByLabel('Term', { exact: true }).inputValue()).toBe('referendum');
    expect(await editor.getByLabel('Context', { exact: true }).inputValue()).toContain('referendum');
    await short.fill('A vote of all citizens on one question.');
    const save = editor.getByRole('button', { name: 'Save' });
    await expect.poll(() => save.isEnabled(), { timeout: 3000 }).toBe(true);
    await save.click();
    await expect.poll(() => editor.getByRole('status').filter({ hasText: 'Saved.' }).count(), { timeout: 5000 }).toBe(1);
    await article.bringToFront();
    await expect.poll(async () => (await paintedTexts(article)).includes('referendum'), { timeout: 5000 }).toBe(true);
    await editor.close();
  });

  it('logs no console errors', () => {
    expect(b.errors).toEqual([]);
  });
});
