// The pack editor page. Its address says what to open:
//   editor.html                       the installed packs to choose from, and «New pack»
//   editor.html?new=1                 a new, empty pack
//   editor.html?pack=ID               that pack
//   editor.html?pack=ID&term=…&context=…&source=…&title=…
//                                     «Add to glossary»: the pack with a new entry for the term
// This file only loads, saves and downloads; PackEditor does the editing.

import { render, type VNode } from 'preact';
import { browser } from 'wxt/browser';
import popoverCss from '../../components/popover.css?inline';
import { EditorMessage, PackEditor, PackListView } from '../../components/PackEditor';
import type { ExportedFile } from '../../lib/formats/export';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi, type PackSummary } from '../../lib/messages';
import { addEntry, captureFields, draftFromPack, emptyPack, fingerprint, type Capture, type EntryFields, type PackDraft } from '../../lib/pack/draft';
import type { Pack } from '../../lib/pack/format';
import { MY_GLOSSARY } from '../../storage/packs';

const t = en;
const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;
/** Unsaved edits: leaving the page asks first. */
let dirty = false;
/** Bumped for every pack opened, so the editor starts afresh instead of keeping the old draft. */
let opened = 0;

function show(view: VNode): void {
  render(view, root);
}

function setTitle(title: string): void {
  document.title = title ? `${title} — ${t.editor.pageTitle}` : t.editor.pageTitle;
}

function readCapture(params: URLSearchParams): Capture | null {
  const term = params.get('term');
  if (term === null) return null;
  return { term, context: params.get('context') ?? undefined, url: params.get('source') ?? undefined, title: params.get('title') ?? undefined };
}

/** The file in the browser's downloads, through a temporary link (no permission needed). */
function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox cancels a download whose address is revoked straight away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function save(pack: Pack): Promise<void> {
  await call('pack:save', { pack });
  // From now on the address opens the pack as stored: a reload must neither add the captured
  // entry a second time nor start another new pack.
  history.replaceState(null, '', `?pack=${encodeURIComponent(pack.id)}`);
  setTitle(pack.title);
}

interface EditorOptions {
  initial: PackDraft;
  savedPrint: string | null;
  packs: PackSummary[];
  captured?: string;
}

function showEditor({ initial, savedPrint, packs, captured }: EditorOptions): void {
  const packChoice = captured
    ? { packs, current: initial.meta.id, onChoose: (id: string, fields: EntryFields, otherChanges: boolean) => void choosePack(id, fields, otherChanges) }
    : undefined;
  show(
    <PackEditor
      key={++opened}
      t={t}
      initial={initial}
      savedPrint={savedPrint}
      captured={captured}
      packChoice={packChoice}
      takenPackIds={packs.map((p) => p.id)}
      popoverCss={popoverCss}
      onSave={save}
      onDownload={download}
      onDirtyChange={(d) => void (dirty = d)}
    />,
  );
}

/** Opens a stored pack; with `fields`, adds an entry made of them (the captured term). */
async function openPack(id: string, fields?: Partial<EntryFields>): Promise<void> {
  show(<EditorMessage t={t} text={t.loading} busy />);
  let pack: Pack | null;
  let packs: PackSummary[];
  try {
    [pack, packs] = await Promise.all([call('pack:get', { id }), call('packs:list', {})]);
  } catch {
    show(<EditorMessage t={t} text={t.editor.loadFailed} />);
    return;
  }
  if (!pack) {
    show(<EditorMessage t={t} text={t.editor.packNotFound(id)} />);
    return;
  }
  const stored = draftFromPack(pack);
  const added = fields ? addEntry(stored, fields) : null;
  setTitle(pack.title);
  showEditor({ initial: added?.draft ?? stored, savedPrint: fingerprint(stored), packs, captured: added?.key });
}

/** «Add to glossary» into another pack: the entry as typed so far moves there. */
async function choosePack(id: string, fields: EntryFields, otherChanges: boolean): Promise<void> {
  if (otherChanges && !window.confirm(t.editor.leaveWarning)) return;
  dirty = false;
  const params = new URLSearchParams(location.search);
  params.set('pack', id);
  history.replaceState(null, '', `?${params}`);
  await openPack(id, fields);
}

async function openNew(): Promise<void> {
  const packs = await call('packs:list', {}).catch((): PackSummary[] => []);
  setTitle('');
  showEditor({ initial: emptyPack(), savedPrint: null, packs });
}

async function openList(): Promise<void> {
  show(<EditorMessage t={t} text={t.loading} busy />);
  try {
    show(<PackListView t={t} packs={await call('packs:list', {})} />);
  } catch {
    show(<EditorMessage t={t} text={t.editor.loadFailed} />);
  }
}

function main(): Promise<void> {
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });
  const params = new URLSearchParams(location.search);
  const capture = readCapture(params);
  const pack = params.get('pack') || (capture ? MY_GLOSSARY : null);
  if (pack) return openPack(pack, capture ? captureFields(capture) : undefined);
  if (params.has('new')) return openNew();
  return openList();
}

void main();
