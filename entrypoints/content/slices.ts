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

/**
 * Runs `steps` (a generator that yields between pieces of work) to its end, giving the page a turn
 * whenever a slice's time is up; resolves to what it returns.
 */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
  let start = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - start < SLICE_MS) continue;
    await yieldToPage();
    start = performance.now();
  }
}

/** The longest the browser may hold back an idle slice when it never goes idle (an animating page). */
const IDLE_TIMEOUT_MS = 500;

/**
 * Resolves in the browser's next idle period with the time to use there (at most SLICE_MS).
 * A callback asked for during an idle period runs in the next one, so work chained this way
 * takes at most one slice per frame while the page renders.
 */
export function nextIdle(): Promise<number> {
  // A hidden tab renders nothing that slices could delay, and its idle callbacks are throttled.
  if (typeof requestIdleCallback !== 'function' || document.visibilityState === 'hidden') return yieldToPage().then(() => SLICE_MS);
  return new Promise((resolve) => {
    requestIdleCallback((d) => resolve(d.didTimeout ? SLICE_MS : Math.min(SLICE_MS, Math.max(1, d.timeRemaining()))), { timeout: IDLE_TIMEOUT_MS });
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
