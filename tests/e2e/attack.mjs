// What a hostile page's own script can do to learn about the reader through Gloss, with no input
// from her: dispatch synthetic pointer, mouse, focus, key and click events on every painted range,
// then read everything a page can read. Runs in the page's main world (page.evaluate), exactly
// where the site's scripts run. Returns every string it could collect.

export async function attackPage() {
  const ranges = [];
  for (const [, highlight] of CSS.highlights) for (const r of highlight) ranges.push(r);
  const collected = ranges.map((r) => r.toString());
  const hostsBefore = document.querySelectorAll('gloss-root').length;
  for (const r of ranges) {
    const rect = r.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const target = document.elementFromPoint(x, y) ?? r.startContainer.parentElement ?? document.body;
    const at = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0 };
    for (const type of ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup']) target.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'mouse' }));
    for (const type of ['mouseover', 'mousemove', 'mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, at));
    target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    if (target instanceof HTMLElement) target.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '.', code: 'Period', altKey: true, shiftKey: true, bubbles: true }));
  }
  // Longer than any hover delay a reader can set up to 2 s is not needed: the default is 300 ms.
  await new Promise((r) => setTimeout(r, 1000));
  const hostsAfter = document.querySelectorAll('gloss-root').length;

  const openRoots = [...document.querySelectorAll('*')].map((el) => el.shadowRoot).filter(Boolean);
  collected.push(document.documentElement.getHTML ? document.documentElement.getHTML({ serializableShadowRoots: true, shadowRoots: openRoots }) : document.documentElement.outerHTML);
  collected.push(document.documentElement.outerHTML);
  for (const root of openRoots) collected.push(root.innerHTML);
  for (const el of document.querySelectorAll('iframe')) collected.push(el.src, el.getAttribute('srcdoc') ?? '');
  const selection = getSelection();
  selection.selectAllChildren(document.documentElement);
  collected.push(selection.toString());
  selection.removeAllRanges();
  collected.push(document.body.innerText, document.title, location.href, JSON.stringify(Object.keys(window).filter((k) => /gloss/i.test(k))));
  for (const el of document.querySelectorAll('*')) for (const a of el.getAttributeNames()) if (/gloss/i.test(a)) collected.push(`attribute ${a}`);
  return { text: collected.join('\n'), ranges: ranges.length, hostsBefore, hostsAfter };
}
