import { stripMarks } from './strip-marks.ts';
import { checkStep } from './test-helpers.ts';

checkStep('stripMarks', stripMarks, [
  ['fúck', 'fuck', [0, 4, 0, 4]],
  ['f\u0301u\u0308ck', 'fuck', [0, 1, 0, 2]],
  ['ñgéntöt', 'ngentot'],
  ['café', 'cafe'],
]);
