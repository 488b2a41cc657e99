/**
 * Online-gambling ("judol") spam vocabulary. Phrases are matched word by word after normalization,
 * so "SL0T G4C0R" and "s.l.o.t gacor" count too.
 */
export const gamblingTerms: readonly string[] = [
  'slot gacor', 'situs gacor', 'pola gacor', 'akun gacor', 'maxwin', 'max win', 'situs judi', 'judi online',
  'judi slot', 'judi bola', 'judol', 'togel', 'toto gelap', 'bandar togel', 'bandar judi', 'bandar slot',
  'situs slot', 'slot online', 'link slot', 'slot gampang', 'gampang menang', 'anti rungkad',
  'rungkad', 'bonus new member', 'deposit pulsa', 'depo pulsa', 'scatter hitam', 'gates of olympus',
  'mahjong ways', 'rtp slot', 'rtp live', 'bocoran slot', 'jp paus', 'sbobet', 'casino online',
  'kasino online', 'poker online', 'taruhan bola', 'link alternatif', 'sweet bonanza', 'jackpot slot',
];
