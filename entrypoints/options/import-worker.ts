// The options page's import worker: reads and checks glossary files away from the page's main
// thread (a 50,000-entry file takes most of a second), keeps each checked pack, and stores it
// when the reader says so (storage/staged-imports.ts). The page sees progress, previews without
// entries, diffs and summaries; after a store it tells the background, which switches the index.

import type { ImportProgress } from '../../lib/formats/progress';
import type { StagedImport } from '../../lib/formats/staged';
import type { ColumnTarget } from '../../lib/formats/types';
import type { PackSummary } from '../../lib/messages';
import type { Replacement } from '../../lib/pack/diff';
import { GlossDB } from '../../storage/db';
import { StagedImports } from '../../storage/staged-imports';

/** Each job the worker does: what the page sends, and what the worker answers when it is done. */
export interface WorkerJobs {
  read: { req: { file: File; mapping?: Record<string, ColumnTarget> }; res: StagedImport };
  diff: { req: { packRef: string }; res: Replacement | null };
  store: { req: { packRef: string }; res: PackSummary };
}

export type WorkerRequest =
  | { [K in keyof WorkerJobs]: { kind: K; id: number } & WorkerJobs[K]['req'] }[keyof WorkerJobs]
  /** The page is done with a staged pack: its entries can go. */
  | { kind: 'release'; packRef: string };

export type WorkerReply =
  | { id: number; kind: 'progress'; progress: ImportProgress }
  | { id: number; kind: 'done'; value: WorkerJobs[keyof WorkerJobs]['res'] }
  | { id: number; kind: 'error'; message: string };

// The project's DOM typings describe a window, whose postMessage wants a target origin; a
// dedicated worker's global scope posts to its page without one.
const scope = self as unknown as { postMessage(reply: WorkerReply): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };

const staged = new StagedImports(new GlossDB());

function run(request: Exclude<WorkerRequest, { kind: 'release' }>): Promise<WorkerJobs[keyof WorkerJobs]['res']> {
  const { id } = request;
  const onProgress = (progress: ImportProgress) => scope.postMessage({ id, kind: 'progress', progress });
  switch (request.kind) {
    case 'read':
      return staged.read(request.file, request.mapping ? { mapping: request.mapping, onProgress } : { onProgress });
    case 'diff':
      return staged.diff(request.packRef);
    case 'store':
      return staged.store(request.packRef, 'file', onProgress);
  }
}

scope.onmessage = ({ data }) => {
  if (data.kind === 'release') return staged.release(data.packRef);
  run(data).then(
    (value) => scope.postMessage({ id: data.id, kind: 'done', value }),
    // Reading never throws for a bad file (its problems are in the preview); a file deleted
    // meanwhile, a full disk or a closed database does.
    (err: unknown) => scope.postMessage({ id: data.id, kind: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
