import { fromOriginal, originEnd, originStart, type Mapped } from '../normalize/mapped.ts';
import { normalize } from '../normalize/normalize.ts';
import { collapseDoubles } from '../normalize/squash-stretched.ts';
import { anyMaskChar, compileMaskIndex, matchMasked, maskedRun, type MaskIndex } from './masked.ts';
import { reportedQuote } from './reported-quote.ts';
import { attackWordAsName, carriedReading, literalReading, properNounReading, sameWord, type LiteralReading, type SenseText } from './sense.ts';
import { tokenize, type Tokens } from './tokenize.ts';
import { WordTable } from './word-table.ts';

import type { LexEntry, LexKind } from './lex-entry.ts';

export { LexKinds, type LexEntry, type LexKind } from './lex-entry.ts';

/** A term with optional literal-sense context words. */
export interface TermSource {
  readonly term: string;
  readonly literal?: readonly string[];
  readonly standalone?: boolean;
}

/** Everything a lexicon is compiled from. Terms are written plainly; they are normalized here. */
export interface LexiconSource {
  readonly profanity: readonly TermSource[];
  readonly profanityPrefixes: readonly string[];
  readonly profanityContains: readonly string[];
  readonly banned: readonly string[];
  readonly suspect: readonly string[];
  /** Personal-attack words and phrases (words/attacks.ts); `standalone` ones insult by themselves. */
  readonly attack?: readonly { readonly term: string; readonly standalone: boolean }[];
  /** Link bait written without a link (words/bait.ts), for the links rule. */
  readonly bait?: readonly string[];
  /** Literal-sense contexts for prefix and inside-word stems ("bitch" → dog words). */
  readonly stemLiteral?: Readonly<Record<string, readonly string[]>>;
  readonly gambling: readonly string[];
  readonly allowWords: readonly string[];
  readonly allowPhrases: readonly string[];
  readonly literalSense: boolean;
}

interface Phrase {
  readonly tokens: readonly string[];
  /** null marks an allowlisted phrase. */
  readonly entry: LexEntry | null;
}

interface Slot {
  readonly words: LexEntry[];
  readonly phrases: Phrase[];
  /** The word is allowlisted: it matches nothing alone (it may still open a phrase). */
  allowed: boolean;
}

interface PrefixEntry {
  readonly prefix: string;
  readonly entry: LexEntry;
}

/** A precompiled lexicon: hash lookups per word, one regular expression for stems inside words. */
export interface Lexicon {
  readonly exact: WordTable<Slot>;
  /** Listed words by their form with doubles collapsed, looked up with `getCollapsed`. */
  readonly collapsed: WordTable<readonly LexEntry[]>;
  readonly prefixes: ReadonlyMap<number, readonly PrefixEntry[]>;
  /** One bit per pair of first letters a-z that some prefix starts with, so most words skip the map. */
  readonly prefixPairs: Uint8Array;
  readonly contains: RegExp | null;
  readonly containsEntries: ReadonlyMap<string, LexEntry>;
  /** What a word must hold for the stem regex to match inside it, so most words skip the regex. */
  readonly stemGate: StemGate | null;
  /** Listed words by length and letter position, for tokens with masked letters ("f*ck"). */
  readonly masked: MaskIndex;
  readonly allow: WordTable<true>;
  readonly hasAllowPhrases: boolean;
  readonly literalSense: boolean;
}

/**
 * A listed term found in a text: the entry and the word range `[from, to)` it covers. With
 * `literal`, the word was read in a harmless sense and is reported as let through, not as a finding.
 */
export interface Hit {
  readonly entry: LexEntry;
  readonly from: number;
  readonly to: number;
  readonly literal?: LiteralReading;
}

/**
 * A necessary condition for the stem regex to match inside a word: for some stem, the word holds
 * every letter of the stem and the stem's first two letters side by side (a stretched stem
 * "f+u+c+k+" still has an "f" right before a "u"). Checking it costs one pass over the word's
 * letters, where the regex tried every alternative at every position of the whole text.
 */
interface StemGate {
  /** Bit of each pair of letters a-z that opens some stem (`pairIndex`), 0 for the others. */
  readonly headBits: Uint32Array;
  /** Per opening pair's bit number: the letters of each stem it opens, as 26-bit sets. */
  readonly lettersByHead: readonly (readonly number[])[];
  readonly minLength: number;
}

function letterBit(c: number): number {
  return c >= 97 && c <= 122 ? 1 << (c - 97) : 0;
}

