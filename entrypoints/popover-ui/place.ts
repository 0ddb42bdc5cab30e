import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Floating UI keeps the popover beside the term's first line as the page scrolls or resizes. */
export function place(anchor: Range, frame: HTMLElement): () => void {
  const reference: VirtualElement = {
    getBoundingClientRect: () => anchor.getClientRects()[0] ?? anchor.getBoundingClientRect(),
    getClientRects: () => anchor.getClientRects(),
  };
  const update = () =>
    void computePosition(reference, frame, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => frame.style.setProperty('--gloss-max-height', `${Math.max(160, Math.floor(availableHeight))}px`),
        }),
      ],
    }).then(({ x, y }) => {
      frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  return autoUpdate(reference, frame, update, { animationFrame: false });
}
