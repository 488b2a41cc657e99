import { originStart, type Mapped } from '../normalize/mapped.ts';
import type { LexEntry } from './lex-entry.ts';
import {
  animalTerms,
  countWords,
  givenNames,
  honorifics,
  insultMarkers,
  LITERAL_WINDOW,
  locatives,
  markerBlind,
  MARKER_WINDOW,
  notSurname,
  placeAfter,
  placeBefore,
  placeKinds,
  possessiveAfter,
  possessiveBefore,
} from './literal-sense.ts';
import { Gap, type Tokens } from './tokenize.ts';

/** The text a sense is read from: the original (for capitals), its normalized form and its words. */
export interface SenseText {
  readonly original: string;
  readonly normalized: Mapped;
  readonly tokens: Tokens;
}

/** Why a listed word was let through. */
export const LiteralKinds = {
  context: 'context',
  possessive: 'possessive',
  count: 'count',
  name: 'name',
  place: 'place',
  quoted: 'quoted',
  abbreviation: 'abbreviation',
  same: 'same',
} as const;
/** Why a listed word was let through: the kind of evidence. */
export type LiteralKind = (typeof LiteralKinds)[keyof typeof LiteralKinds];

/** A literal-sense decision: the kind of evidence and the words that gave it, as normalized. */
export interface LiteralReading {
  readonly kind: LiteralKind;
  readonly cue: string;
}

// Boundary levels, as the tokenizer records them: a sentence end (". ! ? ;" or a line break) also
// ends a clause; a clause end is "," or ":".
const sentenceEnd = Gap.sentence;
const clauseEnd = Gap.clause;

// The gap between word k-1 and word k holds a boundary of this level or a stronger one.
function boundaryBefore(s: SenseText, k: number, level: number): boolean {
  const gaps = s.tokens.gaps;
  if (k <= 0 || k >= gaps.length) return true;
  return (gaps[k] ?? 0) >= level;
}

/** The words `[from, to)` of the sentence (or clause, with `level`) around `[i, end)`, at most `reach` words either side. */
export function around(s: SenseText, i: number, end: number, reach: number, re: number = sentenceEnd): [number, number] {
  let from = i;
  while (from > 0 && i - from < reach && !boundaryBefore(s, from, re)) from--;
  let to = end;
  while (to < s.tokens.words.length && to - end < reach && !boundaryBefore(s, to, re)) to++;
  return [from, to];
}

/** The clause (between commas and sentence ends) holding `[i, end)`. */
export function clauseOf(s: SenseText, i: number, end: number): [number, number] {
  return around(s, i, end, 64, clauseEnd);
}

function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase();
}

// Word k starts with a capital and goes on in lower case in the original text ("Dick", not "DICK").
function titleCase(s: SenseText, k: number): boolean {
  const start = s.tokens.starts[k];
  const end = s.tokens.ends[k];
  if (start === undefined || end === undefined || end - start < 2) return false;
  const a = originStart(s.normalized, start);
  const b = originStart(s.normalized, start + 1);
  return isUpper(s.original[a] ?? '') && !isUpper(s.original[b] ?? 'A');
}

// Most words of the sentence capitalised: a headline or shouting, where capitals say nothing.
function capitalsSayNothing(s: SenseText, i: number): boolean {
  const [from, to] = around(s, i, i + 1, 12);
  let caps = 0;
  for (let k = from; k < to; k++) if (titleCase(s, k) || upperWord(s, k)) caps++;
  return to - from >= 3 && caps * 3 > (to - from) * 2;
}

function upperWord(s: SenseText, k: number): boolean {
  const start = s.tokens.starts[k] ?? 0;
  const a = originStart(s.normalized, start);
  const b = originStart(s.normalized, start + 1);
  return isUpper(s.original[a] ?? '') && isUpper(s.original[b] ?? '');
}

