import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView, type OptionsState } from '../../components/OptionsView';
import { makeClient, type BackgroundApi } from '../../lib/messages';

const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;
let state: OptionsState = { packs: [], settings: null, status: null };

function draw(): void {
  render(
    <OptionsView
      state={state}
      onImportFile={async (file) => {
        state = { ...state, status: { kind: 'ok', text: `Importing ${file.name}…` } };
        draw();
        try {
          const pack = await call('pack:import', { text: await file.text(), source: 'file' });
          await reload({ kind: 'ok', text: `Imported “${pack.title}” (${pack.entryCount} entries) from ${file.name}.` });
        } catch (err) {
          await reload({ kind: 'error', text: `Could not import ${file.name}:\n${err instanceof Error ? err.message : String(err)}` });
        }
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
        state = { ...state, settings: await call('settings:update', { patch }) };
        draw();
      }}
    />,
    root,
  );
}

async function reload(status: OptionsState['status']): Promise<void> {
  const [packs, settings] = await Promise.all([call('packs:list', {}), call('settings:get', {})]);
  state = { packs, settings, status };
  draw();
}

void reload(null);