// Null when a stem is too short to have an opening pair, or there are more opening pairs than
// bits: the regex then runs on every word, as before.
function compileStemGate(stems: readonly string[]): StemGate | null {
  if (stems.length === 0 || stems.some((s) => s.length < 2)) return null;
  const headBits = new Uint32Array(26 * 26);
  const lettersByHead: number[][] = [];
  for (const s of stems) {
    const pair = pairIndex(s);
    if (headBits[pair] === 0) {
      if (lettersByHead.length === 32) return null;
      headBits[pair] = (1 << lettersByHead.length) >>> 0;
      lettersByHead.push([]);
    }
    let letters = 0;
    for (let k = 0; k < s.length; k++) letters |= letterBit(s.charCodeAt(k));
    lettersByHead[31 - Math.clz32(headBits[pair] ?? 0)]?.push(letters);
  }
  return { headBits, lettersByHead, minLength: Math.min(...stems.map((s) => s.length)) };
}

// Whether the word passes the gate: only then can the stem regex match inside it.
function mayHoldStem(gate: StemGate, w: string): boolean {
  if (w.length < gate.minLength) return false;
  let letters = 0;
  let heads = 0;
  let prev = -1;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k) - 97;
    if (c < 0 || c >= 26) {
      prev = -1;
      continue;
    }
    letters |= 1 << c;
    if (prev >= 0) heads |= gate.headBits[prev * 26 + c] ?? 0;
    prev = c;
  }
  // Only the stems whose opening pair the word holds (one or two, when any).
  for (let h = heads; h !== 0; h &= h - 1) {
    const list = gate.lettersByHead[31 - Math.clz32(h & -h)] ?? [];
    for (let s = 0; s < list.length; s++) {
      const want = list[s] ?? 0;
      if ((letters & want) === want) return true;
    }
  }
  return false;
}

function termWords(term: string): string[] {
  const words = tokenize(normalize(term).text).words;
  // "f u c k" in a list means the word, not four letters.
  if (words.length > 1 && words.every((w) => w.length === 1)) return [words.join('')];
  return words;
}

// Index of a word's first two letters when both are a-z, else -1.
function pairIndex(word: string): number {
  const a = word.charCodeAt(0) - 97;
  const b = word.charCodeAt(1) - 97;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
}

function prefixKey(word: string): number {
  return (word.charCodeAt(0) << 16) | word.charCodeAt(1);
}

// One entry per kind and word. Spellings that normalize alike ("c0ck", "cock") share it, and the
// one with a literal sense wins, so the listed order of a source list does not hide that sense.
function putEntry(list: LexEntry[], entry: LexEntry): void {
  const at = list.findIndex((e) => e.kind === entry.kind);
  if (at < 0) list.push(entry);
  else if (list[at]?.literal === null && entry.literal !== null) list[at] = entry;
}

