// The options page's side of the import worker: one worker for the page's life, started on the
// first import; each job is a promise, its progress a callback.

import type { ImportProgress } from '../../lib/formats/progress';
import type { WorkerJobs, WorkerReply, WorkerRequest } from './import-worker';

interface Job {
  resolve: (value: WorkerJobs[keyof WorkerJobs]['res']) => void;
  reject: (err: Error) => void;
  onProgress?: (progress: ImportProgress) => void;
}

const jobs = new Map<number, Job>();
let worker: Worker | null = null;
let nextId = 1;

function answer({ data }: MessageEvent<WorkerReply>): void {
  const job = jobs.get(data.id);
  if (!job) return;
  if (data.kind === 'progress') return job.onProgress?.(data.progress);
  jobs.delete(data.id);
  if (data.kind === 'done') job.resolve(data.value);
  else job.reject(new Error(data.message));
}

function start(): Worker {
  const w = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = answer;
  // A worker that failed to load or crashed answers nothing more, and the packs it kept are
  // gone: fail what waits, start afresh next time.
  w.onerror = (e) => {
    e.preventDefault();
    for (const job of jobs.values()) job.reject(new Error(`the file reader stopped (${e.message || 'unknown error'}); please report it`));
    jobs.clear();
    w.terminate();
    worker = null;
  };
  return w;
}

/** Has the worker do job `kind`: read a file, diff or store a pack it read. */
export function inWorker<K extends keyof WorkerJobs>(kind: K, req: WorkerJobs[K]['req'], onProgress?: Job['onProgress']): Promise<WorkerJobs[K]['res']> {
  const w = (worker ??= start());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve: resolve as Job['resolve'], reject, onProgress });
    w.postMessage({ kind, id, ...req } as WorkerRequest);
  });
}

/** Frees the pack kept for a staged import that was stored or dropped. */
export function release(packRef: string | null): void {
  if (packRef && worker) worker.postMessage({ kind: 'release', packRef } satisfies WorkerRequest);
}
