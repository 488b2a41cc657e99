import { mapLookalikes } from './lookalikes.ts';
import { checkStep } from './test-helpers.ts';

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
