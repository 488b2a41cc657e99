/** Words of a normalized text: the strings and their `[start, end)` offsets in that text. */
export interface Tokens {
  readonly words: string[];
  readonly starts: number[];
  readonly ends: number[];
  /**
   * Whether each word has a letter doubled ("fuuck"), seen while splitting, so the matcher tries
   * the collapsed form only for those (collapsing every word was ~5% of the time).
   */
  readonly doubled: boolean[];
  /**
   * What separates each word from the one before, seen while splitting: 2 a sentence end (". ! ? ;"
   * or a line break), 1 a clause end ("," or ":"), 0 neither. The sense and aim readings ask this
   * for many gaps per hit; a table lookup replaces a slice and a regex test each time.
   */
  readonly gaps: number[];
}

/** `Tokens.gaps` values. */
export const Gap = { none: 0, clause: 1, sentence: 2 } as const;

const otherLetter = /^\p{L}$/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 97 && c <= 122) return true;
  if (c < 0x80) return false;
  return otherLetter.test(text[i] ?? '');
}

/** Splits normalized text into maximal runs of letters; digits and punctuation separate words. */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const doubled: boolean[] = [];
  const gaps: number[] = [];
  const n = text.length;
  let gap = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!(c >= 97 && c <= 122) && (c < 0x80 || !isLetterAt(text, i))) {
      if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) gap = Gap.sentence;
      else if ((c === 44 || c === 58) && gap === Gap.none) gap = Gap.clause;
      i++;
      continue;
    }
    // Each character is read once: the previous one is kept for the doubled-letter test.
    let j = i + 1;
    let double = false;
    let prev = c;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (!(d >= 97 && d <= 122) && (d < 0x80 || !isLetterAt(text, j))) break;
      if (d === prev) double = true;
      prev = d;
      j++;
    }
    words.push(text.slice(i, j));
    starts.push(i);
    ends.push(j);
    doubled.push(double);
    gaps.push(gap);
    gap = 0;
    i = j;
  }
  return { words, starts, ends, doubled, gaps };
}
