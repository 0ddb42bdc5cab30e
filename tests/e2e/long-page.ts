// A long page for the viewport window (entrypoints/content/viewport-window.ts), shared by the
// Chromium and Firefox tests: every paragraph names Zhanaozen once, among enough words to fill a
// few lines, so only the terms near the viewport are painted.

export const LONG_PARAGRAPHS = 600;

export const LONG_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long page</title></head><body><main>' +
  Array.from({ length: LONG_PARAGRAPHS }, (_, i) => `<p id="p${i}">Report ${i}: the oil workers of Zhanaozen met again in the square this week, and the talks went on past dusk.</p>`).join('') +
  '</main></body></html>';

/** The same paragraphs in print small enough that a tall window shows more than Gloss paints at once. */
export const SMALL_PRINT_PAGE = LONG_PAGE.replace('</head>', '<style>p { font-size: 5px; margin: 0; }</style></head>');

/**
 * Evaluated in the page: the paragraphs on screen whose term is not in Gloss's highlight, and how
 * many ranges the highlight holds.
 */
export function paintingInView(): { unpainted: number; registered: number } {
  const highlight = CSS.highlights.get('gloss-underline');
  const painted = new Set<Node>();
  for (const r of highlight ?? []) painted.add((r as Range).startContainer.parentNode!);
  const unpainted = [...document.querySelectorAll('main p')].filter((p) => {
    const box = p.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && !painted.has(p);
  }).length;
  return { unpainted, registered: highlight?.size ?? 0 };
}
