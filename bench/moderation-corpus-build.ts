/**
 * Writes bench/moderation-corpus.jsonl from moderation-corpus-data.ts. Disguised lines are derived
 * from the carrier sentences by fixed, index-based choices (no randomness), one disguise per category.
 * Run: npx tsx bench/moderation-corpus-build.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  attackEn,
  attackId,
  carriers,
  literalAnimal,
  repetitionLines,
  skeletonEn,
  skeletonId,
  slurEn,
  spamLines,
  trapIdiom,
  trapName,
  trapPlace,
  trapTech,
  insultAnimal,
  literal,
  maskedEn,
  maskedId,
  attackEn3,
  attackId3,
  insultAnimal3,
  literalAnimal3,
  ordinary3,
  skeletonEn3,
  skeletonId3,
  slurEn3,
  spam3,
  trapIdiom3,
  trapName3,
  trapPlace3,
  trapTech3,
  attackEn3b,
  attackEn3c,
  literalAnimal3d,
  skeletonEn3d,
  slurEn3d,
  trapName3d,
  trapPlace3d,
  trapTech3d,
  attackId3c,
  ordinary3c,
  attackId3b,
  insultAnimal3b,
  literalAnimal3b,
  ordinary3b,
  skeletonEn3b,
  skeletonId3b,
  trapIdiom3b,
  trapTech3b,
  ordinaryEn,
  ordinaryId,
  plainEn,
  plainId,
  trapEn,
  trapId,
  trapMarks,
} from './moderation-corpus-data.ts';

/** One labelled line of the corpus. */
export interface CorpusLine {
  readonly text: string;
  readonly lang: 'en' | 'id' | 'mixed';
  readonly category: string;
  /** `flag`: a good filter holds it; `clean`: it must be published. */
  readonly label: 'flag' | 'clean';
}

