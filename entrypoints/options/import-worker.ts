// Reads glossary files for the options page away from its main thread: parsing and checking a
// 50,000-entry file takes most of a second, which on the page would freeze it. The page sends a
// File; the worker answers with progress, then with the staged import (lib/formats/staged.ts),
// whose pack JSON it keeps in a blob: URL that the background reads. Sent as a message, 15 MB of
// JSON costs the sending page most of a second of serialising; a URL costs nothing.

import { readPackFile } from '../../lib/formats/import';
import type { ImportProgress } from '../../lib/formats/progress';
import { stageImport, type StagedImport } from '../../lib/formats/staged';
import type { ColumnTarget } from '../../lib/formats/types';

export type WorkerRequest =
  | { kind: 'read'; id: number; file: File; mapping?: Record<string, ColumnTarget> }
  /** The page is done with a staged pack: its blob can go. */
  | { kind: 'release'; packRef: string };

export type ReadReply =
  | { id: number; kind: 'progress'; progress: ImportProgress }
  | { id: number; kind: 'done'; staged: StagedImport }
  | { id: number; kind: 'error'; message: string };

// The project's DOM typings describe a window, whose postMessage wants a target origin; a
// dedicated worker's global scope posts to its page without one.
const scope = self as unknown as { postMessage(reply: ReadReply): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };

const keep = (json: string) => URL.createObjectURL(new Blob([json], { type: 'application/json' }));

async function read({ id, file, mapping }: Extract<WorkerRequest, { kind: 'read' }>): Promise<void> {
  try {
    const text = await file.text();
    const onProgress = (progress: ImportProgress) => scope.postMessage({ id, kind: 'progress', progress });
    const preview = readPackFile({ name: file.name, text }, mapping ? { mapping, onProgress } : { onProgress });
    scope.postMessage({ id, kind: 'done', staged: stageImport(preview, keep, () => URL.createObjectURL(file)) });
  } catch (err) {
    // readPackFile never throws; reading the file can (it was deleted or changed meanwhile).
    scope.postMessage({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = ({ data }) => {
  if (data.kind === 'read') void read(data);
  else URL.revokeObjectURL(data.packRef);
};
