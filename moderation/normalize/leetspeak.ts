import { MappedBuilder, type Mapped } from './mapped.ts';

const leet: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '+': 't',
};

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The characters leetspeak maps to a letter inside a word. */
export function isLeet(c: number): boolean {
  return c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55 || c === 64 || c === 36 || c === 33 || c === 43;
}

// A neighbour that makes "!" or "+" part of a word: a letter or a digit-style leet character.
function isWordChar(c: number): boolean {
  return isLetter(c) || (isLeet(c) && c !== 33 && c !== 43);
}

function isDigitLike(c: number): boolean {
  return c >= 48 && c <= 57;
}

// 1: a letter, 2: a leet character, 3: another digit; 0: anything else (ASCII only).
const kind = new Uint8Array(128);
for (let c = 0; c < 128; c++) kind[c] = isLetter(c) ? 1 : isLeet(c) ? 2 : isDigitLike(c) ? 3 : 0;

/**
 * Maps leetspeak inside words: 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s, and `!`/`+` between letters.
 * Only a run that also holds a letter is a word, so "2024", "$5" and "08123" keep their digits, and
 * so does a number of two or more digits after a plain word of three or more letters ("covid19",
 * "zeus138"), while "b4ngs47" is leetspeak throughout;
 * `!` and `+` at the edge of a word stay punctuation ("bagus!", "C++").
 */
export function mapLeetspeak(m: Mapped): Mapped {
  const text = m.text;
  let b: MappedBuilder | null = null;
  let copiedTo = 0;
  let i = 0;
  const n = text.length;
  // Most comments hold no leet character at all: one pass over a table says so.
  let any = false;
  for (let k = 0; k < n && !any; k++) {
    const c = text.charCodeAt(k);
    if (c < 128 && kind[c] === 2) any = true;
  }
  if (!any) return m;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ki = c < 128 ? (kind[c] ?? 0) : 0;
    if (ki === 0) {
      i++;
      continue;
    }
    let end = i;
    let letters = 0;
    let leets = 0;
    while (end < n) {
      const d = text.charCodeAt(end);
      const kd = d < 128 ? (kind[d] ?? 0) : 0;
      if (kd === 1) letters++;
      else if (kd === 2) leets++;
      else if (kd === 0) break;
      end++;
    }
    if (letters > 0 && leets > 0) {
      // A number after a real word is a brand or a name ("zeus138", "covid19"), not leetspeak ("a55").
      let stop = end;
      while (stop > i && isDigitLike(text.charCodeAt(stop - 1))) stop--;
      let plainBefore = stop - i >= 3;
      for (let k = i; k < stop && plainBefore; k++) if (isLeet(text.charCodeAt(k))) plainBefore = false;
      if (end - stop < 2 || !plainBefore) stop = end;
      for (let k = i; k < stop; k++) {
        const d = text.charCodeAt(k);
        if (!isLeet(d)) continue;
        if (d === 33 || d === 43) {
          // "!" and "+" only count between two letters-or-leet characters of the same word.
          const prev = k > i ? text.charCodeAt(k - 1) : 0;
          const next = k + 1 < stop ? text.charCodeAt(k + 1) : 0;
          if (!isWordChar(prev) || !isWordChar(next)) continue;
        }
        b ??= new MappedBuilder(m, 0);
        b.copy(copiedTo, k);
        b.replace(k, k + 1, leet[text[k] ?? ''] ?? '');
        copiedTo = k + 1;
      }
    }
    i = end;
  }
  if (b === null) return m;
  b.copy(copiedTo, text.length);
  return b.build();
}
