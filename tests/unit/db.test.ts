// The store: schema upgrades from old databases, pack installs that never half-happen.

import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { backgroundHandlers } from '../../entrypoints/background/handlers';
import type { Caller } from '../../entrypoints/background/router';
import { TermIndexCache } from '../../entrypoints/background/term-index';
import { parsePackText } from '../../lib/pack/parse';
import type { Pack, PackEntry } from '../../lib/pack/format';
import { entryKey } from '../../lib/pack/patterns';
import { GlossDB } from '../../storage/db';
import { deletePack, enabledPackRecords, ensureMyGlossary, getPack, installPack, listPacks, MY_GLOSSARY, setPackEnabled } from '../../storage/packs';
import { blockOf, toBlocks } from '../../storage/entry-blocks';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V4, SCHEMA_V6, SCHEMA_V7 } from '../../storage/schema';
import { getSettings, updateSettings } from '../../storage/settings';

let n = 0;
const freshName = () => `gloss-test-${++n}-${Date.now()}`;

function validPack(): Pack {
  const r = parsePackText(readFileSync(join(import.meta.dirname, '../fixtures/packs/valid.json'), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join());
  return r.pack;
}

describe('schema upgrades', () => {
  it('opens a version-1 database with the current schema and converts its rows', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('packs').bulkPut([
      { id: 'on', title: 'On', version: '1.0.0', enabled: true, source: 'file', entryCount: 1, installedAt: 1, updatedAt: 1 },
      { id: 'off', title: 'Off', version: '1.0.0', enabled: false, source: 'file', entryCount: 0, installedAt: 1, updatedAt: 1 },
    ]);
    await v1.table('entries').put({ packId: 'on', id: 'a', term: 'Alpha', short: 'first' });
    v1.close();

    const db = new GlossDB(name);
    expect((await db.packs.get('on'))?.enabled).toBe(1);
    expect((await db.packs.get('off'))?.enabled).toBe(0);
    expect((await enabledPackRecords(db)).map((p) => p.id)).toEqual(['on']);
    expect((await getPack(db, 'on'))?.entries).toEqual([{ id: 'a', term: 'Alpha', short: 'first' }]);
    expect(await db.encounters.count()).toBe(0);
    expect(db.verno).toBe(8);
    db.close();
  });
});

describe('schema v3', () => {
  it('strips queries and fragments from stored encounters, merging rows that become one page', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('encounters').bulkPut([
      { entryKey: 'p/a', url: 'https://news.example/story?session=SECRET#top', title: 'Story', seenAt: 5 },
      { entryKey: 'p/a', url: 'https://news.example/story?page=2', title: 'Story, page 2', seenAt: 9 },
      { entryKey: 'p/b', url: 'https://news.example/story#c', title: 'Story', seenAt: 3 },
      { entryKey: 'p/b', url: 'http://plain.example/x', title: 'Plain', seenAt: 1 },
    ]);
    v2.close();

    const db = new GlossDB(name);
    const rows = await db.encounters.orderBy('[entryKey+url]').toArray();
    expect(rows).toEqual([
      { entryKey: 'p/a', url: 'https://news.example/story', title: 'Story, page 2', seenAt: 9 },
      { entryKey: 'p/b', url: 'http://plain.example/x', title: 'Plain', seenAt: 1 },
      { entryKey: 'p/b', url: 'https://news.example/story', title: 'Story', seenAt: 3 },
    ]);
    expect(JSON.stringify(rows)).not.toContain('SECRET');
    db.close();
  });
});

describe('schema v5', () => {
  it('gives entries stored before their place in the pack', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.table('packs').bulkPut([
      { id: 'a', title: 'A', version: '1.0.0', enabled: 1, source: 'file', entryCount: 2, installedAt: 1, updatedAt: 1 },
      { id: 'b', title: 'B', version: '1.0.0', enabled: 1, source: 'file', entryCount: 1, installedAt: 1, updatedAt: 1 },
    ]);
    await v4.table('entries').bulkPut([
      { packId: 'a', id: 'y', term: 'Y', short: 'y' },
      { packId: 'a', id: 'x', term: 'X', short: 'x' },
      { packId: 'b', id: 'z', term: 'Z', short: 'z' },
    ]);
    v4.close();
    const db = new GlossDB(name);
    expect((await getPack(db, 'a'))?.entries.map((e) => e.id)).toEqual(['x', 'y']);
    expect((await getPack(db, 'b'))?.entries.map((e) => e.id)).toEqual(['z']);
    db.close();
  });
});

