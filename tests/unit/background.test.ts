// The background's message contract through WXT's fake browser: the listener the background
// installs, real handlers over a fake-indexeddb database, and senders as the browser reports them.
// A content script (the page's renderer) is refused everything but its own page's requests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '../../entrypoints/background/handlers';
import { listen } from '../../entrypoints/background/router';
import { TermIndexCache } from '../../entrypoints/background/term-index';
import { decodeMatches, type WireMatches } from '../../lib/match/block-matches';
import { HashSet } from '../../lib/match/hash-set';
import { encodeInt32 } from '../../lib/match/index-format';
import { fromWire, type WireIndex } from '../../lib/match/index-wire';
import { findCandidates } from '../../lib/match/scan';
import { addTokenHashes } from '../../lib/match/select';
import { filterFromWire, type WireFilter } from '../../lib/match/token-filter';
import type { Reply } from '../../lib/messages';
import { parsePackText } from '../../lib/pack/parse';
import { GlossDB } from '../../storage/db';
import { installPack } from '../../storage/packs';

let db: GlossDB;
let opened: string[] = [];
let n = 0;

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const tab = (url: string, extra: Partial<Runtime.MessageSender['tab']> = {}) => ({ id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false, url, ...extra }) as Runtime.MessageSender['tab'];
const contentScript = (url: string, extra: Partial<Runtime.MessageSender['tab']> = {}): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url, tab: tab(url, extra), frameId: 0 });
const extensionPage = (path = '/options.html'): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: `${EXT}${path}` });
/** The popover's history frame: an extension page inside the reader's tab. */
const historyFrame = (pageUrl: string): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: `${EXT}/met-elsewhere.html?key=x`, tab: tab(pageUrl), frameId: 3 });

// The fake browser types senders with WXT's browser typings; the background reads them with the
// polyfill's, which differ only in Tab fields no handler reads.
type FakeSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

async function send<T = unknown>(msg: object, sender: Runtime.MessageSender): Promise<Reply<T>> {
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(msg, sender as unknown as FakeSender, resolve as (r: unknown) => void));
}

const PAGE_A = 'https://news.example/2022/01/kazakhstan?session=SECRET123&utm_source=x#comments';

