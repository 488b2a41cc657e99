import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import type { AuthorContext } from '../types.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('new-author rule', () => {
  const rows: readonly [string, PolicyInput, Partial<AuthorContext>, string][] = [
    ['holds a new author while under the threshold', { newAuthor: { holdFirst: 3 } }, { approvedCount: 2 }, 'hold'],
    ['publishes an author past the threshold', { newAuthor: { holdFirst: 3 } }, { approvedCount: 3 }, 'publish'],
    ['does not hold new authors by default', {}, { approvedCount: 0 }, 'publish'],
    ['lets a trusted new author through', { newAuthor: { holdFirst: 3 } }, { approvedCount: 0, trusted: true }, 'publish'],
  ];
  it.each(rows)('%s', (_name, policy, author, action) => {
    expect(ruleOutcome('new-author', 'Komentar biasa tentang tarif listrik.', policy, { author }).action).toBe(action);
  });
});
