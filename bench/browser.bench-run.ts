// `npm run bench:browser`: the same matchers inside Debian's Chromium, then the built extension on
// the 1 MiB page (first viewport, whole page, longest task, idle cost) against mark.js painting
// the same terms. Results merge into bench/results.json.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageStats } from '../lib/messages';
import { expect, it } from 'vitest';
import { BUILD, CHROMIUM, launchWithExtension, ROOT, sendToActiveTab, serve } from '../tests/e2e/launch.mjs';
import { bundleBench } from './bundle';
import { emptyExtension } from './empty-extension';
import { generate } from './generate';
import type { PeerResult } from './peers';

declare const GlossBench: { runMatchers: (runs: number) => { rows: PeerResult[] } };
declare const Mark: new (el: Element) => { markRegExp: (re: RegExp, o: { done: (n: number) => void; acrossElements?: boolean }) => void };

const RESULTS = join(import.meta.dirname, 'results.json');
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

const doc = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

function pack(terms: string[], id = 'bench'): string {
  return JSON.stringify({ format: 'gloss-pack', formatVersion: 1, id, version: '1.0.0', title: `Bench terms ${terms.length}`, entries: terms.map((term, i) => ({ id: `b${i}`, term, short: 'bench' })) });
}

async function statsOf(worker: Worker, page: Page): Promise<PageStats> {
  await page.bringToFront();
  for (let i = 0; i < 200; i++) {
    const s = (await sendToActiveTab(worker, { type: 'page:stats' })) as PageStats | null;
    if (s) return s;
    await page.waitForTimeout(100);
  }
  throw new Error('no stats from the content script');
}

/** Loads `url` `times` times in fresh tabs; returns each load's scan stats and long tasks. */
async function loads(context: BrowserContext, worker: Worker, url: string, times: number): Promise<{ stats: PageStats[]; longtasks: number[][] }> {
  const stats: PageStats[] = [];
  const longtasks: number[][] = [];
  for (let r = 0; r < times; r++) {
    const page = await context.newPage();
    await page.addInitScript(LONGTASKS);
    await page.goto(url);
    stats.push(await statsOf(worker, page));
    longtasks.push(await page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks));
    await page.close();
    // On two cores the closed tab's teardown would otherwise run on the next load's time.
    await new Promise((r) => setTimeout(r, 500));
  }
  return { stats, longtasks };
}

interface LongTasks {
  /** Long tasks (≥ 50 ms, from a `longtask` PerformanceObserver) per load. */
  perLoad: number;
  /** The median over loads of each load's longest long task (0 for a load without one). */
  longestMs: number;
}

function summarize(perLoad: number[][]): LongTasks {
  const longest = perLoad.map((d) => Math.max(0, ...d)).sort((x, y) => x - y);
  return { perLoad: perLoad.reduce((s, d) => s + d.length, 0) / perLoad.length, longestMs: longest[Math.floor(longest.length / 2)]! };
}

/** Long tasks over five loads of `url` in fresh tabs. */
async function longtasksOf(context: Promise<BrowserContext>, url: string): Promise<LongTasks> {
  const ctx = await context;
  const perLoad: number[][] = [];
  for (let r = 0; r < 5; r++) {
    const page = await ctx.newPage();
    await page.addInitScript(LONGTASKS);
    await page.goto(url);
    await page.waitForTimeout(1500);
    perLoad.push(await page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks));
    await page.close();
    await new Promise((r) => setTimeout(r, 500));
  }
  return summarize(perLoad);
}

