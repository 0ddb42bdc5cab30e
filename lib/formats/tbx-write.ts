// Packs written as TBX-Basic v3 (ISO 30042:2019, DCA style). One conceptEntry per entry, all
// terms in one langSec in the pack's language ("und" when it has none): the term as the
// preferred term, the variants as admitted terms, and the terms named in a "Deprecated
// terms: …" paragraph of the definition (see tbx.ts) as deprecated terms.
// Not carried by TBX-Basic, hence not exported: short (re-derived from the definition on
// import; used as the definition when there is none), forms and inflect.

import type { Pack, PackEntry } from '../pack/format';
import { DEPRECATED_NOTE, GLOSS_ID_PREFIX } from './tbx';
import { xmlAttr, xmlText } from './xml-escape';

/** The entry id as a concept id that tbx.ts recognises, so ids survive a round trip. */
export function conceptId(entryId: string): string {
  return `${GLOSS_ID_PREFIX}${entryId}`;
}

function splitDeprecated(definition: string | undefined): { text?: string; deprecated: string[] } {
  const m = definition === undefined ? null : DEPRECATED_NOTE.exec(definition);
  if (!definition || !m) return { text: definition, deprecated: [] };
  const text = definition.slice(0, m.index).trim();
  return { ...(text ? { text } : {}), deprecated: (m[1] ?? '').split('; ').filter(Boolean) };
}

function termSec(term: string, status: string, extra: string[] = []): string {
  return [
    '          <termSec>',
    `            <term>${xmlText(term)}</term>`,
    `            <termNote type="administrativeStatus">${status}</termNote>`,
    ...extra,
    '          </termSec>',
  ].join('\n');
}

function conceptEntry(e: PackEntry, lang: string, termOf: ReadonlyMap<string, string>): string {
  const { text, deprecated } = splitDeprecated(e.definition);
  const out = [`      <conceptEntry id="${xmlAttr(conceptId(e.id))}">`];
  for (const tag of e.tags ?? []) out.push(`        <descrip type="subjectField">${xmlText(tag)}</descrip>`);
  for (const s of e.sources ?? []) out.push(`        <xref type="externalCrossReference" target="${xmlAttr(s.url)}">${xmlText(s.title)}</xref>`);
  for (const r of e.related ?? []) out.push(`        <ref type="crossReference" target="${xmlAttr(conceptId(r))}">${xmlText(termOf.get(r) ?? r)}</ref>`);
  out.push(`        <langSec xml:lang="${xmlAttr(lang)}">`);
  out.push(`          <descrip type="definition">${xmlText(text ?? e.short)}</descrip>`);
  const context = e.context ? [`            <descrip type="context">${xmlText(e.context)}</descrip>`] : [];
  out.push(termSec(e.term, 'preferredTerm-admn-sts', context));
  const variants = e.variants ?? [];
  for (const v of variants) out.push(termSec(v, deprecated.includes(v) ? 'deprecatedTerm-admn-sts' : 'admittedTerm-admn-sts'));
  for (const d of deprecated) if (!variants.includes(d) && d !== e.term) out.push(termSec(d, 'deprecatedTerm-admn-sts'));
  out.push('        </langSec>', '      </conceptEntry>');
  return out.join('\n');
}

export function packToTbx(pack: Pack): string {
  const lang = pack.language ?? 'und';
  const termOf = new Map(pack.entries.map((e) => [e.id, e.term]));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${xmlAttr(lang)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${xmlText(pack.title)}</title></titleStmt>`,
    `      <sourceDesc><p>${xmlText(`Gloss pack ${pack.id} ${pack.version}`)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    ...pack.entries.map((e) => conceptEntry(e, lang, termOf)),
    '    </body>',
    '  </text>',
    '</tbx>',
    '',
  ].join('\n');
}
