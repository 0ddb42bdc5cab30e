// Interface strings. Components take a `Strings` object, so Russian and Kazakh tables slot in
// without touching them.

export const en = {
  close: 'Close',
  back: 'Back',
  context: 'Context',
  sources: 'Sources',
  related: 'Related',
  seenOn: 'Also met on',
  notMetElsewhere: 'Not met on other pages yet.',
  historyOff: 'You turned off remembering where you met terms (Gloss options).',
  historyUnavailable: 'Could not read where you met this term.',
  fromPack: 'From',
  loading: 'Loading…',
  notFound: 'This entry is no longer installed.',
  matchedTerm: 'matched the term',
  matchedVariant: 'matched the variant',
  matchedForm: 'matched the form',
  matchedInflected: (base: string, lang: string) => `a ${({ ru: 'Russian', uk: 'Ukrainian', kk: 'Kazakh' } as Record<string, string>)[lang] ?? lang} form of “${base}”`,
  punctuationLoose: 'punctuation differs',
  possessive: 'possessive',
  relatedFrom: (term: string) => `Related to “${term}”`,
  popupTitle: 'Gloss',
  onThisSite: 'Gloss on this site',
  termsOnPage: 'Terms on this page',
  noTerms: 'No glossary terms found on this page.',
  notAvailable: 'Gloss cannot run on this page.',
  openOptions: 'Packs and settings',
};

export type Strings = typeof en;
