import { rejoinSeparated } from './rejoin-separated.ts';
import { checkStep } from './test-helpers.ts';

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