describe('schema v7 and v8', () => {
  // Pack order differs from the order of the ids (the rows' key order), and the big pack fills
  // three blocks, with links within a block and across blocks.
  const N = 1100;
  const place = (i: number) => `w${String((i * 37) % N).padStart(4, '0')}`;
  const bigEntries = Array.from({ length: N }, (_, i): PackEntry => ({
    id: place(i),
    term: `Term ${i}`,
    short: `Meaning ${i}.`,
    ...(i % 100 === 0 ? { related: [place(N - 1 - i), place(i + 1)] } : {}),
  }));
  const small: PackEntry[] = [
    { id: 'senate', term: 'Senate', short: 'The upper house.', related: ['mazhilis'] },
    { id: 'mazhilis', term: 'Mazhilis', short: 'The lower house.', variants: ['Мажилис'], related: ['senate'] },
  ];
  const packRow = (id: string, entryCount: number) => ({ id, title: id.toUpperCase(), version: '1.0.0', enabled: 1, source: 'file', entryCount, installedAt: 1, updatedAt: 1 });

  async function v6Database(): Promise<string> {
    const name = freshName();
    const v6 = new Dexie(name);
    v6.version(6).stores(SCHEMA_V6);
    await v6.table('packs').bulkPut([packRow('big', N), packRow('small', small.length)]);
    await v6.table('entries').bulkPut([...bigEntries.map((e, order) => ({ ...e, packId: 'big', order })), ...small.map((e, order) => ({ ...e, packId: 'small', order }))]);
    v6.close();
    return name;
  }

  /** The same packs as version 7 stored them: blocks of 500 consecutive entries, found by an index of their keys. */
  async function v7Database(): Promise<string> {
    const name = freshName();
    const v7 = new Dexie(name);
    v7.version(7).stores(SCHEMA_V7);
    await v7.table('packs').bulkPut([packRow('big', N), packRow('small', small.length)]);
    const v7Blocks = (packId: string, entries: PackEntry[]) =>
      Array.from({ length: Math.ceil(entries.length / 500) }, (_, block) => {
        const slice = entries.slice(block * 500, block * 500 + 500);
        return { packId, block, keys: slice.map((e) => `${packId}/${e.id}`), entries: slice };
      });
    await v7.table('entryBlocks').bulkPut([...v7Blocks('big', bigEntries), ...v7Blocks('small', small)]);
    v7.close();
    return name;
  }
  const olderDatabases = [
    ['6 (a row per entry)', v6Database],
    ['7 (blocks found by an index of keys)', v7Database],
  ] as const;

  it.each(olderDatabases)('moves every entry of a version-%s database into the block its id hashes to, keeping its pack’s order', async (_, older) => {
    const db = new GlossDB(await older());
    expect((await getPack(db, 'big'))?.entries).toEqual(bigEntries);
    expect((await getPack(db, 'small'))?.entries).toEqual(small);
    expect((await db.packs.toArray()).map((p) => [p.id, p.blocks])).toEqual([
      ['big', 3],
      ['small', 1],
    ]);
    const blocks = await db.entryBlocks.toArray();
    expect(blocks.map((b) => [b.packId, b.block])).toEqual([
      ['big', 0],
      ['big', 1],
      ['big', 2],
      ['small', 0],
    ]);
    for (const b of blocks) expect(b.entries.every((e) => blockOf(e.id, b.packId === 'big' ? 3 : 1) === b.block)).toBe(true);
    expect(db.backendDB().objectStoreNames.contains('entries')).toBe(false);
    expect([...db.backendDB().transaction('entryBlocks').objectStore('entryBlocks').indexNames]).toEqual([]);
    db.close();
  });

  it.each(olderDatabases)('answers every popover request for a version-%s database’s entries, related entries included', async (_, older) => {
    const db = new GlossDB(await older());
    const handlers = backgroundHandlers({
      db,
      index: new TermIndexCache(db),
      ready: Promise.resolve(),
      broadcast: () => undefined,
      highlightsChanged: () => undefined,
      openEditor: () => undefined,
    });
    const caller: Caller = { kind: 'content', sender: { id: 'gloss', url: 'https://news.example/', tab: { id: 1 } as Runtime.MessageSender['tab'] } };
    const view = (packId: string, id: string) => handlers['entry:get']({ key: entryKey({ packId, entryId: id }) }, caller);
    for (const [packId, entries] of [['big', bigEntries], ['small', small]] as const) {
      const byId = new Map(entries.map((x) => [x.id, x]));
      const relatedView = (id: string) => ({ key: entryKey({ packId, entryId: id }), term: byId.get(id)!.term, short: byId.get(id)!.short });
      for (const e of entries) {
        const expected = { key: `${packId}/${e.id}`, term: e.term, short: e.short, variants: e.variants ?? [], related: (e.related ?? []).map(relatedView), packTitle: packId.toUpperCase() };
        expect(await view(packId, e.id)).toMatchObject(expected);
      }
    }
    expect(await view('big', 'missing')).toBeNull();
    db.close();
  });
});

