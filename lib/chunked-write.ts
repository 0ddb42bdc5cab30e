// Writing many rows in chunks. The next chunk is handed to the database while the previous one
// is still being written, so that preparing rows (IndexedDB clones each one on the calling
// thread) and writing them (on the browser's database thread) overlap, and every chunk is a
// short task between which the caller's thread can answer other requests.

/**
 * Calls `write` for consecutive chunks of at most `size` items, at most two chunks in flight,
 * and `onWritten` with the number of items written each time a chunk is done. Rejects with the
 * first chunk's error; a chunk issued after a failed one is not waited for.
 */
export async function writeInChunks<T>(
  items: readonly T[],
  size: number,
  write: (chunk: T[], start: number) => PromiseLike<unknown>,
  onWritten?: (written: number) => void,
): Promise<void> {
  let inFlight: { done: PromiseLike<unknown>; end: number } | null = null;
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    const done = write(items.slice(start, end), start);
    // If an earlier chunk fails this one is never awaited: its rejection is expected, not unhandled.
    Promise.resolve(done).catch(() => undefined);
    if (inFlight) {
      await inFlight.done;
      onWritten?.(inFlight.end);
    }
    inFlight = { done, end };
  }
  if (inFlight) {
    await inFlight.done;
    onWritten?.(inFlight.end);
  }
}
