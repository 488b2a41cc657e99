import { describe, expect, it } from 'vitest';
import { foldCase } from './fold-case.ts';
import { mapLeetspeak } from './leetspeak.ts';
import { mapLookalikes } from './lookalikes.ts';
import { fromOriginal, originSpan, type Mapped } from './mapped.ts';
import { nfkc } from './nfkc.ts';
import { rejoinSeparated } from './rejoin-separated.ts';
import { collapseDoubles, squashStretched } from './squash-stretched.ts';
import { stripInvisible } from './strip-invisible.ts';
import { stripMarks } from './strip-marks.ts';

type Step = (m: Mapped) => Mapped;

// [input, expected text, [output range, expected original range] to check the offset map]
type Row = readonly [string, string, (readonly [number, number, number, number])?];

function checkStep(name: string, step: Step, rows: readonly Row[]): void {
  describe(name, () => {
    const cases = rows.map(([input, expected, span]) => ({ input, expected, span }));
    it.each(cases)('turns $input into $expected and keeps offsets to the original', ({ input, expected, span }) => {
      const out = step(fromOriginal(input));
      expect(out.text).toBe(expected);
      if (span !== undefined) {
        const [s, e, os, oe] = span;
        expect(originSpan(out, s, e)).toEqual({ start: os, end: oe });
      }
    });
  });
}

checkStep('nfkc', nfkc, [
  ['plain ascii', 'plain ascii'],
  ['ｆｕｃｋ', 'fuck', [0, 4, 0, 4]],
  ['𝐟𝐮𝐜𝐤 it', 'fuck it', [0, 4, 0, 8]],
  ['ⓕⓤⓒⓚ', 'fuck', [1, 2, 1, 2]],
  ['ﬁnal', 'final', [0, 2, 0, 1]],
  ['x²', 'x2'],
]);

checkStep('stripInvisible', stripInvisible, [
  ['f\u200Bu\u200Cc\u200Dk', 'fuck', [0, 4, 0, 7]],
  ['an\u2060ji\uFEFFng', 'anjing', [0, 6, 0, 8]],
  ['soft\u00ADhyphen', 'softhyphen'],
  ['no change', 'no change'],
]);

checkStep('foldCase', foldCase, [
  ['FUCK', 'fuck', [0, 4, 0, 4]],
  ['ÀNJING', 'ànjing', [0, 1, 0, 1]],
  ['ΑΣΣ', 'ασσ'],
  ['already lower', 'already lower'],
]);

checkStep('stripMarks', stripMarks, [
  ['fúck', 'fuck', [0, 4, 0, 4]],
  ['f\u0301u\u0308ck', 'fuck', [0, 1, 0, 2]],
  ['ñgéntöt', 'ngentot'],
  ['café', 'cafe'],
]);

checkStep('mapLookalikes', mapLookalikes, [
  ['fսсk', 'fuck', [1, 3, 1, 3]],
  ['аnјіng', 'anjing'],
  ['κοητολ', 'kontol'],
  ['ｆｕｃｋ', 'fuck'],
  ['𝕕𝕚𝕔𝕜', 'dick', [0, 4, 0, 8]],
  ['ⓑⓐⓑⓘ', 'babi'],
  ['ᴀɴᴊɪɴɢ', 'anjing'],
  ['ordinary', 'ordinary'],
]);

checkStep('mapLeetspeak', mapLeetspeak, [
  ['sh1t', 'shit', [0, 4, 0, 4]],
  ['a$$hole', 'asshole'],
  ['@nj1ng', 'anjing'],
  ['g0bl0k', 'goblok'],
  ['b!tch', 'bitch'],
  ['k0n7ol', 'kontol'],
  ['b4ng5at', 'bangsat'],
  ['harga naik 30% di 2024!', 'harga naik 30% di 2024!'],
  ['hubungi 08123456789', 'hubungi 08123456789'],
  ['bagus!', 'bagus!'],
  ['wow!!', 'wow!!'],
  ['$5 juta', '$5 juta'],
  ['covid19 dan slot88', 'covid19 dan slot88'],
  ['a55', 'ass'],
  ['b4ngs47', 'bangsat'],
]);

checkStep('rejoinSeparated', rejoinSeparated, [
  ['f.u.c.k you', 'fuck you', [0, 4, 0, 7]],
  ['f u c k', 'fuck'],
  ['a-n-j-i-n-g lu', 'anjing lu', [0, 6, 0, 11]],
  ['b_a_b_i', 'babi'],
  ['g. o. b. l. o. k', 'goblok'],
  ['f*u*c*k', 'fuck'],
  ['I am a man', 'I am a man'],
  ['PT. A dan B', 'PT. A dan B'],
  ['opsi a, b atau keduanya', 'opsi a, b atau keduanya'],
]);

checkStep('squashStretched', squashStretched, [
  ['fuuuck', 'fuuck', [0, 5, 0, 6]],
  ['anjiiing', 'anjiing'],
  ['gobloookkk', 'goblookk', [6, 8, 7, 10]],
  ['asssss', 'ass'],
  ['good book', 'good book'],
  ['!!!!!', '!!!!!'],
]);

describe('collapseDoubles', () => {
  it.each([
    ['fuuck', 'fuck'],
    ['anjiing', 'anjing'],
    ['goblookk', 'goblok'],
    ['ass', 'as'],
    ['word', 'word'],
  ])('collapses %j to %j', (input, expected) => {
    expect(collapseDoubles(input)).toBe(expected);
  });
});
