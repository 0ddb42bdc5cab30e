// Work on the page's main thread in slices of about SLICE_MS, giving the page a turn between
// them, with the time spent counted (for PageStats and the benchmarks).

// Well under a 16 ms frame, leaving the browser room to paint in the same frame.
export const SLICE_MS = 5;

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the page a turn: scheduler.yield() keeps our place in line; otherwise a message-channel hop. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/** Counts main-thread time across slices: the total and the longest. */
export class SliceClock {
  busyMs = 0;
  longestMs = 0;
  private started = 0;

  begin(): void {
    this.started = performance.now();
  }

  end(): void {
    const ms = performance.now() - this.started;
    this.busyMs += ms;
    this.longestMs = Math.max(this.longestMs, ms);
  }

  /** Ends the slice, yields, and begins the next one. */
  async next(): Promise<void> {
    this.end();
    await yieldToPage();
    this.begin();
  }
}
