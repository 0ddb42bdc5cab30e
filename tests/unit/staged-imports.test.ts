// The options page's import worker, its logic over a fake-indexeddb database: a file is read and
// checked once, diffed against the stored pack, and stored (what was checked, nothing else) in
// one transaction with its progress told; a dropped or stored pack is let go.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { packToCsv, packToJson } from '../../lib/formats/export';
import type { ImportProgress } from '../../lib/formats/progress';
import type { Pack } from '../../lib/pack/format';
import { GlossDB } from '../../storage/db';
import { getPack } from '../../storage/packs';
import { StagedImports } from '../../storage/staged-imports';

const civics = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/packs/valid.json'), 'utf8')) as Pack;
const bigCivics = (n: number): Pack => ({
  ...civics,
  version: '2.0.0',
  entries: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, term: `Term number ${i}`, short: `Meaning ${i}.` })),
});
const file = (name: string, text: string) => new File([text], name);

let db: GlossDB;
let staged: StagedImports;
let n = 0;

beforeEach(async () => {
  db = new GlossDB(`gloss-staged-${++n}-${Date.now()}`);
  staged = new StagedImports(db);
  const first = await staged.read(file('civics.json', JSON.stringify(civics)));
  await staged.store(first.packRef!, 'file');
});

describe('StagedImports', () => {
  it('stores the pack it checked, in chunks, telling how far it is', async () => {
    const preview = await staged.read(file('civics.json', packToJson(bigCivics(2500))));
    expect(preview).toMatchObject({ status: 'ok', counts: { valid: 2500 } });
    const told: ImportProgress[] = [];
    expect(await staged.store(preview.packRef!, 'file', (p) => told.push(p))).toMatchObject({ id: 'civics-101', version: '2.0.0', entryCount: 2500, source: 'file' });
    // Five blocks of about 500 entries, written two at a time.
    expect(told.map((p) => [p.phase, p.total])).toEqual(Array(3).fill(['saving', 2500]));
    expect(told.map((p) => p.done)).toEqual([...told.map((p) => p.done)].sort((a, b) => a - b));
    expect(told.at(-1)?.done).toBe(2500);
    expect((await getPack(db, 'civics-101'))?.entries).toEqual(bigCivics(2500).entries);
  });

  it('tells what re-importing would change, without changing anything', async () => {
    const preview = await staged.read(file('civics.json', packToJson(bigCivics(3))));
    expect(await staged.diff(preview.packRef!)).toEqual({
      title: 'Civics 101',
      version: '1.2.0',
      diff: { added: ['e0', 'e1', 'e2'], changed: [], removed: ['mazhilis', 'senate'], olderVersion: false, sameVersion: false },
    });
    expect((await getPack(db, 'civics-101'))?.entries.map((e) => e.id)).toEqual(['mazhilis', 'senate']);
    const other = await staged.read(file('civics.json', packToJson({ ...bigCivics(1), id: 'civics-102' })));
    expect(await staged.diff(other.packRef!)).toBeNull();
  });

  it('stores only the valid entries of a partly bad file', async () => {
    const preview = await staged.read(file('class.csv', 'term,short\nSenate,The upper house.\nMazhilis,\nAkim,A governor.\n'));
    expect(preview).toMatchObject({ status: 'partial', counts: { read: 3, valid: 2, skipped: 1 } });
    await staged.store(preview.packRef!, 'file');
    expect((await getPack(db, 'class'))?.entries.map((e) => e.term)).toEqual(['Senate', 'Akim']);
  });

  it('keeps nothing of a file that cannot be imported, and changes nothing stored', async () => {
    const preview = await staged.read(file('broken.json', '{"format": "gloss-pack"'));
    expect(preview).toMatchObject({ status: 'failed', packRef: null });
    expect((await getPack(db, 'civics-101'))?.entries).toEqual(civics.entries);
  });

  it('lets a pack go once stored or dropped, and says so if asked for it again', async () => {
    const stored = await staged.read(file('civics.csv', packToCsv(bigCivics(2))));
    await staged.store(stored.packRef!, 'file');
    const dropped = await staged.read(file('civics.json', packToJson(bigCivics(2))));
    staged.release(dropped.packRef!);
    for (const ref of [stored.packRef!, dropped.packRef!]) {
      await expect(staged.diff(ref)).rejects.toThrow('The file to import is no longer read; choose it again');
      await expect(staged.store(ref, 'file')).rejects.toThrow('no longer read');
    }
  });
});
