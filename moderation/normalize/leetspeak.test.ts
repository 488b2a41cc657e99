import { mapLeetspeak } from './leetspeak.ts';
import { checkStep } from './test-helpers.ts';

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
