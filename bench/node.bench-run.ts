// `npm run bench`: matcher throughput, compile time and index size in Node, written to
// bench/results.json (merged with the browser run's numbers when those exist).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { indexBytes, toWire } from '../lib/match/index-format';
import { generate } from './generate';
import { glossIndex, glossScan, measure, PEERS, type PeerResult } from './peers';

const RESULTS = join(import.meta.dirname, 'results.json');

function table(rows: PeerResult[]): string {
  const floor = rows.find((r) => r.name.includes('floor'))!;
  const gloss = rows[0]!;
  const lines = rows.map((r) =>
    `| ${r.name} | ${r.mbPerS.toFixed(1)} | ${(r.mbPerS / floor.mbPerS).toFixed(2)}× floor | ${(gloss.mbPerS / r.mbPerS).toFixed(1)}× | ${r.setupMs.toFixed(0)} ms | ${r.name.includes('floor') ? '–' : r.matches} |`,
  );
  return ['| matcher | MB/s | vs floor | Gloss is | setup | matches |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...lines].join('\n');
}

it('benchmarks the matcher in Node', { timeout: 600_000 }, () => {
  const input = generate();
  const chars = input.blocks.reduce((s, b) => s + b.length, 0);
  const rows = PEERS.map((p) => measure(p, input.terms5k, input.blocks));
  console.log(`\nNode ${process.version}: ${input.blocks.length} blocks, ${(chars / (1 << 20)).toFixed(2)} Mi chars, 5,000 terms\n${table(rows)}`);

  const sizes = [input.terms5k, input.terms50k].map((terms) => {
    const t0 = performance.now();
    const ix = glossIndex(terms);
    const compileMs = performance.now() - t0;
    const wire = JSON.stringify(toWire(ix)).length;
    return { terms: terms.length, compileMs, typedArrayBytes: indexBytes(ix), wireBytes: wire, ix };
  });
  for (const s of sizes) console.log(`compile ${s.terms} terms: ${s.compileMs.toFixed(0)} ms; typed arrays ${(s.typedArrayBytes / 1024).toFixed(0)} KiB; message ${(s.wireBytes / 1024).toFixed(0)} KiB`);

  // The 50,000-term pack must find exactly what the 5,000-term pack finds on this page.
  const label = (ix: (typeof sizes)[0]['ix'], ms: ReturnType<typeof glossScan>) => ms.map((b) => b.map((m) => `${m.start}:${m.end}:${ix.labels[m.pattern]}`).join('|'));
  const same = JSON.stringify(label(sizes[0]!.ix, glossScan(sizes[0]!.ix, input.blocks))) === JSON.stringify(label(sizes[1]!.ix, glossScan(sizes[1]!.ix, input.blocks)));
  console.log(`50,000-term results identical to 5,000-term results: ${same}`);
  expect(same).toBe(true);

  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results = {
    ...previous,
    node: {
      version: process.version,
      input: { blocks: input.blocks.length, chars, terms: input.terms5k.length },
      matchers: rows,
      compile: sizes.map(({ ix: _ix, ...s }) => s),
      identical50k: same,
    },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
});
