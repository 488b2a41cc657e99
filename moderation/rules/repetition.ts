import { quoteTerms } from '../messages.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import type { Tokens } from '../words/tokenize.ts';
import type { Analysis } from './rule.ts';
import { noReasons, type Rule } from './rule.ts';

/** Longest repeated phrase looked for, in words: a long sentence pasted over and over. */
export const MAX_PHRASE_WORDS = 40;
/** A phrase of two or more words repeated this many times in a row is flooding. */
export const PHRASE_REPEATS = 3;
/** Longest repeated symbol sequence looked for, in UTF-16 units: an emoji and a space, "!?". */
const MAX_SYMBOL_UNIT = 4;
/** A long comment with fewer distinct words than this share of its words says one thing many times. */
const MIN_DISTINCT_SHARE = 0.3;
// Ordinary comments of 10 words or more use two thirds of their words once or more (tuning corpus).
const LONG_COMMENT_WORDS = 16;

interface Found {
  readonly span: Span;
  readonly unit: string;
}

function isLetterOrSpace(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 32 || c === 10 || c === 9 || c === 13;
}

// ASCII characters that are neither letters, spaces nor digits: the ones a symbol run is made of.
const asciiSymbol = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiSymbol[c] = isLetterOrSpace(c) || (c >= 48 && c <= 57) ? 0 : 1;

// One character repeated `min` times ("!!!!!!!!!!", "aaaaaaaaaa"), or a short run of symbols or
// emoji repeated `min` times ("😡😡😡…", "!? !? !?…"); letters repeated in units are laughter
// ("wkwkwkwk", "hahaha"), not flooding.
function symbolRuns(text: string, min: number, out: Found[]): void {
  const n = text.length;
  // A run of units with a symbol in each needs `min` symbols; most comments have fewer, and then
  // only single characters are looked at.
  singleRuns(text, min, out);
  if (!mayHoldUnitRun(text, min)) return;
  let symbols = 0;
  for (let i = 0; i < n && symbols < min; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || asciiSymbol[c] === 1) symbols++;
  }
  if (symbols < min) return;
  for (let u = 2; u <= MAX_SYMBOL_UNIT; u++) {
    let j = 0;
    while (j + u < n) {
      if (text.charCodeAt(j) !== text.charCodeAt(j + u)) {
        j++;
        continue;
      }
      let r = j;
      while (r + u < n && text.charCodeAt(r) === text.charCodeAt(r + u)) r++;
      const repeats = Math.floor((r - j) / u) + 1;
      const unit = text.slice(j, j + u);
      let plain = true;
      for (let k = 0; k < u && plain; k++) if (!isLetterOrSpace(unit.charCodeAt(k))) plain = false;
      const blank = unit.trim() === '';
      if (repeats >= min && !plain && !blank && !isRepeatOfShorter(unit)) {
        let start = j;
        let end = j + repeats * u;
        while (text.charCodeAt(start) === 32) start++;
        while (end > start && text.charCodeAt(end - 1) === 32) end--;
        out.push({ span: { start, end }, unit: unit.trim() });
      }
      j = r + u;
    }
  }
  spacedSymbolRuns(text, min, out);
}

// ASCII punctuation ("!!!!! !!!!! …"), emoji and other symbols (U+2000–U+2BFF, U+1F000–U+1FAFF),
// not letters or digits of any script.
function isSymbolPoint(cp: number): boolean {
  if (cp < 128) return asciiSymbol[cp] === 1 && cp > 32;
  return (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x1f000 && cp <= 0x1faff);
}

