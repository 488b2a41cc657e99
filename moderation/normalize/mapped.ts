/**
 * Text with a map back to the original comment. `starts[i]`/`ends[i]` give the original
 * UTF-16 range that produced output character `i`; `null` means the identity map, which keeps
 * the common all-ASCII path free of allocations.
 */
export interface Mapped {
  readonly text: string;
  readonly starts: readonly number[] | null;
  readonly ends: readonly number[] | null;
}

/** Wraps an original string with the identity map. */
export function fromOriginal(text: string): Mapped {
  return { text, starts: null, ends: null };
}

/** Original offset where output character `i` starts. */
export function originStart(m: Mapped, i: number): number {
  return m.starts === null ? i : (m.starts[i] ?? 0);
}

/** Original offset just after output character `i`. */
export function originEnd(m: Mapped, i: number): number {
  return m.ends === null ? i + 1 : (m.ends[i] ?? 0);
}

/** Original span covering output characters `[start, end)`. */
export function originSpan(m: Mapped, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: originStart(m, start), end: originStart(m, start) };
  return { start: originStart(m, start), end: originEnd(m, end - 1) };
}

/**
 * Accumulates output characters with their original ranges. Steps create one lazily, at the
 * first change, so an unchanged text costs one scan and no allocation.
 */
export class MappedBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Starts a builder holding the first `upTo` characters of `src` unchanged. */
  constructor(
    private readonly src: Mapped,
    upTo: number,
  ) {
    if (upTo > 0) this.copy(0, upTo);
  }

  /** Copies source characters `[from, to)` unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.src.text.slice(from, to));
    for (let i = from; i < to; i++) {
      this.starts.push(originStart(this.src, i));
      this.ends.push(originEnd(this.src, i));
    }
  }

  /** Emits `out` in place of source characters `[from, to)`; every emitted char maps to their union. */
  replace(from: number, to: number, out: string): void {
    if (out.length === 0) return;
    const s = originStart(this.src, from);
    const e = originEnd(this.src, to - 1);
    this.parts.push(out);
    for (let k = 0; k < out.length; k++) {
      this.starts.push(s);
      this.ends.push(e);
    }
  }

  /** Extends the last emitted character so it also covers source characters up to `to`. */
  extendLast(to: number): void {
    const n = this.ends.length;
    if (n > 0) this.ends[n - 1] = originEnd(this.src, to - 1);
  }

  build(): Mapped {
    return { text: this.parts.join(''), starts: this.starts, ends: this.ends };
  }
}

/** True when every UTF-16 unit is below 0x80; such text is already NFKC, unaccented and visible. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// One UTF-16 unit outside ASCII (no `u` flag: a surrogate pair is found by its first unit).
const nonAscii = /[\u0080-\uffff]/g;

/**
 * Applies `fn` to every non-ASCII code point; `fn` returns the replacement or `undefined` to keep it.
 * `mark` returning true removes the code point and attaches it to the previous output character,
 * so a highlight still covers an accent that was stripped.
 */
export function mapNonAscii(m: Mapped, fn: (cp: string) => string | undefined, attachToPrevious?: (cp: string) => boolean): Mapped {
  const text = m.text;
  let b: MappedBuilder | null = null;
  let copiedTo = 0;
  // The regular expression finds the next non-ASCII unit: the five steps that call this pass over
  // mostly ASCII text, which the expression skips far faster than a loop over the characters.
  nonAscii.lastIndex = 0;
  while (nonAscii.test(text)) {
    const i = nonAscii.lastIndex - 1;
    const c = text.charCodeAt(i);
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    nonAscii.lastIndex = i + len;
    const cp = text.slice(i, i + len);
    const out = fn(cp);
    if (out !== undefined && out !== cp) {
      b ??= new MappedBuilder(m, 0);
      b.copy(copiedTo, i);
      if (out.length === 0 && attachToPrevious?.(cp)) b.extendLast(i + len);
      else b.replace(i, i + len, out);
      copiedTo = i + len;
    }
  }
  if (b === null) return m;
  b.copy(copiedTo, text.length);
  return b.build();
}
