// Malformed input must never make the import pipeline throw, hang or produce an invalid pack:
// every case ends in a preview that is either importable (and valid) or explains itself.
// CI runs 300 cases per format; GLOSS_FUZZ_RUNS=10000 (and GLOSS_FUZZ_SEED) for a long run.

import { afterAll, describe, expect, it } from 'vitest';
import { readPackFile } from '../../lib/formats/import';
import type { ImportPreview } from '../../lib/formats/types';
import { validatePack } from '../../lib/pack/parse';
import { FUZZ_FORMATS, fuzzCases, type FuzzCase } from './fuzz-inputs';

const RUNS = Number(process.env.GLOSS_FUZZ_RUNS) || 300;
const SEED = Number(process.env.GLOSS_FUZZ_SEED) || 20220105;
const MAX_MS = 1000;

interface Stats {
  cases: number;
  importable: number;
  refused: number;
  crashes: number;
  maxMs: number;
  slowest: string;
  totalMs: number;
}

const stats = new Map<string, Stats>();

/** Why a preview is not acceptable, or null. */
function problemWith(p: ImportPreview, c: FuzzCase): string | null {
  if (p.errors.some((e) => /internal error/.test(e.message))) return `crashed: ${p.errors[0]?.message}`;
  for (const issue of [...p.errors, ...p.warnings]) {
    if (typeof issue.message !== 'string' || !issue.message) return 'an issue without a message';
    if (issue.file !== c.name) return `an issue names the file ${JSON.stringify(issue.file)}`;
  }
  if (p.status === 'ok' || p.status === 'partial') {
    if (!p.pack) return `${p.status} without a pack`;
    const valid = validatePack(p.pack);
    if (!valid.ok) return `the pack is invalid: ${valid.errors[0]}`;
    if (p.pack.entries.length !== p.counts.valid) return 'counts.valid does not match the pack';
    if (p.counts.read !== p.counts.valid + p.counts.skipped || p.skipped.length !== p.counts.skipped) return 'counts do not add up';
    if (p.status === 'partial' ? !p.errors.length : p.errors.length) return 'errors do not match the status';
  } else {
    if (p.pack) return `${p.status} with a pack`;
    if (!p.errors.length) return `${p.status} without errors`;
  }
  return null;
}

describe.each(FUZZ_FORMATS)('fuzzing %s', (format) => {
  it(`survives ${RUNS} malformed inputs`, { timeout: Math.max(30_000, RUNS * 40) }, () => {
    const s: Stats = { cases: 0, importable: 0, refused: 0, crashes: 0, maxMs: 0, slowest: '', totalMs: 0 };
    stats.set(format, s);
    for (const c of fuzzCases(format, RUNS, SEED)) {
      const t0 = performance.now();
      let preview: ImportPreview;
      try {
        preview = readPackFile({ name: c.name, text: c.text }, c.options);
      } catch (err) {
        s.crashes++;
        throw new Error(`${c.label} threw`, { cause: err });
      }
      const ms = performance.now() - t0;
      s.cases++;
      s.totalMs += ms;
      if (ms > s.maxMs) {
        s.maxMs = ms;
        s.slowest = c.label;
      }
      const problem = problemWith(preview, c);
      if (problem?.startsWith('crashed')) s.crashes++;
      if (preview.pack) s.importable++;
      else s.refused++;
      expect(problem, `${c.label}: ${JSON.stringify(c.text.slice(0, 200))}`).toBeNull();
      expect(ms, `${c.label} took ${ms.toFixed(0)} ms`).toBeLessThan(MAX_MS);
    }
  });
});

afterAll(() => {
  const rows = [...stats].map(
    ([f, s]) =>
      `${f.padEnd(8)} cases ${String(s.cases).padStart(6)}  importable ${String(s.importable).padStart(6)}  refused ${String(s.refused).padStart(6)}  crashes ${s.crashes}  max ${s.maxMs.toFixed(1).padStart(6)} ms (${s.slowest})  total ${(s.totalMs / 1000).toFixed(2)} s`,
  );
  console.log(`fuzz, seed ${SEED}, ${RUNS} cases per format\n${rows.join('\n')}`);
});
