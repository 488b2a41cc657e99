import { stripInvisible } from './strip-invisible.ts';
import { checkStep } from './test-helpers.ts';

checkStep('stripInvisible', stripInvisible, [
  ['f\u200Bu\u200Cc\u200Dk', 'fuck', [0, 4, 0, 7]],
  ['an\u2060ji\uFEFFng', 'anjing', [0, 6, 0, 8]],
  ['soft\u00ADhyphen', 'softhyphen'],
  ['no change', 'no change'],
]);
