import { originSpan } from '../normalize/mapped.ts';
import type { LiteralReading, SenseText } from './sense.ts';
import { around } from './sense.ts';

/**
 * Verbs that report what someone else called a person or said: a word in quotes after one of them
 * is mentioned, not used ("dipenjara gara-gara bilang pejabat 'bego'", "my neighbour called the
 * minister a 'lying hack'").
 */
const reportingVerbs: ReadonlySet<string> = new Set([
  'called',
  'calling',
  'calls',
  'dubbed',
  'labelled',
  'labeled',
  'branded',
  'said',
  'wrote',
  'tweeted',
  'posted',
  'bilang',
  'ngomong',
  'menyebut',
  'menyebutnya',
  'disebut',
  'dibilang',
  'nyebut',
  'ngatain',
  'ngatai',
  'mengatai',
  'dikatai',
  'dikatain',
  'menjuluki',
  'dijuluki',
  'julukan',
  'menulis',
  'nulis',
]);

/** The speaker quoting their own insult still insults: "I called him an 'idiot'", "gue bilang dia 'goblok'". */
const firstPerson: ReadonlySet<string> = new Set(['i', 'we', 'saya', 'aku', 'gue', 'gua', 'gw', 'ane', 'kami', 'kita']);

const quoteMarks = '\'"\u2018\u2019\u201c\u201d\u00ab\u00bb`';
const isQuote = (c: string | undefined): boolean => c !== undefined && c !== '' && quoteMarks.includes(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}|\p{N}/u.test(c);

/** A quote mark that opens: at the start or after a space or bracket, before a letter (not the apostrophe of "don't"). */
function opensAt(text: string, q: number): boolean {
  return isQuote(text[q]) && (q === 0 || /[\s([]/u.test(text[q - 1] ?? '')) && isLetter(text[q + 1]);
}

/** A quote mark that closes: after a letter or a stop, and before a space, a stop or the end. */
function closesAt(text: string, q: number): boolean {
  return isQuote(text[q]) && (isLetter(text[q - 1]) || /[.!?,]/u.test(text[q - 1] ?? '')) && !isLetter(text[q + 1]);
}

/** Longest quoted stretch read as a mention: a word or a short name-calling phrase, not a whole speech. */
const MAX_QUOTED_CHARS = 40;

/**
 * Whether the listed word at `[i, end)` stands inside quote marks after a verb that reports what
 * someone else said ("bilang pejabat 'bego'"), and so is reported rather than said; the cue is the
 * verb and the quoted words, shown to the moderator. Not when the reporter is the commenter ("I
 * called him an 'idiot'").
 */
export function reportedQuote(s: SenseText, i: number, end: number): LiteralReading | null {
  const { starts, ends, words } = s.tokens;
  const text = s.original;
  const span = originSpan(s.normalized, starts[i] ?? 0, ends[end - 1] ?? 0);
  const [sFrom, sTo] = around(s, i, end, 64);
  const sentence = originSpan(s.normalized, starts[sFrom] ?? 0, ends[sTo - 1] ?? 0);
  let open = -1;
  for (let q = span.start - 1; q >= Math.max(sentence.start - 1, span.start - MAX_QUOTED_CHARS); q--) {
    if (closesAt(text, q)) return null;
    if (opensAt(text, q)) {
      open = q;
      break;
    }
  }
  if (open < 0) return null;
  let close = -1;
  for (let q = span.end; q < Math.min(text.length, open + MAX_QUOTED_CHARS + 2); q++) {
    if (closesAt(text, q)) {
      close = q;
      break;
    }
  }
  if (close < 0) return null;
  // The reporting verb stands before the quote in the same sentence.
  for (let k = i - 1; k >= sFrom; k--) {
    if ((starts[k] ?? 0) >= (starts[i] ?? 0)) continue;
    const w = words[k] ?? '';
    if (!reportingVerbs.has(w)) continue;
    if (firstPerson.has(words[k - 1] ?? '')) return null;
    const kSpan = originSpan(s.normalized, starts[k] ?? 0, ends[k] ?? 0);
    if (kSpan.start >= open) continue;
    return { kind: 'quoted', cue: `${w} … ${text.slice(open, close + 1)}` };
  }
  return null;
}
