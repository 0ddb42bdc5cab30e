// Regenerates lib/text/word-ranges.ts from this Node's Unicode tables:
//   node tests/unit/word-ranges.generate.mjs > lib/text/word-ranges.ts
// tests/unit/chars.test.ts then checks every BMP code unit against the regular expressions.

const WORD = /[\p{L}\p{M}\p{Nd}]/u;
const SOLO = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

function ranges(test) {
  const out = [];
  let start = -1;
  for (let c = 0; c <= 0x10000; c++) {
    const ok = c < 0x10000 && !(c >= 0xd800 && c <= 0xdfff) && test(String.fromCharCode(c));
    if (ok && start < 0) start = c;
    if (!ok && start >= 0) {
      out.push([start, c - 1]);
      start = -1;
    }
  }
  return out;
}

const pack = (rs) => rs.map(([a, b]) => a.toString(36) + (b > a ? `-${(b - a).toString(36)}` : '')).join(',');
const wrap = (s) => s.match(/.{1,96}(,|$)/g).map((line) => `  '${line}'`).join(' +\n');

console.log(`// Generated from Unicode ${process.versions.unicode} by tests/unit/word-ranges.generate.mjs; tests/unit/chars.test.ts
// checks every BMP code unit against the regular expressions these ranges replace. Ranges are
// "start" or "start-length" in base 36, start being the first code unit and length the count after it.

/** Letters, marks and decimal digits (\\p{L}, \\p{M}, \\p{Nd}) in the BMP. */
export const WORD_RANGES =
${wrap(pack(ranges((ch) => WORD.test(ch))))};

/** Of those, the ones in scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar). */
export const SOLO_RANGES =
${wrap(pack(ranges((ch) => WORD.test(ch) && SOLO.test(ch))))};`);
