/** Words of a normalized text: the strings and their `[start, end)` offsets in that text. */
export interface Tokens {
  readonly words: string[];
  readonly starts: number[];
  readonly ends: number[];
}

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
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterAt(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isLetterAt(text, j)) j++;
    words.push(text.slice(i, j));
    starts.push(i);
    ends.push(j);
    i = j;
  }
  return { words, starts, ends };
}
