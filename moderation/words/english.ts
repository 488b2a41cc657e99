import { Filter } from 'bad-words';

/**
 * bad-words entries that are ordinary words in our readers' comments, names, or harmless in
 * Indonesian; the measurements show bad-words flagging "God", "suka", "semen", "pula".
 * Lower case, as written in bad-words' list.
 */
export const englishExcluded: ReadonlySet<string> = new Set([
  // ordinary or mild English
  'god',
  'hell',
  'hells',
  'damn',
  '*damn',
  'crap',
  'bloody',
  'bum',
  'butt',
  'balls',
  'screw',
  'screwing',
  'sex',
  'sexy',
  'lust',
  'lusting',
  'pawn',
  'poop',
  'fart',
  'enema',
  'feces',
  'nazi',
  'nazis',
  'sadist',
  'masochist',
  'knob',
  'knobs',
  'nob',
  'muff',
  'snatch',
  'flange',
  'fanny',
  'willy',
  'willies',
  'shag',
  'spunk',
  'preteen',
  'tit',
  'dink',
  'dinks',
  'pron',
  'kock',
  'cox',
  'wang',
  'homo',
  'jap',
  'japs',
  'turd',
  'mutha',
  'muther',
  'heshe',
  'pissed',
  'rectum',
  'anus',
  'anal',
  'breasts',
  'kondum',
  'kondums',
  'doggin',
  'dogging',
  'coon',
  'yed',
  's hit',
  's.o.b.',
  'fu(*',
  'boiolas',
  'semen',
  // words or names in Indonesian, Dutch or news text that the list took from other languages
  'suka',
  'pula',
  'pule',
  'dupa',
  'hui',
  'kuk',
  'perse',
  'picka',
  'kanker*',
  'kusi*',
  'merd*',
  'paska*',
  'pillu*',
  'ekrem*',
  'ekto',
  'rautenberg',
  'schaffer',
  'skribz',
  'shipal',
  'mibun',
  'monkleigh',
  'guiena',
  'helvete',
  'faen',
  'dike*',
  'fitt*',
  'cipa',
  'kum',
  'kums',
  'kummer',
  'kumming',
]);

/** Prefix entries whose prefix reading is safe; the others ("fuk*" → Fukushima, "wank*" → Wankel) stay exact. */
const prefixSafe: ReadonlySet<string> = new Set([
  'cunt',
  'bitch',
  'bollock',
  'piss',
  'queef',
  'scheiss',
  'pierdol',
  'kyrpa',
  'masterbat',
  'masturbat',
  'nigger',
  'sh!t',
  'shit',
]);

/**
 * English stems that are caught inside any word, stretched or not ("motherfuckers", "bullshitting",
 * "fuuuckface"); the allowlist keeps "Scunthorpe" and "shiitake" out.
 */
export const englishContains: readonly string[] = [
  'fuck',
  'shit',
  'cunt',
  'bitch',
  'nigger',
  'nigga',
  'asshole',
  'dickhead',
  'cocksuck',
  'wanker',
  'motherf',
];

/** Common insults missing from bad-words' list, added by us. */
export const englishExtra: readonly string[] = [
  'dumbass',
  'dumbasses',
  'jackass',
  'jackasses',
  'smartass',
  'dipshit',
  'douchebag',
  'bullshit',
  'horseshit',
  'shithead',
  'fuckface',
  'fuckwit',
  'dumbfuck',
];

/** The English list, read from bad-words as data: exact words and phrases, and safe prefixes. */
export interface EnglishTerms {
  readonly exact: readonly string[];
  readonly prefixes: readonly string[];
}

/** Splits bad-words' list into our term kinds, dropping the exclusions above. */
export function englishTerms(): EnglishTerms {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const raw of new Filter().list) {
    const word = raw.toLowerCase().replace(/;+$/, '').trim();
    if (word.length === 0 || englishExcluded.has(word)) continue;
    const lead = word.startsWith('*');
    const trail = word.endsWith('*');
    const core = word.replace(/^\*+|\*+$/g, '');
    if (core.length === 0 || englishExcluded.has(core)) continue;
    if (trail && !lead && prefixSafe.has(core)) prefixes.push(core);
    else exact.push(core);
  }
  exact.push(...englishExtra);
  return { exact, prefixes };
}
