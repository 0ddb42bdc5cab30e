// Stable entry ids derived from terms. The same term gives the same id on every import, so
// notes and highlights keep pointing at the right entry when a teacher re-imports a list.
// Cyrillic (Russian, Ukrainian, Kazakh) is transliterated; accents are dropped from Latin
// letters; anything else that cannot be spelled in [a-z0-9] adds a short hash of the term, so
// that "北京" and "上海" (or two Arabic terms) still get different, valid ids.

import { hashText } from '../match/hash';
import { ID_PATTERN } from '../pack/format';

const MAX_ID = 64;

// Lowercase letters only: the input is lowercased first.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Ukrainian and Belarusian
  є: 'ye', ї: 'yi', ґ: 'g', ў: 'w',
};

// Letters that NFKD does not split into a base letter and an accent.
const LATIN_EXTRA: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

/** FNV-1a over UTF-16 units, in base 36: short, stable, and good enough to tell terms apart. */
export function shortHash(s: string): string {
  return hashText(s).toString(36);
}

/** `text` spelled in a-z, 0-9 and spaces; `lost` tells whether some letter had no spelling. */
function romanize(text: string): { ascii: string; lost: boolean } {
  let ascii = '';
  let lost = false;
  for (const ch of text.toLowerCase().normalize('NFC')) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) ascii += ch;
    else if (c < 0x80) ascii += ' ';
    else if (Object.hasOwn(CYRILLIC, ch)) ascii += CYRILLIC[ch];
    else if (Object.hasOwn(LATIN_EXTRA, ch)) ascii += LATIN_EXTRA[ch];
    else {
      // An accented letter splits into its base letter and marks; the marks go.
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      if (/^[a-z0-9]+$/.test(base)) ascii += base;
      else if (Object.hasOwn(CYRILLIC, base)) ascii += CYRILLIC[base];
      else {
        if (/[\p{L}\p{N}]/u.test(ch)) lost = true;
        ascii += ' ';
      }
    }
  }
  return { ascii, lost };
}

function cutAtHyphen(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** A valid entry id for `term`, always the same for the same term. */
export function idFromTerm(term: string): string {
  const { ascii, lost } = romanize(term);
  const slug = ascii.trim().split(/\s+/).filter(Boolean).join('-');
  if (!lost && slug) return cutAtHyphen(slug, MAX_ID);
  const hash = shortHash(term.normalize('NFC'));
  if (!slug) return `t-${hash}`;
  return `${cutAtHyphen(slug, MAX_ID - hash.length - 1)}-${hash}`;
}

/** A pack id from a file name such as "Civics 101 (final).csv". */
export function idFromFileName(name: string): string {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return stem.trim() ? idFromTerm(stem) : 'imported';
}

/** Hands out ids that are unique within one pack: "senate", then "senate-2", "senate-3". */
export class IdAllocator {
  private readonly used = new Set<string>();
  // The next suffix to try per base id, so that 100,000 rows of one term stay linear.
  private readonly nextSuffix = new Map<string, number>();

  /** Marks an id the file gave explicitly; false when it is already taken. */
  claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  /** A free id derived from `term`. */
  fromTerm(term: string): string {
    const base = idFromTerm(term);
    if (this.claim(base)) return base;
    for (let n = this.nextSuffix.get(base) ?? 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = `${cutAtHyphen(base, MAX_ID - suffix.length)}${suffix}`;
      if (ID_PATTERN.test(candidate) && this.claim(candidate)) {
        this.nextSuffix.set(base, n + 1);
        return candidate;
      }
    }
  }
}
