// Text for rehearsing the matcher in a service worker that just started. V8 runs a function
// unoptimized until it has run for a while, and a woken worker's first page paid for that: its
// first slice took 20–51 ms to match, against about 4 ms once the worker had answered a few
// pages. Matching text made of the index's own patterns beforehand takes the same paths (hits,
// verification, the reply's encoding) while no page waits.

/** Words joining the labels; short and common, so most start no pattern. */
const JOINERS = [' and ', ', the ', ' of ', '. A ', ' in '];

/**
 * About `chars` characters: labels taken evenly across `labels` (so every part of the index's
 * tables is touched), each followed by a joining word.
 */
export function rehearsalText(labels: readonly string[], chars: number): string {
  if (labels.length === 0) return '';
  const parts: string[] = [];
  // Every step-th label, wrapping round: the text reaches across the whole list long before it
  // is long enough.
  const step = Math.max(1, Math.floor(labels.length / 97)) | 1;
  let length = 0;
  for (let i = 0, at = 0; length < chars && i < labels.length; i++, at = (at + step) % labels.length) {
    const part = labels[at]! + JOINERS[i % JOINERS.length]!;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}
