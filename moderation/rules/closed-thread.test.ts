import { describe, expect, it } from 'vitest';
import type { ThreadContext } from '../types.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('closed-thread rule', () => {
  const rows: readonly [string, Partial<ThreadContext>, string][] = [
    ['rejects on a closed thread', { closed: true }, 'reject'],
    ['publishes on an open thread', {}, 'publish'],
  ];
  it.each(rows)('%s', (_name, thread, action) => {
    expect(ruleOutcome('closed-thread', 'Komentar biasa tentang tarif listrik.', {}, { thread }).action).toBe(action);
  });
});
