// The options page's side of the import worker: one worker for the page's life, started on the
// first import; each file read is a promise, its progress a callback.

import type { ImportProgress } from '../../lib/formats/progress';
import type { StagedImport } from '../../lib/formats/staged';
import type { ColumnTarget } from '../../lib/formats/types';
import type { ReadReply, WorkerRequest } from './import-worker';

interface Job {
  resolve: (staged: StagedImport) => void;
  reject: (err: Error) => void;
  onProgress: (progress: ImportProgress) => void;
}

const jobs = new Map<number, Job>();
let worker: Worker | null = null;
let nextId = 1;

function answer({ data }: MessageEvent<ReadReply>): void {
  const job = jobs.get(data.id);
  if (!job) return;
  if (data.kind === 'progress') return job.onProgress(data.progress);
  jobs.delete(data.id);
  if (data.kind === 'done') job.resolve(data.staged);
  else job.reject(new Error(data.message));
}

function start(): Worker {
  const w = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = answer;
  // A worker that failed to load or crashed answers nothing more: fail what waits, start afresh next time.
  w.onerror = (e) => {
    e.preventDefault();
    for (const job of jobs.values()) job.reject(new Error(`the file reader stopped (${e.message || 'unknown error'}); please report it`));
    jobs.clear();
    w.terminate();
    worker = null;
  };
  return w;
}

/** Reads, checks and stages `file` in the worker. */
export function readInWorker(file: File, mapping: Record<string, ColumnTarget> | undefined, onProgress: Job['onProgress']): Promise<StagedImport> {
  const w = (worker ??= start());
  const id = nextId++;
  const request: WorkerRequest = mapping ? { kind: 'read', id, file, mapping } : { kind: 'read', id, file };
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject, onProgress });
    w.postMessage(request);
  });
}

/** Frees the pack JSON kept for a staged import that was stored or dropped. */
export function release(packRef: string | null): void {
  if (packRef && worker) worker.postMessage({ kind: 'release', packRef } satisfies WorkerRequest);
}
