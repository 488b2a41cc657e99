import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

const found: readonly Reason[] = [
  {
    rule: 'pre-moderated',
    action: 'hold',
    message: {
      en: 'Comments on this article are reviewed by a moderator before they appear.',
      id: 'Komentar di artikel ini diperiksa moderator sebelum ditampilkan.',
    },
    spans: [],
  },
];

/** Holds every comment on a pre-moderated thread for review. */
export function createPreModeratedRule(): Rule {
  return { id: 'pre-moderated', check: ({ context }) => (context.thread.preModerated ? found : noReasons) };
}
