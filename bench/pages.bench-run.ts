// `npm run bench:browser` (part three, issue 15): the built extension with the 5,000-term pack on
// a dense course-pack page (a term every ~12 words, ~10,000 occurrences in 1 MiB), on a 1 MiB
// page and an article-sized page without matches, each against the same page alone in the same
// run, from a Chrome trace of every load; the dense page scrolled with the wheel once Gloss is
// done, against the page alone; then a cold service worker with the 5,000- and the
// 50,000-term pack, mark.js on the dense page, and the background's memory with the big pack.
// Results merge into bench/results.json under "pages". Nothing here asserts speed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { PageStats } from '../lib/messages';
import { CHROMIUM, launchWithExtension, ROOT, sendToActiveTab, serve } from '../tests/e2e/launch.mjs';
import { WorkerWatch } from '../tests/e2e/worker-watch';
import { BackgroundHandle, recordTrace, workerHeap, workerTargets, type HeapUsage } from './devtools';
import { emptyExtension, MESSENGER_ATTRIBUTE, messengerExtension, type MessengerFigures } from './empty-extension';
import { generate, generateDense } from './generate';
import { analyzeLoad, analyzeScroll, type LoadFigures, type ScrollFigures } from './trace';

declare const Mark: new (el: Element) => { markRegExp: (re: RegExp, o: { done: (n: number) => void }) => void };

const RESULTS = join(import.meta.dirname, 'results.json');
/** Traced loads per page, with and without Gloss; cold starts per pack; mark.js runs. */
const LOADS = 5;
const COLD_LOADS = 4;
const MARK_RUNS = 3;
/** Tracing goes on this long after Gloss is done with the page, so late work shows. */
const QUIET_MS = 1000;
const VIEWPORT = { width: 1280, height: 900 };
// The flags launchWithExtension passes, so that the page alone runs in the same browser setup.
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

const doc = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The options page labels each pack's switch with its title. */
const titleOf = (terms: string[]) => `Bench terms ${terms.length}`;

function pack(terms: string[], id: string): string {
  return JSON.stringify({ format: 'gloss-pack', formatVersion: 1, id, version: '1.0.0', title: titleOf(terms), entries: terms.map((term, i) => ({ id: `b${i}`, term, short: 'bench' })) });
}

interface Gloss {
  context: BrowserContext;
  origin: string;
  bg: BackgroundHandle;
}

/** The content script's stats once the page is done (null until then). */
async function statsOf(g: Gloss, page: Page): Promise<PageStats> {
  await page.bringToFront();
  for (let i = 0; i < 200; i++) {
    const s = (await sendToActiveTab(await g.bg.current(), { type: 'page:stats' })) as PageStats | null;
    if (s) return s;
    await page.waitForTimeout(100);
  }
  throw new Error('no stats from the content script');
}

/** Closes a tab and lets its teardown pass: on two cores it would run on the next load's time. */
async function closeTab(page: Page): Promise<void> {
  await page.close();
  await sleep(500);
}

/** An untraced load with Gloss until it is done: its stats and when the load event ended. */
async function settledLoad(g: Gloss, url: string, tab?: Page): Promise<{ stats: PageStats; loadEndMs: number }> {
  const page = tab ?? (await g.context.newPage());
  await page.goto(url);
  const stats = await statsOf(g, page);
  const loadEndMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await closeTab(page);
  return { stats, loadEndMs };
}

/** One load of `url` in a fresh tab, traced from before navigation until `waitMs` after its load event. */
async function tracedLoad(context: BrowserContext, url: string, origin: string, waitMs: number): Promise<{ page: Page; figures: LoadFigures }> {
  const page = await context.newPage();
  await page.bringToFront();
  const cdp = await context.newCDPSession(page);
  const events = await recordTrace(cdp, async () => {
    await page.goto(url);
    await page.waitForTimeout(waitMs);
  });
  await cdp.detach();
  // The benchmark's pages carry no script: continuations the sampler missed can only be Gloss's.
  return { page, figures: analyzeLoad(events, url, origin, false) };
}

interface GlossLoad {
  figures: LoadFigures;
  stats: PageStats;
}

/**
 * A traced load with Gloss. Stats are read after tracing stops, so the benchmark's own messages
 * never appear in the trace; a load whose trace ended less than QUIET_MS after Gloss was done
 * is traced again, longer.
 */
