// Which reader a file needs, from its extension first and its content second.

import { isAnkiExport } from './anki';
import { looksLikeHeader } from './headers';
import type { FormatId } from './types';

function extension(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function firstLine(text: string): string {
  return text.slice(0, 64 * 1024).split(/\r?\n/).find((l) => l.trim()) ?? '';
}

/** A .txt (or unnamed) table: Anki when it has Anki headers, TSV when its first row names a term column, else Quizlet. */
function detectText(text: string): FormatId {
  if (isAnkiExport(text)) return 'anki';
  const first = firstLine(text);
  if (looksLikeHeader(first.split('\t'))) return 'tsv';
  if (!first.includes('\t') && looksLikeHeader(first.split(/[,;]/))) return 'csv';
  return 'quizlet';
}

export function detectFormat(name: string, text: string): FormatId | null {
  const head = text.slice(0, 1024).trimStart();
  switch (extension(name)) {
    case 'json':
      return 'gloss-json';
    case 'tbx':
    case 'tbxm':
    case 'xml':
      return 'tbx';
    case 'csv':
      return isAnkiExport(text) ? 'anki' : 'csv';
    case 'tsv':
    case 'tab':
      return isAnkiExport(text) ? 'anki' : 'tsv';
    case 'txt':
      return detectText(text);
    default:
      if (head.startsWith('{')) return 'gloss-json';
      if (head.startsWith('<')) return 'tbx';
      return head ? detectText(text) : null;
  }
}
