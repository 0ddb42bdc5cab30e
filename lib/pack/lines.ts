// Offsets to 1-based line and column numbers, so every error can name the line at fault.

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Start offsets of every line, built once on first use. */
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    // Old Mac files end lines with a bare CR; everything else has LF (alone or after CR).
    const nl = this.text.includes('\n') ? '\n' : '\r';
    const starts = [0];
    for (let i = this.text.indexOf(nl); i !== -1; i = this.text.indexOf(nl, i + 1)) starts.push(i + 1);
    this.starts = starts;
    return starts;
  }

  /** 1-based line of the character at `offset`. */
  line(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of the character at `offset`, counted in UTF-16 units. */
  column(offset: number): number {
    const starts = this.lineStarts();
    return offset - (starts[this.line(offset) - 1] ?? 0) + 1;
  }
}