async function glossTracedLoad(g: Gloss, url: string, waitMs: number): Promise<GlossLoad & { waitMs: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { page, figures } = await tracedLoad(g.context, url, g.origin, waitMs);
    const stats = await statsOf(g, page);
    await closeTab(page);
    const quietMs = figures.traceEndMs - (stats.startedAtMs + stats.doneMs);
    if (quietMs >= QUIET_MS * 0.9) return { figures, stats, waitMs };
    console.log(`${url}: Gloss was done only ${quietMs.toFixed(0)} ms before tracing stopped; tracing again, longer`);
    waitMs += QUIET_MS - quietMs + 500;
  }
  throw new Error(`Gloss never finished ${url} within its trace`);
}

interface PageRun {
  alone: LoadFigures[];
  gloss: GlossLoad[];
}

/** LOADS traced loads of `url` alone and with Gloss, alternating so drift hits both alike. */
async function comparePage(alone: BrowserContext, g: Gloss, url: string): Promise<PageRun> {
  // A first load with Gloss tells how long after its load event the page takes to finish.
  const warm = await settledLoad(g, url);
  let waitMs = Math.max(0, warm.stats.startedAtMs + warm.stats.doneMs - warm.loadEndMs) * 1.5 + QUIET_MS + 200;
  const run: PageRun = { alone: [], gloss: [] };
  for (let r = 0; r < LOADS; r++) {
    const a = await tracedLoad(alone, url, '', waitMs);
    await closeTab(a.page);
    run.alone.push(a.figures);
    const l = await glossTracedLoad(g, url, waitMs);
    waitMs = l.waitMs;
    run.gloss.push({ figures: l.figures, stats: l.stats });
  }
  return run;
}

/** Wheel steps of 300 px, 50 ms apart, in one traced scroll; scrolls per side. */
const SCROLL_STEPS = 30;
const SCROLLS = 3;

/** `url` loaded in a fresh tab and left to `settle`, then scrolled down with the wheel under a trace. */
async function tracedScroll(context: BrowserContext, url: string, settle: (page: Page) => Promise<unknown>): Promise<ScrollFigures> {
  const page = await context.newPage();
  await page.bringToFront();
  await page.goto(url);
  await settle(page);
  const cdp = await context.newCDPSession(page);
  const events = await recordTrace(cdp, async () => {
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    for (let s = 0; s < SCROLL_STEPS; s++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(500);
  });
  await cdp.detach();
  await closeTab(page);
  return analyzeScroll(events);
}

/** Scrolling `url` alone and with Gloss once Gloss is done with it, alternately. */
async function compareScroll(alone: BrowserContext, g: Gloss, url: string) {
  const rows: Record<'alone' | 'gloss', ScrollFigures[]> = { alone: [], gloss: [] };
  for (let r = 0; r < SCROLLS; r++) {
    rows.alone.push(await tracedScroll(alone, url, (page) => page.waitForTimeout(2000)));
    rows.gloss.push(await tracedScroll(g.context, url, async (page) => (await statsOf(g, page), page.waitForTimeout(1000))));
  }
  return { alone: medians(rows.alone), gloss: medians(rows.gloss) };
}

/** A peer extension's traced loads: its script time, the part evaluating it, and the page's tasks over 16 ms. */
type PeerFigures = Pick<LoadFigures, 'scriptMs' | 'loadScriptMs' | 'tasksOver16'>;

/**
 * What a peer extension (origin `origin`) costs `url`: medians of LOADS traced loads, measured in
 * the same run as Gloss.
 */
async function peerFigures(context: BrowserContext, origin: string, url: string): Promise<PeerFigures> {
  const rows: LoadFigures[] = [];
  for (let r = 0; r < LOADS; r++) {
    const { page, figures } = await tracedLoad(context, url, origin, QUIET_MS);
    await closeTab(page);
    rows.push(figures);
  }
  return { scriptMs: median(rows.map((f) => f.scriptMs)), loadScriptMs: median(rows.map((f) => f.loadScriptMs)), tasksOver16: median(rows.map((f) => f.tasksOver16)) };
}

/** A load with the messenger peer: what its content script measured. */
async function messengerLoad(context: BrowserContext, url: string): Promise<MessengerFigures> {
  const page = await context.newPage();
  await page.goto(url);
  const raw = await page.waitForFunction((name) => document.documentElement.getAttribute(name), MESSENGER_ATTRIBUTE, { timeout: 30_000 });
  const figures = JSON.parse(String(await raw.jsonValue())) as MessengerFigures;
  await closeTab(page);
  return figures;
}

/** LOADS loads of `url` with the messenger, one after another (after one that warms its worker). */
async function messengerLoads(context: BrowserContext, url: string): Promise<MessengerFigures> {
  const rows: MessengerFigures[] = [];
  await messengerLoad(context, url);
  for (let i = 0; i < LOADS; i++) rows.push(await messengerLoad(context, url));
  return medians(rows);
}

/** The messenger on `url` with its worker warm, then stopped before each load. */
async function messengerFloor(context: BrowserContext, origin: string, url: string) {
  const warm = await messengerLoads(context, url);
  const control = await context.newPage();
  const watch = await WorkerWatch.open(context, control, origin);
  const cold: MessengerFigures[] = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    await watch.stop();
    await sleep(300);
    if (watch.running !== 'stopped') throw new Error(`the messenger's worker woke before the load (${watch.running})`);
    cold.push(await messengerLoad(context, url));
  }
  await closeTab(control);
  return { warm, cold: medians(cold) };
}

