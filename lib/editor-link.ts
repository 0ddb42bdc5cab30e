// The pack editor's address for «Add to glossary»: which pack, the term, the sentence it came
// from, and the page as a source. Only an http(s) page becomes a source, and only its origin and
// path: a pack may be shared, and a query string can hold the reader's session or search.

import { encounterLocation } from './encounter-location';

export const EDITOR_PAGE = '/editor.html';
export const MY_GLOSSARY_ID = 'my-glossary';

export interface GlossaryAddition {
  term: string;
  sentence: string;
  pageUrl?: string;
  pageTitle?: string;
}

export function editorQuery({ term, sentence, pageUrl, pageTitle }: GlossaryAddition, pack = MY_GLOSSARY_ID): string {
  const q = new URLSearchParams({ pack, term: term.trim().slice(0, 200) });
  if (sentence.trim()) q.set('context', sentence.trim().slice(0, 1000));
  const source = pageUrl ? encounterLocation(pageUrl) : null;
  if (source) {
    q.set('source', source);
    if (pageTitle) q.set('title', pageTitle.slice(0, 300));
  }
  return `?${q}`;
}
