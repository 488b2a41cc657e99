/**
 * Indonesian (and common Javanese/Minang/Malay-in-Indonesia) insults and profanity, curated for
 * Rembuk. Stems take Indonesian affixes (see {@link affixedForms}); chat spellings and
 * abbreviations are matched only as written (after normalization).
 */
export const indonesianStems: readonly string[] = [
  'pler',
  'bedes',
  'anjing',
  'anjeng',
  'anying',
  'anjink',
  'bangsat',
  'bangsad',
  'babi',
  'kontol',
  'memek',
  'ngentot',
  'ngentod',
  'entot',
  'ngewe',
  'goblok',
  'goblog',
  'tolol',
  'bego',
  'dungu',
  'bajingan',
  'brengsek',
  'keparat',
  'kampret',
  'kunyuk',
  'monyet',
  'jancuk',
  'jancok',
  'jancik',
  'diancuk',
  'dancok',
  'asu',
  'tai',
  'taik',
  'tahi',
  'pelacur',
  'lonte',
  'perek',
  'sundal',
  'jablay',
  'bencong',
  'banci',
  'pantek',
  'kimak',
  'pukimak',
  'puki',
  'cibai',
  'bangke',
  'kadrun',
  'cebong',
  'peler',
  'pepek',
  'bedebah',
  // regional and slang swear words: Surabaya/Malang, Manado/Papua, Makassar, Minang, Javanese, Malay
  'jamput',
  'diamput',
  'dancuk',
  'cukimai',
  'cukimay',
  'pukimai',
  'pukima',
  'telaso',
  // Makassar chat spelling of telaso; kimak (Medan), cukimak
  'tlaso',
  // "goblq", "kpret": chat shortenings of goblok and kampret
  'goblq',
  'gblog',
  'bajngn',
  'ktl',
  'dncok',
  'ndzmu',
  'bgzt',
  'jancq',
  // Betawi
  'ngehe',
  // Medan "kimak"; "KMK Nomor …" (a finance minister's decree) is read literally (literal-sense.ts)
  'kmk',
  'kpret',
  'cukimak',
  'sundala',
  'kampang',
  'jembut',
  'itil',
  'tempik',
  'toket',
  'ngaceng',
  'pecun',
  'bispak',
  'kirik',
  'celeng',
  'sompret',
  'semprul',
  'anjir',
  'anjrit',
  'anjrot',
  'bangkek',
  'bajindul',
  'belegug',
  'kehed',
  'heunceut',
  'gathel',
  'telek',
  'tailaso',
  'cirik',
  'meki',
  'kontoy',
  'ajig',
  'coeg',
  'ancok',
  'jangkrik',
  'bangkay',
];

/** Chat spellings and abbreviations, matched as whole words. */
export const indonesianAbbreviations: readonly string[] = [
  'anjg',
  'anjk',
  'ajg',
  'njing',
  'njeng',
  'bgst',
  'bngst',
  'bgsd',
  'kntl',
  'kntol',
  'kontl',
  'mmk',
  'ngntd',
  'ngntt',
  'gblk',
  'gblg',
  'jnck',
  'jncok',
  'jancuk',
  'cuk',
  'cok',
  'asw',
  'kmprt',
  'bjingan',
  'brgsk',
  'pkmk',
  'lnte',
  'goblk',
  'bngsat',
  'anjinc',
  // vowels dropped or swapped, the way chat writes the common ones
  'njg',
  'anjng',
  'njng',
  'ajng',
  'njir',
  'njrit',
  'bgsat',
  'bngsd',
  'mmek',
  'memk',
  'ngntot',
  'ngentd',
  'ngentt',
  'ngtd',
  'ngtt',
  'entod',
  'gblok',
  'gobloq',
  'tlol',
  'tll',
  'bgo',
  'begok',
  'bjngn',
  'bjgn',
  'bajingn',
  'brngsk',
  'brngsek',
  'brgsek',
  'brengsk',
  'kprt',
  'kparat',
  'kmpret',
  'mnyt',
  'mnyet',
  'monyt',
  'nyet',
  'jncuk',
  'dancok',
  'taek',
  'bngke',
  'plcr',
  'plcur',
  'bncng',
  'bdbh',
  'pkimak',
  'jmbt',
  'kntll',
  'bct',
  'bcot',
  'anyink',
  'asyu',
  'asuw',
  'memeq',
  'mmq',
  'bangst',
  'bangsd',
  'knyk',
  'jbly',
  'pntk',
  'kdrn',
  'anjrt',
  'njrt',
  'jmput',
  'jmpt',
  'cbai',
  'tmpk',
  'tmpik',
  'jmbut',
  'ndsmu',
  // round 3
  'cuki',
  'kntlo',
];

