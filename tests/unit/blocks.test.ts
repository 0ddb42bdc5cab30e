// Block collection on a DOM: what counts as visible text and where blocks begin and end.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../entrypoints/content/blocks';
import { found, indexOf } from './helpers';

function blocks(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return collectBlocks(document.body).map((b) => b.text);
}

describe('collectBlocks', () => {
  it('joins inline elements so a term split by <em> still matches', () => {
    const texts = blocks('<p>They shouted “Shal, <em>ket</em>!” at <b>Nur</b> <i>Otan</i>.</p>');
    expect(texts).toEqual(['They shouted “Shal, ket!” at Nur Otan.']);
    expect(found(indexOf(['Shal, ket!', 'Nur Otan']), texts[0]!)).toEqual(['Shal, ket!', 'Nur Otan']);
  });

  it('never joins across block boundaries', () => {
    const texts = blocks('<div>Nur</div><div>Otan</div><p>Nur<br>Otan</p><ul><li>Nur</li><li>Otan</li></ul>');
    expect(texts).toEqual(['Nur', 'Otan', 'Nur', 'Otan', 'Nur', 'Otan']);
  });

  it('skips scripts, styles, form fields, editable and hidden regions', () => {
    const texts = blocks(
      '<p>seen</p><script>no1</script><style>no2</style><textarea>no3</textarea><select><option>no4</option></select>' +
        '<div contenteditable="true">no5</div><div hidden>no6</div><div style="display: none">no7</div><noscript>no8</noscript>' +
        '<template>no9</template><gloss-root>no10</gloss-root><details><summary>sum</summary>no11</details>' +
        '<svg><title>no12</title><text>svgtext</text></svg><p aria-hidden="true">still seen</p>',
    );
    expect(texts).toEqual(['seen', 'sum', 'svgtext', 'still seen']);
  });

  it('keeps node offsets so matches map to DOM positions', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>ab<em>cd</em>ef</p></body></html>');
    const [b] = collectBlocks(document.body);
    expect(b!.starts).toEqual([0, 2, 4]);
    expect(b!.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
  });

  it('reads a block of plain inline markup whole and finds its nodes only when asked', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>ab<a href="#x"><em>cd</em></a><!-- note -->ef</p></body></html>');
    const [b] = collectBlocks(document.body);
    expect(b!.text).toBe('abcdef');
    expect(b!.layoutTo(2).nodes.map((n) => n.data)).toEqual(['ab']);
    expect(b!.layoutTo(3).nodes.map((n) => n.data)).toEqual(['ab', 'cd']);
    expect(b!.starts).toEqual([0, 2, 4]);
    expect(b!.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
  });

  it('still leaves out hidden, styled-away and nested content inside an otherwise plain block', () => {
    const texts = blocks('<p>a <span hidden>no1</span>b <span style="display:none">no2</span>c <q>d</q> <sup>e</sup></p><p>f<br>g <svg><title>no3</title></svg></p>');
    expect(texts).toEqual(['a b c d e', 'f', 'g ']);
  });

  it('gives no nodes for a block whose text changed since it was read', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>abc<em>def</em></p></body></html>');
    const [b] = collectBlocks(document.body);
    document.querySelector('em')!.textContent = 'longer now';
    expect(b!.nodes).toEqual([]);
  });
});

describe('TextBlock.owner', () => {
  it('names the nearest block-level element, which the painter watches for the viewport', () => {
    const { document } = parseHTML('<!doctype html><html><body><article>lead <em>in</em><p id="a">Nur <b>Otan</b></p>tail</article><div><p id="b">x</p></div></body></html>');
    const found = collectBlocks(document.body).map((b) => [b.text, b.owner.tagName, b.owner.id]);
    expect(found).toEqual([
      ['lead in', 'ARTICLE', ''],
      ['Nur Otan', 'P', 'a'],
      ['tail', 'ARTICLE', ''],
      ['x', 'P', 'b'],
    ]);
  });
});
