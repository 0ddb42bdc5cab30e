/**
 * A set of 32-bit hashes in one open-addressing table: a page's vocabulary is ~10,000 distinct
 * tokens seen ~150,000 times, where a JS Set spends more on boxing and rehashing than we do.
 */
export class HashSet {
  private table = new Int32Array(1024);
  private used = new Uint8Array(1024);
  size = 0;

  add(h: number): void {
    let mask = this.table.length - 1;
    let slot = h & mask;
    while (this.used[slot]) {
      if (this.table[slot] === h) return;
      slot = (slot + 1) & mask;
    }
    this.table[slot] = h;
    this.used[slot] = 1;
    if (++this.size * 2 > this.table.length) {
      const old = this.table;
      const oldUsed = this.used;
      this.table = new Int32Array(old.length * 2);
      this.used = new Uint8Array(old.length * 2);
      mask = this.table.length - 1;
      for (let i = 0; i < old.length; i++) {
        if (!oldUsed[i]) continue;
        let s = old[i]! & mask;
        while (this.used[s]) s = (s + 1) & mask;
        this.table[s] = old[i]!;
        this.used[s] = 1;
      }
    }
  }

  *values(): IterableIterator<number> {
    for (let i = 0; i < this.table.length; i++) if (this.used[i]) yield this.table[i]!;
  }
}
