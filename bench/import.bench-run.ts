// `npm run bench:browser` (part three): importing a 50,000-entry pack JSON and a 50,000-row CSV
// through the options page's «Import glossary pack» input in the built extension. Each import is
// timed from choosing the file to the summary, in the page's own clock; a `longtask` observer and
// a Chrome trace watch the options page's main thread, another observer a news tab left open, and
// a probe in the service worker times entry reads (what a popover asks for) during the import.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { expect, it } from 'vitest';
import { packToJson } from '../lib/formats/export';
import type { Pack } from '../lib/pack/format';
import { blockCount, blockOf, ENTRY_BLOCK_SIZE, toBlocks } from '../storage/entry-blocks';
import { launchWithExtension, ROOT, serve } from '../tests/e2e/launch.mjs';
import { generate } from './generate';

const RESULTS = join(import.meta.dirname, 'results.json');
const N = 50_000;
const RUNS = 3;
/** Block sizes whose IndexedDB floor is measured, Gloss's among them. */
const BLOCK_SIZES = [...new Set([100, 250, 500, 1000, 2000, ENTRY_BLOCK_SIZE])].sort((x, y) => x - y);
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
/** The largest of `xs`, 0 for none (a trace has too many tasks to spread into Math.max). */
const longest = (xs: number[]): number => xs.reduce((m, x) => Math.max(m, x), 0);
const doc = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News tab</title></head><body><main>${body}</main></body></html>`;

// Each entry is about as long as a real one: a term, a one-line meaning, a sentence of definition, tags.
function benchPack(terms: string[]): Pack {
  return {
    format: 'gloss-pack',
    formatVersion: 1,
    id: 'bench-import',
    version: '1.0.0',
    title: 'Bench import',
    entries: terms.slice(0, N).map((term, i) => ({
      id: `t${i}`,
      term,
      short: `What “${term}” means, in one line of about this length.`,
      definition: `A longer explanation of ${term}, the kind a teacher writes for a class, number ${i}.`,
      tags: ['bench', `group-${i % 40}`],
    })),
  };
}

/** A teacher's spreadsheet: no ids (Gloss derives them from the terms), lists joined with ';'. */
function benchCsv(pack: Pack): string {
  const rows = pack.entries.map((e) => [e.term, e.short, e.definition ?? '', (e.tags ?? []).join('; ')]);
  return Papa.unparse({ fields: ['term', 'short', 'definition', 'tags'], data: rows }, { newline: '\r\n' });
}

const LONGTASKS = `window.__longtasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

/**
 * On the options page: when a file is chosen, when the progress line first says "Checking" and
 * "Saving", and when the summary shows, in the page's own clock. Playwright's waiting for the
 * summary would poll inside the page, on the thread being measured.
 */
const IMPORT_CLOCK = `window.__import = {};
document.addEventListener('change', (e) => { if (e.target.type === 'file') window.__import = { chosenAt: performance.now() }; }, true);
new MutationObserver(() => {
  const t = window.__import;
  if (!t.chosenAt || t.doneAt) return;
  const line = document.querySelector('.import-progress span')?.textContent ?? '';
  if (!t.checkingAt && line.startsWith('Checking')) t.checkingAt = performance.now();
  if (!t.savingAt && line.startsWith('Saving')) t.savingAt = performance.now();
  const status = document.querySelector('.status')?.textContent ?? '';
  if (/^(Imported|Could not import)/.test(status)) Object.assign(t, { doneAt: performance.now(), status });
}).observe(document, { subtree: true, childList: true, characterData: true });`;

interface ImportClock {
  chosenAt: number;
  checkingAt?: number;
  savingAt?: number;
  doneAt: number;
  status: string;
}

const resetLongtasks = (page: Page) => page.evaluate(() => void ((window as unknown as { __longtasks: number[] }).__longtasks = []));
const readLongtasks = (page: Page) => page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks);

/**
 * In the service worker: reads one entry every 200 ms, as a popover's `entry:get` does, until
 * told to stop; returns the longest wait. IndexedDB holds such reads while the import's write
 * transaction is open.
 */
function probeEntryReads(worker: Worker, packId: string, block: number): { stop: () => Promise<number> } {
  const done = worker.evaluate(
    async ([pack, block]) => {
      const scope = self as unknown as { __stopProbe?: boolean };
      scope.__stopProbe = false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('gloss');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      let longest = 0;
      while (!scope.__stopProbe) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const req = db.transaction(['entryBlocks', 'packs'], 'readonly').objectStore('entryBlocks').get([pack, block]);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        longest = Math.max(longest, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 200));
      }
      db.close();
      return longest;
    },
    [packId, block] as const,
  );
  return {
    stop: async () => {
      await worker.evaluate(() => void ((self as unknown as { __stopProbe?: boolean }).__stopProbe = true));
      return done;
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** Time the thread actually ran: on a shared machine a task's `dur` also counts time it waited for a core. */
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number }[] } };
}

