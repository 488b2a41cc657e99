import { around, clauseOf, type SenseText } from './sense.ts';
import { Gap } from './tokenize.ts';

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
  // regional: Manado/Papua, Javanese, Sundanese, Minang
  'ngana',
  'ko',
  'kowe',
  'koen',
  'awakmu',
  'maneh',
  'silaing',
  'waang',
  // round 4: Medan, Banjar, Ambon/Maluku, Balinese, Malay, Papua
  'kelen',
  'ikam',
  'ale',
  'cai',
  'hang',
  'ngoni',
  'kamorang',
  'sampeyan',
  'awak',
  // round 5: Banjar (polite), Ambon
  'pian',
  'ose',
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
  'someone',
  'somebody',
  'anyone',
  'minister',
  'ministers',
  'ceo',
  'politician',
  'politicians',
  'official',
  'officials',
  'pejabat',
  'pejabatnya',
  'menteri',
  'menterinya',
  'dirut',
  'dirutnya',
  // round 4
  'influencer',
  'influencers',
  'youtuber',
  'op',
  'spokeswoman',
  'regent',
  'anggota',
  'dewan',
  'komentator',
  'komentatornya',
  'netizen',
  'warganet',
  'wong',
  'bocah',
  'presiden',
  'presidennya',
  'gubernur',
  'gubernurnya',
  'bupati',
  'bupatinya',
  'walikota',
  'politisi',
  'politikus',
  'direktur',
  'direkturnya',
  'pendukung',
  'pendukungnya',
  'jurnalisnya',
  'reporternya',
  'editornya',
  'dorang',
  'director',
  'governor',
  'president',
  'mayor',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'spokesman',
  'spokesperson',
  // round 5
  'bureaucrat',
  'bureaucrats',
  'commenters',
  'lawmaker',
  'lawmakers',
  'senator',
  'dirjen',
  'dirjennya',
  // Sundanese: a person; Malay: a young man; foreigners
  'jelema',
  'expat',
  'expats',
  'bule',
  'bujang',
  'kades',
  'contractor',
  'contractors',
  'supervisor',
  'manager',
  'kadis',
  'camat',
  'lurah',
]);

/** People named right after an insult: "stupid woman", "bodoh orang itu" is not one, "dumb guy" is. */
const peopleAfter: ReadonlySet<string> = new Set([
  ...people,
  'man',
  'men',
  'woman',
  'women',
  'person',
  'boy',
  'girl',
  'kid',
  'bloke',
  'dude',
  'lady',
  'fellow',
]);

/** What a person's article or piece is called: "penulis artikel ini pembohong", "the writer of this piece". */
const writings: ReadonlySet<string> = new Set(['artikel', 'berita', 'tulisan', 'opini', 'kolom', 'article', 'piece', 'column', 'story']);

/** Words that may stand between the person and the insult: copulas, articles, intensifiers. */
const fillers: ReadonlySet<string> = new Set([
  // "imagine being as clueless as …"; Malay "macam" (like)
  'as',
  'macam',
  // "the commenter above is a …"
  'above',
  'below',
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
  'nothing',
  'kaum',
  'biggest',
  'greatest',
  'worst',
  'true',
  'kind',
  'sort',
  'teh',
  'mah',
  'cuma',
  'cuman',
  'hanya',
  'two',
  'both',
  'typical',
  'another',
  'bunch',
  'of',
  // round 4
  'gini',
  'begini',
  'gitu',
  'begitu',
  'literally',
  'honestly',
  'actually',
  'basically',
  'nya',
  'ternyata',
  'sebenarnya',
  'beneran',
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
  // Banjar and Minang "very": "bungul banar pian", "bangak bana ang"
  'banar',
  'bana',
  'nian',
  'tenan',
  'pol',
  'temen',
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
  'sekali',
  'skali',
  'as',
  'people',
  'of',
  'a',
  'an',
  'kah',
  'ya',
  'pisan',
  'nian',
]);

/**
 * Second-person words that after a noun make it the reader's ("sampah kamu": your rubbish), but
 * after an adjective aim it ("bodoh kamu"); the colloquial ones ("sampah lu") aim either way.
 */
const possessiveSecondPerson: ReadonlySet<string> = new Set(['kamu', 'anda', 'kalian', 'mu', 'situ', 'dikau', 'antum', 'you']);

/** Copulas that, with an article before the insult, call someone it: "he is a fraud". */
const copulas: ReadonlySet<string> = new Set(['is', 's', 'are', 're', 'was', 'were', 'be', 'been', 'am']);

/** Words after "is a fraud" that keep the insult the end of the phrase (not "a stupid idea"). */
const phraseEnds: ReadonlySet<string> = new Set(['who', 'for', 'if', 'and', 'but', 'to', 'with', 'because', 'when', 'of', 'yang', 'kalau', 'karena']);

