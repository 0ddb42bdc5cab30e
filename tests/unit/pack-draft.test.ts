// The editor's draft rules: ids for new entries, reordering, delete and Undo, the pack a draft
// saves, and problems filed under the field they are about.

import { describe, expect, it } from 'vitest';
import {
  addEntry,
  captureFields,
  checkDraft,
  deleteEntry,
  draftFromPack,
  editEntry,
  editMeta,
  emptyPack,
  entryErrorCount,
  errorsFor,
  fingerprint,
  markSaved,
  moveEntry,
  previewView,
  toPack,
  undoDelete,
  uniqueEntryId,
  type PackDraft,
} from '../../lib/pack/draft';
import { ID_PATTERN, type Pack } from '../../lib/pack/format';
import { validatePack } from '../../lib/pack/parse';

const stored: Pack = {
  format: 'gloss-pack',
  formatVersion: 1,
  id: 'civics',
  version: '1.2.0',
  title: 'Civics',
  language: 'en',
  authors: [{ name: 'A. Teacher', url: 'https://school.example/a' }, { name: 'B. Teacher' }],
  scope: { sites: ['*://*.example.org/*', '*://news.example/*'] },
  folding: ['yo-e'],
  updateUrl: 'https://school.example/civics.json',
  entries: [
    { id: 'senate', term: 'Senate', short: 'Upper house', variants: ['Сенат'], inflect: ['ru'], tags: ['institution', 'parliament'], related: ['mazhilis'] },
    { id: 'mazhilis', term: 'Mazhilis', short: 'Lower house', sources: [{ title: 'Wiki', url: 'https://en.wikipedia.org/wiki/Mazhilis' }], related: ['senate'] },
    { id: 'akim', term: 'Akim', short: 'Head of a region', definition: 'Appointed.', context: 'Often in the news.', forms: ['akims'] },
  ],
};

const keys = (d: PackDraft) => d.entries.map((e) => e.key);
const ids = (d: PackDraft) => d.entries.map((e) => e.id);

describe('draftFromPack and toPack', () => {
  it('round-trips a stored pack exactly, kept fields and links included', () => {
    const draft = draftFromPack(stored);
    expect(toPack(draft)).toEqual(stored);
    expect(validatePack(toPack(draft)).ok).toBe(true);
    expect(draft.entries.every((e) => !e.autoId)).toBe(true);
  });

  it('turns typed lines and commas into lists, dropping blank items and outer spaces', () => {
    let draft = draftFromPack(stored);
    draft = editEntry(draft, 'e3', { variants: ' Аким \n\n  Әкім\r\n', tags: 'person, , local government ,', short: '  Head  ' });
    const akim = toPack(draft).entries[2]!;
    expect(akim.variants).toEqual(['Аким', 'Әкім']);
    expect(akim.tags).toEqual(['person', 'local government']);
    expect(akim.short).toBe('Head');
    expect(toPack(editEntry(draft, 'e3', { variants: '\n', tags: ' , ' })).entries[2]).not.toHaveProperty('variants');
  });
});

