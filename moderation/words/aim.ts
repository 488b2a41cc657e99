import { around, clauseOf, type SenseText } from './sense.ts';

/** Words that point an insult at the reader or a person: "you", "kamu", "lu", "dasar", "hey". */
const secondPerson: ReadonlySet<string> = new Set([
  'you',
  'u',
  'youre',
  'yourself',
  'kamu',
  'kau',
  'engkau',
  'lu',
  'lo',
  'loe',
  'lw',
  'elu',
  'elo',
  'ente',
  'sia',
  'anda',
  'kalian',
  'situ',
  'dikau',
  'antum',
  'mu',
]);

/** Words that make an insult a form of address: "dasar bodoh", "hey idiot", "si bodoh". */
const vocatives: ReadonlySet<string> = new Set(['dasar', 'hey', 'hei', 'hai', 'woi', 'woy', 'oi', 'oy', 'heh', 'si', 'dear']);

/** People a comment may insult in the third person: "the author is an idiot", "penulisnya bodoh". */
const people: ReadonlySet<string> = new Set([
  'he',
  'she',
  'they',
  'him',
  'them',
  'author',
  'writer',
  'reporter',
  'journalist',
  'editor',
  'admin',
  'moderator',
  'commenter',
  'columnist',
  'guy',
  'guys',
  'dia',
  'mereka',
  'penulis',
  'penulisnya',
  'wartawan',
  'wartawannya',
  'jurnalis',
  'redaksi',
  'adminnya',
  'orangnya',
]);

/** Words that may stand between the person and the insult: copulas, articles, intensifiers. */
const fillers: ReadonlySet<string> = new Set([
  'are',
  'r',
  're',
  'is',
  's',
  'was',
  'were',
  'be',
  'been',
  'am',
  'a',
  'an',
  'such',
  'the',
  'total',
  'totally',
  'complete',
  'completely',
  'real',
  'really',
  'absolute',
  'absolutely',
  'so',
  'very',
  'just',
  'truly',
  'utter',
  'utterly',
  'pure',
  'big',
  'little',
  'fucking',
  'must',
  'seem',
  'seems',
  'sound',
  'look',
  'also',
  'too',
  'even',
  'still',
  'always',
  'clearly',
  'obviously',
  'definitely',
  'simply',
  'all',
  'people',
  'itu',
  'tuh',
  'emang',
  'memang',
  'sangat',
  'banget',
  'bener',
  'benar',
  'sungguh',
  'amat',
  'terlalu',
  'paling',
  'sih',
  'nih',
  'ini',
  'adalah',
  'kok',
  'dah',
  'udah',
  'sudah',
  'jadi',
  'makin',
  'semakin',
  'pada',
  'semua',
  'sok',
  'kayak',
  'kaya',
  'seperti',
  'mirip',
  'yang',
  'aja',
  'saja',
  'lah',
  'juga',
  'tetap',
  'masih',
  'selalu',
  'orang',
  'manusia',
  'dasar',
  'what',
  'like',
  'this',
  'lot',
  'two',
  'both',
  'typical',
  'another',
  'bunch',
  'of',
]);

/** Negations that turn an insult around: "you are not stupid", "kamu tidak bodoh". */
const negations: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'isn',
  'aren',
  'wasn',
  'weren',
  'don',
  'doesn',
  'didn',
  't',
  'tidak',
  'tak',
  'bukan',
  'nggak',
  'gak',
  'ga',
  'enggak',
  'ndak',
  'jangan',
  'jgn',
  'gk',
  'kagak',
]);

/** Words that may stand after the insult before the person it is aimed at: "bodoh banget sih lu". */
const tail: ReadonlySet<string> = new Set([
  'banget',
  'sih',
  'amat',
  'bener',
  'deh',
  'kali',
  'bgt',
  'dah',
  'emang',
  'memang',
  'are',
  'lah',
  'loh',
  'lho',
  'is',
  'can',
  'could',
  'must',
  'like',
  'kayak',
]);

/**
 * Second-person words that after a noun make it the reader's ("sampah kamu": your rubbish), but
 * after an adjective aim it ("bodoh kamu"); the colloquial ones ("sampah lu") aim either way.
 */
const possessiveSecondPerson: ReadonlySet<string> = new Set(['kamu', 'anda', 'kalian', 'mu', 'situ', 'dikau', 'antum', 'you']);

/** Copulas that, with an article before the insult, call someone it: "he is a fraud". */
const copulas: ReadonlySet<string> = new Set(['is', 's', 'are', 're', 'was', 'were', 'be', 'been', 'am']);

/** Words after "is a fraud" that keep the insult the end of the phrase (not "a stupid idea"). */
const phraseEnds: ReadonlySet<string> = new Set(['who', 'for', 'if', 'and', 'but', 'to', 'with', 'because', 'when', 'yang', 'kalau', 'karena']);

const REACH = 4;

/**
 * The word range `[from, to)` that aims the insult at `[i, end)` at a person, or null. Aimed: a second-person word or
 * a vocative before it with only copulas, articles and intensifiers between ("you are such an
 * idiot", "dasar bodoh"), a person in the third person likewise ("the author is a moron",
 * "penulisnya bodoh"), a second-person word or a person after it ("bodoh banget lu", "stupid
 * author"), or the insult standing alone in its clause ("Shut up, idiot."). A negation between
 * ("you are not stupid") takes the aim away. Other insult words may stand between ("you ignorant
 * fool"); `noun` says the insult is a noun, which a formal "kamu" after makes a possessive.
 */
export function aimOf(
  s: SenseText,
  i: number,
  end: number,
  isInsult: (k: number) => boolean = () => false,
  noun = false,
): readonly [number, number] | null {
  const words = s.tokens.words;
  const [from, to] = around(s, i, end, REACH);
  let article = false;
  let calledAt = -1;
  for (let k = i - 1; k >= from; k--) {
    const w = words[k] ?? '';
    // "stop being an idiot", "don't be stupid": the reader is told off.
    if (
      (w === 'being' && (words[k - 1] === 'stop' || words[k - 1] === 'quit')) ||
      (w === 'be' && (words[k - 1] === 't' || words[k - 1] === 'dont'))
    ) {
      return [k - 1, end];
    }
    if (negations.has(w)) break;
    if (secondPerson.has(w) || vocatives.has(w) || people.has(w)) return [k, end];
    if (w === 'a' || w === 'an') article = true;
    else if (article && copulas.has(w) && calledAt < 0) {
      const next = end < to ? words[end] : undefined;
      // The subject before the copula is quoted with it: "minister is a fraud".
      if (next === undefined || phraseEnds.has(next)) calledAt = Math.max(from, k - 1);
    }
    if (!fillers.has(w) && !isInsult(k)) break;
  }
  if (calledAt >= 0) return [calledAt, end];
  for (let k = end; k < to; k++) {
    const w = words[k] ?? '';
    if (secondPerson.has(w) && !(noun && possessiveSecondPerson.has(w))) return [i, k + 1];
    if (k === end && people.has(w)) return [i, k + 1];
    if (!tail.has(w)) break;
  }
  // Alone in its clause, when that clause is the whole sentence ("Idiot!") or ends it after a
  // comma ("Shut up, idiot."); a clause opening a list ("Sampah, limbah, dan polusi") is no address.
  const [cFrom, cTo] = clauseOf(s, i, end);
  const sTo = around(s, i, end, 64)[1];
  if (cTo !== sTo) return null;
  for (let k = cFrom; k < cTo; k++) if ((k < i || k >= end) && !fillers.has(words[k] ?? '') && !isInsult(k)) return null;
  return [cFrom, cTo];
}
