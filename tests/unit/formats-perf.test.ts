// 50,000 entries import in well under a second in Node; the times (best of three) are printed
// for the record, and the browser's figure is measured by bench/import.bench-run.ts. The bounds
// here are four times that, loose enough for a loaded CI machine, tight enough to catch work that
// grows faster than the file (a quadratic step takes minutes at this size).

import { describe, expect, it } from 'vitest';
import { packToCsv, packToJson } from '../../lib/formats/export';
import { readPackFile } from '../../lib/formats/import';
import type { Pack } from '../../lib/pack/format';
import { utf8Length } from '../../lib/pack/limits';
import { parsePackText } from '../../lib/pack/parse';

const N = 50_000;

function bigPack(): Pack {
  return {
    format: 'gloss-pack',
    formatVersion: 1,
    id: 'big',
    version: '1.0.0',
    title: 'Big',
    language: 'ru',
    // About 380 bytes per entry as pretty-printed JSON: 50,000 of them stay under the 20 MiB
    // file limit (the starter pack's entries, with long contexts, are about 1.3 KB each).
    entries: Array.from({ length: N }, (_, i) => ({
      id: `e-${i}`,
      term: `Термин ${i}`,
      short: `Short definition number ${i}, about as long as a real one.`,
      variants: [`term ${i}`, `термін ${i}`],
      tags: ['tag', `group-${i % 50}`],
      ...(i > 0 ? { related: [`e-${i - 1}`] } : {}),
    })),
  };
}

/** Best of three runs after a warm-up: the machine's noise only ever adds time. */
function timed<T>(run: () => T): { ms: number; result: T } {
  let result = run(); // warm-up: JIT and lazy module state
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

describe(`importing ${N} entries`, { timeout: 60_000 }, () => {
  const pack = bigPack();
  const json = packToJson(pack);
  const csv = packToCsv(pack);

  it('reads a pack JSON', () => {
    const { ms, result } = timed(() => readPackFile({ name: 'big.json', text: json }));
    console.log(`pack JSON: ${N} entries, ${(utf8Length(json) / 2 ** 20).toFixed(1)} MiB, ${ms.toFixed(0)} ms`);
    expect(result.status).toBe('ok');
    expect(result.counts.valid).toBe(N);
    expect(ms).toBeLessThan(4000);
  });

  it('validates the same pack with parsePackText', () => {
    const { ms, result } = timed(() => parsePackText(json));
    console.log(`parsePackText: ${ms.toFixed(0)} ms`);
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(4000);
  });

  it('reads a CSV', () => {
    const { ms, result } = timed(() => readPackFile({ name: 'big.csv', text: csv }));
    console.log(`CSV: ${N} rows, ${(utf8Length(csv) / 2 ** 20).toFixed(1)} MiB, ${ms.toFixed(0)} ms`);
    expect(result.status).toBe('ok');
    expect(result.pack?.entries[N - 1]).toEqual(pack.entries[N - 1]);
    expect(ms).toBeLessThan(4000);
  });

  it('reports errors in a pack where every entry is bad, quickly', () => {
    const bad = json.replace(/"short": "[^"]*"/g, '"short": ""');
    const { ms, result } = timed(() => readPackFile({ name: 'bad.json', text: bad }));
    console.log(`pack JSON, all ${N} entries bad: ${ms.toFixed(0)} ms`);
    expect(result.status).toBe('failed');
    expect(result.counts.skipped).toBe(N);
    expect(result.errors).toHaveLength(1000);
    expect(ms).toBeLessThan(8000);
  });
});
