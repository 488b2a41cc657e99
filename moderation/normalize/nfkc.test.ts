import { nfkc } from './nfkc.ts';
import { checkStep } from './test-helpers.ts';

checkStep('nfkc', nfkc, [
  ['plain ascii', 'plain ascii'],
  ['ｆｕｃｋ', 'fuck', [0, 4, 0, 4]],
  ['𝐟𝐮𝐜𝐤 it', 'fuck it', [0, 4, 0, 8]],
  ['ⓕⓤⓒⓚ', 'fuck', [1, 2, 1, 2]],
  ['ﬁnal', 'final', [0, 2, 0, 1]],
  ['x²', 'x2'],
]);
