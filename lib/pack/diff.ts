// What re-importing a pack would change, shown before anything is replaced.

import type { Pack, PackEntry } from './format';

export interface PackDiff {
  added: string[];
  changed: string[];
  removed: string[];
  /** The incoming version is lower than the stored one (a warning, not an error). */
  olderVersion: boolean;
  sameVersion: boolean;
}

/** What storing an incoming pack would change in the stored pack with its id. */
export interface Replacement {
  /** The stored pack's title and version. */
  title: string;
  version: string;
  diff: PackDiff;
}

/** Entry content with keys in a fixed order, so that field order in a file does not count as a change. */
function fingerprint(entry: PackEntry): string {
  return JSON.stringify(entry, Object.keys(entry).sort());
}

/**
 * -1, 0 or 1 comparing semantic versions: the numeric core first; with equal cores a pre-release
 * (1.0.0-beta) comes before the release, and two pre-releases compare as text.
 */
export function compareVersions(a: string, b: string): number {
  // Build metadata (+…) never orders versions.
  [a, b] = [a.split('+', 1)[0]!, b.split('+', 1)[0]!];
  const core = (v: string) => v.split(/[-+]/, 1)[0]!.split('.').map(Number);
  const [x, y] = [core(a), core(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  const pre = (v: string) => v.includes('-');
  if (pre(a) !== pre(b)) return pre(a) ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

export function diffPacks(stored: Pack, incoming: Pack): PackDiff {
  const before = new Map(stored.entries.map((e) => [e.id, fingerprint(e)]));
  const after = new Set(incoming.entries.map((e) => e.id));
  const added: string[] = [];
  const changed: string[] = [];
  for (const e of incoming.entries) {
    const old = before.get(e.id);
    if (old === undefined) added.push(e.id);
    else if (old !== fingerprint(e)) changed.push(e.id);
  }
  const removed = stored.entries.filter((e) => !after.has(e.id)).map((e) => e.id);
  const order = compareVersions(incoming.version, stored.version);
  return { added, changed, removed, olderVersion: order < 0, sameVersion: order === 0 };
}
