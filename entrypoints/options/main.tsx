import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView, type OptionsState } from '../../components/OptionsView';
import { formatIssue, readPackFile } from '../../lib/formats/import';
import type { ColumnTarget, ImportPreview } from '../../lib/formats/types';
import { makeClient, type BackgroundApi } from '../../lib/messages';
import { diffPacks } from '../../lib/pack/diff';

const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;
let state: OptionsState = { packs: [], settings: null, status: null, pending: [] };
/** The text of each pending file, kept to read it again with a column mapping. */
const texts = new Map<number, string>();
let nextKey = 1;
const SHOWN_ERRORS = 20;

function set(patch: Partial<OptionsState>): void {
  state = { ...state, ...patch };
  draw();
}

function failure(preview: ImportPreview): string {
  const lines = preview.errors.slice(0, SHOWN_ERRORS).map(formatIssue);
  if (preview.errors.length > SHOWN_ERRORS) lines.push(`… and ${preview.errors.length - SHOWN_ERRORS} more.`);
  return `Could not import ${preview.file}:\n${lines.join('\n')}`;
}

/** Stores a previewed pack (only its valid entries); the background validates it again. */
async function install(preview: ImportPreview): Promise<string> {
  const pack = preview.pack!;
  const summary = await call('pack:import', { text: JSON.stringify(pack), source: 'file' });
  const left = preview.counts.skipped ? `, ${preview.counts.skipped} left out` : '';
  return `Imported “${summary.title}” (${summary.entryCount} entries${left}) from ${preview.file}.`;
}

/** Imports at once when nothing needs the reader's say; otherwise waits in the panel. */
async function consider(key: number, preview: ImportPreview): Promise<string | null> {
  if (preview.status === 'failed') throw new Error(failure(preview));
  const others = state.pending.filter((p) => p.key !== key);
  if (preview.status === 'needs-mapping') {
    set({ pending: [...others, { key, preview, replaces: null }] });
    return null;
  }
  const pack = preview.pack!;
  const installed = state.packs.find((p) => p.id === pack.id);
  const stored = installed ? await call('pack:get', { id: pack.id }) : null;
  if (!stored && !preview.partial) {
    set({ pending: others });
    texts.delete(key);
    return install(preview);
  }
  const replaces = stored ? { title: stored.title, version: stored.version, diff: diffPacks(stored, pack) } : null;
  set({ pending: [...others, { key, preview, replaces }] });
  return null;
}

async function importFiles(files: File[]): Promise<void> {
  const done: string[] = [];
  let failed = false;
  for (const file of files) {
    const key = nextKey++;
    set({ status: { kind: 'ok', text: `Reading ${file.name}…` } });
    try {
      const text = await file.text();
      texts.set(key, text);
      const message = await consider(key, readPackFile({ name: file.name, text }));
      if (message) done.push(message);
    } catch (err) {
      failed = true;
      texts.delete(key);
      done.push(err instanceof Error ? err.message : String(err));
    }
  }
  await reload(done.length ? { kind: failed ? 'error' : 'ok', text: done.join('\n') } : null);
}

async function remap(key: number, mapping: Record<string, ColumnTarget>): Promise<void> {
  const item = state.pending.find((p) => p.key === key);
  const text = texts.get(key);
  if (!item || text === undefined) return;
  try {
    const message = await consider(key, readPackFile({ name: item.preview.file, text }, { mapping }));
    await reload(message ? { kind: 'ok', text: message } : null);
  } catch (err) {
    set({ pending: state.pending.filter((p) => p.key !== key), status: { kind: 'error', text: err instanceof Error ? err.message : String(err) } });
  }
}

async function confirm(key: number): Promise<void> {
  const item = state.pending.find((p) => p.key === key);
  if (!item) return;
  set({ pending: state.pending.filter((p) => p.key !== key) });
  texts.delete(key);
  try {
    await reload({ kind: 'ok', text: await install(item.preview) });
  } catch (err) {
    await reload({ kind: 'error', text: `Could not import ${item.preview.file}:\n${err instanceof Error ? err.message : String(err)}` });
  }
}

function draw(): void {
  render(
    <OptionsView
      state={state}
      onImportFiles={(files) => void importFiles(files)}
      onMapping={(key, mapping) => void remap(key, mapping)}
      onConfirm={(key) => void confirm(key)}
      onCancel={(key) => {
        texts.delete(key);
        set({ pending: state.pending.filter((p) => p.key !== key) });
      }}
      onToggle={async (id, enabled) => {
        await call('pack:setEnabled', { id, enabled });
        await reload(null);
      }}
      onDelete={async (id) => {
        await call('pack:delete', { id });
        await reload({ kind: 'ok', text: 'Pack deleted.' });
      }}
      onSettings={async (patch) => {
        set({ settings: await call('settings:update', { patch }) });
      }}
    />,
    root,
  );
}

async function reload(status: OptionsState['status']): Promise<void> {
  const [packs, settings] = await Promise.all([call('packs:list', {}), call('settings:get', {})]);
  set({ packs, settings, status });
}

void reload(null);
