import { MappedBuilder, type Mapped } from './mapped.ts';

/**
 * Squashes letters stretched to three or more ("fuuuck", "anjiiing", "gobloookkk") down to two.
 * No English or Indonesian word has a letter three times in a row, so such a run is a stretch;
 * two remain because two may be the real spelling ("ass", "kkk"). The matcher then also tries the
 * word with doubles collapsed ({@link collapseDoubles}), which turns "fuuck" into "fuck".
 * The kept letters cover the whole run in the original, so a highlight spans the stretch.
 */
export function squashStretched(m: Mapped): Mapped {
  const text = m.text;
  const n = text.length;
  if (!hasTriple(text)) return m;
  let b: MappedBuilder | null = null;
  let copiedTo = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < n && text.charCodeAt(j) === c) j++;
    if (j - i >= 3 && c >= 97 && c <= 122) {
      b ??= new MappedBuilder(m, 0);
      b.copy(copiedTo, i + 1);
      b.replace(i + 1, j, text[i] ?? '');
      copiedTo = j;
    }
    i = j;
  }
  if (b === null) return m;
  b.copy(copiedTo, n);
  return b.build();
}

// Three equal characters in a row start at an odd position p - 1 or p, so looking from every
// second position finds every such run with half the reads of a full scan.
function hasTriple(text: string): boolean {
  for (let p = 1; p + 1 < text.length; p += 2) {
    const c = text.charCodeAt(p);
    if (c === text.charCodeAt(p + 1) && (c === text.charCodeAt(p - 1) || c === text.charCodeAt(p + 2))) return true;
  }
  return false;
}

/** Collapses every double letter in a word to one: "fuuck" → "fuck", "anjiing" → "anjing". */
export function collapseDoubles(word: string): string {
  let found = false;
  for (let i = 1; i < word.length; i++) {
    if (word.charCodeAt(i) === word.charCodeAt(i - 1)) {
      found = true;
      break;
    }
  }
  if (!found) return word;
  let out = word[0] ?? '';
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) !== word.charCodeAt(i - 1)) out += word[i];
  return out;
}
