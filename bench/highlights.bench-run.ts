// `npm run bench:browser` (part two): re-anchoring 200 saved highlights on the 1 MiB bench page
// in the built extension, against the same page loaded without highlights in the same run.
// Highlights are seeded straight into the extension's IndexedDB; their selectors come from the
// generator's block texts through lib/anchor, as the content script would describe them.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { pageText } from '../lib/anchor/page-text';
import { describeRange, sentenceAround } from '../lib/anchor/selectors';
import type { HighlightStats, PageStats } from '../lib/messages';
import { launchWithExtension, sendToActiveTab, serve } from '../tests/e2e/launch.mjs';
import { generate, rng } from './generate';

const RESULTS = join(import.meta.dirname, 'results.json');
const COUNT = 200;
const LOADS = 7;
const doc = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench page</title></head><body><main>${body}</main></body></html>`;
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

/** 200 passages of 3–12 words spread over the page, as highlight records. */
function seedRecords(blocks: string[], pageUrl: string) {
  const text = pageText(blocks).text;
  const r = rng(7);
  const out = [];
  for (let i = 0; i < COUNT; i++) {
    let start = Math.floor(((i + r()) / COUNT) * (text.length - 200));
    start = text.indexOf(' ', start) + 1;
    let end = start;
    for (let w = 3 + Math.floor(r() * 10); w > 0; w--) end = text.indexOf(' ', end + 1);
    const { quote, position } = describeRange(text, start, end);
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      color: 'yellow',
      quote,
      position,
      pages: [pageUrl],
      pageTitle: 'Bench page',
      sentence: sentenceAround(text, start, end),
      note: '',
      tags: [],
      entries: [],
      created: i,
      modified: i,
      anchor: { state: 'exact', at: 0 },
    });
  }
  return out;
}

async function poll<T>(page: Page, read: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await read();
    if (v) return v;
    await page.waitForTimeout(50);
  }
  throw new Error('no stats from the content script');
}

it('benchmarks re-anchoring highlights in Chromium', { timeout: 600_000 }, async () => {
  const input = generate();
  const { url, server } = await serve({}, { '/page.html': doc(input.html), '/other.html': doc(input.html) });
  const b = await launchWithExtension();
  const records = seedRecords(input.blocks, `${url}/page.html`);
  await b.worker.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('gloss');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('highlights', 'readwrite');
      for (const row of rows) tx.objectStore('highlights').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);

  const withHighlights: HighlightStats[] = [];
  const scanWith: PageStats[] = [];
  const scanWithout: PageStats[] = [];
  for (let i = 0; i < LOADS; i++) {
    for (const [path, stats] of [['/page.html', scanWith], ['/other.html', scanWithout]] as const) {
      const page = await b.context.newPage();
      await page.goto(`${url}${path}`);
      await page.bringToFront();
      stats.push(await poll(page, () => sendToActiveTab(b.worker, { type: 'page:stats' })));
      if (path === '/page.html') withHighlights.push(await poll(page, () => sendToActiveTab(b.worker, { type: 'page:highlightStats' })));
      await page.close();
      await new Promise((r) => setTimeout(r, 400));
    }
  }
  await b.close();
  server.close();

  const result = {
    highlights: COUNT,
    painted: withHighlights[0]!.painted,
    busyMs: median(withHighlights.map((s) => s.busyMs)),
    longestTaskMs: Math.max(...withHighlights.map((s) => s.longestMs)),
    doneMs: median(withHighlights.map((s) => s.doneMs)),
    // The page without highlights pays only the background's indexed lookup: its term scan is the peer.
    termScanBusyMsWithHighlights: median(scanWith.map((s) => s.busyMs)),
    termScanBusyMsWithout: median(scanWithout.map((s) => s.busyMs)),
  };
  console.log(
    `\n200 highlights on the 1 MiB page: ${result.painted} painted, ${result.busyMs.toFixed(1)} ms main-thread (longest task ${result.longestTaskMs.toFixed(1)} ms), done ${result.doneMs.toFixed(0)} ms after starting; term scan ${result.termScanBusyMsWithHighlights.toFixed(0)} ms with highlights vs ${result.termScanBusyMsWithout.toFixed(0)} ms on the same page without`,
  );
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, highlightsChromium: result }, null, 2)}\n`);
  expect(result.painted).toBe(COUNT);
});