/** Words that name what follows: "yang dulu bernama Fucking", "a hamlet named Dildo". */
const namedAs: ReadonlySet<string> = new Set(['bernama', 'named', 'dinamai', 'bernamakan', 'formerly', 'namanya', 'namany']);
/** Size words between a place word and its name: "kota kecil Dildo", "the small town Bitche". */
const sizeWords: ReadonlySet<string> = new Set(['kecil', 'besar', 'tua', 'small', 'little', 'tiny', 'old']);

/** An office after a title is no given name: "Pak Menteri Kontol" calls the minister a name. */
const offices: ReadonlySet<string> = new Set([
  'menteri',
  'presiden',
  'gubernur',
  'bupati',
  'walikota',
  'dirut',
  'direktur',
  'dirjen',
  'camat',
  'lurah',
  'kades',
  'ketua',
  'dewan',
  'minister',
  'president',
  'governor',
  'director',
  'mayor',
]);

const compassWords: ReadonlySet<string> = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'rural',
  'utara',
  'selatan',
  'timur',
  'barat',
  'tengah',
]);

/**
 * Balinese names after "Cok" (Cokorda, a title of the Balinese nobility: "Cok Ace", "Cok Gede
 * Ariawan"), where "cok" would otherwise be the Javanese swear word.
 */
const balineseNames: ReadonlySet<string> = new Set([
  'ace',
  'gede',
  'istri',
  'rai',
  'oka',
  'bagus',
  'putra',
  'putri',
  'alit',
  'agung',
  'raka',
  'ngurah',
  'anom',
  'sawitri',
  'krisna',
  'dalem',
  'ardana',
  'sri',
  'artha',
  'ratih',
  'suyasa',
]);

// Stems that are never a name or a place, whatever the capitals ("Fuck Jokowi", "Anjing Semua").
const neverProper =
  /fuck|shit|cunt|nigg|motherf|bitch|whore|slut|kontol|ngentot|memek|bangsat|jancuk|anjing|babi|monyet|goblo|tolol|bego|kampret|bajingan|brengsek|keparat|asu|lonte|pelacur|ngewe|pepek|puki|kimak|cuki|jamput|jembut|telaso|sundal|bacot|dancuk|jancok|cok/;

/**
 * A listed word written as part of a proper name: a capitalised given name followed by a
 * capitalised surname ("Dick Advocaat"), after a title ("Pak Dick"), after a place word ("Pulau Babi") or
 * before one ("Cock Island"), or after "in"/"di" in mid-sentence ("in Bitche"); a name also from
 * two capitalised words in a row in mid-sentence ("di kanal Anjir Serapat"). Never when the sentence is mostly capitals or
 * an insult marker is near, and a name (not a place) never for the core swear words.
 */
