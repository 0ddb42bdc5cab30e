// DevTools-protocol helpers for the page benchmarks: recording a Chrome trace around a load and
// reading a service worker's heap (Playwright opens CDP sessions only on pages and frames).
// Stopping the worker is tests/e2e/worker-watch.ts, which the e2e tests share.

import type { BrowserContext, CDPSession, Worker } from 'playwright-core';
import { TRACE_CATEGORIES, traceEvents, type TraceEvent } from './trace';

/** Traces every process while `during` runs; returns the events. Lost data fails the load. */
export async function recordTrace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordUntilFull' },
    // A stream is read in large chunks; `dataCollected` events would arrive a few hundred at a time.
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
    streamCompression: 'none',
  });
  // Tracing ends even when the load fails, or the next load's Tracing.start would be refused.
  const failure = await during().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  const complete = new Promise<{ stream?: string; dataLossOccurred: boolean }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream, dataLossOccurred } = await complete;
  if (failure) throw failure.error;
  if (dataLossOccurred) throw new Error('the trace buffer overflowed');
  if (!stream) throw new Error('no trace stream');
  return traceEvents(JSON.parse(await readStream(cdp, stream)));
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  // Bytes first: a base64 chunk may end inside a multi-byte character.
  const chunks: Buffer[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle, size: 1 << 22 });
    chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The extension's worker handle for `sendToActiveTab`. Playwright keeps one handle across a
 * stop and restart when the DevTools target survives (Chromium 156 keeps it); otherwise the old
 * handle closes and the restarted worker arrives as a new one.
 */
export class BackgroundHandle {
  private closed = false;

  constructor(
    private readonly context: BrowserContext,
    private readonly origin: string,
    private worker: Worker,
  ) {
    this.watch(worker);
  }

  private watch(w: Worker): void {
    this.closed = false;
    w.once('close', () => {
      if (this.worker === w) this.closed = true;
    });
  }

  async current(): Promise<Worker> {
    if (!this.closed) return this.worker;
    const ours = (w: Worker) => w.url().startsWith(this.origin);
    this.worker = this.context.serviceWorkers().find(ours) ?? (await this.context.waitForEvent('serviceworker', { predicate: ours, timeout: 30_000 }));
    this.watch(this.worker);
    return this.worker;
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The browser's service-worker targets of `origin`: none while its worker is stopped. */
export async function workerTargets(browser: CDPSession, origin: string): Promise<TargetInfo[]> {
  const { targetInfos } = await browser.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin));
}

export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize: number;
  /** Array buffers (the compiled index's typed arrays) and external strings live here. */
  backingStorageSize: number;
}

/**
 * The service worker's heap after two full collections. Playwright's sessions cannot route to a
 * worker target, so this attaches in the non-flat mode and talks through `Target.sendMessageToTarget`.
 */
export async function workerHeap(browser: CDPSession, origin: string): Promise<HeapUsage> {
  const [target] = await workerTargets(browser, origin);
  if (!target) throw new Error(`no running service worker of ${origin}`);
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  try {
    await callTarget(browser, sessionId, 'HeapProfiler.collectGarbage');
    await callTarget(browser, sessionId, 'HeapProfiler.collectGarbage');
    return (await callTarget(browser, sessionId, 'Runtime.getHeapUsage')) as HeapUsage;
  } finally {
    await browser.send('Target.detachFromTarget', { sessionId });
  }
}

let nextId = 1;

async function callTarget(browser: CDPSession, sessionId: string, method: string): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = ({ sessionId: from, message }: { sessionId: string; message: string }) => {
      const m = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
      if (from !== sessionId || m.id !== id) return;
      browser.off('Target.receivedMessageFromTarget', onMessage);
      if (m.error) reject(new Error(`${method}: ${m.error.message}`));
      else resolve(m.result);
    };
    browser.on('Target.receivedMessageFromTarget', onMessage);
    browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
  });
}
