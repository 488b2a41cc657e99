/**
 * A read-only map from words to values for the per-word lookups of a scan. A `Map` hashes each
 * word the tokenizer has just cut out of the comment on its first lookup, out of line in the
 * engine (the profile put half of the lexicon scan's own time on that lookup; the engine as a
 * whole ran about 5% faster with this table); here the hash is a short loop the compiler inlines,
 * and a miss (most words) is decided by comparing two integers.
 */
export class WordTable<T> {
  /** Open addressing, linear probing: entry index + 1 per slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly keys: readonly string[];
  private readonly values: readonly T[];

  constructor(entries: Iterable<readonly [string, T]>) {
    const keys: string[] = [];
    const values: T[] = [];
    for (const [k, v] of entries) {
      keys.push(k);
      values.push(v);
    }
    // A quarter full at most, so a miss usually ends at the first empty slot.
    let size = 8;
    while (size < keys.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(keys.length);
    this.keys = keys;
    this.values = values;
    for (let e = 0; e < keys.length; e++) {
      const h = hashWord(keys[e] ?? '');
      this.hashes[e] = h;
      let p = h & this.mask;
      while (this.slots[p] !== 0) p = (p + 1) & this.mask;
      this.slots[p] = e + 1;
    }
  }

  /** The value stored for `word`, if any. */
  get(word: string): T | undefined {
    const h = hashWord(word);
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const e = (this.slots[p] ?? 0) - 1;
      if (e < 0) return undefined;
      if (this.hashes[e] === h && this.keys[e] === word) return this.values[e];
    }
  }

  /**
   * The value stored for `word` with its double letters collapsed ({@link collapseDoubles}'s
   * result), found without building that string.
   */
  getCollapsed(word: string): T | undefined {
    const h = hashCollapsed(word);
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const e = (this.slots[p] ?? 0) - 1;
      if (e < 0) return undefined;
      if (this.hashes[e] === h && equalsCollapsed(word, this.keys[e] ?? '')) return this.values[e];
    }
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }
}

// FNV-1a over the UTF-16 code units.
function hashWord(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h;
}

// The same hash of the word with each run of one character counted once.
function hashCollapsed(w: string): number {
  let h = 0x811c9dc5 | 0;
  let prev = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c !== prev) h = Math.imul(h ^ c, 0x01000193);
    prev = c;
  }
  return h;
}

// Whether collapsing the doubles of `w` gives `key`.
function equalsCollapsed(w: string, key: string): boolean {
  let k = 0;
  let prev = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === prev) continue;
    if (k >= key.length || key.charCodeAt(k) !== c) return false;
    k++;
    prev = c;
  }
  return k === key.length;
}