/** Compiles every list once, so matching a comment is hash lookups and one regex scan. */
export function compileLexicon(src: LexiconSource): Lexicon {
  const exact = new Map<string, Slot>();
  const collapsed = new Map<string, LexEntry[]>();
  const prefixes = new Map<number, PrefixEntry[]>();
  const containsEntries = new Map<string, LexEntry>();
  const allow = new Set<string>();
  const slot = (w: string): Slot => {
    let s = exact.get(w);
    if (s === undefined) {
      s = { words: [], phrases: [], allowed: false };
      exact.set(w, s);
    }
    return s;
  };
  const add = (kind: LexKind, t: TermSource, minLength: number): void => {
    const words = termWords(t.term);
    const first = words[0];
    if (first === undefined) return;
    const entry: LexEntry = {
      kind,
      term: t.term,
      literal: src.literalSense && t.literal !== undefined ? new Set(t.literal) : null,
      ...(t.standalone !== undefined ? { standalone: t.standalone } : {}),
    };
    if (words.length === 1) {
      if (first.length < minLength) return;
      const s = slot(first);
      putEntry(s.words, entry);
      const c = collapseDoubles(first);
      const list = collapsed.get(c) ?? [];
      putEntry(list, entry);
      collapsed.set(c, list);
    } else {
      slot(first).phrases.push({ tokens: words, entry });
    }
  };

  for (const w of src.allowWords) for (const t of termWords(w)) allow.add(t);
  for (const w of allow) slot(w).allowed = true;
  for (const p of src.allowPhrases) {
    const words = termWords(p);
    const first = words[0];
    if (first !== undefined) slot(first).phrases.push({ tokens: words, entry: null });
  }
  for (const t of src.banned) add('banned', { term: t }, 1);
  for (const t of src.suspect) add('suspect', { term: t }, 1);
  for (const t of src.profanity) add('profanity', t, 3);
  for (const t of src.gambling) add('gambling', { term: t }, 3);
  for (const t of src.attack ?? []) add('attack', t, 3);
  for (const t of src.bait ?? []) add('bait', { term: t }, 3);
  const stemLiteral = (w: string): ReadonlySet<string> | null => {
    const l = src.stemLiteral?.[w];
    return src.literalSense && l !== undefined ? new Set(l) : null;
  };
  for (const p of src.profanityPrefixes) {
    const w = termWords(p)[0];
    if (w === undefined || w.length < 4) continue;
    const key = prefixKey(w);
    const list = prefixes.get(key) ?? [];
    list.push({ prefix: w, entry: { kind: 'profanity', term: p, literal: stemLiteral(w) } });
    prefixes.set(key, list);
  }
  const stems: string[] = [];
  const plainStems: string[] = [];
  const maskStems: { stem: string; entry: LexEntry }[] = [];
  for (const c of src.profanityContains) {
    const w = termWords(c)[0];
    if (w === undefined || !/^[a-z]+$/.test(w)) continue;
    // Each letter may be stretched: "fuuuckface" still holds "fuck".
    stems.push(w.split('').join('+') + '+');
    plainStems.push(w);
    const entry: LexEntry = { kind: 'profanity', term: c, literal: stemLiteral(w) };
    containsEntries.set(collapseDoubles(w), entry);
    maskStems.push({ stem: w, entry });
  }
  const prefixPairs = new Uint8Array(26 * 26);
  for (const list of prefixes.values()) for (const p of list) if (pairIndex(p.prefix) >= 0) prefixPairs[pairIndex(p.prefix)] = 1;
  const maskWords: [string, readonly LexEntry[]][] = [];
  for (const [w, s] of exact) maskWords.push([w, s.words]);
  return {
    exact: new WordTable(exact),
    collapsed: new WordTable(collapsed),
    prefixes,
    prefixPairs,
    contains: stems.length > 0 ? new RegExp(stemAlternation(stems), 'g') : null,
    containsEntries,
    stemGate: compileStemGate(plainStems),
    masked: compileMaskIndex(maskWords, allow, maskStems),
    allow: new WordTable([...allow].map((w) => [w, true] as const)),
    hasAllowPhrases: src.allowPhrases.length > 0,
    literalSense: src.literalSense,
  };
}

/**
 * The stems as one alternation, grouped by first letter ("f+(?:u+c+k+|a+g+)|s+h+i+t+"), so the
 * regex engine tries one group per position instead of every stem (it was ~4% of the time). That
 * finds the same match as the flat list only when no stem's second letter repeats its first (the
 * greedy shared `x+` could otherwise eat it); a list with such a stem stays flat.
 */
function stemAlternation(stems: readonly string[]): string {
  if (stems.some((s) => s[0] === s[2])) return stems.join('|');
  const groups = new Map<string, string[]>();
  for (const s of stems) {
    const head = s.slice(0, 2);
    const list = groups.get(head) ?? [];
    list.push(s.slice(2));
    groups.set(head, list);
  }
  return [...groups].map(([head, rests]) => `${head}(?:${rests.join('|')})`).join('|');
}

// One buffer for the judged marks, reused by every scan (scans never nest): a typed array per
// comment was a measurable share of the garbage collector's work.
let judgedBuffer = new Uint8Array(256);
function judgedScratch(n: number): Uint8Array {
  if (judgedBuffer.length < n) judgedBuffer = new Uint8Array(Math.max(n, judgedBuffer.length * 2));
  judgedBuffer.fill(0, 0, n);
  return judgedBuffer;
}

// The allowlist marks likewise: allowlisted words ("nggak", "kasus", "class") are common.
let allowedBuffer = new Uint8Array(256);
function allowedScratch(n: number): Uint8Array {
  if (allowedBuffer.length < n) allowedBuffer = new Uint8Array(Math.max(n, allowedBuffer.length * 2));
  allowedBuffer.fill(0, 0, n);
  return allowedBuffer;
}

const ALLOWED_WORD = 1;
const ALLOWED_PHRASE = 2;

function phraseAt(tokens: Tokens, i: number, phrase: Phrase): boolean {
  const words = tokens.words;
  if (i + phrase.tokens.length > words.length) return false;
  for (let k = 1; k < phrase.tokens.length; k++) {
    const w = words[i + k] ?? '';
    const want = phrase.tokens[k];
    if (w !== want && collapseDoubles(w) !== want) return false;
  }
  return true;
}