/** Medians over loads of every numeric field. */
function medians<T extends object>(rows: T[]): { [K in keyof T]: number } {
  const keys = Object.keys(rows[0]!) as (keyof T)[];
  return Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => Number(r[k] ?? NaN)))])) as { [K in keyof T]: number };
}

function summarize(run: PageRun) {
  // Without an extension nothing is attributed; what script the page alone ran shows as otherScriptMs.
  const { firstScriptAtMs: _a, traceEndMs: _b, longestScriptTaskMs: _c, scriptTasksOver16: _d, scriptMs: _e, loadScriptMs: _f, ...alone } = medians(run.alone);
  return {
    alone,
    gloss: medians(run.gloss.map((l) => l.figures)),
    stats: medians(run.gloss.map(({ stats: { startedAtMs, indexMs, firstViewportMs, doneMs, busyMs, longestSliceMs, terms, core } }) => ({ startedAtMs, indexMs, firstViewportMs, doneMs, busyMs, longestSliceMs, terms, core }))),
    perLoad: run,
  };
}

/** mark.js marking the same terms through one RegExp, as bench/browser.bench-run.ts runs it. */
async function markJs(context: BrowserContext, url: string, markUrl: string, terms: string[]): Promise<number[]> {
  const alts = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const source = `(?<![\\p{L}\\p{Nd}])(?:${alts.join('|')})(?![\\p{L}\\p{Nd}])`;
  const runs: number[] = [];
  for (let r = 0; r < MARK_RUNS; r++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ url: markUrl });
    runs.push(
      await page.evaluate(async (src) => {
        const re = new RegExp(src, 'giu');
        const t0 = performance.now();
        await new Promise<void>((resolve) => new Mark(document.body).markRegExp(re, { done: () => resolve() }));
        return performance.now() - t0;
      }, source),
    );
    await closeTab(page);
  }
  return runs;
}

async function openOptions(g: Gloss, extensionId: string): Promise<Page> {
  const options = await g.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return options;
}

/**
 * Imports a pack through the options page and waits until it is stored. The status line names
 * the file as soon as reading starts ("Reading bench50k.json…", seconds before the 50,000-term
 * pack is in), so only "Imported “title”" means done.
 */
async function importPack(options: Page, name: string, terms: string[], id: string): Promise<void> {
  await options.getByLabel('Import glossary pack').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(pack(terms, id)) });
  await options.locator('.status').getByText(`Imported “${titleOf(terms)}”`).waitFor({ timeout: 300_000 });
}

interface ColdLoad {
  firstViewportMs: number;
  /** The same first viewport, counted from the navigation's start. */
  sinceNavigationMs: number;
  indexMs: number;
  doneMs: number;
  busyMs: number;
}