/** Stems also caught inside longer words ("dasarkontol", "bangsatlah"); none occurs inside an ordinary word. */
export const indonesianContains: readonly string[] = [
  'kontol',
  'ngentot',
  'goblok',
  'bangsat',
  'jancuk',
  'jancok',
  'bajingan',
  'keparat',
  'pukimak',
  'tolol',
];

const suffixes = ['nya', 'lah', 'kah', 'an', 'in', 'mu', 'ku', 'lu', 'lo', 'nyo'] as const;
const prefixes = ['di', 'nge', 'ter', 'se'] as const;
const circumfixes = [
  ['ke', 'an'],
  ['ke', 'annya'],
  ['di', 'in'],
  ['di', 'kan'],
] as const;

/** Every affixed form of a stem: bangsatnya, ketololan, kegoblokan, dibegoin, ngebabi, kontolo... */
export function affixedForms(stem: string): string[] {
  const forms = [stem];
  for (const s of suffixes) {
    forms.push(stem + s);
    // Chat merges a suffix into a stem ending in its first letter: "kontolo" (kontol lo), "gobloku".
    if (stem.endsWith(s.charAt(0))) forms.push(stem + s.slice(1));
  }
  for (const p of prefixes) forms.push(p + stem);
  for (const [p, s] of circumfixes) forms.push(p + stem + s);
  return forms;
}

/** Chat suffixes a vowel-dropped or re-spelled form still takes: "bngstnya", "kntlin". */
const chatSuffixes = ['nya', 'in', 'an', 'lu', 'lo', 'mu'] as const;

/**
 * How chat writes a stem without its vowels or with a letter swapped, with the common suffixes:
 * consonant skeletons ("bngst", "kntl", "gblk"; the first letter kept too: "anjng"), "q" for "k"
 * ("qntl", "qontol"), "z" for "s" ("bangzat"), "x" for a final "k" ("memex"), "v" or "f" for "p" ("kamvret"). Skeletons shorter than
 * four letters are left out ("tll", "ppk" is also an office), as are forms equal to the stem.
 */
export function chatSpellings(stem: string): string[] {
  const drop = (w: string): string => w.replace(/[aeiou]/g, '');
  const bases = new Set<string>([stem]);
  for (const f of [drop(stem), stem.charAt(0) + drop(stem.slice(1))]) if (f.length >= 4) bases.add(f);
  const spelled = new Set<string>();
  for (const b of bases) {
    spelled.add(b);
    if (b.includes('k')) spelled.add(b.replace(/k/g, 'q'));
    if (b.includes('s')) spelled.add(b.replace(/s/g, 'z'));
    if (b.endsWith('k')) spelled.add(`${b.slice(0, -1)}x`);
    // "bazingan", "anjyng": "z" for "j", "y" for "i".
    if (b.includes('j')) spelled.add(b.replace(/j/g, 'z'));
    if (b.includes('i')) spelled.add(b.replace(/i/g, 'y'));
    // "kamvret", "kamfret": "v" or "f" for "p", as chat writes it to dodge filters.
    if (b.includes('p')) {
      spelled.add(b.replace(/p/g, 'v'));
      spelled.add(b.replace(/p/g, 'f'));
    }
  }
  spelled.delete(stem);
  const forms: string[] = [];
  for (const f of spelled) {
    forms.push(f);
    for (const s of chatSuffixes) forms.push(f + s);
  }
  return forms;
}
