import { around, clauseOf, type SenseText } from './sense.ts';

/** Words that point an insult at the reader or a person: "you", "kamu", "lu", "dasar", "hey". */
const secondPerson: ReadonlySet<string> = new Set([
  'you',
  'u',
  'your',
  'ur',
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
]);

const REACH = 4;

/**
 * The word range `[from, to)` that aims the insult at `[i, end)` at a person, or null. Aimed: a second-person word or
 * a vocative before it with only copulas, articles and intensifiers between ("you are such an
 * idiot", "dasar bodoh"), a person in the third person likewise ("the author is a moron",
 * "penulisnya bodoh"), a second-person word or a person after it ("bodoh banget lu", "stupid
 * author"), or the insult standing alone in its clause ("Shut up, idiot."). A negation between
 * ("you are not stupid") takes the aim away.
 */
export function aimOf(s: SenseText, i: number, end: number): readonly [number, number] | null {
  const words = s.tokens.words;
  const [from, to] = around(s, i, end, REACH);
  for (let k = i - 1; k >= from; k--) {
    const w = words[k] ?? '';
    if (negations.has(w)) break;
    if (secondPerson.has(w) || vocatives.has(w) || people.has(w)) return [k, end];
    if (!fillers.has(w)) break;
  }
  for (let k = end; k < to; k++) {
    const w = words[k] ?? '';
    if (secondPerson.has(w) || (k === end && people.has(w))) return [i, k + 1];
    if (!tail.has(w)) break;
  }
  // Alone in its clause, when that clause is the whole sentence ("Idiot!") or ends it after a
  // comma ("Shut up, idiot."); a clause opening a list ("Sampah, limbah, dan polusi") is no address.
  const [cFrom, cTo] = clauseOf(s, i, end);
  const sTo = around(s, i, end, 64)[1];
  if (cTo !== sTo) return null;
  for (let k = cFrom; k < cTo; k++) if ((k < i || k >= end) && !fillers.has(words[k] ?? '')) return null;
  return [cFrom, cTo];
}