export function properNounReading(s: SenseText, i: number): LiteralReading | null {
  const words = s.tokens.words;
  const w = words[i] ?? '';
  if (!titleCase(s, i) || insultNear(s, i, i + 1)) return null;
  const before = i > 0 && !boundaryBefore(s, i, clauseEnd) ? words[i - 1] : undefined;
  const after = i + 1 < words.length && !boundaryBefore(s, i + 1, clauseEnd) ? words[i + 1] : undefined;
  // A place word beside it says "place" even where most words are capitalised, as Indonesian
  // place names are ("Banjir merendam Kecamatan Anjir Pasar").
  if (before !== undefined && placeBefore.has(before) && titleCase(s, i - 1)) return { kind: 'place', cue: `${before} ${w}` };
  // In running text the place word is lower case: "kota Bitche", "kota kecil Dildo", "desa yang dulu bernama Fucking".
  const midSentence = !boundaryBefore(s, i, sentenceEnd);
  if (midSentence && before !== undefined && (placeBefore.has(before) || namedAs.has(before))) return { kind: 'place', cue: `${before} ${w}` };
  // "Bitche itu kota di Perancis", "Dildo is a town in Newfoundland": the word is said to be a place.
  const said = words[i + 1] ?? '';
  // One word may stand between: "Dildo itu nama kota di Newfoundland", "Dildo is a town".
  const kindAt = placeKinds.has(words[i + 2] ?? '') ? i + 2 : placeKinds.has(words[i + 3] ?? '') ? i + 3 : -1;
  if ((said === 'itu' || said === 'adalah' || said === 'is' || said === 'was') && kindAt > 0 && !insultMarkers.has(words[kindAt + 1] ?? ''))
    return { kind: 'place', cue: words.slice(i, kindAt + 1).join(' ') };
  // "the Fucking sign": the village's road sign, stolen so often.
  if (midSentence && before === 'the' && (words[i + 1] === 'sign' || words[i + 1] === 'signs'))
    return { kind: 'place', cue: `the ${w} ${words[i + 1] ?? ''}` };
  // "The village once called Fucking", "formerly called Wankie".
  if (midSentence && before === 'called' && (words[i - 2] === 'once' || words[i - 2] === 'formerly'))
    return { kind: 'place', cue: `${words[i - 2] ?? ''} called ${w}` };
  const before2 = i > 1 && !boundaryBefore(s, i - 1, clauseEnd) ? words[i - 2] : undefined;
  if (midSentence && before !== undefined && before2 !== undefined && placeBefore.has(before2) && sizeWords.has(before)) {
    return { kind: 'place', cue: `${before2} ${before} ${w}` };
  }
  if (after !== undefined && placeAfter.has(after) && titleCase(s, i + 1)) return { kind: 'place', cue: `${w} ${after}` };
  const next = words[i + 1];
  // "the village of Fucking", "the town of Dildo".
  if (before === 'of' && before2 !== undefined && placeKinds.has(before2)) return { kind: 'place', cue: `${before2} of ${w}` };
  // "Pussy, a village in Savoie": a kind of place right after the comma.
  // One word may describe the place: "Dildo, a fishing town in Newfoundland".
  const kind = placeKinds.has(words[i + 2] ?? '')
    ? words[i + 2]
    : placeKinds.has(words[i + 3] ?? '')
      ? `${words[i + 2] ?? ''} ${words[i + 3] ?? ''}`
      : undefined;
  if (after === undefined && (next === 'a' || next === 'an' || next === 'the') && kind !== undefined) {
    return { kind: 'place', cue: `${w}, ${next} ${kind}` };
  }
  // A listed given name that is also a surname, after a capitalised given name, even opening the
  // sentence: "Sheila Dikshit ran Delhi" (the list is of names, so before the swear-word test).
  if (
    before !== undefined &&
    givenNames.has(w) &&
    titleCase(s, i - 1) &&
    /^[a-z]{2,}$/.test(before) &&
    !notSurname.has(before) &&
    !insultMarkers.has(before)
  ) {
    return { kind: 'name', cue: `${before} ${w}` };
  }
  // "Pak Titi Kontolo", "Dr. Peter Pecker": a title, a capitalised given name, then this word (a title says
  // "name" even where most words are capitalised).
  if (
    before !== undefined &&
    i >= 2 &&
    honorifics.has(words[i - 2] ?? '') &&
    titleCase(s, i - 1) &&
    // A core swear word needs a surname after it too: "Pak Jokowi Goblok" is an insult.
    (!neverProper.test(w) || (after !== undefined && titleCase(s, i + 1) && !notSurname.has(after))) &&
    !insultMarkers.has(before) &&
    !offices.has(before)
  )
    return { kind: 'name', cue: `${words[i - 2] ?? ''} ${before} ${w}` };
  // A listed given name before a capitalised surname ("Shitij Verma"), even for a core stem inside it.
  if (after !== undefined && givenNames.has(w) && titleCase(s, i + 1) && !notSurname.has(after) && !insultMarkers.has(after))
    return { kind: 'name', cue: `${w} ${after}` };
  const named = nameAround(s, i, before, after);
  if (named !== null) return named;
  if (capitalsSayNothing(s, i)) return null;
  // "Bitche, in Lorraine, …": a known region after a comma and "in".
  if (after === undefined && next !== undefined && regionAfter(s, i + 1)) return { kind: 'place', cue: `${w}, ${next} ${words[i + 2] ?? ''}` };
  // "Bitche, France", "Dildo, Newfoundland": a country or region right after a comma.
  if (after === undefined && next !== undefined && placeAfter.has(next) && titleCase(s, i + 1) && !boundaryBefore(s, i + 1, sentenceEnd)) {
    return { kind: 'place', cue: `${w}, ${next}` };
  }
  if (before !== undefined && locatives.has(before) && !boundaryBefore(s, i - 1, sentenceEnd)) return { kind: 'place', cue: `${before} ${w}` };
  // "Bitche in Lorraine", "Dildo di Newfoundland": a known region after "in"/"di", even opening the sentence.
  if (after !== undefined && regionAfter(s, i + 1) && !boundaryBefore(s, i + 2, clauseEnd))
    return { kind: 'place', cue: `${w} ${after} ${words[i + 2] ?? ''}` };
  // "Ass. Prof.", "Ass. Counsel", "Ass'y": a capitalised abbreviation of assistant, associate or assembly.
  if (w === 'ass' && abbreviated(s, i))
    return {
      kind: 'abbreviation',
      cue: s.original.slice(originStart(s.normalized, s.tokens.starts[i] ?? 0), originStart(s.normalized, s.tokens.starts[i] ?? 0) + 4),
    };
  // "Bapak Puki Lestaluhu": a title, then this word and a surname, both capitalised, is a person's name.
  if (
    before !== undefined &&
    honorifics.has(before) &&
    after !== undefined &&
    titleCase(s, i + 1) &&
    !notSurname.has(after) &&
    !insultMarkers.has(after)
  )
    return { kind: 'name', cue: `${before} ${w} ${after}` };
  // "Cok Ace", "Cok Gede Ariawan": the Balinese title before a Balinese name.
  if (w === 'cok' && after !== undefined && balineseNames.has(after) && titleCase(s, i + 1)) return { kind: 'name', cue: `${w} ${after}` };
  if (neverProper.test(w)) return null;
  // "up the Wank in Bavaria": a capitalised word in mid-sentence, then "in" or "near" and a capitalised place.
  if (
    (after === 'in' || after === 'near') &&
    !boundaryBefore(s, i, sentenceEnd) &&
    titleCase(s, i + 2) &&
    !boundaryBefore(s, i + 2, clauseEnd) &&
    !insultMarkers.has(words[i + 2] ?? '')
  ) {
    return { kind: 'place', cue: `${w} ${after} ${words[i + 2] ?? ''}` };
  }
  if (before !== undefined && honorifics.has(before)) return { kind: 'name', cue: `${before} ${w}` };
  if (
    after !== undefined &&
    givenNames.has(w) &&
    /^[a-z]{2,}$/.test(after) &&
    titleCase(s, i + 1) &&
    !notSurname.has(after) &&
    !insultMarkers.has(after)
  ) {
    return { kind: 'name', cue: `${w} ${after}` };
  }
  // Two capitalised words in a row, one of them this one: a proper name ("Anjir Serapat", "Brown
  // Willy"), unless the other is sentence-initial only or a word that is no name.
  // Only in mid-sentence: a sentence may open with a capitalised swear word before a name ("Fking Pertamina").
  if (midSentence && after !== undefined && /^[a-z]{2,}$/.test(after) && titleCase(s, i + 1) && !notSurname.has(after) && !insultMarkers.has(after)) {
    return { kind: 'name', cue: `${w} ${after}` };
  }
  if (
    before !== undefined &&
    !boundaryBefore(s, i - 1, sentenceEnd) &&
    titleCase(s, i - 1) &&
    !notSurname.has(before) &&
    !insultMarkers.has(before)
  ) {
    return { kind: 'name', cue: `${before} ${w}` };
  }
  return null;
}