const REACH = 6;

/** What the rule knows about the insult word besides where it is. */
export interface AimOptions {
  /** An Indonesian noun, which a formal "kamu" after makes a possessive ("sampah kamu"). */
  readonly noun?: boolean;
  /** An English noun: "what a clown", "only an idiot would", "Keep crying, snowflake, …". */
  readonly englishNoun?: boolean;
  /** Mostly an exclamation when alone ("Crazy!", "Gila, …"): aimed only by a person or a vocative. */
  readonly exclamation?: boolean;
  /** An ordinary noun too ("a joke", "the pig"): aimed only by a person or the reader named with it. */
  readonly personOnly?: boolean;
  /** Praise unless it addresses someone ("Hey genius, …", "…, genius."). */
  readonly vocativeOnly?: boolean;
  /** An Indonesian word: a person named earlier in the sentence aims it ("dirut PLN itu penipu", "si aktivis itu munafik"). */
  readonly indonesian?: boolean;
}

const demonstratives: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);
/** Nouns that make an insult noun before them part of a compound: "this clown show", "that idiot light". */
const compoundHeads: ReadonlySet<string> = new Set([
  'show',
  'shows',
  'car',
  'act',
  'world',
  'suit',
  'nose',
  'proof',
  'light',
  'lights',
  'box',
  'school',
  'college',
]);
/** "Only a fool would …" is an idiom; "only an idiot would" is not. */
const idiomaticAfterOnly: ReadonlySet<string> = new Set(['fool', 'fools']);
/** Words after an insult that begin a relative clause, which says what the person did: "Another idiot who never read it". */
const relatives: ReadonlySet<string> = new Set(['who', 'which', 'that', 'yang']);

/** "…, you know", "…, you see": a filler after a comma, not the reader called so. */
const youKnow: ReadonlySet<string> = new Set(['know', 'see', 'guys']);

const listWords: ReadonlySet<string> = new Set(['and', 'or', 'dan', 'atau', 'serta', 'nor']);

/**
 * The word range `[from, to)` that aims the insult at `[i, end)` at a person, or null. Aimed: a second-person word or
 * a vocative before it with only copulas, articles and intensifiers between ("you are such an
 * idiot", "dasar bodoh"; one other word may follow the article: "you are a paid shill"), a person in the third person likewise ("the author is a moron",
 * "penulisnya bodoh", "penulis artikel ini pembohong"), a second-person word or a person after it ("bodoh banget lu", "stupid
 * author", "stupid woman"), an English noun after "what a" or "only a" ("What a clown", "Only an idiot would"), or the insult standing alone in its clause
 * ("Shut up, idiot.", "Typical brainwashed sheep, …", "Keep crying, snowflake, …"). A negation between
 * ("you are not stupid") takes the aim away. Other insult words may stand between ("you ignorant
 * fool"). An exclamation word ("Crazy!") is never aimed by standing alone.
 */
/**
 * A word right before an insult that calls someone by it wherever they are: the reader, "dasar",
 * "dia" or "mereka" ("kamu sampah di mata saya", "dasar sampah di negeri ini"). Not every person
 * word: "wong sampah di TPA" is the Javanese "since", then garbage.
 */
export function calledRightBefore(w: string): boolean {
  return secondPerson.has(w) || vocatives.has(w) || w === 'dia' || w === 'mereka';
}

