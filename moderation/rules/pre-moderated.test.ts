import { describe, expect, it } from 'vitest';
import type { InputOverrides } from '../fixtures.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('pre-moderated rule', () => {
  const rows: readonly [string, InputOverrides, string][] = [
    ['holds on a pre-moderated thread', { thread: { preModerated: true } }, 'hold'],
    ['lets a trusted author through a pre-moderated thread', { thread: { preModerated: true }, author: { trusted: true } }, 'publish'],
  ];
  it.each(rows)('%s', (_name, o, action) => {
    expect(ruleOutcome('pre-moderated', 'Komentar biasa tentang tarif listrik.', {}, o).action).toBe(action);
  });
});
