import { MappedBuilder, type Mapped } from './mapped.ts';

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

// Characters people put between letters to slip past filters: f.u.c.k, f u c k, a-n-j-i-n-g, f_u_c_k, f*u*c*k.
export function isSeparator(c: number): boolean {
  return (
    c === 32 ||
    c === 46 ||
    c === 45 ||
    c === 95 ||
    c === 42 ||
    c === 44 ||
    c === 47 ||
    c === 124 ||
    c === 126 ||
    c === 183 ||
    c === 8226 ||
    c === 9 ||
    c === 39
  );
}

const MIN_LETTERS = 3;

// Three one-letter pieces with one to three separators between them, the only thing this step
// changes: a comment without one (nearly all) is left after one regular-expression test.
const sep = "[ .\\-_*,/|~\u00B7\u2022\t']{1,3}";
const threeSingles = new RegExp(`(?<![a-zA-Z0-9])[a-zA-Z]${sep}[a-zA-Z]${sep}[a-zA-Z](?![a-zA-Z0-9])`);
const MAX_GAP = 3;

/**
 * Rejoins single letters split by separators ("f.u.c.k", "f u c k", "a-n-j-i-n-g") into one word.
 * It takes three or more one-letter pieces in a row, so ordinary words and "a" or "I" stay apart.
 */
export function rejoinSeparated(m: Mapped): Mapped {
  const text = m.text;
  if (!threeSingles.test(text)) return m;
  const n = text.length;
  let b: MappedBuilder | null = null;
  let copiedTo = 0;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (!isSingleLetterAt(text, i)) {
      // Skip the rest of a longer word in one go.
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      continue;
    }
    // Collect letter, gap, letter, gap ... while each piece is a lone letter.
    const letters: number[] = [i];
    let j = i + 1;
    for (;;) {
      let g = j;
      while (g < n && g - j < MAX_GAP && isSeparator(text.charCodeAt(g))) g++;
      if (g === j || g >= n || !isSingleLetterAt(text, g)) break;
      letters.push(g);
      j = g + 1;
    }
    if (letters.length >= MIN_LETTERS) {
      b ??= new MappedBuilder(m, 0);
      b.copy(copiedTo, i);
      for (const at of letters) b.copy(at, at + 1);
      copiedTo = j;
    }
    i = j;
  }
  if (b === null) return m;
  b.copy(copiedTo, n);
  return b.build();
}

function isSingleLetterAt(text: string, i: number): boolean {
  if (!isLetter(text.charCodeAt(i))) return false;
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return !isLetter(prev) && !isLetter(next) && !(prev >= 48 && prev <= 57) && !(next >= 48 && next <= 57);
}
