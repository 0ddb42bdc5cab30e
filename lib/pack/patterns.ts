// Expands pack entries into the patterns the matcher compiles: the term, its variants, the
// declared forms, and generated inflections.

import type { Pack } from './format';
import { FORM_DECLARED, FORM_INFLECTED, FORM_TERM, FORM_VARIANT } from '../match/index-format';
import type { PatternSource } from '../match/compile';
import { FOLD_KAZAKH, FOLD_YO } from '../text/fold';
import { inflectedForms } from '../text/inflect';

export function packFoldMask(pack: Pick<Pack, 'folding'>): number {
  return (pack.folding ?? []).reduce((m, f) => m | (f === 'yo-e' ? FOLD_YO : f === 'kazakh-loose' ? FOLD_KAZAKH : 0), 0);
}

/** Label of a generated form: "surface\tbase\tlanguage", read back by describeForm. */
export function inflectedLabel(surface: string, base: string, lang: string): string {
  return `${surface}\t${base}\t${lang}`;
}

export interface EntryRef {
  packId: string;
  entryId: string;
}

export function entryKey(ref: EntryRef): string {
  return `${ref.packId}/${ref.entryId}`;
}

export function parseEntryKey(key: string): EntryRef {
  const slash = key.indexOf('/');
  return { packId: key.slice(0, slash), entryId: key.slice(slash + 1) };
}

/** Appends `pack`'s patterns to `out` and its entry keys to `entries`. */
export function addPackPatterns(pack: Pick<Pack, 'id' | 'folding' | 'entries'>, out: PatternSource[], entries: string[]): void {
  const mask = packFoldMask(pack);
  for (const e of pack.entries) {
    const entry = entries.push(entryKey({ packId: pack.id, entryId: e.id })) - 1;
    const add = (text: string, form: number, label?: string) => out.push({ text, entry, form, mask, label });
    add(e.term, FORM_TERM);
    for (const t of e.variants ?? []) add(t, FORM_VARIANT);
    for (const t of e.forms ?? []) add(t, FORM_DECLARED);
    for (const lang of e.inflect ?? []) {
      for (const base of [e.term, ...(e.variants ?? [])]) {
        for (const f of inflectedForms(base, lang)) add(f, FORM_INFLECTED, inflectedLabel(f, base, lang));
      }
    }
  }
}