describe('packs', () => {
  it('gives a pack back as its file had it, entries in their order', async () => {
    const db = new GlossDB(freshName());
    const pack = validPack();
    pack.entries.reverse();
    await installPack(db, pack, 'file');
    expect(await getPack(db, pack.id)).toEqual(pack);
    db.close();
  });

  it('creates the reader’s own empty pack once', async () => {
    const db = new GlossDB(freshName());
    await ensureMyGlossary(db, 1);
    await ensureMyGlossary(db, 2);
    expect(await getPack(db, MY_GLOSSARY)).toMatchObject({ id: MY_GLOSSARY, title: 'My glossary', entries: [] });
    expect((await listPacks(db)).map((p) => [p.id, p.entryCount, p.source, p.updatedAt])).toEqual([[MY_GLOSSARY, 0, 'editor', 1]]);
    db.close();
  });

  it('installs, disables and deletes a pack', async () => {
    const db = new GlossDB(freshName());
    await installPack(db, validPack(), 'file');
    expect((await listPacks(db)).map((p) => [p.id, p.entryCount, p.enabled])).toEqual([['civics-101', 2, true]]);
    await setPackEnabled(db, 'civics-101', false);
    expect(await enabledPackRecords(db)).toEqual([]);
    await deletePack(db, 'civics-101');
    expect(await db.entryBlocks.count()).toBe(0);
    db.close();
  });

  it('replaces a pack on update, keeping the reader’s enabled choice', async () => {
    const db = new GlossDB(freshName());
    await installPack(db, validPack(), 'file', 1);
    await setPackEnabled(db, 'civics-101', false);
    const next = validPack();
    next.version = '1.3.0';
    next.entries = next.entries.slice(0, 1).map((e) => ({ ...e, related: [] }));
    await installPack(db, next, 'file', 2);
    const [p] = await listPacks(db);
    expect(p).toMatchObject({ version: '1.3.0', entryCount: 1, enabled: false, updatedAt: 2 });
    expect((await getPack(db, 'civics-101'))?.entries).toEqual(next.entries);
    db.close();
  });

  it('leaves everything as it was when an install fails midway', async () => {
    const db = new GlossDB(freshName());
    await installPack(db, validPack(), 'file', 1);
    const broken = validPack();
    broken.title = 'Broken';
    // IndexedDB cannot store a function: writing the block fails after the old blocks were deleted.
    (broken.entries[1] as { short: unknown }).short = () => 'not storable';
    await expect(installPack(db, broken, 'file', 2)).rejects.toThrow();
    expect(await getPack(db, 'civics-101')).toEqual(validPack());
    expect((await listPacks(db))[0]).toMatchObject({ title: 'Civics 101', updatedAt: 1 });
    db.close();
  });

  it('writes a large pack in chunks, telling how many entries are stored, and keeps it whole when a later chunk fails', async () => {
    const db = new GlossDB(freshName());
    const big = validPack();
    big.entries = Array.from({ length: 2500 }, (_, i) => ({ id: `e${i}`, term: `Term ${i}`, short: `Meaning ${i}.` }));
    const saved: number[] = [];
    await installPack(db, big, 'file', 1, (n) => saved.push(n));
    // Five blocks, written two at a time: three reports of the entries stored so far.
    const sizes = toBlocks(big.id, big.entries).map((b) => b.entries.length);
    expect(sizes).toHaveLength(5);
    expect(saved).toEqual([sizes[0]! + sizes[1]!, sizes[0]! + sizes[1]! + sizes[2]! + sizes[3]!, 2500]);
    const broken = structuredClone(big);
    (broken.entries[2200] as { short: unknown }).short = () => 'not storable';
    const told: number[] = [];
    await expect(installPack(db, broken, 'file', 2, (n) => told.push(n))).rejects.toThrow();
    expect(told).not.toContain(2500);
    expect(await getPack(db, big.id)).toEqual(big);
    expect((await listPacks(db))[0]).toMatchObject({ entryCount: 2500, updatedAt: 1 });
    db.close();
  });
});

describe('settings', () => {
  it('sanitises what it stores', async () => {
    const db = new GlossDB(freshName());
    expect(await getSettings(db)).toMatchObject({ hoverDelayMs: 300, highlightStyle: 'underline' });
    const s = await updateSettings(db, { hoverDelayMs: -5, disabledSites: ['https://WWW.Example.org/page', ''] });
    expect(s).toMatchObject({ hoverDelayMs: 0, disabledSites: ['example.org'] });
    db.close();
  });
});
