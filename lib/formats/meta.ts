// Pack metadata for files that carry none: from the import options, else from what the file
// says about itself (a TBX title and language), else from the file name.

import * as v from 'valibot';
import { PackMetaSchema, type PackMeta } from '../pack/format';
import { displayText } from '../pack/text-safety';
import { idFromFileName } from './ids';
import type { FormatId, ImportIssue, ImportOptions } from './types';

export const FORMAT_NAMES: Readonly<Record<FormatId, string>> = {
  'gloss-json': 'Gloss pack JSON',
  csv: 'CSV',
  tsv: 'TSV',
  anki: 'Anki text export',
  quizlet: 'Quizlet export',
  tbx: 'TBX',
};

function fileStem(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** "civics_101-final" → "Civics 101 final". */
export function titleFromFileName(name: string): string {
  const words = fileStem(name).replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
  const title = displayText(words, 120).replace(/\uFFFD/g, '').trim();
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : 'Imported glossary';
}

export function packMeta(
  file: string,
  format: FormatId,
  options: ImportOptions,
  fromFile: { title?: string; language?: string } = {},
): { meta: PackMeta | null; problems: ImportIssue[]; warnings: ImportIssue[] } {
  const warnings: ImportIssue[] = [];
  let language = options.language ?? fromFile.language;
  if (options.language === undefined && language !== undefined && !v.is(PackMetaSchema.entries.language, language)) {
    warnings.push({ file, field: 'language', message: `the file's language "${displayText(language)}" is not a language tag Gloss understands; the pack has no language` });
    language = undefined;
  }
  const candidate = {
    format: 'gloss-pack',
    formatVersion: 1,
    id: options.id ?? idFromFileName(file),
    version: options.version ?? '1.0.0',
    title: options.title ?? (fromFile.title ? displayText(fromFile.title, 120) : titleFromFileName(file)),
    description: `Imported from ${displayText(fileStem(file), 200)} (${FORMAT_NAMES[format]}).`,
    ...(language ? { language } : {}),
  };
  const result = v.safeParse(PackMetaSchema, candidate, { abortPipeEarly: true });
  if (result.success) return { meta: result.output, problems: [], warnings };
  const problems = result.issues.map((issue) => {
    const field = String(issue.path?.[0]?.key ?? 'pack');
    return { file, field, message: `${issue.message} (set it in the import options)` };
  });
  return { meta: null, problems, warnings };
}
