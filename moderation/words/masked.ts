import type { LexEntry } from './lex-entry.ts';

/**
 * Characters readers put in place of a letter to mask a word: `*`, `#`, `_`, `%`, `•`.
 * `.` is not one: "A.S." (Amerika Serikat) and "a.s" would read as "ass", and letters split by
 * dots ("f.u.c.k") are already rejoined by normalization.
 */
export function isMaskChar(c: number): boolean {
  return c === 42 || c === 35 || c === 95 || c === 37 || c === 0x2022;
}

/** Letters with at least one mask character between two of them: "f*ck", "k*nt*l", "f**k". */
export const maskedRun = /[a-z]+(?:[*#_%\u2022]+[a-z]+)+/g;
/** A quick test that a text holds a mask character at all, so unmasked text costs one scan. */
export const anyMaskChar = /[*#_%\u2022]/;

/** Fewer unmasked letters than this match nothing: "a*" or "***" could be any word. */
export const MIN_UNMASKED = 2;
const MAX_LENGTH = 64;

interface Candidate {
  readonly word: string;
  /** null marks an allowlisted word: a masked token it fits is not a listed word. */
  readonly entries: readonly LexEntry[] | null;
}

interface Stem {
  readonly stem: string;
  readonly entry: LexEntry;
}

/** Listed words indexed by length, letter position and letter, so a masked token checks a few candidates. */
export interface MaskIndex {
  readonly byLetter: ReadonlyMap<number, readonly Candidate[]>;
  readonly stems: readonly Stem[];
}

function key(length: number, pos: number, c: number): number {
  return (length << 16) | (pos << 8) | c;
}

/**
 * Builds the index once per lexicon from the listed single words (with their entries), the
 * allowlisted words, and the stems that also count inside words.
 */
export function compileMaskIndex(
  words: Iterable<readonly [string, readonly LexEntry[]]>,
  allow: Iterable<string>,
  stems: readonly Stem[],
): MaskIndex {
  const byLetter = new Map<number, Candidate[]>();
  const put = (c: Candidate): void => {
    const w = c.word;
    if (w.length < 3 || w.length > MAX_LENGTH || !/^[a-z]+$/.test(w)) return;
    for (let p = 0; p < w.length; p++) {
      const k = key(w.length, p, w.charCodeAt(p));
      const list = byLetter.get(k);
      if (list === undefined) byLetter.set(k, [c]);
      else list.push(c);
    }
  };
  for (const w of allow) put({ word: w, entries: null });
  for (const [w, entries] of words) if (entries.length > 0) put({ word: w, entries });
  return { byLetter, stems: stems.filter((s) => /^[a-z]+$/.test(s.stem) && s.stem.length >= 3) };
}

// `word` has the pattern's letters where the pattern has letters, in `pattern[from, from + word.length)`.
function fits(pattern: string, from: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = pattern.charCodeAt(from + i);
    if (!isMaskChar(c) && c !== word.charCodeAt(i)) return false;
  }
  return true;
}

function unmasked(pattern: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!isMaskChar(pattern.charCodeAt(i))) n++;
  return n;
}

/**
 * The entries of the listed word a masked token stands for, or null. Each mask character stands
 * for one letter, so the word has the token's length and its unmasked letters in place ("f**k" →
 * fuck, "anj*ng" → anjing); a token that an allowlisted word also fits matches nothing ("c**k" could be
 * "cook"). Failing a whole word, a stem that counts inside words may fill the token's start or end,
 * with the mask strictly inside it ("bullsh*t", "dasark*ntol").
 */
export function matchMasked(index: MaskIndex, pattern: string): readonly LexEntry[] | null {
  const n = pattern.length;
  if (n > MAX_LENGTH || unmasked(pattern, 0, n) < MIN_UNMASKED) return null;
  let best: readonly Candidate[] | undefined;
  for (let p = 0; p < n; p++) {
    const c = pattern.charCodeAt(p);
    if (isMaskChar(c)) continue;
    const list = index.byLetter.get(key(n, p, c));
    if (list === undefined) {
      best = undefined;
      break;
    }
    if (best === undefined || list.length < best.length) best = list;
  }
  let found: readonly LexEntry[] | null = null;
  if (best !== undefined) {
    for (const cand of best) {
      if (!fits(pattern, 0, cand.word)) continue;
      if (cand.entries === null) return null;
      found ??= cand.entries;
    }
  }
  if (found !== null) return found;
  for (const s of index.stems) {
    const len = s.stem.length;
    if (len >= n) continue;
    // Stem at the start: its last letter is unmasked; at the end: its first letter is.
    if (!isMaskChar(pattern.charCodeAt(len - 1)) && window(pattern, 0, len) && fits(pattern, 0, s.stem)) return [s.entry];
    if (!isMaskChar(pattern.charCodeAt(n - len)) && window(pattern, n - len, n) && fits(pattern, n - len, s.stem)) return [s.entry];
  }
  return null;
}

// A stem window holds a mask and enough unmasked letters to say which stem it is.
function window(pattern: string, from: number, to: number): boolean {
  const u = unmasked(pattern, from, to);
  return u >= MIN_UNMASKED && u < to - from;
}