export function aimOf(
  s: SenseText,
  i: number,
  end: number,
  isInsult: (k: number) => boolean = () => false,
  opts: AimOptions = {},
): readonly [number, number] | null {
  const words = s.tokens.words;
  const [from, to] = around(s, i, end, REACH);
  // "Bunch of (greedy) parasites running this ministry": a group of people called so, one or two words of their own between.
  if (opts.personOnly !== true) {
    for (let k = i - 1; k >= Math.max(from + 1, i - 3); k--) {
      if (words[k] === 'of' && words[k - 1] === 'bunch') return [k - 1, end];
    }
  }
  let article = false;
  let calledAt = -1;
  for (let k = i - 1; k >= from; k--) {
    const w = words[k] ?? '';
    // "stop being an idiot", "don't be stupid", "imagine being this dumb": the reader is told off.
    if (
      (w === 'being' && (words[k - 1] === 'stop' || words[k - 1] === 'quit' || words[k - 1] === 'imagine')) ||
      (w === 'be' && (words[k - 1] === 't' || words[k - 1] === 'dont'))
    ) {
      return [k - 1, end];
    }
    if (negations.has(w)) break;
    if (vocatives.has(w)) return [k, end];
    if (opts.vocativeOnly === true) break;
    if (secondPerson.has(w) || people.has(w)) return [k, end];
    // "the writer of this piece", "penulis artikel ini": the person is the one before the writing.
    if (writings.has(w) && k - 1 >= from && people.has(words[k - 1] ?? '')) return [k - 1, end];
    if (opts.englishNoun === true) {
      // "What a clown", "Only an idiot would", "What kind of moron writes this", "look at this clown".
      if (article && w === 'what') return [k, end];
      // "only an idiot would", "only morons believe": plural nouns need no article.
      if (w === 'only' && (article || k === i - 1) && !idiomaticAfterOnly.has(words[i] ?? '')) return [k, end];
      if (w === 'what' && (words[k + 1] === 'kind' || words[k + 1] === 'sort')) return [k, end];
      if (demonstratives.has(w) && k === i - 1 && words[end] !== 's' && !compoundHeads.has(words[end] ?? '')) return [k, end];
    }
    if (w === 'a' || w === 'an') article = true;
    else if (article && copulas.has(w) && calledAt < 0 && opts.personOnly !== true) {
      const next = end < to ? words[end] : undefined;
      // The subject before the copula is quoted with it: "minister is a fraud", "X is a yes-man, nothing more".
      // "a parasite feeding off …": a participle goes on about the person.
      if (next === undefined || phraseEnds.has(next) || next.endsWith('ing') || (s.tokens.gaps[end] ?? 0) >= Gap.clause)
        calledAt = Math.max(from, k - 1);
    }
    if (w === 'but' && words[k - 1] === 'nothing') continue;
    // Up to two words of their own between an article and the insult: "a paid shill", "a greedy
    // little crook" ("little" is a filler), "a lying, cheating hack".
    if (!fillers.has(w) && !isInsult(k) && articleShortlyBefore(words, k, i)) continue;
    if (!fillers.has(w) && !isInsult(k)) break;
  }
  if (calledAt >= 0) return [calledAt, end];
  for (let k = end; k < to && opts.vocativeOnly !== true; k++) {
    const w = words[k] ?? '';
    // Past a comma only the reader aims it ("Bodoh banget, lu.", "Bloody drongo, you wouldn't know"):
    // "This policy is stupid, they ban ore exports" goes on about someone else, and "…, you know" is a filler.
    // And only a noun ("drongo") is called at the reader so: "This policy is stupid, you can't call it green".
    if (
      (s.tokens.gaps[k] ?? 0) >= Gap.clause &&
      !(
        secondPerson.has(w) &&
        !youKnow.has(words[k + 1] ?? '') &&
        (opts.englishNoun === true || opts.noun === true || k + 1 >= words.length || (s.tokens.gaps[k + 1] ?? 0) >= Gap.sentence)
      )
    )
      break;
    // Only right after a noun is a formal "kamu" a possessive: "tikus got kayak kalian" aims it.
    if (secondPerson.has(w) && !(k === end && opts.noun === true && possessiveSecondPerson.has(w))) return [i, k + 1];
    // "stupid woman", "clown of a minister": a person named right after, or after "of a".
    if (peopleAfter.has(w) && (k === end || words[k - 1] === 'a' || words[k - 1] === 'an')) return [i, k + 1];
    if (!tail.has(w)) break;
  }
  if (opts.exclamation === true || opts.personOnly === true) return null;
  // "stupid comment", "dumbest take", "komentar tolol": what a commenter wrote, so them.
  if (opts.vocativeOnly !== true && end < to && commenterWritings.has(words[end] ?? '')) return [i, end + 1];
  // Indonesian puts the noun first: "komentar tolol", "logika dungu".
  if (opts.vocativeOnly !== true && i - 1 >= from && commenterWritings.has(words[i - 1] ?? '')) return [i - 1, end];
  if (opts.vocativeOnly !== true) {
    const named = readerInSentence(s, i, end) ?? (opts.indonesian === true ? personInSentence(s, i, end) : null);
    if (named !== null) return named;
  }
  return aloneInClause(s, i, end, isInsult, opts.englishNoun === true || opts.vocativeOnly === true);
}

// An article at most two words of their own before word k (fillers and insults not counted), with
// only such words between it and the insult at i.
function articleShortlyBefore(words: readonly string[], k: number, i: number): boolean {
  let own = 0;
  for (let j = k; j >= 0 && j >= k - 4; j--) {
    const w = words[j] ?? '';
    if (w === 'a' || w === 'an') return own <= 2 && j < i;
    if (!fillers.has(w)) own++;
    if (own > 2) return false;
  }
  return false;
}

