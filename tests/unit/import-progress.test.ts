// Large imports, the pure parts: progress told in steps, the pipeline telling which step it is
// in, a preview staged for the options page without its entries, and entries written in chunks.

import { describe, expect, it } from 'vitest';
import { writeInChunks } from '../../lib/chunked-write';
import { packToCsv, packToJson } from '../../lib/formats/export';
import { readPackFile } from '../../lib/formats/import';
import { phaseCounter, type ImportProgress } from '../../lib/formats/progress';
import { stageImport } from '../../lib/formats/staged';
import type { Pack } from '../../lib/pack/format';
import { checkPackData } from '../../lib/pack/parse';

function pack(n: number): Pack {
  return {
    format: 'gloss-pack',
    formatVersion: 1,
    id: 'civics',
    version: '1.0.0',
    title: 'Civics',
    entries: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, term: `Term ${i}`, short: `Meaning ${i}.` })),
  };
}

function heard(): { reports: ImportProgress[]; report: (p: ImportProgress) => void } {
  const reports: ImportProgress[] = [];
  return { reports, report: (p) => reports.push(p) };
}

describe('phaseCounter', () => {
  it('passes on about a hundred of 50,000 counts, rising, and always the last', () => {
    const { reports, report } = heard();
    const count = phaseCounter(report, 'checking', 50_000);
    for (let i = 1; i <= 50_000; i++) count(i);
    expect(reports.length).toBeGreaterThanOrEqual(100);
    expect(reports.length).toBeLessThanOrEqual(101);
    expect(reports.every((r, i) => r.phase === 'checking' && r.total === 50_000 && (i === 0 || r.done > reports[i - 1]!.done))).toBe(true);
    expect(reports.at(-1)).toEqual({ phase: 'checking', done: 50_000, total: 50_000 });
  });

  it('passes on every count of a small total, and the end once', () => {
    const { reports, report } = heard();
    const count = phaseCounter(report, 'saving', 3);
    [1, 2, 3, 3].forEach(count);
    expect(reports.map((r) => r.done)).toEqual([1, 2, 3]);
  });

  it('costs nothing without a listener', () => {
    expect(() => phaseCounter(undefined, 'checking', 10)(5)).not.toThrow();
  });
});

describe('the pipeline tells which step it is in', () => {
  const big = pack(5000);

  it('for pack JSON: reading, then entries checked one by one up to all of them', () => {
    const { reports, report } = heard();
    const preview = readPackFile({ name: 'civics.json', text: packToJson(big) }, { onProgress: report });
    expect(preview.status).toBe('ok');
    expect(reports[0]).toEqual({ phase: 'reading', done: 0, total: 0 });
    const checking = reports.filter((r) => r.phase === 'checking');
    expect(checking.length).toBeGreaterThan(50);
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: 5000, total: 5000 });
  });

  it('for CSV: the same steps', () => {
    const { reports, report } = heard();
    const preview = readPackFile({ name: 'civics.csv', text: packToCsv(big) }, { onProgress: report });
    expect(preview.counts.valid).toBe(5000);
    expect(reports.map((r) => r.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading', 'checking']);
    expect(reports.at(-1)).toEqual({ phase: 'checking', done: 5000, total: 5000 });
  });

  it('checks a pack entry by entry exactly as the whole-pack schema does', () => {
    const data = JSON.parse(packToJson(pack(3))) as { entries: Record<string, unknown>[]; license?: unknown };
    data.entries[1]!.short = '';
    data.entries[2]!.colour = 'red';
    data.license = 42;
    const told: number[] = [];
    const check = checkPackData(data, undefined, undefined, (checked, total) => told.push(checked / total));
    expect(check.pack).toBeNull();
    expect(check.fatal.map((i) => `${i.where}: ${i.message}`)).toEqual(['license: expected string, got 42']);
    expect([...check.entries].map(([entry, issues]) => [entry, issues.map((i) => `${i.where}: ${i.message}`)])).toEqual([
      [1, ['entries[1] (id "e1").short: must not be empty']],
      [2, ['entries[2] (id "e2").colour: unknown field']],
    ]);
    expect(told).toEqual([1 / 3, 2 / 3, 1]);
  });
});

describe('stageImport', () => {
  it('keeps the pack aside and hands the page its metadata and counts only', () => {
    const preview = readPackFile({ name: 'civics.csv', text: 'term,short\nSenate,The upper house.\nMazhilis,\n' });
    const kept: Pack[] = [];
    const staged = stageImport(preview, (p) => `staged-${kept.push(p)}`);
    expect(staged).toMatchObject({ status: 'partial', meta: { id: 'civics', title: 'Civics' }, packRef: 'staged-1', counts: { read: 2, valid: 1, skipped: 1 } });
    expect(staged).not.toHaveProperty('pack');
    expect(staged).not.toHaveProperty('skipped');
    expect(staged.errors[0]?.message).toMatch(/short/);
    expect(kept).toEqual([preview.pack]);
  });

  it('keeps nothing when nothing can be imported', () => {
    const preview = readPackFile({ name: 'broken.json', text: '{' });
    const staged = stageImport(preview, () => {
      throw new Error('nothing to keep');
    });
    expect(staged).toMatchObject({ status: 'failed', meta: null, packRef: null });
  });
});

describe('writeInChunks', () => {
  /** A write whose completion the test decides, recording what is in flight. */
  function controlledWrites() {
    const calls: { chunk: number[]; start: number; finish: (err?: Error) => void }[] = [];
    let inFlight = 0;
    let most = 0;
    const write = (chunk: number[], start: number) =>
      new Promise<void>((resolve, reject) => {
        inFlight++;
        most = Math.max(most, inFlight);
        calls.push({ chunk, start, finish: (err) => (inFlight--, err ? reject(err) : resolve()) });
      });
    return { calls, write, most: () => most };
  }

  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('writes every item once, in order, two chunks at most in flight, telling how many are written', async () => {
    const { calls, write, most } = controlledWrites();
    const written: number[] = [];
    const items = Array.from({ length: 25 }, (_, i) => i);
    const done = writeInChunks(items, 10, write, (n) => written.push(n));
    for (let k = 0; k < 3; k++) {
      await tick();
      calls[k]!.finish();
    }
    await done;
    expect(calls.map((c) => [c.start, c.chunk.length])).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect(calls.flatMap((c) => c.chunk)).toEqual(items);
    expect(most()).toBe(2);
    expect(written).toEqual([10, 20, 25]);
  });

  it('fails with the first failing chunk and reports nothing past it', async () => {
    const { calls, write } = controlledWrites();
    const written: number[] = [];
    const done = writeInChunks([1, 2, 3, 4, 5], 2, write, (n) => written.push(n));
    await tick();
    calls[0]!.finish(new Error('quota exceeded'));
    calls[1]!.finish(new Error('aborted'));
    await expect(done).rejects.toThrow('quota exceeded');
    expect(written).toEqual([]);
  });

  it('does nothing for no items', async () => {
    const { calls, write } = controlledWrites();
    await writeInChunks([], 10, write);
    expect(calls).toEqual([]);
  });
});