async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', '__metadata'] },
  });
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The tasks of the renderer main thread that shows `url` (wall and thread time, ms), from a devtools.timeline trace. */
function mainThreadTasks(events: TraceEvent[], url: string): { wall: number; cpu: number }[] {
  const pid = events.flatMap((e) => (e.name === 'TracingStartedInBrowser' ? (e.args?.data?.frames ?? []) : [])).find((f) => f.url?.startsWith(url))?.processId;
  if (pid === undefined) throw new Error(`no frame for ${url} in the trace`);
  const tid = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  if (tid === undefined) throw new Error('no renderer main thread in the trace');
  return events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask').map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 }));
}

interface Floor {
  /** Storing every block in one transaction. */
  writeMs: number;
  /** Reading one block by its primary key, as a popover's entry read does (median of 20). */
  readMs: number;
  /** Reading every block, as compiling the term index and exporting do. */
  readAllMs: number;
}

/**
 * What IndexedDB alone takes to store the pack's entries in blocks of `size` (keyed
 * as Gloss stores them, in one transaction) in a scratch database of the service worker, and to
 * read one block and then all of them back: the floor under the import's saving step, and what
 * the choice of block size weighs.
 */
function idbFloor(worker: Worker, pack: Pack, size: number): Promise<Floor> {
  return worker.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('gloss-bench-floor', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('blocks', { keyPath: ['packId', 'block'] });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('blocks', 'readwrite');
      const store = tx.objectStore('blocks');
      for (const r of rows) store.put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const writeMs = performance.now() - t0;
    const reads: number[] = [];
    for (let k = 0; k < 20; k++) {
      const block = rows[Math.floor((k * rows.length) / 20)]!;
      const t1 = performance.now();
      await new Promise((resolve, reject) => {
        const req = db.transaction('blocks', 'readonly').objectStore('blocks').get([block.packId, block.block]);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      reads.push(performance.now() - t1);
    }
    const t2 = performance.now();
    await new Promise((resolve, reject) => {
      const req = db.transaction('blocks', 'readonly').objectStore('blocks').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const readAllMs = performance.now() - t2;
    db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase('gloss-bench-floor').onsuccess = resolve));
    return { writeMs, readMs: reads.sort((a, b) => a - b)[10]!, readAllMs };
  }, toBlocks(pack.id, pack.entries, size));
}

interface Run {
  /** From choosing the file to the summary, and its steps: reading (until "Checking"), checking (until "Saving"), saving. */
  wallMs: number;
  readMs: number;
  checkMs: number;
  saveMs: number;
  /** Longest main-thread task of the options page in the trace, how many took over 50 ms, and the most thread time one took. */
  traceLongestMs: number;
  traceOver50: number;
  traceLongestCpuMs: number;
  /** Long tasks (≥ 50 ms) the options page's own observer saw. */
  observedLongest: number;
  observedCount: number;
  /** Long tasks in the open news tab, from choosing the file until two seconds after the summary. */
  tabLongest: number;
  /** The longest a popover's entry read waited in the background during the import. */
  entryReadWaitMs: number;
}

it('benchmarks importing 50,000 entries in Chromium', { timeout: 900_000 }, async () => {
  const input = generate();
  const pack = benchPack(input.terms50k);
  // Files on disk, not buffers: Playwright hands a path to Chromium as a real file chooser would,
  // while a buffer it would decode inside the page, on the very thread being measured.
  const dir = mkdtempSync(join(tmpdir(), 'gloss-import-bench-'));
  const files = [
    { format: 'json', name: 'bench-50k.json', text: packToJson(pack) },
    { format: 'csv', name: 'bench-50k.csv', text: benchCsv(pack) },
  ].map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return { format: f.format, name: f.name, path, bytes: Buffer.byteLength(f.text) };
  });
  const { url, server } = await serve({}, { '/page.html': doc(input.html) });
  const b = await launchWithExtension();
  const starter = JSON.parse(readFileSync(join(ROOT, 'public/packs/kazakhstan-january-2022.json'), 'utf8')) as { id: string; entries: { id: string }[] };
  const tab = await b.context.newPage();
  await tab.addInitScript(LONGTASKS);
  await tab.goto(`${url}/page.html`);
  const optionsUrl = `chrome-extension://${b.extensionId}/options.html`;
  const options = await b.context.newPage();
  await options.addInitScript(LONGTASKS);
  await options.addInitScript(IMPORT_CLOCK);
  await options.goto(optionsUrl);
  await options.locator('li.pack').first().waitFor();
  const cdp = await b.context.newCDPSession(options);

  const results: Record<string, { bytes: number; runs: Run[] }> = {};
  for (const file of files) {
    const runs: Run[] = [];
    for (let r = 0; r < RUNS; r++) {
      await options.bringToFront();
      await options.waitForTimeout(1000);
      await Promise.all([resetLongtasks(options), resetLongtasks(tab)]);
      await startTrace(cdp);
      const probe = probeEntryReads(b.worker, starter.id, blockOf(starter.entries[0]!.id, blockCount(starter.entries.length)));
      await options.getByLabel('Import glossary pack').setInputFiles(file.path);
      await options.waitForFunction(() => (window as unknown as { __import: { doneAt?: number } }).__import.doneAt, null, { polling: 250, timeout: 120_000 });
      const clock = await options.evaluate(() => (window as unknown as { __import: ImportClock }).__import);
      const entryReadWaitMs = await probe.stop();
      if (!clock.status.startsWith('Imported')) throw new Error(clock.status);
      const tasks = mainThreadTasks(await endTrace(cdp), optionsUrl);
      const observed = await readLongtasks(options);
      await options.waitForTimeout(2000);
      const tabTasks = await readLongtasks(tab);
      const checkingAt = clock.checkingAt ?? clock.chosenAt;
      const savingAt = clock.savingAt ?? checkingAt;
      runs.push({
        wallMs: clock.doneAt - clock.chosenAt,
        readMs: checkingAt - clock.chosenAt,
        checkMs: savingAt - checkingAt,
        saveMs: clock.doneAt - savingAt,
        traceLongestMs: longest(tasks.map((t) => t.wall)),
        traceOver50: tasks.filter((t) => t.wall > 50).length,
        traceLongestCpuMs: longest(tasks.map((t) => t.cpu)),
        observedLongest: longest(observed),
        observedCount: observed.length,
        tabLongest: longest(tabTasks),
        entryReadWaitMs,
      });
      // The next run imports the same pack afresh, not as a replacement.
      const title = clock.status.match(/^Imported “(.*)” \(/)?.[1] ?? '';
      await options.getByRole('button', { name: `Delete ${title}` }).click();
      await options.getByRole('button', { name: `Delete ${title}` }).click();
      await options.locator('li.pack', { hasText: title }).waitFor({ state: 'detached', timeout: 60_000 });
    }
    results[file.format] = { bytes: file.bytes, runs };
  }
  const floors: Record<number, Floor> = {};
  for (const size of BLOCK_SIZES) {
    const runs: Floor[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await idbFloor(b.worker, pack, size));
    floors[size] = { writeMs: median(runs.map((f) => f.writeMs)), readMs: median(runs.map((f) => f.readMs)), readAllMs: median(runs.map((f) => f.readAllMs)) };
  }
  await b.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });

  const med = (runs: Run[], key: keyof Run) => median(runs.map((x) => x[key]));
  const summary = Object.fromEntries(
    Object.entries(results).map(([format, { bytes, runs }]) => [
      format,
      {
        entries: N,
        bytes,
        wallMs: med(runs, 'wallMs'),
        readMs: med(runs, 'readMs'),
        checkMs: med(runs, 'checkMs'),
        saveMs: med(runs, 'saveMs'),
        traceLongestTaskMs: med(runs, 'traceLongestMs'),
        traceTasksOver50: med(runs, 'traceOver50'),
        traceLongestTaskCpuMs: med(runs, 'traceLongestCpuMs'),
        observedLongestTaskMs: med(runs, 'observedLongest'),
        observedLongTasks: med(runs, 'observedCount'),
        newsTabLongestTaskMs: med(runs, 'tabLongest'),
        entryReadWaitMs: med(runs, 'entryReadWaitMs'),
        runs,
      },
    ]),
  );
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    [
      `\nImporting ${N.toLocaleString('en')} entries through the options page (median of ${RUNS}; Chrome trace on)`,
      '| file | size | choose → summary | reading · checking · saving | longest task, trace (its thread time) | tasks > 50 ms, trace | longest long task, observer (count) | news tab longest long task | longest entry read during import |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...Object.entries(summary).map(
        ([f, x]) =>
          `| ${f} | ${(x.bytes / 2 ** 20).toFixed(1)} MiB | ${s(x.wallMs)} | ${s(x.readMs)} · ${s(x.checkMs)} · ${s(x.saveMs)} | ${x.traceLongestTaskMs.toFixed(1)} ms (${x.traceLongestTaskCpuMs.toFixed(1)} ms) | ${x.traceTasksOver50} | ${x.observedLongestTaskMs.toFixed(0)} ms (${x.observedLongTasks}) | ${x.newsTabLongestTaskMs.toFixed(0)} ms | ${s(x.entryReadWaitMs)} |`,
      ),
      `IndexedDB alone in the service worker, the same ${N.toLocaleString('en')} entries in blocks (entries a block: all written in one transaction · one block read · all read):`,
      ...Object.entries(floors).map(([size, f]) => `- ${size}${Number(size) === ENTRY_BLOCK_SIZE ? ' (Gloss)' : ''}: ${s(f.writeMs)} · ${f.readMs.toFixed(1)} ms · ${s(f.readAllMs)}`),
    ].join('\n'),
  );
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, importChromium: { ...summary, idbFloor: { entriesPerBlock: floors } } }, null, 2)}\n`);
  expect(Object.keys(summary)).toEqual(['json', 'csv']);
});
