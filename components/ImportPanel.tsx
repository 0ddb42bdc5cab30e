// Imports waiting for the reader: a column mapping to choose, entries that will be left out, or
// a stored pack that would be replaced. Props in, callbacks out; every string from a file is text.

import { useState } from 'preact/hooks';
import { formatIssue } from '../lib/formats/import';
import type { StagedImport } from '../lib/formats/staged';
import type { ColumnTarget } from '../lib/formats/types';
import { ENTRY_FIELDS } from '../lib/pack/format';
import type { Replacement } from '../lib/pack/diff';

export interface PendingImport {
  key: number;
  preview: StagedImport;
  /** Set when a pack with this id is installed: what replacing it would change. */
  replaces: Replacement | null;
}

export interface ImportPanelProps {
  pending: PendingImport[];
  onMapping: (key: number, mapping: Record<string, ColumnTarget>) => void;
  onConfirm: (key: number) => void;
  onCancel: (key: number) => void;
}

const SHOWN_ISSUES = 12;
const TARGETS: ColumnTarget[] = [...ENTRY_FIELDS, 'ignore'];

function Mapping({ item, onMapping }: { item: PendingImport; onMapping: ImportPanelProps['onMapping'] }) {
  const columns = item.preview.columns;
  const [choice, setChoice] = useState<Record<string, ColumnTarget>>(() =>
    Object.fromEntries((columns?.headers ?? []).map((h, i) => [h, columns?.targets[i] ?? 'ignore'])),
  );
  if (!columns) return null;
  return (
    <fieldset class="mapping">
      <legend>Which column holds what? Gloss needs at least the term and a short meaning.</legend>
      {columns.headers.map((header) => (
        <label class="field" key={header}>
          <span>{header || '(no header)'}</span>
          <select value={choice[header]} onChange={(e) => setChoice({ ...choice, [header]: (e.currentTarget as HTMLSelectElement).value as ColumnTarget })}>
            {TARGETS.map((t) => (
              <option key={t} value={t}>
                {t === 'ignore' ? 'ignore this column' : t}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="button" onClick={() => onMapping(item.key, choice)}>
        Read again
      </button>
    </fieldset>
  );
}

function Issues({ item }: { item: PendingImport }) {
  const { errors, counts } = item.preview;
  if (!errors.length) return null;
  return (
    <>
      <p>
        {counts.skipped} of {counts.read} entries have problems and would be left out:
      </p>
      <ul class="issues">
        {errors.slice(0, SHOWN_ISSUES).map((issue, i) => (
          <li key={i}>{formatIssue(issue)}</li>
        ))}
        {errors.length > SHOWN_ISSUES && <li>… and {errors.length - SHOWN_ISSUES} more.</li>}
      </ul>
    </>
  );
}

function Replacing({ item }: { item: PendingImport }) {
  const r = item.replaces;
  const incoming = item.preview.meta;
  if (!r || !incoming) return null;
  const { added, changed, removed, olderVersion } = r.diff;
  return (
    <p class="diff">
      “{r.title}” v{r.version} is installed. This file (v{incoming.version}) adds {added.length}, changes {changed.length} and removes {removed.length}{' '}
      {added.length + changed.length + removed.length === 1 ? 'entry' : 'entries'}.
      {olderVersion && <strong class="warning"> Its version is lower than the installed one.</strong>}
      {removed.length > 0 && <span> Removed: {removed.slice(0, 8).join(', ')}{removed.length > 8 ? ' …' : ''}.</span>}
    </p>
  );
}

function confirmLabel(item: PendingImport): string {
  const { preview, replaces } = item;
  const title = preview.meta?.title ?? preview.file;
  if (replaces) return preview.partial ? `Replace “${replaces.title}” without the ${preview.counts.skipped} bad entries` : `Replace “${replaces.title}”`;
  return preview.partial ? `Import without the ${preview.counts.skipped} bad entries` : `Import “${title}”`;
}

export function ImportPanel({ pending, onMapping, onConfirm, onCancel }: ImportPanelProps) {
  if (!pending.length) return null;
  return (
    <div class="pending">
      {pending.map((item) => (
        <section class="pending-import" key={item.key} aria-label={`Import of ${item.preview.file}`}>
          <h3>{item.preview.file}</h3>
          {item.preview.status === 'needs-mapping' ? (
            <Mapping item={item} onMapping={onMapping} />
          ) : (
            <>
              <p>
                {item.preview.meta?.title} · {item.preview.counts.valid} entries ({item.preview.format})
              </p>
              <Issues item={item} />
              <Replacing item={item} />
              <button type="button" class="primary" onClick={() => onConfirm(item.key)}>
                {confirmLabel(item)}
              </button>
            </>
          )}
          <button type="button" onClick={() => onCancel(item.key)}>
            Cancel
          </button>
        </section>
      ))}
    </div>
  );
}