beforeEach(async () => {
  fakeBrowser.reset();
  opened = [];
  db = new GlossDB(`gloss-bg-${++n}-${Date.now()}`);
  const parsed = parsePackText(readFileSync(join(import.meta.dirname, '../fixtures/packs/valid.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  await installPack(db, parsed.pack, 'file');
  listen(fakeBrowser.runtime, backgroundHandlers({ db, index: new TermIndexCache(db), ready: Promise.resolve(), broadcast: () => undefined, highlightsChanged: () => undefined, openEditor: (q) => opened.push(q) }));
});

describe('who may ask what', () => {
  it('refuses a content script every extension-page request, and changes nothing', async () => {
    const page = contentScript('https://evil.example/');
    const refused = [
      { type: 'pack:delete', id: 'civics-101' },
      { type: 'pack:setEnabled', id: 'civics-101', enabled: false },
      { type: 'packs:changed' },
      { type: 'settings:update', patch: { recordHistory: false } },
      { type: 'settings:get' },
      { type: 'site:set', host: 'news.example', enabled: false },
      { type: 'packs:list' },
      { type: 'encounters:list', key: 'civics-101/senate' },
    ];
    for (const msg of refused) expect(await send(msg, page)).toEqual({ ok: false, error: `${msg.type} is not allowed from this sender` });
    expect(await db.packs.count()).toBe(1);
    expect((await db.packs.get('civics-101'))?.enabled).toBe(1);
  });

  it('lets the extension’s own pages manage packs', async () => {
    expect(await send({ type: 'pack:setEnabled', id: 'civics-101', enabled: false }, extensionPage())).toEqual({ ok: true, value: null });
    expect((await db.packs.get('civics-101'))?.enabled).toBe(0);
    expect(await send({ type: 'pack:delete', id: 'civics-101' }, extensionPage('/popup.html'))).toEqual({ ok: true, value: null });
    expect(await db.packs.count()).toBe(0);
  });

  it('stores packs from the editor, validated like imports, and gives them back', async () => {
    const empty = { format: 'gloss-pack', formatVersion: 1, id: 'class-7b', version: '0.1.0', title: 'Class 7B', entries: [] };
    expect(await send({ type: 'pack:save', pack: empty }, extensionPage('/editor.html'))).toMatchObject({ ok: true, value: { id: 'class-7b', entryCount: 0, source: 'editor' } });
    const bad = { ...empty, entries: [{ id: 'x', term: 'Akim', short: '' }] };
    expect(await send({ type: 'pack:save', pack: bad }, extensionPage('/editor.html'))).toMatchObject({ ok: false, error: expect.stringContaining('entries[0] (id "x").short') });
    const good = { ...empty, entries: [{ id: 'akim', term: 'Akim', short: 'A regional governor.' }] };
    await send({ type: 'pack:save', pack: good }, extensionPage('/editor.html'));
    expect(await send({ type: 'pack:get', id: 'class-7b' }, extensionPage('/editor.html'))).toEqual({ ok: true, value: good });
    expect(await send({ type: 'pack:save', pack: good }, contentScript(PAGE_A))).toMatchObject({ ok: false, error: 'pack:save is not allowed from this sender' });
    expect(await send({ type: 'pack:get', id: 'class-7b' }, contentScript(PAGE_A))).toMatchObject({ ok: false });
  });

  it('refuses senders that are not this extension, and unknown or malformed messages', async () => {
    expect(await send({ type: 'packs:list' }, { ...extensionPage(), id: 'other-extension' })).toMatchObject({ ok: false });
    expect(await send({ type: 'entry:get', key: 'civics-101/senate' }, { id: fakeBrowser.runtime.id })).toMatchObject({ ok: false });
    expect(await send({ type: 'toString' }, extensionPage())).toEqual({ ok: false, error: 'Unknown message toString' });
    expect(await send({ type: 'entry:get', key: 42 }, contentScript(PAGE_A))).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid request: key /) });
    expect(await send({ type: 'pack:delete', id: 'civics-101', extra: 1 }, extensionPage())).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid request/) });
    expect(await send({ type: 'encounters:record', keys: Array(501).fill('a/b'), title: '' }, contentScript(PAGE_A))).toMatchObject({ ok: false });
    expect(await db.packs.count()).toBe(1);
  });

  it('answers a content script’s entry request with public pack data only', async () => {
    const reply = await send<Record<string, unknown>>({ type: 'entry:get', key: 'civics-101/senate' }, contentScript(PAGE_A));
    expect(reply.ok).toBe(true);
    const publicFields = new Set(['key', 'term', 'short', 'variants', 'definition', 'context', 'sources', 'tags', 'related', 'packTitle']);
    if (reply.ok) expect(Object.keys(reply.value).filter((k) => !publicFields.has(k))).toEqual([]);
    expect(JSON.stringify(reply)).not.toMatch(/seen|news\.example/);
  });
});

describe('packs stored by a page', () => {
  const STORY = 'https://news.example.org/story';
  const pageTerms = async (texts: string[]) => {
    const reply = await send<{ first: WireMatches }>({ type: 'page:index', url: STORY, texts }, contentScript(STORY));
    if (!reply.ok) throw new Error(reply.error);
    return [...new Set(decodeMatches(reply.value.first).map((m) => m.term))].sort();
  };

  it('gives a page the patterns its tokens start, and nothing when they start none', async () => {
    const lookup = async (text: string) => {
      const hashes = new HashSet();
      addTokenHashes(text, 0, hashes);
      const reply = await send<WireIndex | null>({ type: 'index:lookup', url: STORY, hashes: encodeInt32(hashes.values()) }, contentScript(STORY));
      if (!reply.ok) throw new Error(reply.error);
      return reply.value && fromWire(reply.value).terms;
    };
    expect(await lookup('The Senate met.')).toEqual(['Senate']);
    // Words the filter may let through but no pattern starts with: no index to decode or scan with.
    expect(await lookup('Tides turn at six this evening.')).toBeNull();
  });

  it('sends the token filter on its own request, not with the first slice’s answer', async () => {
    const answer = await send<object>({ type: 'page:index', url: STORY, texts: ['The Senate met.'] }, contentScript(STORY));
    expect(answer.ok && Object.keys(answer.value).sort()).toEqual(['enabled', 'first', 'hasTerms', 'mask', 'settings']);
    const reply = await send<WireFilter | null>({ type: 'index:filter', url: STORY }, contentScript(STORY));
    if (!reply.ok || !reply.value) throw new Error('no filter');
    const filter = filterFromWire(reply.value);
    expect(findCandidates(filter, 0, 'The Senate met.')).not.toBeNull();
  });

  it('switches the tabs to the new index only when the page says the pack is stored', async () => {
    const text = 'The Senate met the Akimat.';
    expect(await pageTerms([text])).toEqual(['Senate']);
    // The options page's worker stores a new version of the pack, as an import does.
    const next = parsePackText(readFileSync(join(import.meta.dirname, '../fixtures/packs/valid.json'), 'utf8'));
    if (!next.ok) throw new Error(next.errors.join());
    await installPack(db, { ...next.pack, version: '2.0.0', entries: [{ id: 'akimat', term: 'Akimat', short: 'A regional administration.' }] }, 'file');
    expect(await pageTerms([text])).toEqual(['Senate']);
    expect(await send({ type: 'packs:changed' }, extensionPage())).toEqual({ ok: true, value: null });
    expect(await pageTerms([text])).toEqual(['Akimat']);
  });
});