/** What tells one worker life from the next: a global we set, and the worker's time origin. */
async function workerLife(g: Gloss, mark: boolean): Promise<{ marked: boolean; timeOrigin: number }> {
  const w = await g.bg.current();
  return w.evaluate((set) => {
    const self = globalThis as { __glossBenchLife?: true };
    const marked = self.__glossBenchLife === true;
    if (set) self.__glossBenchLife = true;
    return { marked, timeOrigin: performance.timeOrigin };
  }, mark);
}

/**
 * The dense page with a stopped service worker, `times` times. Before each load the worker
 * (warm from the load before) is marked and stopped; the browser must report it stopped, list
 * no target for it, and the worker answering the page must be a new life (no mark, a later
 * time origin).
 */
async function coldLoads(g: Gloss, watch: WorkerWatch, browser: CDPSession, url: string, times: number): Promise<ColdLoad[]> {
  await settledLoad(g, url);
  const out: ColdLoad[] = [];
  for (let i = 0; i < times; i++) {
    const before = await workerLife(g, true);
    // The tab exists before the worker stops, as when a reader follows a link: opening one is a
    // tab update too, which would wake the worker (background/index.ts) before the navigation.
    const tab = await g.context.newPage();
    await sleep(300);
    await watch.stop();
    if ((await workerTargets(browser, g.origin)).length) throw new Error('the stopped service worker still has a target');
    await sleep(300);
    if (watch.running !== 'stopped') throw new Error(`the service worker woke before the load (${watch.running})`);
    const { stats } = await settledLoad(g, url, tab);
    const after = await workerLife(g, false);
    if (after.marked || after.timeOrigin <= before.timeOrigin) throw new Error('the page was served by the same service-worker life');
    out.push({ firstViewportMs: stats.firstViewportMs, sinceNavigationMs: stats.startedAtMs + stats.firstViewportMs, indexMs: stats.indexMs, doneMs: stats.doneMs, busyMs: stats.busyMs });
  }
  return out;
}

interface KeptIndex {
  key: string;
  typedArrayBytes: number;
  strings: number;
  stringChars: number;
}

/** The compiled indexes kept in the extension's IndexedDB, read from an extension page without Dexie. */
async function keptIndexes(options: Page): Promise<KeptIndex[]> {
  return options.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('gloss');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ key: string; index: Record<string, unknown> }[]>((resolve, reject) => {
      const req = db.transaction('indexes').objectStore('indexes').getAll();
      req.onsuccess = () => resolve(req.result as { key: string; index: Record<string, unknown> }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.map(({ key, index }) => {
      const out = { key, typedArrayBytes: 0, strings: 0, stringChars: 0 };
      for (const v of Object.values(index)) {
        if (ArrayBuffer.isView(v)) out.typedArrayBytes += v.byteLength;
        else if (Array.isArray(v))
          for (const s of v)
            if (typeof s === 'string') {
              out.strings++;
              out.stringChars += s.length;
            }
      }
      return out;
    });
  });
}

/** The worker's heap after a dense-page load served by a fresh worker life. */
async function heapAfterColdLoad(g: Gloss, watch: WorkerWatch, browser: CDPSession, url: string): Promise<HeapUsage> {
  await watch.stop();
  await settledLoad(g, url);
  return workerHeap(browser, g.origin);
}

const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

