// How far an import has come. Every step runs in the options page's import worker; each
// reports entries done out of a total, and the page shows the step it is in.

export type ImportPhase = 'reading' | 'checking' | 'saving';

export interface ImportProgress {
  phase: ImportPhase;
  /** Units done so far (entries; 0 while a step cannot count, such as reading the file). */
  done: number;
  total: number;
}

export type ProgressReport = (progress: ImportProgress) => void;

/**
 * A counter for one phase of `total` entries that passes on at most about `steps` reports (and
 * always the last), however often it is told: a loop may tell it every entry, while whoever
 * listens (a message to another thread, a re-render) hears only a hundred times.
 */
export function phaseCounter(report: ProgressReport | undefined, phase: ImportPhase, total: number, steps = 100): (done: number) => void {
  if (!report) return () => undefined;
  const every = Math.max(1, Math.ceil(total / steps));
  let next = 0; // the count at which the next report is due
  let ended = false;
  return (done) => {
    if (ended || (done < next && done < total)) return;
    report({ phase, done, total });
    ended = done >= total;
    next = (Math.floor(done / every) + 1) * every;
  };
}