// Marks that ride on a symbol without changing it: variation selectors, skin tones, a joiner.
function isSymbolMark(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

// One symbol `min` times or more with only spaces between, in groups of any size
// ("🔥🔥🔥🔥 🔥🔥🔥🔥 🔥🔥🔥🔥 …"): no unit of 2–4 characters repeats there, but it is one flood.
function spacedSymbolRuns(text: string, min: number, out: Found[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    if (!isSymbolPoint(cp)) {
      i += size;
      continue;
    }
    let count = 1;
    let end = i + size;
    let k = end;
    while (k < n) {
      const c = text.codePointAt(k) ?? 0;
      if (c === 32 || isSymbolMark(c)) k += c > 0xffff ? 2 : 1;
      else if (c === cp) {
        count++;
        k += size;
        end = k;
      } else break;
    }
    if (count >= min && !out.some((f) => f.span.start < end && i < f.span.end)) out.push({ span: { start: i, end }, unit: String.fromCodePoint(cp) });
    i = end;
  }
}

// A unit of 2–4 characters repeated `min` times spans 2 × min characters or more, so one of every
// (2 × min − 4)-th positions (16 by default) falls in it with a whole unit after it: there the
// character recurs one unit later and the unit holds something other than a letter or a space.
// Text with no such position (nearly all) holds no such run, and the symbol count is not needed.
function mayHoldUnitRun(text: string, min: number): boolean {
  const n = text.length;
  const stride = Math.max(1, 2 * min - 4);
  for (let p = 0; p + 2 < n; p += stride) {
    const c = text.charCodeAt(p);
    for (let u = 2; u <= MAX_SYMBOL_UNIT && p + u < n; u++) {
      if (text.charCodeAt(p + u) !== c) continue;
      for (let k = p; k < p + u; k++) if (!isLetterOrSpace(text.charCodeAt(k))) return true;
    }
  }
  return false;
}

// Runs of one character `min` long or longer, other than spaces. A run that long covers one of
// every `min - 1`-th positions, so only those are looked at, and the run is measured from there:
// a comment without one costs n / (min - 1) comparisons instead of n.
function singleRuns(text: string, min: number, out: Found[]): void {
  const n = text.length;
  const step = Math.max(1, min - 1);
  let p = step - 1;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (text.charCodeAt(p + 1) !== c && (p === 0 || text.charCodeAt(p - 1) !== c)) {
      p += step;
      continue;
    }
    let a = p;
    while (a > 0 && text.charCodeAt(a - 1) === c) a--;
    let b = p + 1;
    while (b < n && text.charCodeAt(b) === c) b++;
    if (b - a >= min && c !== 32 && text.slice(a, a + 1).trim() !== '') out.push({ span: { start: a, end: b }, unit: text.slice(a, a + 1) });
    // The next run starts after this one; keep to the sampled grid from there.
    p = Math.max(p + step, b + step - 1);
  }
}

// "!!" is "!" twice: a unit that is itself a repetition was found with the shorter unit.
function isRepeatOfShorter(unit: string): boolean {
  for (let d = 1; d < unit.length; d++) {
    if (unit.length % d !== 0) continue;
    if (unit.slice(d) === unit.slice(0, unit.length - d)) return true;
  }
  return false;
}

// The words' small numbers, one buffer reused by every comment (rules never run nested).
let wordKeys = new Int32Array(256);

// A word repeated `wordMin` times in a row ("beli beli beli beli"), or a phrase of 2–40 words
// repeated `PHRASE_REPEATS` times in a row (a sentence pasted over and over).
function wordRuns(tokens: Tokens, wordMin: number, out: { from: number; to: number; k: number }[]): void {
  const n = tokens.words.length;
  // Each word as a small number (length and three letters), so the passes compare integers; two
  // words with the same number are compared as strings only where a run is measured.
  if (wordKeys.length < n) wordKeys = new Int32Array(Math.max(n, wordKeys.length * 2));
  const w = wordKeys;
  for (let i = 0; i < n; i++) {
    const x = tokens.words[i] ?? '';
    w[i] = (x.length << 24) ^ (x.charCodeAt(0) << 16) ^ (x.charCodeAt(x.length >> 1) << 8) ^ x.charCodeAt(x.length - 1);
  }
  const t = tokens.words;
  const candidate = phraseDistances(w, n);
  for (let k = 1; k <= MAX_PHRASE_WORDS && k * 2 <= n; k++) {
    const min = k === 1 ? wordMin : PHRASE_REPEATS;
    if (k * min > n) break;
    if (k > 1 && candidate[k] !== 1) continue;
    let j = 0;
    while (j + k < n) {
      if (w[j] !== w[j + k] || t[j] !== t[j + k]) {
        j++;
        continue;
      }
      let r = j;
      while (r + k < n && w[r] === w[r + k] && t[r] === t[r + k]) r++;
      const repeats = Math.floor((r - j) / k) + 1;
      if (repeats >= min && !covered(out, j, j + repeats * k)) out.push({ from: j, to: j + repeats * k, k });
      j = r + 1;
    }
  }
}

// Scratch space for phraseDistances: a 512-slot table of the last position of each pair of
// words, a chain of earlier positions, the pairs' keys, and the marks by distance.
const pairHead = new Int32Array(512);
// The comment each slot of pairHead was written for: a slot of an earlier comment counts as
// empty, so the table is not cleared for every comment (a 2 KB fill each time).
const pairStamp = new Int32Array(512);
let stamp = 0;
let pairPrev = new Int32Array(256);
let pairKey = new Int32Array(256);
const distances = new Uint8Array(MAX_PHRASE_WORDS + 1);

/**
 * The distances k ≥ 2 at which some pair of consecutive words recurs (by key). A phrase of k words
 * said three times in a row repeats its first two words k later, so only these k need a pass of
 * their own; most comments have none or a few, where every k from 2 to 40 was a pass over the words.
 */