describe('entry ids', () => {
  it('gives new entries valid ids from Latin and Cyrillic terms, unique in the pack', () => {
    let draft = draftFromPack(stored);
    const added: string[] = [];
    for (const term of ['Senate', 'Сенат', 'Мәжіліс', 'Sénat', 'Senate', '', '北京']) {
      const r = addEntry(draft, { term });
      draft = r.draft;
      added.push(r.key);
    }
    const newIds = added.map((k) => draft.entries.find((e) => e.key === k)!.id);
    expect(newIds.slice(0, 4)).toEqual(['senate-2', 'senat', 'mazhilis-2', 'senat-2']);
    expect(newIds[4]).toBe('senate-3');
    for (const id of newIds) expect(id).toMatch(ID_PATTERN);
    expect(new Set(ids(draft)).size).toBe(draft.entries.length);
    expect(new Set(keys(draft)).size).toBe(draft.entries.length);
  });

  it('suffixes a taken id, however many times it is taken', () => {
    expect(uniqueEntryId('Senate', [])).toBe('senate');
    expect(uniqueEntryId(' Senate ', ['senate', 'senate-2'])).toBe('senate-3');
    expect(uniqueEntryId('Ақорда', ['aqorda'])).toBe('aqorda-2');
    expect(uniqueEntryId('x'.repeat(80), ['x'.repeat(64)])).toMatch(ID_PATTERN);
  });

  it('follows the term of a new entry until it is saved, then stays', () => {
    const { draft: added, key } = addEntry(emptyPack());
    let draft = editEntry(added, key, { term: 'Жер' });
    expect(draft.entries[0]!.id).toBe('zher');
    draft = markSaved(draft);
    draft = editEntry(draft, key, { term: 'Land' });
    expect(draft.entries[0]!.id).toBe('zher');
    // A stored entry's id never follows its term.
    expect(editEntry(draftFromPack(stored), 'e1', { term: 'Upper house' }).entries[0]!.id).toBe('senate');
  });

  it('fixes only the ids that were saved when the teacher typed on during a save', () => {
    const { draft: before, key } = addEntry(emptyPack(), { term: 'Tenge' });
    const saved = editMeta(before, { title: 'Money', id: 'money' });
    const typedOn = editEntry(addEntry(saved, { term: 'Tiyn' }).draft, key, { term: 'Tenge (KZT)' });
    const after = markSaved(typedOn, saved);
    expect(after.entries.map((e) => [e.id, e.autoId])).toEqual([
      ['tenge', false],
      ['tiyn', true],
    ]);
    expect(after.meta).toMatchObject({ id: 'money', isNew: false, autoId: false });
  });

  it('derives a new pack id from its title until one is typed', () => {
    let draft = editMeta(emptyPack(), { title: 'Қазақ тілі' });
    expect(draft.meta.id).toBe('qazaq-tili');
    draft = editMeta(draft, { id: 'kazakh' });
    expect(editMeta(draft, { title: 'Kazakh words' }).meta.id).toBe('kazakh');
    // A saved pack keeps its id whatever is typed.
    expect(editMeta(draftFromPack(stored), { id: 'other' }).meta.id).toBe('civics');
  });
});

describe('moving, deleting and undoing', () => {
  it('moves an entry up and down, and not past either end', () => {
    const draft = draftFromPack(stored);
    expect(ids(moveEntry(draft, 'e2', -1))).toEqual(['mazhilis', 'senate', 'akim']);
    expect(ids(moveEntry(draft, 'e2', 1))).toEqual(['senate', 'akim', 'mazhilis']);
    expect(moveEntry(draft, 'e1', -1)).toBe(draft);
    expect(moveEntry(draft, 'e3', 1)).toBe(draft);
    expect(toPack(moveEntry(draft, 'e3', -1)).entries.map((e) => e.id)).toEqual(['senate', 'akim', 'mazhilis']);
  });

  it('puts a deleted entry back at its place, with the links to it', () => {
    const draft = draftFromPack(stored);
    const { draft: without, deleted } = deleteEntry(draft, 'e2')!;
    expect(ids(without)).toEqual(['senate', 'akim']);
    // While it is gone, links to it are left out of the pack, which stays valid.
    expect(toPack(without).entries[0]!.related).toBeUndefined();
    expect(checkDraft(without).errors.count).toBe(0);
    const back = undoDelete(without, deleted);
    expect(ids(back)).toEqual(['senate', 'mazhilis', 'akim']);
    expect(toPack(back)).toEqual(stored);
    expect(undoDelete(back, deleted)).toBe(back);
  });

  it('restores at the end when the list got shorter, renaming an id that followed its term and was taken meanwhile', () => {
    let draft = addEntry(emptyPack(), { term: 'Oblast' }).draft;
    draft = addEntry(draft, { term: 'Aul' }).draft;
    const { draft: without, deleted } = deleteEntry(draft, 'e2')!;
    const shorter = deleteEntry(without, 'e1')!.draft;
    const retaken = addEntry(shorter, { term: 'Aul' }).draft;
    const back = undoDelete(retaken, deleted);
    expect(back.entries.map((e) => [e.key, e.id])).toEqual([
      ['e3', 'aul'],
      ['e2', 'aul-2'],
    ]);
  });
});

