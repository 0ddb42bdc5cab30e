// Highlights in the store and through the background's contract: found from either form of the
// page's address, private fields never sent to a content script, a content script limited to its
// own page, and the extension's pages editing, deleting and undoing.

import Dexie from 'dexie';
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../entrypoints/background/handlers';
import { listen } from '../../entrypoints/background/router';
import { TermIndexCache } from '../../entrypoints/background/term-index';
import type { HighlightCapture } from '../../lib/highlights';
import type { Reply } from '../../lib/messages';
import { GlossDB } from '../../storage/db';
import { SCHEMA_V3 } from '../../storage/schema';

type FakeSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
let db: GlossDB;
let n = 0;
let changes = 0;

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const contentScript = (url: string): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url, tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId: 0 });
const sidePanel: Runtime.MessageSender = { id: fakeBrowser.runtime.id, url: `${EXT}/sidepanel.html` };

function send<T>(msg: object, sender: Runtime.MessageSender): Promise<Reply<T>> {
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(msg, sender as unknown as FakeSender, resolve as (r: unknown) => void));
}
async function value<T>(msg: object, sender: Runtime.MessageSender): Promise<T> {
  const r = await send<T>(msg, sender);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const capture = (exact: string, start: number): HighlightCapture => ({
  color: 'yellow',
  quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  sentence: `before ${exact} after.`,
  entries: ['kz/titushki'],
});

const STORY = 'https://news.example/kz/story?utm_source=feed&id=7#comments';

beforeEach(() => {
  fakeBrowser.reset();
  changes = 0;
  db = new GlossDB(`gloss-hl-${++n}-${Date.now()}`);
  listen(fakeBrowser.runtime, backgroundHandlers({ db, index: new TermIndexCache(db), ready: Promise.resolve(), broadcast: () => undefined, highlightsChanged: () => changes++, openEditor: () => undefined }));
});

describe('saving and finding highlights', () => {
  it('saves from a content script under the page identity, and finds it from another form of the address', async () => {
    const { id } = await value<{ id: string }>({ type: 'highlight:create', title: 'Story', capture: capture('Bloody January', 120), canonical: 'https://www.news.example/kz/story' }, contentScript(STORY));
    expect(changes).toBe(1);
    const row = await db.highlights.get(id);
    expect(row?.pages).toEqual(['https://www.news.example/kz/story', 'https://news.example/kz/story?id=7']);
    expect(row).toMatchObject({ note: '', tags: [], color: 'yellow', entries: ['kz/titushki'], anchor: { state: 'exact' } });
    // The same story opened without the canonical link, and with other tracking parameters.
    const placements = await value<object[]>({ type: 'highlights:ofPage' }, contentScript('https://news.example/kz/story?id=7&fbclid=abc'));
    expect(placements).toEqual([{ id, color: 'yellow', quote: capture('Bloody January', 120).quote, position: capture('Bloody January', 120).position }]);
  });

  it('never sends notes or tags to a content script', async () => {
    const { id } = await value<{ id: string }>({ type: 'highlight:create', title: 'Story', capture: capture('titushki', 40) }, contentScript(STORY));
    await value({ type: 'highlight:update', id, note: 'private thought', tags: ['thesis', 'Thesis', ' ch2 '] }, sidePanel);
    const placements = await value<object[]>({ type: 'highlights:ofPage' }, contentScript(STORY));
    expect(JSON.stringify(placements)).not.toMatch(/private thought|thesis|ch2/);
    const [listed] = await value<{ note: string; tags: string[] }[]>({ type: 'highlights:list', url: STORY }, sidePanel);
    expect(listed).toMatchObject({ note: 'private thought', tags: ['thesis', 'ch2'] });
  });

  it('keeps a content script to its own page', async () => {
    const { id } = await value<{ id: string }>({ type: 'highlight:create', title: 'Story', capture: capture('tenge', 10) }, contentScript(STORY));
    const elsewhere = contentScript('https://evil.example/');
    expect(await value({ type: 'highlights:ofPage' }, elsewhere)).toEqual([]);
    // It cannot name another page: the page is the sender's, and a canonical on another site is ignored.
    expect(await value({ type: 'highlights:ofPage', canonical: 'https://news.example/kz/story?id=7' }, elsewhere)).toEqual([]);
    expect(await send({ type: 'highlight:reattach', id, ...capture('tenge', 99) }, elsewhere)).toMatchObject({ ok: false });
    for (const msg of [{ type: 'highlight:delete', id }, { type: 'highlight:update', id, note: 'x' }, { type: 'highlight:get', id }, { type: 'highlights:list', url: STORY }]) {
      expect(await send(msg, contentScript(STORY))).toMatchObject({ ok: false, error: `${msg.type} is not allowed from this sender` });
    }
    await value({ type: 'highlights:anchored', results: [{ id, state: 'orphan' }] }, elsewhere);
    expect((await db.highlights.get(id))?.anchor.state).toBe('exact');
  });

  it('records anchoring, re-attaches, deletes and undoes', async () => {
    const page = contentScript(STORY);
    const { id } = await value<{ id: string }>({ type: 'highlight:create', title: 'Story', capture: capture('Nur Otan', 300) }, page);
    await value({ type: 'highlights:anchored', results: [{ id, state: 'fuzzy', score: 0.8 }] }, page);
    expect((await db.highlights.get(id))?.anchor).toMatchObject({ state: 'fuzzy', score: 0.8 });
    const { sentence: _s, entries: _e, color: _c, ...moved } = capture('Amanat', 500);
    await value({ type: 'highlight:reattach', id, ...moved, sentence: 'It became Amanat.' }, page);
    expect(await db.highlights.get(id)).toMatchObject({ quote: { exact: 'Amanat' }, sentence: 'It became Amanat.', anchor: { state: 'exact' } });
    await value({ type: 'highlight:delete', id }, sidePanel);
    expect(await db.highlights.count()).toBe(0);
    await value({ type: 'highlight:undoDelete', id }, sidePanel);
    expect((await db.highlights.get(id))?.quote.exact).toBe('Amanat');
    expect(await send({ type: 'highlight:undoDelete', id }, sidePanel)).toMatchObject({ ok: false });
  });

  it('refuses malformed captures', async () => {
    const bad = { ...capture('x', 1), color: 'red' };
    expect(await send({ type: 'highlight:create', title: 'S', capture: bad }, contentScript(STORY))).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid request: capture\.color/) });
    expect(await send({ type: 'highlight:create', title: 'S', capture: capture('', 1) }, contentScript(STORY))).toMatchObject({ ok: false });
    expect(await send({ type: 'highlight:create', title: 'S', capture: capture('x', 1) }, contentScript('file:///home/me/page.html'))).toMatchObject({ ok: false });
    expect(await db.highlights.count()).toBe(0);
  });
});

describe('schema v4', () => {
  it('opens a version-3 database and adds the highlights table, keeping what was there', async () => {
    const name = `gloss-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('encounters').put({ entryKey: 'p/a', url: 'https://news.example/a', title: 'A', seenAt: 1 });
    await v3.table('settings').put({ key: 'settings', value: { hoverDelayMs: 500 } });
    v3.close();
    const db4 = new GlossDB(name);
    expect(db4.verno).toBe(8);
    expect(await db4.encounters.count()).toBe(1);
    expect(await db4.settings.get('settings')).toMatchObject({ value: { hoverDelayMs: 500 } });
    expect(await db4.highlights.where('pages').equals('https://news.example/a').count()).toBe(0);
    db4.close();
  });
});