describe('«Add to glossary»', () => {
  it('opens the editor with the term, its sentence and the sender’s page as the source', async () => {
    expect(await send({ type: 'glossary:add', term: 'titushki', sentence: 'Hired thugs were called titushki.', title: 'Story' }, contentScript(PAGE_A))).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(opened[0]))).toEqual({ pack: 'my-glossary', term: 'titushki', context: 'Hired thugs were called titushki.', source: 'https://news.example/2022/01/kazakhstan', title: 'Story' });
    expect(await send({ type: 'glossary:add', term: '', sentence: '', title: '' }, contentScript(PAGE_A))).toMatchObject({ ok: false });
    expect(opened).toHaveLength(1);
  });
});

describe('where the reader met a term', () => {
  const record = (sender: Runtime.MessageSender, extra: object = {}) => send({ type: 'encounters:record', keys: ['civics-101/senate'], title: 'Kazakhstan story', ...extra }, sender);

  it('keeps the origin and path the browser names, never the query or fragment', async () => {
    expect(await record(contentScript(PAGE_A))).toEqual({ ok: true, value: null });
    expect(await db.encounters.toArray()).toEqual([expect.objectContaining({ url: 'https://news.example/2022/01/kazakhstan', title: 'Kazakhstan story' })]);
    expect(JSON.stringify(await db.encounters.toArray())).not.toContain('SECRET123');
  });

  it('uses a canonical URL only on the page’s own site', async () => {
    await record(contentScript('https://www.news.example/a?id=1'), { canonical: 'https://news.example/story?ref=2' });
    await record(contentScript('https://blog.example/b'), { canonical: 'https://elsewhere.example/planted' });
    expect((await db.encounters.toArray()).map((e) => e.url).sort()).toEqual(['https://blog.example/b', 'https://news.example/story']);
  });

  it('records nothing for private tabs, sites turned off, or with the history off', async () => {
    await record(contentScript(PAGE_A, { incognito: true }));
    expect(await db.encounters.count()).toBe(0);
    await send({ type: 'site:set', host: 'news.example', enabled: false }, extensionPage('/popup.html'));
    await record(contentScript(PAGE_A));
    expect(await db.encounters.count()).toBe(0);
    await send({ type: 'site:set', host: 'news.example', enabled: true }, extensionPage('/popup.html'));
    await record(contentScript(PAGE_A));
    expect(await db.encounters.count()).toBe(1);
    // Turning the history off forgets what was kept, and keeps nothing new.
    await send({ type: 'settings:update', patch: { recordHistory: false } }, extensionPage());
    expect(await db.encounters.count()).toBe(0);
    await record(contentScript('https://other.example/x'));
    expect(await db.encounters.count()).toBe(0);
    expect(await send({ type: 'encounters:list', key: 'civics-101/senate' }, historyFrame('https://other.example/y'))).toEqual({ ok: true, value: { recording: false, pages: [] } });
  });

  it('lists other pages to the history frame, leaving out the page it sits in', async () => {
    await record(contentScript(PAGE_A));
    await record(contentScript('https://other.example/story'), { title: 'Other story' });
    const reply = await send({ type: 'encounters:list', key: 'civics-101/senate' }, historyFrame('https://other.example/story?x=1'));
    expect(reply).toEqual({ ok: true, value: { recording: true, pages: [{ url: 'https://news.example/2022/01/kazakhstan', title: 'Kazakhstan story' }] } });
  });

  it('knows the frame’s page from its tab’s content script where the browser gives frames no tab URL', async () => {
    await record(contentScript(PAGE_A));
    await record(contentScript('https://other.example/story'), { title: 'Other story' });
    await send({ type: 'page:index', url: PAGE_A, texts: [] }, contentScript(PAGE_A));
    const frame = historyFrame(PAGE_A);
    delete frame.tab!.url;
    const reply = await send({ type: 'encounters:list', key: 'civics-101/senate' }, frame);
    expect(reply).toEqual({ ok: true, value: { recording: true, pages: [{ url: 'https://other.example/story', title: 'Other story' }] } });
  });
});