describe('checkDraft', () => {
  it('files entry problems under the entry and field, pack problems under the pack field', () => {
    let draft = draftFromPack(stored);
    draft = editEntry(draft, 'e2', { short: '' });
    draft = editEntry(draft, 'e3', { sources: [{ title: 'Gov', url: 'ftp://gov.example' }], variants: 'Аким\nАким' });
    draft = editMeta(draft, { title: ' ', version: 'one', sites: '*://*.example.org/*\nexample.org' });
    const { pack, errors } = checkDraft(draft);
    expect(pack).toBeNull();
    expect(errorsFor(errors, 'e2', 'short')).toEqual(['must not be empty']);
    expect(errorsFor(errors, 'e1', 'short')).toEqual([]);
    expect(errorsFor(errors, 'e3', 'sources.0.url')).toEqual(['must be an http(s) URL']);
    expect(errorsFor(errors, 'e3', 'variants')).toEqual(['lists "Аким" more than once']);
    expect(errorsFor(errors, null, 'title')).toEqual(['must not be empty']);
    expect(errorsFor(errors, null, 'version')).toEqual(['must be a semantic version like 1.0.0']);
    expect(errorsFor(errors, null, 'sites')).toHaveLength(1);
    expect(errorsFor(errors, null, 'sites')[0]).toMatch(/^“example\.org” /);
    expect(entryErrorCount(errors, 'e3')).toBe(2);
    expect(errors.count).toBe(6);
  });

  it('reports problems against the entry key, wherever the entry moved', () => {
    const draft = moveEntry(editEntry(draftFromPack(stored), 'e3', { term: '' }), 'e3', -1);
    const { errors } = checkDraft(draft);
    expect([...errors.entries.keys()]).toEqual(['e3']);
    expect(errorsFor(errors, 'e3', 'term')).toEqual(['must not be empty']);
  });

  it('accepts a pack with no entries (it is being written) and reports a taken pack id', () => {
    const draft = editMeta(emptyPack(), { title: 'Civics' });
    expect(checkDraft(draft).pack).toMatchObject({ id: 'civics', entries: [] });
    expect(errorsFor(checkDraft(draft, ['civics']).errors, null, 'id')[0]).toMatch(/already used/);
    // Once saved, the pack is the one using the id.
    expect(checkDraft(markSaved(draft), ['civics']).errors.count).toBe(0);
  });

  it('gives the validated pack when there is no problem', () => {
    expect(checkDraft(draftFromPack(stored)).pack).toEqual(stored);
  });
});

describe('captured entries and the preview', () => {
  it('fills term, context and an http(s) page as source', () => {
    expect(captureFields({ term: '  Mazhilis\n', context: 'The Mazhilis passed the bill.', url: 'https://news.example/a?b=1', title: 'Bill passed' })).toEqual({
      term: 'Mazhilis',
      context: 'The Mazhilis passed the bill.',
      sources: [{ title: 'Bill passed', url: 'https://news.example/a?b=1' }],
    });
    expect(captureFields({ term: 'x', url: 'javascript:alert(1)', title: 'Evil' })).toEqual({ term: 'x' });
    expect(captureFields({ term: 'x', url: 'http://news.example/p' }).sources).toEqual([{ title: 'news.example', url: 'http://news.example/p' }]);
  });

  it('shows an entry as the popover will, related entries by their editor key', () => {
    const view = previewView(editEntry(draftFromPack(stored), 'e1', { short: '<b>Upper</b> house ' }), 'e1')!;
    expect(view).toMatchObject({ term: 'Senate', short: '<b>Upper</b> house', variants: ['Сенат'], tags: ['institution', 'parliament'], packTitle: 'Civics' });
    expect(view.related).toEqual([{ key: 'e2', term: 'Mazhilis', short: 'Lower house' }]);
    expect(previewView(draftFromPack(stored), 'nope')).toBeNull();
  });

  it('tells an edited draft from the stored pack', () => {
    const draft = draftFromPack(stored);
    expect(fingerprint(editEntry(draft, 'e1', { short: 'Upper house' }))).toBe(fingerprint(draft));
    expect(fingerprint(editEntry(draft, 'e1', { short: 'Upper chamber' }))).not.toBe(fingerprint(draft));
  });
});
