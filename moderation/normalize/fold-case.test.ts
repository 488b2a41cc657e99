import { foldCase } from './fold-case.ts';
import { checkStep } from './test-helpers.ts';

checkStep('foldCase', foldCase, [
  ['FUCK', 'fuck', [0, 4, 0, 4]],
  ['ÀNJING', 'ànjing', [0, 1, 0, 1]],
  ['ΑΣΣ', 'ασσ'],
  ['already lower', 'already lower'],
]);