/**
 * A person's name around a capitalised word in mid-sentence, even a core word: the middle of three
 * capitalised names ("Ahmad Bego Siregar"), or a given name after a job and before a surname
 * ("pengusaha batubara Pepek Sulaiman", "project manager Shitij Verma").
 */
export function nameAround(s: SenseText, i: number, before: string | undefined, after: string | undefined): LiteralReading | null {
  const words = s.tokens.words;
  const w = words[i] ?? '';
  if (after === undefined || !titleCase(s, i + 1) || notSurname.has(after) || insultMarkers.has(after) || boundaryBefore(s, i, sentenceEnd))
    return null;
  if (before !== undefined && titleCase(s, i - 1) && !notSurname.has(before) && !insultMarkers.has(before) && !offices.has(before))
    return { kind: 'name', cue: `${before} ${w} ${after}` };
  if (before !== undefined && jobs.has(before)) return { kind: 'name', cue: `${before} ${w} ${after}` };
  return null;
}

/** An attack word as the middle of a capitalised three-part name, or after a job: "Ahmad Bego Siregar". */
export function attackWordAsName(s: SenseText, i: number): LiteralReading | null {
  if (!titleCase(s, i) || insultNear(s, i, i + 1)) return null;
  const words = s.tokens.words;
  const before = i > 0 && !boundaryBefore(s, i, clauseEnd) ? words[i - 1] : undefined;
  const after = i + 1 < words.length && !boundaryBefore(s, i + 1, clauseEnd) ? words[i + 1] : undefined;
  return nameAround(s, i, before, after);
}

