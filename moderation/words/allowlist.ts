/**
 * Real words that sit close to listed ones (inside, stretched, or collapsed) and must never match.
 * The list first, then words found while building the corpus.
 */
export const allowWords: readonly string[] = [
  'scunthorpe', 'essex', 'sussex', 'middlesex', 'wessex', 'dickens', 'dickensian', 'dickson', 'dickinson',
  'cockpit', 'cockpits', 'cocktail', 'cocktails', 'cockroach', 'cockroaches', 'peacock', 'hancock', 'babcock',
  'assassin', 'assassins', 'assassination', 'class', 'classic', 'bass', 'analysis', 'analyst', 'analysts',
  'therapist', 'therapists', 'penistone', 'shiitake', 'shitake', 'cook', 'cooks', 'hitchcock', 'matsushita',
  'asumsi', 'asuransi', 'pasukan', 'kasus', 'masuk', 'basuki', 'pantai', 'santai', 'rantai', 'detail',
  'tailing', 'babinsa', 'anjungan', 'kontrol', 'memekakkan', 'memekik', 'kebangsaan', 'perekonomian', 'cocok',
  'cukup', 'analis', 'kanal', 'cuma', 'cumi', 'semenanjung', 'tenggara', 'anggaran', 'hingga', 'nggak',
  'tinggal', 'pelanggan', 'bajing', 'tolok',
];

/** Phrases whose words must never match together. */
export const allowPhrases: readonly string[] = ['tolok ukur', 'tai chi'];
