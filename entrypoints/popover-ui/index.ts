import { h, render } from 'preact';
import css from '../../components/popover.css?inline';
import { TermPopover } from '../../components/TermPopover';
import { UI_GLOBAL, type PopoverUi } from '../content/popover-ui-contract';
import { place } from './place';

export default defineUnlistedScript(() => {
  const ui: PopoverUi = {
    css,
    render: (frame, props) => render(props ? h(TermPopover, props) : null, frame),
    place,
  };
  (globalThis as unknown as Record<string, PopoverUi>)[UI_GLOBAL] = ui;
});
