import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('length rule', () => {
  const rows: readonly [string, string, PolicyInput, string][] = [
    ['rejects an empty comment', '   ', {}, 'reject'],
    ['rejects a one-letter comment', 'a', {}, 'reject'],
    ['publishes a short reply', 'ok', {}, 'publish'],
    ['rejects a comment over the maximum', 'x'.repeat(21), { length: { max: 20 } }, 'reject'],
    ['counts emoji as one character each', '🔥'.repeat(20), { length: { max: 20 } }, 'publish'],
    ['ignores surrounding spaces', `  ${'y'.repeat(20)}  `, { length: { max: 20 } }, 'publish'],
  ];
  it.each(rows)('%s', (_name, text, policy, action) => {
    expect(ruleOutcome('length', text, policy).action).toBe(action);
  });

  it('highlights the part beyond the maximum', () => {
    const text = 'abcdefghij-overflow';
    expect(ruleOutcome('length', text, { length: { max: 10 } }).found).toEqual(['-overflow']);
  });
});
