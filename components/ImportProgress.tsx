// The bar and the line shown while a file is imported: the step it is in and, where the step
// can count, how many entries are done.

import type { ImportPhase } from '../lib/formats/progress';
import type { Strings } from '../lib/i18n';

export interface ImportActivity {
  file: string;
  /** `comparing`: the background is working out what replacing an installed pack would change. */
  step: ImportPhase | 'comparing';
  done: number;
  total: number;
}

function describe(a: ImportActivity, t: Strings['importProgress']): string {
  switch (a.step) {
    case 'reading':
      return t.reading(a.file);
    case 'checking':
      return t.checking(a.done, a.total);
    case 'comparing':
      return t.comparing;
    case 'saving':
      return a.done === 0 ? t.saving : t.saved(a.done, a.total);
  }
}

export function ImportProgress({ activity, t }: { activity: ImportActivity; t: Strings['importProgress'] }) {
  // Reading a file and comparing packs cannot count: their bar only shows that work goes on.
  const counted = (activity.step === 'checking' || activity.step === 'saving') && activity.total > 0;
  const text = describe(activity, t);
  return (
    <div class="import-progress">
      {/* Keyed: a bar that stops counting is replaced, since dropping `value` would leave it at 0. */}
      <progress key={counted ? 'counted' : 'busy'} aria-label={t.label} aria-valuetext={text} {...(counted ? { value: activity.done, max: activity.total } : {})} />
      <span aria-hidden="true">{text}</span>
    </div>
  );
}
