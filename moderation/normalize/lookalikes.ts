import { mapNonAscii, type Mapped } from './mapped.ts';

// Letters that look like Latin ones but are not compatibility-equivalent to them, so NFKC leaves
// them alone. Lower case only: the step runs after case folding.
const pairs: readonly (readonly [string, string])[] = [
  // Cyrillic
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'b'],
  ['г', 'r'],
  ['д', 'd'],
  ['е', 'e'],
  ['ё', 'e'],
  ['з', '3'],
  ['и', 'u'],
  ['й', 'u'],
  ['к', 'k'],
  ['л', 'n'],
  ['м', 'm'],
  ['н', 'h'],
  ['о', 'o'],
  ['п', 'n'],
  ['р', 'p'],
  ['с', 'c'],
  ['т', 't'],
  ['у', 'y'],
  ['х', 'x'],
  ['ц', 'u'],
  ['ч', '4'],
  ['ш', 'w'],
  ['щ', 'w'],
  ['ъ', 'b'],
  ['ы', 'bi'],
  ['ь', 'b'],
  ['ѕ', 's'],
  ['і', 'i'],
  ['ї', 'i'],
  ['ј', 'j'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['һ', 'h'],
  ['ӏ', 'l'],
  ['ү', 'y'],
  ['ҝ', 'k'],
  ['ғ', 'f'],
  // Greek
  ['α', 'a'],
  ['β', 'b'],
  ['γ', 'y'],
  ['δ', 'd'],
  ['ε', 'e'],
  ['ζ', 'z'],
  ['η', 'n'],
  ['θ', 'o'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['λ', 'l'],
  ['μ', 'u'],
  ['ν', 'v'],
  ['ξ', 'e'],
  ['ο', 'o'],
  ['π', 'n'],
  ['ρ', 'p'],
  ['σ', 'o'],
  ['ς', 's'],
  ['τ', 't'],
  ['υ', 'u'],
  ['φ', 'f'],
  ['χ', 'x'],
  ['ψ', 'w'],
  ['ω', 'w'],
  ['ϲ', 'c'],
  ['ϳ', 'j'],
  // Armenian
  ['ա', 'w'],
  ['գ', 'q'],
  ['հ', 'h'],
  ['ո', 'n'],
  ['ս', 'u'],
  ['ց', 'g'],
  ['օ', 'o'],
  ['ք', 'p'],
  ['զ', 'q'],
  // Latin letters without a decomposition, small capitals and IPA
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ħ', 'h'],
  ['ı', 'i'],
  ['ȷ', 'j'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['þ', 'p'],
  ['ɑ', 'a'],
  ['ɡ', 'g'],
  ['ɩ', 'i'],
  ['ɪ', 'i'],
  ['ʏ', 'y'],
  ['ɴ', 'n'],
  ['ʀ', 'r'],
  ['ʜ', 'h'],
  ['ʟ', 'l'],
  ['ᴀ', 'a'],
  ['ʙ', 'b'],
  ['ᴄ', 'c'],
  ['ᴅ', 'd'],
  ['ᴇ', 'e'],
  ['ɢ', 'g'],
  ['ᴊ', 'j'],
  ['ᴋ', 'k'],
  ['ᴍ', 'm'],
  ['ᴏ', 'o'],
  ['ᴘ', 'p'],
  ['ǫ', 'q'],
  ['ᴛ', 't'],
  ['ᴜ', 'u'],
  ['ᴠ', 'v'],
  ['ᴡ', 'w'],
  ['ᴢ', 'z'],
  ['ꜱ', 's'],
  ['ſ', 's'],
];

function buildTable(): Map<string, string> {
  const table = new Map<string, string>(pairs);
  const add = (from: number, to: number, base: number): void => {
    for (let cp = from; cp <= to; cp++) table.set(String.fromCodePoint(cp), String.fromCharCode(base + cp - from));
  };
  add(0xff21, 0xff3a, 0x61); // fullwidth A-Z
  add(0xff41, 0xff5a, 0x61); // fullwidth a-z
  add(0xff10, 0xff19, 0x30); // fullwidth digits
  add(0x24b6, 0x24cf, 0x61); // circled A-Z
  add(0x24d0, 0x24e9, 0x61); // circled a-z
  add(0x1f130, 0x1f149, 0x61); // squared A-Z
  add(0x1f150, 0x1f169, 0x61); // negative circled A-Z
  add(0x1f170, 0x1f189, 0x61); // negative squared A-Z
  add(0x1f1e6, 0x1f1ff, 0x61); // regional indicators, used as letters in chat
  // Mathematical alphanumerics: NFKC knows their plain letter; unassigned holes stay untouched.
  for (let cp = 0x1d400; cp <= 0x1d7ff; cp++) {
    const ch = String.fromCodePoint(cp);
    const plain = ch.normalize('NFKC').toLowerCase();
    if (plain !== ch && /^[a-z0-9]$/.test(plain)) table.set(ch, plain);
  }
  return table;
}

const table = buildTable();

/**
 * Maps letters that imitate Latin ones (Cyrillic, Greek, fullwidth, circled, squared and
 * mathematical alphanumerics, small capitals) to the Latin letter they imitate.
 */
export function mapLookalikes(m: Mapped): Mapped {
  return mapNonAscii(m, (cp) => table.get(cp));
}
