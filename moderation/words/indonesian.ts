/**
 * Indonesian (and common Javanese/Minang/Malay-in-Indonesia) insults and profanity, curated for
 * Rembuk. Stems take Indonesian affixes (see {@link affixedForms}); chat spellings and
 * abbreviations are matched only as written (after normalization).
 */
export const indonesianStems: readonly string[] = [
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