/** Jobs and roles written before a person's name in news style: "pengusaha batubara X Y", "project manager X Y". */
const jobs: ReadonlySet<string> = new Set([
  'pengusaha',
  'batubara',
  'manager',
  'manajer',
  'engineer',
  'insinyur',
  'anggota',
  'tokoh',
  'warga',
  'aktivis',
  'pengamat',
  'ekonom',
  'peneliti',
  'analyst',
  'researcher',
  'activist',
  'economist',
  'spokesman',
  'spokeswoman',
  'jubir',
  'nelayan',
  'petani',
]);

// Word i is written "Ass." or "Ass'", capitalised, as an abbreviation is.
function abbreviated(s: SenseText, i: number): boolean {
  if (!titleCase(s, i)) return false;
  const after = s.original.charAt(originStart(s.normalized, (s.tokens.ends[i] ?? 0) - 1) + 1);
  return after === '.' || after === "'" || after === '\u2019';
}

// Word k is "in"/"di" and a known region follows it, capitalised: "in Lorraine", "di Newfoundland",
// also after up to two compass words: "in north-eastern France", "di utara Prancis".
function regionAfter(s: SenseText, k: number): boolean {
  if (!locatives.has(s.tokens.words[k] ?? '')) return false;
  let r = k + 1;
  while (r <= k + 2 && (compassWords.has(s.tokens.words[r] ?? '') || s.tokens.words[r] === 'the')) r++;
  return titleCase(s, r) && placeAfter.has(s.tokens.words[r] ?? '');
}

function insultNear(s: SenseText, i: number, end: number): boolean {
  const words = s.tokens.words;
  const [from, to] = around(s, i, end, MARKER_WINDOW);
  for (let k = from; k < i; k++) if (insultMarkers.has(words[k] ?? '')) return true;
  for (let k = end; k < to; k++) {
    const w = words[k] ?? '';
    if (possessiveAfter.has(w)) return false;
    if (insultMarkers.has(w)) return true;
  }
  // "son of a bitch"
  return words[i - 1] === 'a' && words[i - 2] === 'of' && words[i - 3] === 'son';
}

// The word is written twice joined by a hyphen, this being either half.
function reduplicated(s: SenseText, i: number): boolean {
  const { words, starts, ends } = s.tokens;
  const text = s.normalized.text;
  const w = words[i];
  const joined = (a: number): boolean => words[a] === words[a + 1] && text.slice(ends[a] ?? 0, starts[a + 1] ?? 0) === '-';
  // Chat writes the plural with a 2: "monyet2" for "monyet-monyet".
  const two = s.original.charAt(originStart(s.normalized, (ends[i] ?? 0) - 1) + 1) === '2';
  return w !== undefined && (two || (i > 0 && joined(i - 1)) || (i + 1 < words.length && joined(i)));
}