const cyrillic: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  i: 'і',
  s: 'ѕ',
  j: 'ј',
  h: 'һ',
  b: 'Ь',
  t: 'т',
  n: 'п',
  g: 'ɡ',
  m: 'м',
  u: 'υ',
  l: 'ӏ',
  r: 'г',
  d: 'ԁ',
};
const accents: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  n: 'ñ',
  c: 'ç',
  s: 'š',
  g: 'ğ',
  k: 'ķ',
  t: 'ţ',
  l: 'ļ',
  r: 'ř',
  b: 'ḃ',
  j: 'ĵ',
  m: 'ṁ',
  d: 'ď',
  h: 'ĥ',
  p: 'ṕ',
};
const leet: Record<string, string[]> = { a: ['4', '@'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['5', '$'], t: ['7'] };
const zeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const separators = ['.', ' ', '-', '_', '*', '. '];

function mapLetters(word: string, f: (ch: string, i: number) => string): string {
  return [...word].map(f).join('');
}

function mathLetter(ch: string, style: number): string {
  const lower = ch.toLowerCase();
  if (!/[a-z]/.test(lower)) return ch;
  // Mathematical bold, italic, script-bold, double-struck, sans-serif bold, monospace (lower case).
  const bases = [0x1d41a, 0x1d44e, 0x1d4ea, 0x1d552, 0x1d5ee, 0x1d68a];
  const base = bases[style % bases.length] ?? 0x1d41a;
  if (base === 0x1d44e && lower === 'h') return 'ℎ';
  return String.fromCodePoint(base + lower.charCodeAt(0) - 97);
}

const disguises: Record<string, (w: string, n: number) => string> = {
  'disguise-stretched': (w, n) => {
    const vowels = [...w].map((c, i) => (/[aeiou]/i.test(c) ? i : -1)).filter((i) => i >= 0);
    const at = vowels[n % Math.max(1, vowels.length)] ?? 0;
    const times = 3 + (n % 4);
    let out = mapLetters(w, (c, i) => (i === at ? c.repeat(times) : c));
    if (n % 3 === 0) out += (w.at(-1) ?? '').repeat(2 + (n % 3));
    return out;
  },
  'disguise-lookalike': (w, n) => mapLetters(w, (c, i) => ((i + n) % 2 === 0 ? (cyrillic[c.toLowerCase()] ?? c) : c)),
  'disguise-fullwidth': (w) => mapLetters(w, (c) => String.fromCodePoint(c.charCodeAt(0) + 0xfee0)),
  'disguise-math-circled': (w, n) =>
    n % 3 === 2 ? mapLetters(w, (c) => String.fromCodePoint(0x24d0 + c.toLowerCase().charCodeAt(0) - 97)) : mapLetters(w, (c) => mathLetter(c, n)),
  'disguise-accents': (w, n) =>
    n % 2 === 0
      ? mapLetters(w, (c, i) => (i % 2 === 1 || i === 0 ? (accents[c.toLowerCase()] ?? c) : c))
      : mapLetters(w, (c, i) => (i % 2 === 0 ? c + '\u0301' : c + '\u0308')),
  'disguise-zero-width': (w, n) => mapLetters(w, (c, i) => (i < w.length - 1 ? c + (zeroWidth[(i + n) % zeroWidth.length] ?? '') : c)),
  'disguise-leetspeak': (w, n) => {
    let changed = false;
    const out = mapLetters(w, (c, i) => {
      const opts = leet[c.toLowerCase()];
      // "!" inside a word only, never at its edges.
      if (opts === undefined || (i === w.length - 1 && (c === 'i' || c === 'I'))) return c;
      if ((i + n) % 3 === 2 && changed) return c;
      changed = true;
      const pick = opts[(i + n) % opts.length] ?? c;
      return pick === '!' && (i === 0 || i === w.length - 1) ? '1' : pick;
    });
    return out;
  },
  'disguise-separated': (w, n) => [...w].join(separators[n % separators.length] ?? '.'),
};

const lines: CorpusLine[] = [];
const add = (texts: readonly string[], lang: 'en' | 'id', category: string, label: 'flag' | 'clean'): void => {
  for (const text of texts) lines.push({ text, lang, category, label });
};
add(ordinaryEn, 'en', 'ordinary', 'clean');
add(ordinaryId, 'id', 'ordinary', 'clean');
add(trapEn, 'en', 'trap', 'clean');
add(trapId, 'id', 'trap', 'clean');
for (const t of trapMarks) lines.push({ text: t.text, lang: t.lang, category: 'trap', label: 'clean' });
add(literal, 'id', 'literal-sense', 'clean');
add(insultAnimal, 'id', 'insult-animal', 'flag');
add(plainEn, 'en', 'plain-en', 'flag');
add(plainId, 'id', 'plain-id', 'flag');

const PER_DISGUISE = 25;
Object.entries(disguises).forEach(([category, disguise], k) => {
  for (let n = 0; n < PER_DISGUISE; n++) {
    const carrier = carriers[(n + k * 7) % carriers.length];
    if (carrier === undefined) continue;
    const text = carrier.text.replace(/\{([^}]+)\}/, (_m, w: string) => disguise(w, n));
    lines.push({ text, lang: carrier.lang, category, label: 'flag' });
  }
});

// Masked letters are written by hand: where readers put the mask is not a fixed rule.
add(maskedEn, 'en', 'disguise-masked', 'flag');
add(maskedId, 'id', 'disguise-masked', 'flag');

// Issue 10's classes, under the held-out set's category names so the two sets line up per class.
add(skeletonEn, 'en', 'skeleton-en', 'flag');
add(skeletonId, 'id', 'skeleton-id', 'flag');
add(slurEn, 'en', 'slur-en', 'flag');
add(attackEn, 'en', 'attack-en', 'flag');
add(attackId, 'id', 'attack-id', 'flag');
add(repetitionLines, 'id', 'repetition', 'flag');
add(spamLines, 'id', 'spam', 'flag');
add(trapIdiom, 'id', 'trap-idiom', 'clean');
add(trapPlace, 'en', 'trap-place', 'clean');
add(trapTech, 'en', 'trap-tech', 'clean');
add(trapName, 'en', 'trap-name', 'clean');
add(literalAnimal, 'id', 'literal-animal', 'clean');

