const animal = [
  'hewan', 'binatang', 'ekor', 'seekor', 'kandang', 'liar', 'ternak', 'peternakan', 'peternak', 'daging',
  'hutan', 'pakan', 'makanan', 'vaksin', 'virus', 'penyakit', 'satwa', 'populasi', 'bangkai', 'kotoran',
  'ras', 'pemilik', 'dipelihara', 'peliharaan', 'memelihara', 'piaraan', 'anak', 'kawanan', 'habitat',
  'wabah', 'diternak', 'lemak',
];

/**
 * Words that are insults but also plain nouns, with the neighbouring words that show the plain
 * sense ("anjing pelacak", "babi hutan", "daging babi", "tahi lalat", "cum laude").
 */
export const literalSenses: Readonly<Record<string, readonly string[]>> = {
  anjing: [...animal, 'pelacak', 'polisi', 'k9', 'rabies', 'gigitan', 'digigit', 'menggigit', 'penjaga', 'herder', 'gonggongan', 'menggonggong', 'galak', 'kucing', 'jalanan', 'kampung', 'pemburu', 'peliharaannya'],
  babi: [...animal, 'guling', 'flu', 'demam', 'afrika', 'asf', 'minyak', 'sate', 'hama', 'ngepet', 'gelatin', 'mengandung', 'haram', 'celeng', 'ekspor', 'impor'],
  monyet: [...animal, 'primata', 'kera', 'kebun', 'cacar'],
  kampret: [...animal, 'kelelawar', 'gua', 'goa'],
  tai: ['lalat', 'kucing', 'ayam', 'sapi', 'kambing', 'kuda', 'besi', 'minyak', 'kotoran', 'pupuk', 'hewan'],
  tahi: ['lalat', 'kucing', 'ayam', 'sapi', 'kambing', 'kuda', 'besi', 'minyak', 'kotoran', 'pupuk', 'hewan'],
  cum: ['laude', 'summa', 'magna'],
};

/**
 * Words next to an insult word that make it an insult even among literal context ("dasar babi",
 * "babi lu"). Formal "seperti" is left out: it mostly lists examples ("satwa seperti monyet").
 */
export const insultMarkers: ReadonlySet<string> = new Set([
  'dasar', 'lu', 'lo', 'loe', 'elu', 'elo', 'gue', 'kau', 'engkau', 'kalian', 'sia', 'ente', 'kayak', 'kaya',
  'mirip', 'muka', 'otak', 'mulut', 'dia', 'mereka', 'kamu', 'you', 'otaknya',
]);

/** How far (in words) to look for literal context. */
export const LITERAL_WINDOW = 2;