function digitBefore(s: SenseText, i: number): boolean {
  const { starts, ends } = s.tokens;
  const gap = s.normalized.text.slice(i > 0 ? (ends[i - 1] ?? 0) : 0, starts[i] ?? 0);
  return /\d\s*$/.test(gap);
}

/**
 * Whether the listed word at `[i, end)` is meant literally, and why: an animal owned ("anjing
 * saya", "anjingku", "our bitch") or counted ("dua babi", "50 babi"), or context words anywhere in
 * its sentence within {@link LITERAL_WINDOW} words ("anjing pelacak", "the cock crowed at dawn").
 * An insult marker within {@link MARKER_WINDOW} words ("dasar kau babi", "babi lu") or a word
 * standing alone in its clause ("Anjing!") reads as an insult whatever the context.
 */
export function literalReading(s: SenseText, i: number, end: number, entry: LexEntry): LiteralReading | null {
  const context = entry.literal;
  if (context === null) return null;
  const words = s.tokens.words;
  if (!markerBlind.has(entry.term) && insultNear(s, i, end)) return null;
  const [cFrom, cTo] = clauseOf(s, i, end);
  const w = words[i] ?? '';
  if (animalTerms.has(entry.term) || animalTerms.has(stemOf(entry.term))) {
    const next = words[end];
    if (next !== undefined && end < cTo && possessiveAfter.has(next)) return { kind: 'possessive', cue: `${w} ${next}` };
    const stem = stemOf(entry.term);
    if (end - i === 1 && w !== stem && w.startsWith(stem) && /(?:ku|nya)$/.test(w)) return { kind: 'possessive', cue: w };
    const prev = i > cFrom ? words[i - 1] : undefined;
    if (prev !== undefined && possessiveBefore.has(prev)) return { kind: 'possessive', cue: `${prev} ${w}` };
    if (prev !== undefined && countWords.has(prev)) return { kind: 'count', cue: `${prev} ${w}` };
    if (digitBefore(s, i)) return { kind: 'count', cue: w };
    // "monyet-monyet", "anjing-anjing liar": reduplication is the plural, animals counted.
    if (end - i === 1 && reduplicated(s, i)) return { kind: 'count', cue: `${w}-${w}` };
  }
  const [from, to] = around(s, i, end, LITERAL_WINDOW);
  for (let k = from; k < to; k++) {
    if (k >= i && k < end) continue;
    const c = words[k] ?? '';
    if (context.has(c)) return { kind: 'context', cue: c };
  }
  return null;
}

/**
 * The word at `[i, end)` is the same word (or its plural) as one read literally elsewhere in the
 * comment, and nothing marks this one as an insult: a comment about monkeys names them again
 * without repeating the context ("… dua puluh ekor monyet … kelompok monyet menyeberang jalan").
 * The cue is the other reading's.
 */
export function carriedReading(s: SenseText, i: number, end: number, other: LiteralReading): LiteralReading | null {
  if (other.kind === 'quoted' || insultNear(s, i, end)) return null;
  // Alone in its clause ("Anjing!") it is an exclamation whatever the comment said before.
  const [cFrom, cTo] = clauseOf(s, i, end);
  if (cFrom === i && cTo === end) return null;
  return { kind: 'same', cue: other.cue };
}

/** The same listed word, or its plural: "dyke" and "dykes", "bitch" and "bitches". */
export function sameWord(a: string, b: string): boolean {
  return a === b || `${a}s` === b || `${b}s` === a || `${a}es` === b || `${b}es` === a || stemOf(a) === stemOf(b);
}

// Affixed Indonesian forms carry their stem's literal context; the stem is the listed term itself
// for unaffixed words. The forms are built from the stem by suffixes, so the shortest animal term
// the form starts with is its stem.
function stemOf(term: string): string {
  for (const a of animalTerms) if (term.startsWith(a) && term !== a) return a;
  return term;
}