/**
 * Finds every listed term in tokenized, normalized text. With `normalized` given, a word rejoined
 * from separated letters right after its first letter ("a d i c k") may start with the English
 * article or pronoun, so the rest is tried alone. With `original` given, capitals can show a
 * proper name ("Dick Advocaat", "Pulau Babi"); such a hit, and one read in its literal sense,
 * comes back with `literal` set.
 */
export function scanLexicon(lex: Lexicon, text: string, tokens: Tokens, normalized?: Mapped, original?: string): Hit[] {
  const hits: Hit[] = [];
  const words = tokens.words;
  const n = words.length;
  // Words already judged (matched, or matched and found literal), so the stem scan skips them.
  const judged = judgedScratch(n);
  const sense: SenseText = { original: original ?? text, normalized: normalized ?? fromOriginal(text), tokens };
  let allowed: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const w = words[i] ?? '';
    // One lookup per word: the slot says whether the word is listed, allowlisted, or opens a phrase.
    const s = lex.exact.get(w);
    // An allowed word matches nothing alone, but may open a listed phrase ("nggak punya otak").
    const allowedWord = s !== undefined && s.allowed;
    if (allowedWord) {
      allowed ??= allowedScratch(n);
      if (allowed[i] === 0) allowed[i] = ALLOWED_WORD;
      if (s === undefined || s.phrases.length === 0) continue;
    }
    let found = false;
    if (s !== undefined) {
      if (!allowedWord) {
        for (const e of s.words) {
          pushHit(sense, hits, judged, e, i, i + 1);
          found = true;
        }
      }
      for (const p of s.phrases) {
        if (!phraseAt(tokens, i, p)) continue;
        if (p.entry === null) {
          allowed ??= allowedScratch(n);
          for (let k = i; k < i + p.tokens.length; k++) allowed[k] = ALLOWED_PHRASE;
        } else pushHit(sense, hits, judged, p.entry, i, i + p.tokens.length);
      }
    }
    if (found || allowedWord || w.length < 3) continue;
    // A doubled letter ("fuuck", "anjiing"): the word is tried again with its doubles collapsed.
    if (tokens.doubled[i] === true) {
      if (lex.allow.getCollapsed(w) !== undefined) continue;
      const list = lex.collapsed.getCollapsed(w);
      if (list !== undefined) {
        for (const e of list) pushHit(sense, hits, judged, e, i, i + 1);
        continue;
      }
    }
    // (An identity map means nothing was removed anywhere, so nothing was rejoined.)
    if (
      normalized !== undefined &&
      normalized.starts !== null &&
      w.length >= 4 &&
      (w.charCodeAt(0) === 97 || w.charCodeAt(0) === 105) &&
      rejoinedAfterFirst(normalized, tokens, i)
    ) {
      const rest = w.slice(1);
      const entries = lex.exact.get(rest)?.words ?? lex.collapsed.getCollapsed(rest);
      if (entries !== undefined && entries.length > 0 && !lex.allow.has(rest)) {
        for (const e of entries) pushHit(sense, hits, judged, e, i, i + 1);
        continue;
      }
    }
    if (w.length >= 5) {
      const pair = pairIndex(w);
      const list = pair < 0 || lex.prefixPairs[pair] === 1 ? lex.prefixes.get(prefixKey(w)) : undefined;
      if (list !== undefined) {
        for (const p of list) {
          if (w.startsWith(p.prefix)) {
            pushHit(sense, hits, judged, p.entry, i, i + 1);
            break;
          }
        }
      }
    }
  }
  if (anyMaskChar.test(text)) scanMasked(lex, text, sense, hits, judged);
  if (lex.contains !== null) scanStems(lex, lex.contains, sense, hits, judged, allowed);
  if (hits.length > 1) carryLiteral(sense, hits);
  if (allowed === null || hits.length === 0) return hits;
  const allowedMask: Uint8Array = allowed;
  // An allowed phrase hides every hit it touches; an allowed word only a hit of that word alone.
  return hits.filter((h) => {
    for (let k = h.from; k < h.to; k++) {
      const a = allowedMask[k];
      if (a === ALLOWED_PHRASE || (a === ALLOWED_WORD && h.to - h.from === 1)) return false;
    }
    return true;
  });
}

