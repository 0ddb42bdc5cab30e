import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView, type OptionsState } from '../../components/OptionsView';
import { formatIssue } from '../../lib/formats/import';
import type { StagedImport } from '../../lib/formats/staged';
import type { ColumnTarget, ImportIssue } from '../../lib/formats/types';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi } from '../../lib/messages';
import type { Replacement } from '../../lib/pack/diff';
import { inWorker, release } from './import-reader';

const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;
let state: OptionsState = { packs: [], settings: null, status: null, pending: [], progress: null };
/** The file of each pending import, kept to read it again with a column mapping. */
const files = new Map<number, File>();
let nextKey = 1;
const SHOWN_ERRORS = 20;

function set(patch: Partial<OptionsState>): void {
  state = { ...state, ...patch };
  draw();
}

/** At most SHOWN_ERRORS issues, a line each (after `prefix`), and how many more there are. */
function issueLines(issues: readonly ImportIssue[], prefix = ''): string[] {
  const lines = issues.slice(0, SHOWN_ERRORS).map((issue) => `${prefix}${formatIssue(issue)}`);
  if (issues.length > SHOWN_ERRORS) lines.push(`… and ${issues.length - SHOWN_ERRORS} more.`);
  return lines;
}

function failure(preview: StagedImport): string {
  return [`Could not import ${preview.file}:`, ...issueLines(preview.errors)].join('\n');
}

/**
 * Stores a previewed pack (only its valid entries): the worker that checked it writes it, in
 * one transaction; then the background switches the tabs to the new index.
 */
async function install(preview: StagedImport): Promise<string> {
  const saving = (done: number, total: number) => set({ progress: { file: preview.file, step: 'saving', done, total } });
  saving(0, preview.counts.valid);
  try {
    const summary = await inWorker('store', { packRef: preview.packRef! }, (p) => saving(p.done, p.total));
    await call('packs:changed', {});
    const left = preview.counts.skipped ? `, ${preview.counts.skipped} left out` : '';
    return [`Imported “${summary.title}” (${summary.entryCount} entries${left}) from ${preview.file}.`, ...issueLines(preview.warnings, 'Note: ')].join('\n');
  } finally {
    release(preview.packRef);
  }
}

/** What storing the staged pack would change in the installed one. */
async function compare(preview: StagedImport): Promise<Replacement | null> {
  set({ progress: { file: preview.file, step: 'comparing', done: 0, total: 0 } });
  try {
    return await inWorker('diff', { packRef: preview.packRef! });
  } catch (err) {
    release(preview.packRef);
    throw err;
  }
}

/** Imports at once when nothing needs the reader's say; otherwise waits in the panel. */
async function consider(key: number, preview: StagedImport): Promise<string | null> {
  if (preview.status === 'failed') throw new Error(failure(preview));
  const others = state.pending.filter((p) => p.key !== key);
  if (preview.status === 'needs-mapping') {
    set({ pending: [...others, { key, preview, replaces: null }] });
    return null;
  }
  const installed = state.packs.some((p) => p.id === preview.meta!.id);
  const replaces = installed ? await compare(preview) : null;
  if (!replaces && !preview.partial) {
    set({ pending: others });
    files.delete(key);
    return install(preview);
  }
  set({ pending: [...others, { key, preview, replaces }] });
  return null;
}

/** Reads `file` in the worker (showing how far it is), then imports it or asks the reader. */
async function read(key: number, file: File, mapping?: Record<string, ColumnTarget>): Promise<string | null> {
  set({ progress: { file: file.name, step: 'reading', done: 0, total: 0 } });
  const preview = await inWorker('read', mapping ? { file, mapping } : { file }, (p) => set({ progress: { file: file.name, step: p.phase, done: p.done, total: p.total } }));
  return consider(key, preview);
}

async function importFiles(chosen: File[]): Promise<void> {
  const done: string[] = [];
  let failed = false;
  set({ status: null });
  for (const file of chosen) {
    const key = nextKey++;
    files.set(key, file);
    try {
      const message = await read(key, file);
      if (message) done.push(message);
    } catch (err) {
      failed = true;
      files.delete(key);
      done.push(err instanceof Error ? err.message : String(err));
    }
  }
  await finish(done.length ? { kind: failed ? 'error' : 'ok', text: done.join('\n') } : null);
}

async function remap(key: number, mapping: Record<string, ColumnTarget>): Promise<void> {
  const file = files.get(key);
  if (!file || !state.pending.some((p) => p.key === key)) return;
  try {
    const message = await read(key, file, mapping);
    await finish(message ? { kind: 'ok', text: message } : null);
  } catch (err) {
    files.delete(key);
    set({ pending: state.pending.filter((p) => p.key !== key) });
    await finish({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
  }
}

async function confirm(key: number): Promise<void> {
  const item = state.pending.find((p) => p.key === key);
  if (!item) return;
  set({ pending: state.pending.filter((p) => p.key !== key), status: null });
  files.delete(key);
  try {
    await finish({ kind: 'ok', text: await install(item.preview) });
  } catch (err) {
    await finish({ kind: 'error', text: `Could not import ${item.preview.file}:\n${err instanceof Error ? err.message : String(err)}` });
  }
}

function draw(): void {
  render(
    <OptionsView
      state={state}
      t={en}
      onImportFiles={(files) => void importFiles(files)}
      onMapping={(key, mapping) => void remap(key, mapping)}
      onConfirm={(key) => void confirm(key)}
      onCancel={(key) => {
        files.delete(key);
        release(state.pending.find((p) => p.key === key)?.preview.packRef ?? null);
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

async function reload(status: OptionsState['status'], patch: Partial<OptionsState> = {}): Promise<void> {
  const [packs, settings] = await Promise.all([call('packs:list', {}), call('settings:get', {})]);
  set({ packs, settings, status, ...patch });
}

/**
 * Ends an import (or a batch of them): the bar gives way to the outcome at once, and the list
 * of packs follows. The background may be busy a moment compiling the new pack for open tabs.
 */
function finish(status: OptionsState['status']): Promise<void> {
  set({ status, progress: null });
  return reload(status);
}

void reload(null);