const LONGTASKS = `window.__longtasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

it('benchmarks Gloss in Chromium', { timeout: 900_000 }, async () => {
  const input = generate();
  const code = await bundleBench('iife');
  const { url, server } = await serve({}, {
    '/blank.html': doc('bench', ''),
    '/page.html': doc('Bench page', input.html),
    '/quiet.html': doc('Quiet page', input.quietHtml),
    '/mark.min.js': readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
  });

  // 1. Matchers and mark.js in a browser without the extension.
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: FLAGS });
  const blank = await plain.newPage();
  await blank.goto(`${url}/blank.html`);
  await blank.addScriptTag({ content: code });
  const matchers = await blank.evaluate(() => GlossBench.runMatchers(10).rows);
  const version = plain.version();
  // The same page without Gloss: the long tasks the browser itself runs (parsing, layout).
  const bare = await longtasksOf(plain.newContext({ viewport: { width: 1280, height: 900 } }), `${url}/page.html`);
  const alts = [...input.terms5k].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const markRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    const markPage = await plain.newPage();
    await markPage.goto(`${url}/page.html`);
    await markPage.addScriptTag({ url: `${url}/mark.min.js` });
    markRuns.push(
      await markPage.evaluate(async (source) => {
        const re = new RegExp(source, 'giu');
        const t0 = performance.now();
        await new Promise<void>((resolve) => new Mark(document.body).markRegExp(re, { done: () => resolve() }));
        return performance.now() - t0;
      }, `(?<![\\p{L}\\p{Nd}])(?:${alts.join('|')})(?![\\p{L}\\p{Nd}])`),
    );
    await markPage.close();
  }
  const markMs = [...markRuns].sort((x, y) => x - y)[1]!;
  await plain.close();

  // Any content script costs the page an isolated world and the extension bindings, which
  // lengthen its long tasks: the fair peer is an extension whose content script does nothing.
  const empty = await launchWithExtension({ extension: emptyExtension() });
  const emptyTasks = await longtasksOf(Promise.resolve(empty.context), `${url}/page.html`);
  await empty.close();

  // 2. The built extension with a 5,000-term pack on the 1 MiB page and on a page with no matches.
  const b = await launchWithExtension();
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.getByLabel('Enable Kazakhstan, January 2022').uncheck();
  await options.getByLabel('Import glossary pack').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(pack(input.terms5k)) });
  await options.locator('.status').getByText('Imported').waitFor({ timeout: 60_000 });
  const { stats: runs, longtasks } = await loads(b.context, b.worker, `${url}/page.html`, 7);
  const quietRuns = (await loads(b.context, b.worker, `${url}/quiet.html`, 7)).stats;
  const idle = [...quietRuns].sort((x, y) => x.busyMs - y.busyMs)[3]!;

  // The same page with the 50,000-term pack instead: the tab still receives only what it can use.
  await options.bringToFront();
  const t50 = performance.now();
  await options.getByLabel('Import glossary pack').setInputFiles({ name: 'bench50k.json', mimeType: 'application/json', buffer: Buffer.from(pack(input.terms50k, 'bench-50k')) });
  // The status names the file as soon as reading starts; only the summary means it is stored.
  await options.locator('.status').getByText(`Imported “Bench terms ${input.terms50k.length}”`).waitFor({ timeout: 300_000 });
  const import50kMs = performance.now() - t50;
  await options.getByLabel('Enable Bench terms 5000', { exact: true }).uncheck();
  const big = (await loads(b.context, b.worker, `${url}/page.html`, 6)).stats;
  await b.close();
  server.close();

  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  // The VM's timings vary by tens of percent from load to load: each figure is a median, the
  // longest task the worst of all loads.
  const page = {
    indexMs: median(runs.map((r) => r.indexMs)),
    firstViewportMs: median(runs.map((r) => r.firstViewportMs)),
    doneMs: median(runs.map((r) => r.doneMs)),
    busyMs: median(runs.map((r) => r.busyMs)),
    longestTaskMs: Math.max(...runs.map((r) => r.longestSliceMs)),
    painted: runs[0]!.terms,
    blocks: runs[0]!.blocks,
    longtasks: summarize(longtasks),
    longtasksWithEmptyContentScript: emptyTasks,
    longtasksWithoutExtensions: bare,
  };
  const content = readFileSync(join(BUILD, 'content-scripts/content.js'));
  const size = { contentScriptBytes: content.length, contentScriptGzipBytes: gzipSync(content, { level: 9 }).length };
  const floor = matchers.find((m) => m.name.includes('floor'))!;
  const gloss = matchers[0]!;
  const best = Math.max(...matchers.slice(1, -1).map((m) => m.mbPerS));

  console.log(`\nChromium ${version}, ${input.blocks.length} blocks, 5,000 terms`);
  console.log(['| matcher | MB/s | vs floor | Gloss is |', '| --- | ---: | ---: | ---: |', ...matchers.map((m) => `| ${m.name} | ${m.mbPerS.toFixed(1)} | ${(m.mbPerS / floor.mbPerS).toFixed(2)} | ${(gloss.mbPerS / m.mbPerS).toFixed(1)}× |`)].join('\n'));
  console.log(`extension on the 1 MiB page: index ready ${page.indexMs.toFixed(1)} ms, first viewport ${page.firstViewportMs.toFixed(1)} ms, whole page ${page.doneMs.toFixed(0)} ms (busy ${page.busyMs.toFixed(0)} ms), longest task ${page.longestTaskMs.toFixed(1)} ms, long tasks (≥ 50 ms, observed) per load ${page.longtasks.perLoad.toFixed(2)}, the longest ${page.longtasks.longestMs.toFixed(0)} ms (with an empty content script ${emptyTasks.perLoad.toFixed(2)}, ${emptyTasks.longestMs.toFixed(0)} ms: ×${(page.longtasks.longestMs / emptyTasks.longestMs).toFixed(2)}; without extensions ${bare.perLoad.toFixed(2)}, ${bare.longestMs.toFixed(0)} ms), ${page.painted} terms painted`);
  console.log(`mark.js, same terms, one RegExp: ${markMs.toFixed(0)} ms → Gloss whole page is ${(markMs / page.doneMs).toFixed(1)}× faster (${(markMs / page.busyMs).toFixed(1)}× in main-thread time)`);
  const next = big.slice(1);
  const with50k = {
    indexMs: median(next.map((r) => r.indexMs)),
    firstViewportMs: median(next.map((r) => r.firstViewportMs)),
    doneMs: median(next.map((r) => r.doneMs)),
    busyMs: median(next.map((r) => r.busyMs)),
    terms: next[0]!.terms,
    import50kMs,
    firstLoadIncludingCompile: big[0]!,
  };
  console.log(`50,000-term pack: import ${(import50kMs / 1000).toFixed(1)} s; first page load (background compiles) whole page ${big[0]!.doneMs.toFixed(0)} ms; next load index ready ${with50k.indexMs.toFixed(1)} ms, first viewport ${with50k.firstViewportMs.toFixed(1)} ms, whole page ${with50k.doneMs.toFixed(0)} ms, ${with50k.terms} terms painted`);
  console.log(`page without matches: ${idle.busyMs.toFixed(2)} ms main-thread; content script ${size.contentScriptBytes} B raw, ${size.contentScriptGzipBytes} B gzip`);

  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results = {
    ...previous,
    chromium: { version, matchers, glossVsBestPeer: gloss.mbPerS / best, glossVsFloor: gloss.mbPerS / floor.mbPerS, extension: page, with50k, markJsMs: markMs, markJsRatio: markMs / page.doneMs, idle, size },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  expect(page.painted).toBeGreaterThan(0);
  expect(with50k.terms).toBe(page.painted);
});