// Stems inside words ("fuckface", "anjingnya" aside, "kontolnya"), in the words not yet judged
// or allowed. A stem is letters only, so a match never leaves its word: running the regex on each
// word gives the matches a run over the whole text gave, in the same order, and the gate lets
// the regex skip the words that cannot hold a stem.
function scanStems(lex: Lexicon, re: RegExp, sense: SenseText, hits: Hit[], judged: Uint8Array, allowed: Uint8Array | null): void {
  const words = sense.tokens.words;
  const gate = lex.stemGate;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (judged[i] === 1 || (allowed !== null && allowed[i] !== 0)) continue;
    if (gate !== null && !mayHoldStem(gate, w)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(w)) !== null) {
      const entry = lex.containsEntries.get(collapseDoubles(m[0]));
      if (entry !== undefined) {
        // A word holds one hit: the first stem found judges it.
        pushHit(sense, hits, judged, entry, i, i + 1);
        break;
      }
    }
  }
}

// Tokens with masked letters ("f*ck", "k*nt*l"): each run of letters and mask characters is looked
// up as one word, and the hit covers the words the mask split it into, so spans show the masked text.
function scanMasked(lex: Lexicon, text: string, sense: SenseText, hits: Hit[], judged: Uint8Array): void {
  const tokens = sense.tokens;
  maskedRun.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = maskedRun.exec(text)) !== null) {
    const entries = matchMasked(lex.masked, m[0]);
    if (entries === null) continue;
    const from = wordAt(tokens, m.index);
    const last = wordAt(tokens, m.index + m[0].length - 1);
    if (from < 0 || last < from) continue;
    for (let k = from; k <= last; k++) judged[k] = 1;
    for (const e of entries) hits.push(judged1(sense, e, from, last + 1));
  }
  // "What the f***": one letter is too few to read a masked word by (MIN_UNMASKED), but an "f" and
  // three or four masks standing alone is read as "fuck" everywhere it is written.
  trailingF.lastIndex = 0;
  while ((m = trailingF.exec(text)) !== null) {
    const at = wordAt(tokens, m.index);
    if (at < 0 || judged[at] === 1) continue;
    const entries = matchMasked(lex.masked, 'f**k');
    if (entries === null) continue;
    judged[at] = 1;
    for (const e of entries) hits.push(judged1(sense, e, at, at + 1));
  }
}

const trailingF = /(?<![a-z])f[*#%\u2022]{3,4}(?![a-z*#%\u2022])/g;

// A module function, not a closure per scan: the scan runs once per comment.
function pushHit(sense: SenseText, hits: Hit[], judged: Uint8Array, entry: LexEntry, from: number, to: number): void {
  judged[from] = 1;
  hits.push(judged1(sense, entry, from, to));
}

// A hit, with the reading that lets it through if there is one. Only the built-in profanity and
// attack words have harmless readings (an attack word only when quoted as what someone else said):
// a site's own lists mean what they say.
function judged1(sense: SenseText, entry: LexEntry, from: number, to: number): Hit {
  if (entry.kind === 'attack') {
    // Quoted as someone else's words, or a person's name ("Ahmad Bego Siregar").
    const reading = reportedQuote(sense, from, to) ?? (to - from === 1 ? attackWordAsName(sense, from) : null);
    return reading === null ? { entry, from, to } : { entry, from, to, literal: reading };
  }
  if (entry.kind !== 'profanity') return { entry, from, to };
  const literal =
    (to - from === 1 ? properNounReading(sense, from) : null) ?? literalReading(sense, from, to, entry) ?? reportedQuote(sense, from, to);
  return literal === null ? { entry, from, to } : { entry, from, to, literal };
}

// A built-in word read literally once carries that reading to its other unmarked occurrences in
// the comment (sense.ts, carriedReading): the comment is about the animal, the rock, the place.
function carryLiteral(sense: SenseText, hits: Hit[]): void {
  for (let a = 0; a < hits.length; a++) {
    const h = hits[a];
    if (h === undefined || h.literal !== undefined || h.entry.kind !== 'profanity' || h.to - h.from !== 1) continue;
    for (const o of hits) {
      if (o.literal === undefined || o.entry.kind !== 'profanity' || o.literal.kind === 'same' || !sameWord(h.entry.term, o.entry.term)) continue;
      const carried = carriedReading(sense, h.from, h.to, o.literal);
      if (carried !== null) hits[a] = { ...h, literal: carried };
      break;
    }
  }
}

// Something was removed between the word's first and second letter: it was rejoined.
function rejoinedAfterFirst(m: Mapped, tokens: Tokens, i: number): boolean {
  const s = tokens.starts[i] ?? 0;
  return originStart(m, s + 1) > originEnd(m, s);
}

function wordAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens.starts[mid] ?? 0;
    if (s > offset) hi = mid - 1;
    else if ((tokens.ends[mid] ?? 0) <= offset) lo = mid + 1;
    else return mid;
  }
  return -1;
}
