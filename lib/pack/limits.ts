// Hard limits on what an import may contain. They keep a hostile or mistaken file from
// freezing the extension; every one is reported with a message that names it.

export interface ImportLimits {
  /** Size of the file in UTF-8 bytes. */
  fileBytes: number;
  /** Entries in one pack (the pack format allows no more). */
  entries: number;
  /** Nesting of JSON arrays/objects; a pack needs 5. */
  jsonDepth: number;
  /** Nesting of XML elements; TBX needs about 10. */
  xmlDepth: number;
  /** Problems kept in a preview; the counts stay exact beyond it. */
  issues: number;
}

export const MAX_ENTRIES = 100_000;

export const DEFAULT_LIMITS: Readonly<ImportLimits> = {
  fileBytes: 20 * 1024 * 1024,
  entries: MAX_ENTRIES,
  jsonDepth: 64,
  xmlDepth: 64,
  issues: 1000,
};

/** UTF-8 size of `text` without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** A message when `text` is larger than the limit allows, else null. */
export function fileSizeProblem(text: string, limit: number): string | null {
  // Every UTF-16 unit is at least one UTF-8 byte, at most three: the exact count is needed
  // only between those two bounds.
  const size = text.length > limit ? text.length : text.length * 3 <= limit ? 0 : utf8Length(text);
  if (size <= limit) return null;
  return `the file is larger than ${formatBytes(limit)} (the most Gloss reads at once); split it into smaller packs`;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}
