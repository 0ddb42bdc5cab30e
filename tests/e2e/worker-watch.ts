// An extension's service worker seen through the browser's ServiceWorker domain, for the e2e
// tests and the benchmarks that stop it.

import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * The extension's service worker as the browser's ServiceWorker domain reports it, seen from a
 * page of ours. `stop()` stops it and waits until the browser says it stopped; a worker that a
 * message wakes later starts from nothing (a fresh global, the database closed).
 */
export class WorkerWatch {
  private status = 'unknown';

  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {}

  static async open(context: BrowserContext, page: Page, origin: string): Promise<WorkerWatch> {
    const watch = new WorkerWatch(await context.newCDPSession(page), origin);
    watch.cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(origin)) watch.status = v.runningStatus;
    });
    await watch.cdp.send('ServiceWorker.enable');
    return watch;
  }

  get running(): string {
    return this.status;
  }

  async stop(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 200 && this.status !== 'stopped'; i++) await new Promise((r) => setTimeout(r, 50));
    if (this.status !== 'stopped') throw new Error(`the service worker of ${this.origin} did not stop (${this.status})`);
  }
}
