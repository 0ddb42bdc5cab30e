import { describe, expect, it } from 'vitest';
import { compareVersions, diffPacks } from '../../lib/pack/diff';
import type { Pack } from '../../lib/pack/format';

const pack = (version: string, entries: Pack['entries']): Pack => ({ format: 'gloss-pack', formatVersion: 1, id: 'p', version, title: 'P', entries });

describe('diffPacks', () => {
  it('names entries added, changed and removed, ignoring field order', () => {
    const stored = pack('1.0.0', [
      { id: 'a', term: 'A', short: 'first' },
      { id: 'b', term: 'B', short: 'second' },
      { id: 'c', term: 'C', short: 'third' },
    ]);
    const incoming = pack('1.1.0', [
      { short: 'first', term: 'A', id: 'a' },
      { id: 'b', term: 'B', short: 'second, revised' },
      { id: 'd', term: 'D', short: 'fourth' },
    ]);
    expect(diffPacks(stored, incoming)).toEqual({ added: ['d'], changed: ['b'], removed: ['c'], olderVersion: false, sameVersion: false });
  });

  it('warns about a lower version', () => {
    expect(diffPacks(pack('2.0.0', []), pack('1.9.9', [])).olderVersion).toBe(true);
    expect(diffPacks(pack('1.10.0', []), pack('1.9.0', [])).olderVersion).toBe(true);
    expect(diffPacks(pack('1.0.0', []), pack('1.0.0', [])).sameVersion).toBe(true);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0-beta', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.1', '0.10.0')).toBe(-1);
  });
});
