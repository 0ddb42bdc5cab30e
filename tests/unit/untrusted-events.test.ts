// Only the reader opens Gloss's UI: events a page script dispatches (isTrusted false) reach none
// of the openers. The reader's own input is covered end to end (tests/e2e/privacy.test.ts).

import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermPopover } from '../../components/TermPopover';
import { HoverIntent, type HoverTarget } from '../../entrypoints/content/hover-intent';
import { Keyboard } from '../../entrypoints/content/keyboard';
import type { PaintedTerm } from '../../entrypoints/content/painter';
import type { PopoverControl } from '../../entrypoints/content/popover-control';
import { en } from '../../lib/i18n';

let doc: Document;
let win: Window & typeof globalThis;

beforeAll(() => {
  ({ document: doc, window: win } = parseHTML('<!doctype html><html><body><p>Feminita and titushki</p></body></html>') as unknown as { document: Document; window: Window & typeof globalThis });
  Object.assign(globalThis, { document: doc });
});

const term = { key: 'p/feminita' } as PaintedTerm;

function synthetic(type: string, init: Record<string, unknown> = {}): Event {
  const e = Object.assign(new win.Event(type, { bubbles: true }), { clientX: 10, clientY: 10, button: 0, pointerType: 'mouse', key: 'Escape', ...init });
  expect(e.isTrusted).toBeFalsy();
  return e;
}

describe('openers ignore events a page dispatches', () => {
  it('hover intent: no open, close or keep-open from synthetic pointer, mouse or scroll events', async () => {
    const calls: string[] = [];
    const target: HoverTarget = {
      hitTest: () => (calls.push('hitTest'), term),
      overPopover: () => false,
      inPopover: () => false,
      openOn: () => null,
      open: () => void calls.push('open'),
      keepOpen: () => void calls.push('keepOpen'),
      leave: () => void calls.push('leave'),
      close: () => void calls.push('close'),
      tapOff: () => (calls.push('tapOff'), false),
      delayMs: () => 0,
    };
    const abort = new AbortController();
    const hover = new HoverIntent(target, abort.signal, doc);
    for (const type of ['pointermove', 'pointerup', 'pointerdown', 'mousemove', 'mouseover', 'click']) doc.body.dispatchEvent(synthetic(type));
    win.dispatchEvent(synthetic('scroll'));
    hover.onPopoverPointer(true, synthetic('pointerenter') as PointerEvent);
    hover.onPopoverPointer(false, synthetic('pointerleave') as PointerEvent);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([]);
    abort.abort();
  });

  it('keyboard: synthetic Escape and focus moves do not close or open anything', () => {
    const calls: string[] = [];
    const popover = {
      openTerm: term,
      fromKeyboard: true,
      host: { contains: () => false },
      close: () => void calls.push('close'),
      show: () => void calls.push('show'),
    } as unknown as PopoverControl;
    const abort = new AbortController();
    new Keyboard(popover, () => [term], abort.signal, doc);
    doc.body.dispatchEvent(synthetic('keydown'));
    doc.body.dispatchEvent(synthetic('focusin'));
    expect(calls).toEqual([]);
    abort.abort();
  });

  it('popover buttons: a synthetic click follows no related entry and closes nothing', () => {
    const calls: string[] = [];
    const root = doc.createElement('div');
    const view = { key: 'p/x', term: 'Feminita', short: 'A feminist initiative', variants: [], sources: [], tags: [], related: [{ key: 'p/y', term: 'Almaty', short: 'City' }], packTitle: 'Pack' };
    render(h(TermPopover, { view, t: en, onRelated: () => calls.push('related'), onBack: () => calls.push('back'), onClose: () => calls.push('close') }), root);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.length).toBe(2);
    for (const b of buttons) b.dispatchEvent(synthetic('click'));
    expect(calls).toEqual([]);
  });
});
