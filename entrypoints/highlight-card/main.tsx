// The highlight card's frame. It reads only the highlight's id (and which field to focus) from its
// own address and asks the background itself, so the note and tags never pass through the page.
// The one message it sends its embedder, "close", carries nothing about the highlight.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HighlightCardView, type CardFocus, type CardState } from '../../components/HighlightCardView';
import type { HighlightColor } from '../../lib/highlights';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi, type HighlightView } from '../../lib/messages';

/** How long a deleted highlight can be brought back before the card goes. */
const UNDO_WINDOW_MS = 8000;

const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
const focusParam = params.get('focus');
const focus: CardFocus = focusParam === 'note' || focusParam === 'tags' ? focusParam : null;

let state: CardState = { kind: 'loading' };
let error: string | null = null;
let undoTimer: ReturnType<typeof setTimeout> | undefined;
/** Edits run one after another, so replies arrive in the order the reader made the changes. */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

function show(next: CardState, nextError: string | null = null): void {
  state = next;
  error = nextError;
  draw();
}

/** Saves a change; the card shows the stored highlight the background sends back. */
function update(patch: { note?: string; tags?: string[]; color?: HighlightColor }): void {
  void enqueue(() => call('highlight:update', { id, ...patch })).then(
    (highlight: HighlightView) => state.kind === 'card' && show({ kind: 'card', highlight }),
    () => show(state, en.saveFailed),
  );
}

/** Waits for pending saves, then asks the embedder to remove the frame. Nothing private is sent. */
async function close(): Promise<void> {
  clearTimeout(undoTimer);
  await queue;
  window.parent.postMessage({ gloss: 'highlight-card', action: 'close' }, '*');
}

async function remove(): Promise<void> {
  try {
    await enqueue(() => call('highlight:delete', { id }));
  } catch {
    return show(state, en.saveFailed);
  }
  show({ kind: 'deleted' });
  undoTimer = setTimeout(() => void close(), UNDO_WINDOW_MS);
}

async function undo(): Promise<void> {
  clearTimeout(undoTimer);
  try {
    await enqueue(() => call('highlight:undoDelete', { id }));
    const highlight = await call('highlight:get', { id });
    show(highlight ? { kind: 'card', highlight } : { kind: 'missing' });
  } catch {
    show({ kind: 'missing' }, en.undoTooLate);
  }
}

function draw(): void {
  render(
    <HighlightCardView
      t={en}
      state={state}
      focus={focus}
      error={error}
      onColor={(color) => {
        // The pressed colour follows the click at once; the stored one follows the reply.
        if (state.kind === 'card') show({ kind: 'card', highlight: { ...state.highlight, color } });
        update({ color });
      }}
      onNote={(note) => update({ note })}
      onTags={(tags) => update({ tags })}
      onDelete={() => void remove()}
      onUndo={() => void undo()}
      onClose={() => void close()}
    />,
    root,
  );
}

draw();
// The embedder removes the frame at once when the reader clicks on the page: unmounting saves
// any note still waiting for a pause in typing (best effort, as the frame goes away).
window.addEventListener('pagehide', () => render(null, root));
void (id ? call('highlight:get', { id }) : Promise.resolve(null))
  .catch(() => null)
  .then((highlight) => show(highlight ? { kind: 'card', highlight } : { kind: 'missing' }));
