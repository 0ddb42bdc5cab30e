// The background's term index: compiled once per set of packs, kept in the database so that a
// restarted service worker answers without compiling, and rebuilt when a pack or Gloss changes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TermIndexCache } from '../../entrypoints/background/term-index';
import { parsePackText } from '../../lib/pack/parse';
import { GlossDB } from '../../storage/db';
import { installPack } from '../../storage/packs';

async function dbWithPack(): Promise<GlossDB> {
  const db = new GlossDB(`gloss-ix-${Math.random()}`);
  const parsed = parsePackText(readFileSync(join(import.meta.dirname, '../fixtures/packs/valid.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  await installPack(db, parsed.pack, 'file', 1);
  return db;
}

const URL_A = 'https://news.example.org/story';
const terms = (ix: { terms: string[] } | null) => [...new Set(ix?.terms)].sort();

describe('kept term indexes', () => {
  it('lets a restarted worker answer without reading any entry', async () => {
    const db = await dbWithPack();
    const first = await new TermIndexCache(db, '1.0.0').forUrl(URL_A);
    expect(terms(first).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.indexes.count()).toBe(1);
    // A new worker life; were it to compile, it would find no entries to compile.
    await db.entryBlocks.clear();
    const restarted = await new TermIndexCache(db, '1.0.0').forUrl(URL_A);
    expect(terms(restarted)).toEqual(terms(first));
    expect(restarted?.patLen).toEqual(first?.patLen);
  });

  it('compiles again for another version of Gloss, or when a pack changed', async () => {
    const db = await dbWithPack();
    await new TermIndexCache(db, '1.0.0').forUrl(URL_A);
    await new Promise((r) => setTimeout(r, 20));
    await db.entryBlocks.clear();
    expect(terms(await new TermIndexCache(db, '1.1.0').forUrl(URL_A))).toEqual([]);
    await db.packs.update('civics-101', { updatedAt: 2 });
    expect(terms(await new TermIndexCache(db, '1.0.0').forUrl(URL_A))).toEqual([]);
  });
});

describe('a worker that just started', () => {
  it('reads the index used last at once and answers its first page from it', async () => {
    const db = await dbWithPack();
    const first = await new TermIndexCache(db, '1.0.0').forUrl(URL_A);
    await new Promise((r) => setTimeout(r, 20));
    const restarted = new TermIndexCache(db, '1.0.0');
    restarted.warm();
    // Were it to look the index up by key or compile, it would find neither.
    await new Promise((r) => setTimeout(r, 20));
    await db.indexes.clear();
    await db.entryBlocks.clear();
    const answered = await restarted.forUrl(URL_A);
    expect(answered?.patLen).toEqual(first?.patLen);
  });
});

describe('the index read at start', () => {
  it('is let go when the first page needs another one', async () => {
    const db = await dbWithPack();
    await new TermIndexCache(db, '1.0.0').forUrl(URL_A);
    await new Promise((r) => setTimeout(r, 20));
    // Another version of Gloss needs another index: the one read at start is not it.
    const restarted = new TermIndexCache(db, '2.0.0');
    restarted.warm();
    await restarted.forUrl(URL_A);
    expect((restarted as unknown as { recent: unknown }).recent).toBeNull();
  });

  it('is not read again once the worker answers pages (each tab starting to load warms it)', async () => {
    const db = await dbWithPack();
    const cache = new TermIndexCache(db, '1.0.0');
    await cache.forUrl(URL_A);
    cache.warm();
    expect((cache as unknown as { recent: unknown }).recent).toBeNull();
  });
});
