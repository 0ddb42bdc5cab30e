// Entry ids derived from terms: stable, valid, transliterated, unique within a pack.

import { describe, expect, it } from 'vitest';
import { IdAllocator, idFromFileName, idFromTerm } from '../../lib/formats/ids';
import { ID_PATTERN } from '../../lib/pack/format';

describe('idFromTerm', () => {
  it.each([
    ['Mazhilis', 'mazhilis'],
    ['Bloody January', 'bloody-january'],
    ['Шал кет!', 'shal-ket'],
    ['Мәжіліс', 'mazhilis'],
    ['Қаңтар оқиғасы', 'qangtar-oqighasy'],
    ['Щёлково', 'shchyolkovo'],
    ['Ёлка', 'yolka'],
    ['Їжак', 'yizhak'],
    ['Café Crème', 'cafe-creme'],
    ['Straße', 'strasse'],
    ['  --Nur Otan--  ', 'nur-otan'],
    ['COVID-19', 'covid-19'],
  ])('%j → %s', (term, id) => {
    expect(idFromTerm(term)).toBe(id);
  });

  it('hashes what it cannot spell, so that different terms keep different ids', () => {
    const a = idFromTerm('北京');
    const b = idFromTerm('上海');
    expect(a).toMatch(/^t-[0-9a-z]+$/);
    expect(a).not.toBe(b);
    expect(idFromTerm('北京')).toBe(a);
    expect(idFromTerm('Beijing 北京')).toMatch(/^beijing-[0-9a-z]+$/);
    expect(idFromTerm('😀')).toMatch(/^t-/);
  });

  it('always gives a valid id of at most 64 characters', () => {
    for (const term of ['a'.repeat(300), 'слово '.repeat(40), '-', '!!!', '\u0000', '١٢٣', 'ǅ', 'ﬁ', '\ud800']) {
      expect(idFromTerm(term), JSON.stringify(term)).toMatch(ID_PATTERN);
    }
  });

  it('makes a pack id from a file name', () => {
    expect(idFromFileName('C:\\Users\\t\\Civics 101.csv')).toBe('civics-101');
    expect(idFromFileName('/tmp/Словарь.tsv')).toBe('slovar');
    expect(idFromFileName('.csv')).toBe('imported');
  });
});

describe('IdAllocator', () => {
  it('numbers repeats -2, -3 and respects ids the file claimed', () => {
    const ids = new IdAllocator();
    expect(ids.claim('senate-2')).toBe(true);
    expect(ids.claim('senate-2')).toBe(false);
    expect([ids.fromTerm('Senate'), ids.fromTerm('Сенат'), ids.fromTerm('SENATE')]).toEqual(['senate', 'senat', 'senate-3']);
    expect(ids.fromTerm('senate')).toBe('senate-4');
  });

  it('keeps suffixed ids within 64 characters', () => {
    const ids = new IdAllocator();
    const long = 'word '.repeat(30);
    const first = ids.fromTerm(long);
    const second = ids.fromTerm(long);
    expect(first.length).toBeLessThanOrEqual(64);
    expect(second).toMatch(/-2$/);
    expect(second).toMatch(ID_PATTERN);
  });
});

describe('IdAllocator at scale', () => {
  it('stays linear when every row has the same term', () => {
    const ids = new IdAllocator();
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) ids.fromTerm('Same term');
    expect(ids.fromTerm('Same term')).toBe('same-term-100001');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
