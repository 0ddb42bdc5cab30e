import type { Strings } from '../../lib/i18n';
import { FORM_DECLARED, FORM_INFLECTED, FORM_TERM } from '../../lib/match/index-format';
import { LOOSE, POSSESSIVE } from '../../lib/match/scan';

/**
 * Why the page text matched, in words ("“Shal ket”: matched the term “Shal, ket!” (punctuation
 * differs)"), or null when it is simply the entry's own term.
 */
export function describeMatch(label: string, form: number, flags: number, pageText: string, t: Strings): string | null {
  if (form === FORM_TERM && flags === 0) return null;
  let how: string;
  if (form === FORM_INFLECTED) {
    const [, base = '', lang = ''] = label.split('\t');
    how = t.matchedInflected(base, lang);
  } else {
    const what = form === FORM_TERM ? t.matchedTerm : form === FORM_DECLARED ? t.matchedForm : t.matchedVariant;
    how = `${what} “${label}”`;
  }
  const notes = [flags & LOOSE ? t.punctuationLoose : '', flags & POSSESSIVE ? t.possessive : ''].filter(Boolean);
  if (notes.length) how += ` (${notes.join(', ')})`;
  const same = form !== FORM_INFLECTED && pageText.toLowerCase() === label.toLowerCase();
  return same ? how.charAt(0).toUpperCase() + how.slice(1) : `“${pageText}”: ${how}`;
}