// Round 3: new tuning lines for the same classes (never copied from a held-out set).
add(skeletonEn3, 'en', 'skeleton-en', 'flag');
add(skeletonId3, 'id', 'skeleton-id', 'flag');
add(slurEn3, 'en', 'slur-en', 'flag');
add(attackEn3, 'en', 'attack-en', 'flag');
add(attackId3, 'id', 'attack-id', 'flag');
add(insultAnimal3, 'id', 'insult-animal', 'flag');
add(spam3, 'id', 'spam', 'flag');
add(trapIdiom3, 'id', 'trap-idiom', 'clean');
add(trapPlace3, 'en', 'trap-place', 'clean');
add(trapTech3, 'en', 'trap-tech', 'clean');
add(trapName3, 'en', 'trap-name', 'clean');
for (const l of ordinary3) lines.push({ text: l.text, lang: l.lang, category: 'ordinary', label: 'clean' });
for (const l of literalAnimal3) lines.push({ text: l.text, lang: l.lang, category: 'literal-animal', label: 'clean' });
add(skeletonEn3b, 'en', 'skeleton-en', 'flag');
add(skeletonId3b, 'id', 'skeleton-id', 'flag');
add(attackId3b, 'id', 'attack-id', 'flag');
add(insultAnimal3b, 'id', 'insult-animal', 'flag');
add(attackEn3b, 'en', 'attack-en', 'flag');
for (const l of ordinary3b) lines.push({ text: l.text, lang: l.lang, category: 'ordinary', label: 'clean' });
add(trapTech3b, 'en', 'trap-tech', 'clean');
add(trapIdiom3b, 'en', 'trap-idiom', 'clean');
add(literalAnimal3b, 'en', 'literal-animal', 'clean');
add(attackEn3c, 'en', 'attack-en', 'flag');
add(attackId3c, 'id', 'attack-id', 'flag');
for (const l of ordinary3c) lines.push({ text: l.text, lang: l.lang, category: 'ordinary', label: 'clean' });
add(skeletonEn3d, 'en', 'skeleton-en', 'flag');
add(slurEn3d, 'en', 'slur-en', 'flag');
add(trapPlace3d, 'en', 'trap-place', 'clean');
add(trapTech3d, 'en', 'trap-tech', 'clean');
add(literalAnimal3d, 'en', 'literal-animal', 'clean');
add(trapName3d, 'en', 'trap-name', 'clean');

// Round 4: lines written as JSONL by two writers who read neither the engine nor a held-out set.
for (const file of [
  './moderation-corpus-round4-id.jsonl',
  './moderation-corpus-round4-en.jsonl',
  './moderation-corpus-round4b-id.jsonl',
  './moderation-corpus-round4b-en.jsonl',
  './moderation-corpus-round4c.jsonl',
  './moderation-corpus-round4d.jsonl',
  './moderation-corpus-round4e.jsonl',
  './moderation-corpus-round4f.jsonl',
  // Round 5: the same way, each read once by the engine before it was tuned on (decision 0102).
  './moderation-corpus-round5a.jsonl',
  './moderation-corpus-round5b.jsonl',
  './moderation-corpus-round5c.jsonl',
  './moderation-corpus-round5d.jsonl',
  './moderation-corpus-round5e.jsonl',
  './moderation-corpus-round5f.jsonl',
  './moderation-corpus-round5g.jsonl',
  './moderation-corpus-round5h.jsonl',
  './moderation-corpus-round5i.jsonl',
  './moderation-corpus-round5j.jsonl',
  './moderation-corpus-round5k.jsonl',
  './moderation-corpus-round5l.jsonl',
]) {
  for (const raw of readFileSync(new URL(file, import.meta.url), 'utf8').split('\n')) {
    if (raw.trim() !== '') lines.push(JSON.parse(raw) as CorpusLine);
  }
}

const out = new URL('./moderation-corpus.jsonl', import.meta.url);
writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
console.log(`wrote ${lines.length} lines to ${out.pathname}`);
