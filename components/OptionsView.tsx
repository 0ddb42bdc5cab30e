import { useState } from 'preact/hooks';
import type { Strings } from '../lib/i18n';
import type { PackSummary } from '../lib/messages';
import { ImportPanel, type ImportPanelProps, type PendingImport } from './ImportPanel';
import { ImportProgress, type ImportActivity } from './ImportProgress';
import { HIGHLIGHT_STYLES, type Settings } from '../lib/settings';

export interface OptionsState {
  packs: PackSummary[];
  settings: Settings | null;
  status: { kind: 'ok' | 'error'; text: string } | null;
  pending: PendingImport[];
  /** The import under way, if any. */
  progress: ImportActivity | null;
}

/** The formats «Import glossary pack» reads (lib/formats). */
export const IMPORT_ACCEPT = '.json,.csv,.tsv,.txt,.tbx,.xml,application/json,text/csv,text/tab-separated-values,text/plain,application/x-tbx+xml,application/xml';

export interface OptionsViewProps extends Omit<ImportPanelProps, 'pending'> {
  state: OptionsState;
  t: Strings;
  onImportFiles: (files: File[]) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onDelete: (id: string) => void;
  onSettings: (patch: Partial<Settings>) => void;
}

function PackRow({ pack, onToggle, onDelete }: { pack: PackSummary; onToggle: OptionsViewProps['onToggle']; onDelete: OptionsViewProps['onDelete'] }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li class="pack" data-pack-id={pack.id}>
      <label class="switch">
        <input type="checkbox" checked={pack.enabled} onChange={(e) => onToggle(pack.id, (e.currentTarget as HTMLInputElement).checked)} aria-label={`Enable ${pack.title}`} />
        <span>
          <strong>{pack.title}</strong> <span class="muted">v{pack.version} · {pack.entryCount} entries · {pack.source}</span>
          {pack.description && <span class="desc">{pack.description}</span>}
        </span>
      </label>
      <a class="edit" href={`editor.html?pack=${encodeURIComponent(pack.id)}`} aria-label={`Edit ${pack.title}`}>
        Edit
      </a>
      {confirming ? (
        <span class="confirm">
          <button type="button" class="danger" onClick={() => onDelete(pack.id)}>
            Delete {pack.title}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${pack.title}`}>
          Delete
        </button>
      )}
    </li>
  );
}

function SettingsForm({ settings, onSettings }: { settings: Settings; onSettings: OptionsViewProps['onSettings'] }) {
  const [sites, setSites] = useState(settings.disabledSites.join('\n'));
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">Settings</h2>
      <label class="field">
        <span>Hover delay (milliseconds)</span>
        <input type="number" min={0} max={2000} step={50} value={settings.hoverDelayMs} onChange={(e) => onSettings({ hoverDelayMs: Number((e.currentTarget as HTMLInputElement).value) })} />
      </label>
      <label class="field">
        <span>Highlight style</span>
        <select value={settings.highlightStyle} onChange={(e) => onSettings({ highlightStyle: (e.currentTarget as HTMLSelectElement).value as Settings['highlightStyle'] })}>
          {HIGHLIGHT_STYLES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label class="switch">
        <input type="checkbox" checked={settings.recordHistory} onChange={(e) => onSettings({ recordHistory: (e.currentTarget as HTMLInputElement).checked })} />
        <span>
          Remember where I met terms
          <span class="desc">
            Gloss keeps, on this device only, the address (without its query or fragment) and title of pages where you met each term, and shows them in the popover as “Also met on”.
            Nothing is kept in private windows or on sites where Gloss is off. Turning this off forgets everything kept so far.
          </span>
        </span>
      </label>
      <label class="field">
        <span>Sites where Gloss is off (one per line)</span>
        <textarea rows={4} value={sites} onInput={(e) => setSites((e.currentTarget as HTMLTextAreaElement).value)} onBlur={() => onSettings({ disabledSites: sites.split(/\s+/).filter(Boolean) })} />
      </label>
    </section>
  );
}

export function OptionsView({ state, t, onImportFiles, onToggle, onDelete, onSettings, onMapping, onConfirm, onCancel }: OptionsViewProps) {
  const [dragging, setDragging] = useState(false);
  const dropped = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) onImportFiles(files);
  };
  return (
    <main
      class={dragging ? 'dragging' : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={dropped}
    >
      <h1>Gloss</h1>
      <section aria-labelledby="packs-h">
        <h2 id="packs-h">Glossary packs</h2>
        {state.packs.length === 0 ? (
          <p class="muted">No packs installed.</p>
        ) : (
          <ul class="packs">
            {state.packs.map((p) => (
              <PackRow key={p.id} pack={p} onToggle={onToggle} onDelete={onDelete} />
            ))}
          </ul>
        )}
        <p class="actions">
          <a href="editor.html">New pack</a>
        </p>
        <label class="import">
          <span>Import glossary pack</span>
          <input
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const files = [...(input.files ?? [])];
              if (files.length) onImportFiles(files);
              input.value = '';
            }}
          />
        </label>
        <p class="muted hint">Gloss packs (.json), spreadsheets (.csv, .tsv), Anki and Quizlet text exports (.txt), and TBX terminology files (.tbx). You can also drop files anywhere on this page.</p>
        {state.progress && <ImportProgress activity={state.progress} t={t.importProgress} />}
        <ImportPanel pending={state.pending} onMapping={onMapping} onConfirm={onConfirm} onCancel={onCancel} />
        {state.status && (
          <p role={state.status.kind === 'error' ? 'alert' : 'status'} class={`status ${state.status.kind}`}>
            {state.status.text}
          </p>
        )}
      </section>
      {state.settings && <SettingsForm key={state.settings.disabledSites.join()} settings={state.settings} onSettings={onSettings} />}
    </main>
  );
}
