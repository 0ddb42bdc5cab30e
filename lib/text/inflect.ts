// Simple noun inflection for Russian, Ukrainian and Kazakh, opted into per entry. Forms are
// generated when a pack is compiled, so matching stays an exact lookup: «титушки» brings
// «титушек», «титушками» … without any stemming on the page.

export type InflectLanguage = 'ru' | 'uk' | 'kk';

const RU_ENDINGS = ['', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ов', 'ев', 'ь', 'ью', 'ия', 'ию', 'ии', 'ий'];
const UK_ENDINGS = ['', 'а', 'я', 'о', 'е', 'и', 'і', 'ї', 'у', 'ю', 'ою', 'ею', 'єю', 'ом', 'ем', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ів', 'їв', 'ей', 'ь'];
const KK_PLURAL = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'];
const KK_CASE = [
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'а', 'е', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті',
  'н', 'да', 'де', 'та', 'те', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'ы', 'і', 'сы', 'сі',
];

const SLAVIC_FINAL = /[аяоеыиіїйьую]$/;
const CYRILLIC_WORD = /[\u0400-\u04ff]+$/;

/** Slavic stems drop the final vowel; a stem ending consonant + к also has a fleeting-vowel form (титушек). */
function slavicForms(word: string, endings: readonly string[], fleeting: readonly string[]): string[] {
  const stem = word.replace(SLAVIC_FINAL, '');
  const out = endings.map((e) => stem + e);
  const m = /([^аяоеыиіїуюэє])([кц])$/.exec(stem);
  if (m) for (const v of fleeting) out.push(stem.slice(0, -1) + v + m[2]);
  return out;
}

function kazakhForms(word: string): string[] {
  const out = [word];
  for (const c of KK_CASE) out.push(word + c);
  for (const p of KK_PLURAL) {
    out.push(word + p);
    for (const c of KK_CASE) out.push(word + p + c);
  }
  return out;
}

/**
 * Inflected forms of `phrase` (its last word, when that word is Cyrillic), without the phrase
 * itself. Lower case: matching is case-insensitive anyway.
 */
export function inflectedForms(phrase: string, lang: InflectLanguage): string[] {
  const lower = phrase.toLowerCase();
  const m = CYRILLIC_WORD.exec(lower);
  if (!m) return [];
  const head = lower.slice(0, m.index);
  const word = m[0];
  const forms =
    lang === 'kk' ? kazakhForms(word) : lang === 'ru' ? slavicForms(word, RU_ENDINGS, ['е', 'о']) : slavicForms(word, UK_ENDINGS, ['о', 'е']);
  return [...new Set(forms)].filter((f) => f !== word && f.length > 1).map((f) => head + f);
}