/** What a commenter writes: an insult right before one calls its writer it ("what a stupid comment"). */
const commenterWritings: ReadonlySet<string> = new Set([
  'comment',
  'comments',
  'take',
  'takes',
  'opinion',
  'opinions',
  'argument',
  'arguments',
  'logic',
  'post',
  'posts',
  'reply',
  'komen',
  'komenan',
  'komentar',
  'komentarnya',
  'komenmu',
  'komentarmu',
  'opini',
  'opininya',
  'logika',
  'logikanya',
  'argumen',
  'argumennya',
]);

/** The reader named earlier in the insult's own clause: "you are literally too stupid", "your idiotic take". */
const readerWords: ReadonlySet<string> = new Set([...secondPerson, 'your', 'ur', 'yours', 'youve', 'youll', 'youd']);

/** Words after which the insult is said of something else: "You think the plan is stupid", "kamu bilang kebijakan itu bodoh". */
const newSubject: ReadonlySet<string> = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'his',
  'her',
  'their',
  'him',
  'them',
  'think',
  'thinks',
  'thought',
  'say',
  'says',
  'said',
  'believe',
  'call',
  'called',
  'itu',
  'ini',
  'bilang',
  'kira',
  'pikir',
  'sebut',
  'menyebut',
]);

// A second-person word before the insult in its sentence, within reach and with no negation or
// new subject between, aims it however many words stand between ("you managed to look stupid
// again", "ente kagak ngerti apa2 soal tambang, diem aja deh bloon").
function readerInSentence(s: SenseText, i: number, end: number): readonly [number, number] | null {
  return namedBefore(s, i, end, readerWords, newSubject);
}

// For an Indonesian insult, a person named earlier in the sentence: "dirut PLN itu penipu kelas
// kakap", "si pengamat ini cuma cari panggung, pembohong ulung". "itu"/"ini" point at the person here.
function personInSentence(s: SenseText, i: number, end: number): readonly [number, number] | null {
  return namedBefore(s, i, end, peopleOrSi, reportedSpeech);
}

const peopleOrSi: ReadonlySet<string> = new Set([...people, 'si', 'sang', 'oknum']);
/** Words that report what someone said or thought: what follows is not said of them. */
const reportedSpeech: ReadonlySet<string> = new Set([
  'bilang',
  'kira',
  'pikir',
  'sebut',
  'menyebut',
  'katanya',
  'kata',
  'menganggap',
  'anggap',
  'menilai',
]);
/** How far back in the sentence a named reader or person aims an insult. */
const SENTENCE_REACH = 10;

function namedBefore(s: SenseText, i: number, end: number, named: ReadonlySet<string>, stops: ReadonlySet<string>): readonly [number, number] | null {
  const words = s.tokens.words;
  const [from] = around(s, i, end, SENTENCE_REACH);
  // A negation turns the insult around only in its own clause: "ente kagak ngerti, diem aja deh bloon".
  const [cFrom] = clauseOf(s, i, end);
  for (let k = i - 1; k >= from; k--) {
    const w = words[k] ?? '';
    if ((k >= cFrom && negations.has(w)) || stops.has(w)) return null;
    if (named.has(w)) return [k, end];
  }
  return null;
}

// Alone in its clause, when that clause is the whole sentence ("Idiot!") or ends it after a
// comma ("Shut up, idiot."); a clause opening a list ("Sampah, limbah, dan polusi") is no address.
// An English noun also addresses from the opening clause when it has a word besides ("Typical
// brainwashed sheep, …") and between commas ("Keep crying, snowflake, the tariff is fair"), unless a list goes on.
function aloneInClause(
  s: SenseText,
  i: number,
  end: number,
  isInsult: (k: number) => boolean,
  englishNoun: boolean,
): readonly [number, number] | null {
  const words = s.tokens.words;
  const [cFrom, clauseTo] = clauseOf(s, i, end);
  // A relative clause after the insult says what the person did and is part of the address.
  let cTo = clauseTo;
  for (let k = end; k < clauseTo; k++) {
    if (relatives.has(words[k] ?? '')) {
      cTo = k;
      break;
    }
  }
  const relative = cTo < clauseTo;
  // An adjective of its own before an English noun: "Typical leftist idiot."
  const adjectiveAt = englishNoun && i - 1 > cFrom ? i - 1 : -1;
  for (let k = cFrom; k < cTo; k++) if ((k < i || k >= end) && k !== adjectiveAt && !fillers.has(words[k] ?? '') && !isInsult(k)) return null;
  const [sFrom, sTo] = around(s, i, end, 64);
  if (clauseTo === sTo && (!relative || englishNoun)) return [cFrom, cTo];
  if (!englishNoun) return null;
  if (cFrom === sFrom) return cTo - cFrom >= 2 ? [cFrom, cTo] : null;
  const next = words[cTo] ?? '';
  return listWords.has(next) ? null : [cFrom, cTo];
}