it('benchmarks dense and long pages and a cold service worker in Chromium', { timeout: 900_000 }, async () => {
  const t0 = performance.now();
  const input = generate();
  const pages = generateDense();
  const { url, server } = await serve({}, {
    '/dense.html': doc('Dense page', pages.dense.html),
    '/empty.html': doc('Long page without matches', pages.empty.html),
    '/article.html': doc('Article without matches', input.quietHtml),
    '/mark.min.js': readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
  });
  const dense = `${url}/dense.html`;

  // The page alone: a browser without extensions, same flags and viewport.
  const plain: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: FLAGS });
  const alone = await plain.newContext({ viewport: VIEWPORT });
  const version = plain.version();

  const b = await launchWithExtension();
  const g: Gloss = { context: b.context, origin: `chrome-extension://${b.extensionId}/`, bg: new BackgroundHandle(b.context, `chrome-extension://${b.extensionId}/`, b.worker) };
  let options = await openOptions(g, b.extensionId);
  await options.getByLabel('Enable Kazakhstan, January 2022').uncheck();
  await importPack(options, 'bench.json', pages.terms5k, 'bench');
  // Closed while pages load: nothing but the page under test talks to the background.
  await closeTab(options);

  // 1. Traced loads, page alone and with Gloss.
  const denseRun = summarize(await comparePage(alone, g, dense));
  const denseScroll = await compareScroll(alone, g, dense);
  const emptyRun = summarize(await comparePage(alone, g, `${url}/empty.html`));
  const articleRun = summarize(await comparePage(alone, g, `${url}/article.html`));
  const tTraced = performance.now();

  // 2. mark.js, one RegExp of the same 5,000 terms, on the dense page alone.
  const markRuns = await markJs(alone, dense, `${url}/mark.min.js`, pages.terms5k);
  const markMs = median(markRuns);
  await plain.close();

  // 2b. The same quiet pages with an extension whose content script is empty.
  const idle = await launchWithExtension({ extension: emptyExtension() });
  const idleOrigin = `chrome-extension://${idle.extensionId}/`;
  const emptyScript = {
    empty1MiB: await peerFigures(idle.context, idleOrigin, `${url}/empty.html`),
    article: await peerFigures(idle.context, idleOrigin, `${url}/article.html`),
    dense: await peerFigures(idle.context, idleOrigin, dense),
  };
  await idle.close();

  // 2c. The floor under the targets: a content script that asks its worker once (answered at
  // once) and then reads every paragraph's text once, warm and with its worker stopped.
  const messenger = await launchWithExtension({ extension: messengerExtension() });
  const messengerOrigin = `chrome-extension://${messenger.extensionId}/`;
  const floor = {
    dense: await messengerFloor(messenger.context, messengerOrigin, dense),
    empty1MiB: await messengerLoads(messenger.context, `${url}/empty.html`),
    articleScript: await peerFigures(messenger.context, messengerOrigin, `${url}/article.html`),
    denseTraced: await peerFigures(messenger.context, messengerOrigin, dense),
  };
  await messenger.close();

  // 3. Cold starts. The ServiceWorker domain of any page session sees the extension's worker; an
  // about:blank tab carries no content script that could wake it.
  const control = await g.context.newPage();
  const watch = await WorkerWatch.open(g.context, control, g.origin);
  const browserSession = await b.context.browser()!.newBrowserCDPSession();
  const cold5k = await coldLoads(g, watch, browserSession, dense, COLD_LOADS);

  options = await openOptions(g, b.extensionId);
  await importPack(options, 'bench50k.json', input.terms50k, 'bench-50k');
  await options.getByLabel(`Enable ${titleOf(pages.terms5k)}`, { exact: true }).uncheck();
  await closeTab(options);
  const cold50k = await coldLoads(g, watch, browserSession, dense, COLD_LOADS);
  const tCold = performance.now();

  // 4. The background's memory: a fresh worker life after one dense-page load, with the 50,000-term
  // pack alone and then with the starter pack alone.
  const heap50k = await heapAfterColdLoad(g, watch, browserSession, dense);
  options = await openOptions(g, b.extensionId);
  const kept = await keptIndexes(options);
  await options.getByLabel('Enable Kazakhstan, January 2022').check();
  await options.getByLabel(`Enable ${titleOf(input.terms50k)}`, { exact: true }).uncheck();
  await closeTab(options);
  const heapStarter = await heapAfterColdLoad(g, watch, browserSession, dense);
  await b.close();
  server.close();

  const index50k = kept.filter((k) => k.key.includes('bench-50k')).sort((x, y) => y.typedArrayBytes - x.typedArrayBytes)[0] ?? [...kept].sort((x, y) => y.typedArrayBytes - x.typedArrayBytes)[0]!;
  const total = (h: HeapUsage) => h.usedSize + h.backingStorageSize;
  const memory = {
    with50k: heap50k,
    starterOnly: heapStarter,
    deltaBytes: total(heap50k) - total(heapStarter),
    index50k,
    /** The worker's heap (JS heap + array buffers) over the kept index's typed arrays. */
    ratioToIndex: total(heap50k) / index50k.typedArrayBytes,
  };
  const coldSummary = (rows: ColdLoad[]) => ({ ...medians(rows), perLoad: rows });
  const results = {
    chromium: version,
    loads: LOADS,
    inputs: {
      dense: { bytes: pages.dense.html.length, paragraphs: pages.dense.paragraphs, textNodes: pages.dense.textNodes, occurrences: pages.dense.occurrences, splitAcrossElements: pages.dense.split },
      empty: { bytes: pages.empty.html.length, paragraphs: pages.empty.paragraphs, textNodes: pages.empty.textNodes },
      article: { bytes: input.quietHtml.length },
    },
    dense: denseRun,
    denseScroll,
    empty1MiB: emptyRun,
    article: articleRun,
    markJs: { ms: markMs, runs: markRuns, scriptShare: denseRun.gloss.scriptMs / markMs },
    emptyContentScript: emptyScript,
    floor,
    coldStart: { terms5k: coldSummary(cold5k), terms50k: coldSummary(cold50k) },
    memory,
    seconds: { traced: (tTraced - t0) / 1000, cold: (tCold - tTraced) / 1000, total: (performance.now() - t0) / 1000 },
  };

  printTable(results);
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, pages: results }, null, 2)}\n`);

  // Sanity only: the pages are what they claim and Gloss saw them.
  expect(denseRun.stats.terms).toBeGreaterThan(5000);
  expect(emptyRun.stats.terms).toBe(0);
  expect(articleRun.stats.terms).toBe(0);
  expect(denseRun.gloss.scriptMs).toBeGreaterThan(0);
  expect(index50k.typedArrayBytes).toBeGreaterThan(0);
});

type Results = {
  chromium: string;
  inputs: { dense: { textNodes: number; occurrences: number; splitAcrossElements: number; paragraphs: number } };
  dense: ReturnType<typeof summarize>;
  denseScroll: Record<'alone' | 'gloss', ScrollFigures>;
  empty1MiB: ReturnType<typeof summarize>;
  article: ReturnType<typeof summarize>;
  markJs: { ms: number; scriptShare: number };
  emptyContentScript: Record<'empty1MiB' | 'article' | 'dense', PeerFigures>;
  floor: { dense: Record<'warm' | 'cold', MessengerFigures>; empty1MiB: MessengerFigures; articleScript: PeerFigures; denseTraced: PeerFigures };
  coldStart: Record<'terms5k' | 'terms50k', ColdLoad>;
  memory: { with50k: HeapUsage; starterOnly: HeapUsage; deltaBytes: number; index50k: KeptIndex; ratioToIndex: number };
  seconds: { total: number };
};

/** Script time from the trace, its start-up part, and the content script's own count. */
const scriptCell = (p: ReturnType<typeof summarize>) =>
  `${f1(p.gloss.scriptMs)} ms in the trace, ${f1(p.gloss.loadScriptMs)} ms of it evaluating the content script (own count ${f1(p.stats.busyMs)} ms)`;

/** A cold start's first viewport, after the content script starts and after the navigation's start. */
const coldCell = (c: ColdLoad) => `${f1(c.firstViewportMs)} ms (index reply ${f1(c.indexMs)} ms; ${f0(c.sinceNavigationMs)} ms after the navigation started)`;

/** What an empty content script cost the same page. */
const idleCell = (x: PeerFigures) => `an empty content script: ${f1(x.scriptMs)} ms (${f1(x.loadScriptMs)} ms evaluating it)`;

/** One markdown table: the targets, page alone beside with Gloss. */
function printTable(r: Results): void {
  const { dense: d, empty1MiB: e, article: a, coldStart: c, memory: m, floor } = r;
  const roundTrip = (x: MessengerFigures) => `a content script that only asks its worker (which answers at once) has its answer ${f1(x.replyMs)} ms after it starts`;
  const heap = (h: HeapUsage) => `${mib(h.usedSize + h.backingStorageSize)} (JS ${mib(h.usedSize)} + buffers ${mib(h.backingStorageSize)})`;
  const rows: string[][] = [
    ['Dense: first viewport painted, after the content script starts', roundTrip(floor.dense.warm), `${f1(d.stats.firstViewportMs)} ms (index reply ${f1(d.stats.indexMs)} ms)`, '≤ 30 ms'],
    ['Dense: main-thread tasks > 16 ms after DOMContentLoaded', `${f0(d.alone.tasksOver16)} (with an empty content script: ${f0(r.emptyContentScript.dense.tasksOver16)})`, f0(d.gloss.tasksOver16), `≤ ${f0(d.alone.tasksOver16 + 1)} (alone + 1)`],
    ['Dense: tasks > 50 ms after DOMContentLoaded', f0(d.alone.tasksOver50), f0(d.gloss.tasksOver50), '—'],
    ['Dense: longest task after DOMContentLoaded', `${f0(d.alone.longestTaskMs)} ms`, `${f0(d.gloss.longestTaskMs)} ms`, '—'],
    ['Dense: longest task running Gloss’s script', '—', `${f1(d.gloss.longestScriptTaskMs)} ms (${f0(d.gloss.scriptTasksOver16)} over 16 ms)`, '≤ 16 ms'],
    ['Dense: Gloss’s script time in total (trace)', `mark.js, one RegExp: ${f0(r.markJs.ms)} ms; the messenger (asking once, reading every paragraph once): ${f1(floor.denseTraced.scriptMs)} ms`, `${f0(d.gloss.scriptMs)} ms = ${r.markJs.scriptShare.toFixed(2)} of mark.js (evaluating the content script: ${f0(d.gloss.loadScriptMs)} ms)`, '≤ 0.33 of mark.js'],
    [
      `Dense: scrolling down ${SCROLL_STEPS} wheel steps once Gloss is done: tasks > 16 ms (longest), intersection observers`,
      `${f0(r.denseScroll.alone.tasksOver16)} (${f0(r.denseScroll.alone.longestTaskMs)} ms)`,
      `${f0(r.denseScroll.gloss.tasksOver16)} (${f0(r.denseScroll.gloss.longestTaskMs)} ms), observers ${f0(r.denseScroll.gloss.observerMs)} ms`,
      '—',
    ],
    ['Dense: Gloss’s own count: main-thread ms, longest slice, terms', '—', `${f0(d.stats.busyMs)} ms, ${f1(d.stats.longestSliceMs)} ms, ${f0(d.stats.terms)} terms (done ${f0(d.stats.doneMs)} ms)`, '—'],
    ['1 MiB without matches: Gloss’s main-thread time in total', `tasks > 16 ms: ${f0(e.alone.tasksOver16)}; ${idleCell(r.emptyContentScript.empty1MiB)}; reading every paragraph’s text once from a content script: ${f1(floor.empty1MiB.readMs)} ms`, `${scriptCell(e)}; tasks > 16 ms: ${f0(e.gloss.tasksOver16)}`, '≤ 40 ms'],
    ['Article (20 KB) without matches: Gloss’s main-thread time', `tasks > 16 ms: ${f0(a.alone.tasksOver16)}; ${idleCell(r.emptyContentScript.article)}; one that asks its worker once: ${f1(floor.articleScript.scriptMs)} ms`, scriptCell(a), '≤ 3 ms'],
    [
      'Cold service worker, 5,000 terms: first viewport',
      `warm: ${f1(d.stats.firstViewportMs)} ms (${f0(d.stats.startedAtMs + d.stats.firstViewportMs)} ms after the navigation started); ${roundTrip(floor.dense.cold)} when its worker was stopped`,
      coldCell(c.terms5k),
      '≤ 60 ms',
    ],
    ['Cold service worker, 50,000 terms only: first viewport', '—', coldCell(c.terms50k), '≤ 60 ms'],
    [
      'Background memory, 50,000-term pack',
      `starter pack only: ${heap(m.starterOnly)}`,
      `${heap(m.with50k)}: ${m.ratioToIndex.toFixed(2)}× the kept index’s ${mib(m.index50k.typedArrayBytes)} of typed arrays (+${m.index50k.strings} strings, ${mib(m.index50k.stringChars)} chars); Δ ${mib(m.deltaBytes)}`,
      '≤ 2× the index',
    ],
  ];
  const i = r.inputs.dense;
  console.log(`\nChromium ${r.chromium}; dense page: ${i.paragraphs} paragraphs, ${i.textNodes} text nodes, ${i.occurrences} occurrences (${i.splitAcrossElements} across inline elements); medians of ${LOADS} traced loads (cold: ${COLD_LOADS}); ${f0(r.seconds.total)} s`);
  console.log(['| | page alone | with Gloss | target |', '| --- | --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
}
