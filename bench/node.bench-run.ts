// `npm run bench`: matcher throughput, compile time and index size in Node, written to
// bench/results.json (merged with the browser run's numbers when those exist).

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { bundleBench } from './bundle';
import type * as Entry from './browser-entry';
import type { PeerResult } from './peers';

const RESULTS = join(import.meta.dirname, 'results.json');

function table(rows: PeerResult[]): string {
  const floor = rows.find((r) => r.name.includes('floor'))!;
  const gloss = rows[0]!;
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.mbPerS.toFixed(1)} | ${(r.mbPerS / floor.mbPerS).toFixed(2)} | ${(gloss.mbPerS / r.mbPerS).toFixed(1)}× | ${r.setupMs.toFixed(0)} ms | ${r.name.includes('floor') ? '–' : r.matches} |`,
  );
  return ['| matcher | MB/s | of floor | Gloss is | setup | matches |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...lines].join('\n');
}

it('benchmarks the matcher in Node', { timeout: 600_000 }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'gloss-bench-')), 'bench.mjs');
  writeFileSync(file, await bundleBench('es'));
  const bench = (await import(pathToFileURL(file).href)) as typeof Entry;
  const m = bench.runMatchers(10);
  console.log(`\nNode ${process.version}: ${m.blocks} blocks, ${(m.chars / (1 << 20)).toFixed(2)} Mi chars, 5,000 terms\n${table(m.rows)}`);
  const c = bench.runCompile();
  for (const s of c.rows) console.log(`compile ${s.terms} terms: ${s.compileMs.toFixed(0)} ms; typed arrays ${(s.typedArrayBytes / 1024).toFixed(0)} KiB; the 1 MiB page's share: ${s.pagePatterns} patterns, ${(s.pageMessageBytes / 1024).toFixed(0)} KiB message`);
  console.log(`50,000-term results identical to 5,000-term results: ${c.identical50k}`);
  expect(c.identical50k).toBe(true);

  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results = { ...previous, node: { version: process.version, input: { blocks: m.blocks, chars: m.chars, terms: 5000 }, matchers: m.rows, compile: c.rows, identical50k: c.identical50k } };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
});