function phraseDistances(w: Int32Array, n: number): Uint8Array {
  distances.fill(0);
  if (n < 2 * PHRASE_REPEATS) return distances;
  if (pairPrev.length < n) {
    pairPrev = new Int32Array(Math.max(n, pairPrev.length * 2));
    pairKey = new Int32Array(pairPrev.length);
  }
  stamp = (stamp + 1) | 0;
  if (stamp === 0) {
    pairStamp.fill(0);
    stamp = 1;
  }
  for (let j = 0; j + 1 < n; j++) {
    const key = (Math.imul(w[j] ?? 0, 0x9e3779b1) ^ (w[j + 1] ?? 0)) | 0;
    pairKey[j] = key;
    const slot = (key ^ (key >>> 9)) & 511;
    const head = pairStamp[slot] === stamp ? (pairHead[slot] ?? -1) : -1;
    for (let p = head; p >= 0 && j - p <= MAX_PHRASE_WORDS; p = pairPrev[p] ?? -1) {
      if (pairKey[p] === key && j - p >= 2) distances[j - p] = 1;
    }
    pairPrev[j] = head;
    pairHead[slot] = j;
    pairStamp[slot] = stamp;
  }
  return distances;
}

function covered(found: readonly { from: number; to: number }[], from: number, to: number): boolean {
  return found.some((f) => f.from <= from && f.to >= to);
}

// Fewer distinct words than a quarter of a long comment's words: the same few sentences shuffled.
function lowVariety(tokens: Tokens): boolean {
  const n = tokens.words.length;
  if (n < LONG_COMMENT_WORDS) return false;
  // If the first quarter's words are all different, a quarter are distinct already: not low.
  const q = Math.ceil(n * MIN_DISTINCT_SHARE);
  if (q <= 32) {
    const w = wordKeys;
    const t = tokens.words;
    let repeat = false;
    for (let a = 1; a < q && !repeat; a++) for (let b = 0; b < a && !repeat; b++) if (w[a] === w[b] && t[a] === t[b]) repeat = true;
    if (!repeat) return false;
  }
  return new Set(tokens.words).size < n * MIN_DISTINCT_SHARE;
}

/**
 * Holds flooding: one character repeated `maxCharRun` times or more ("!!!!!!!!!!", and emoji
 * runs), one word repeated `maxWordRepeat` times or more in a row ("beli beli beli beli"), a phrase
 * repeated {@link PHRASE_REPEATS} times or more in a row (a sentence pasted ninety times), or a
 * long comment made of a few words over and over. The message quotes what is repeated.
 */
export function createRepetitionRule(p: Policy['repetition']): Rule {
  return {
    id: 'repetition',
    check({ text }, analysis): readonly Reason[] {
      const found: Found[] = [];
      symbolRuns(text, p.maxCharRun, found);
      const runs: { from: number; to: number; k: number }[] = [];
      wordRuns(analysis.tokens, p.maxWordRepeat, runs);
      for (const r of runs) found.push({ span: wordsSpan(analysis, r.from, r.to), unit: unitText(text, analysis, r.from, r.k) });
      laughterWalls(analysis, text, found);
      if (found.length === 0 && lowVariety(analysis.tokens)) {
        const n = analysis.tokens.words.length;
        found.push({ span: wordsSpan(analysis, 0, n), unit: unitText(text, analysis, 0, Math.min(8, n)) });
      }
      if (found.length === 0) return noReasons;
      const units = found.map((f) => (f.unit.length > 60 ? `${f.unit.slice(0, 57)}…` : f.unit));
      return [
        {
          rule: 'repetition',
          action: p.action,
          message: {
            en: `The comment repeats the same text many times: ${quoteTerms(units)}.`,
            id: `Komentar mengulang teks yang sama berkali-kali: ${quoteTerms(units)}.`,
          },
          spans: found.map((f) => f.span),
        },
      ];
    },
  };
}

/** A laugh of this many characters or more ("hahaha…", "wkwkwk…") is a wall, no longer laughter. */
export const LAUGHTER_WALL_CHARS = 30;

// Letters repeated in units are laughter (symbolRuns leaves them alone), but a single "word" of 30
// letters or more made of one unit of 2–4 letters is a wall pasted in, like a flood of emoji.
function laughterWalls(a: Analysis, text: string, found: Found[]): void {
  const words = a.tokens.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w.length < LAUGHTER_WALL_CHARS) continue;
    const period = periodOf(w);
    if (period === 0) continue;
    const span = wordsSpan(a, i, i + 1);
    found.push({ span, unit: text.slice(span.start, span.start + period) });
  }
}

// The shortest unit of 2–4 characters the word is made of, repeated, or 0.
function periodOf(w: string): number {
  for (let p = 2; p <= 4; p++) {
    let j = p;
    while (j < w.length && w.charCodeAt(j) === w.charCodeAt(j - p)) j++;
    if (j === w.length) return p;
  }
  return 0;
}

function wordsSpan(a: Analysis, from: number, to: number): Span {
  return originSpan(a.normalized, a.tokens.starts[from] ?? 0, a.tokens.ends[to - 1] ?? 0);
}

function unitText(text: string, a: Analysis, from: number, k: number): string {
  const s = wordsSpan(a, from, from + k);
  return text.slice(s.start, s.end);
}
