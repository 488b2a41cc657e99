import { describe, expect, it } from 'vitest';
import { ruleOutcome } from './test-helpers.ts';

const now = 1_700_000_000_000;

describe('duplicate rule', () => {
  const rows: readonly [string, string, { text: string; at: number }[], string][] = [
    ['holds the same text posted again', 'Tarif listrik harus turun!', [{ text: 'Tarif listrik harus turun!', at: now - 60_000 }], 'hold'],
    [
      'holds a repeat that differs only in case and punctuation',
      'tarif listrik HARUS turun',
      [{ text: 'Tarif listrik harus turun!!', at: now - 60_000 }],
      'hold',
    ],
    ['publishes a different comment', 'Tarif listrik harus turun!', [{ text: 'Harga BBM naik lagi.', at: now - 60_000 }], 'publish'],
    [
      'publishes a repeat older than the window',
      'Tarif listrik harus turun!',
      [{ text: 'Tarif listrik harus turun!', at: now - 2 * 86_400_000 }],
      'publish',
    ],
    ['publishes a short reply repeated', 'setuju', [{ text: 'setuju', at: now - 1000 }], 'publish'],
  ];
  it.each(rows)('%s', (_name, text, recentPosts, action) => {
    expect(ruleOutcome('duplicate', text, {}, { now, author: { recentPosts } }).action).toBe(action);
  });
});
