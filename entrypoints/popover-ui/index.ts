import { h, render } from 'preact';
import css from '../../components/popover.css?inline';
import { TermPopover } from '../../components/TermPopover';
import { en } from '../../lib/i18n';
import { UI_GLOBAL, type PopoverProps, type PopoverUi } from '../content/popover-ui-contract';
import { describeMatch } from './describe-match';
import { place } from './place';

function view({ match, ...props }: PopoverProps) {
  const matchNote = match ? (describeMatch(match.label, match.form, match.flags, match.text, en) ?? undefined) : undefined;
  return h(TermPopover, { ...props, t: en, matchNote });
}

export default defineUnlistedScript(() => {
  const ui: PopoverUi = {
    css,
    render: (frame, props) => render(props ? view(props) : null, frame),
    place,
  };
  (globalThis as unknown as Record<string, PopoverUi>)[UI_GLOBAL] = ui;
});
