import type { Reason } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

const found: readonly Reason[] = [
  {
    rule: 'closed-thread',
    action: 'reject',
    message: { en: 'Comments on this article are closed.', id: 'Komentar untuk artikel ini sudah ditutup.' },
    spans: [],
  },
];

/** Rejects comments on a closed thread. */
export function createClosedThreadRule(): Rule {
  return { id: 'closed-thread', check: ({ context }) => (context.thread.closed ? found : noReasons) };
}
