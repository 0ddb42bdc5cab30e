// Turns untrusted pack text into a Pack or a list of errors that name the line, field and
// entry at fault. Nothing here stores anything: callers store only a fully valid pack.

import * as v from 'valibot';
import { PackSchema, type Pack } from './format';

export type ParseResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

const MAX_ERRORS = 20;

function jsonError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(msg);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `Not valid JSON at line ${lc[1]}, column ${lc[2]}.`;
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `Not valid JSON at line ${line}, column ${column}.`;
  }
  return 'Not valid JSON.';
}

/** "entries[3] (id "titushki").short" from an issue path. */
function describePath(issue: v.BaseIssue<unknown>, data: unknown): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    if (typeof key === 'number') {
      parts.push(`[${key}]`);
      node = Array.isArray(node) ? node[key] : undefined;
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      if (parts.length === 2 && parts[0] === 'entries' && typeof id === 'string') parts.push(` (id "${id.slice(0, 64)}")`);
    } else {
      parts.push(parts.length ? `.${key}` : String(key));
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return parts.join('') || 'pack';
}

function issueMessage(issue: v.BaseIssue<unknown>, data: unknown): string {
  const where = describePath(issue, data);
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined && issue.expected === 'never') {
    return `${where}: unknown field`;
  }
  if (issue.received === 'undefined') return `${where}: is required`;
  const message = issue.message.startsWith('Invalid') ? `expected ${issue.expected}, got ${issue.received}` : issue.message;
  return `${where}: ${message}`;
}

/** Cross-entry rules a schema cannot express: unique ids, related ids that exist. */
function crossCheck(pack: Pack): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  pack.entries.forEach((e, i) => {
    if (ids.has(e.id)) errors.push(`entries[${i}] (id "${e.id}").id: duplicate entry id`);
    ids.add(e.id);
  });
  pack.entries.forEach((e, i) => {
    e.related?.forEach((r, k) => {
      if (!ids.has(r)) errors.push(`entries[${i}] (id "${e.id}").related[${k}]: no entry with id "${r}" in this pack`);
    });
  });
  return errors;
}

export function parsePackText(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [jsonError(text, err)] };
  }
  return validatePack(data);
}

export function validatePack(data: unknown): ParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, errors: ['pack: must be a JSON object'] };
  const result = v.safeParse(PackSchema, data, { abortPipeEarly: true });
  if (!result.success) {
    return { ok: false, errors: result.issues.slice(0, MAX_ERRORS).map((i) => issueMessage(i, data)) };
  }
  const errors = crossCheck(result.output);
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, pack: result.output };
}
