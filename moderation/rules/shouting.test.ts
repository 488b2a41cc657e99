import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('shouting rule', () => {
  const rows: readonly [string, string, PolicyInput, string][] = [
    ['holds a long comment in capitals', 'PLN HARUS TANGGUNG JAWAB ATAS PEMADAMAN INI', {}, 'hold'],
    ['publishes a short capitalised word', 'SETUJU!', {}, 'publish'],
    ['publishes acronyms in a normal sentence', 'PLN, ESDM, DPR dan BPK harus duduk bersama membahas PLTU.', {}, 'publish'],
    ['publishes ordinary text', 'Tarif listrik naik lagi bulan ini.', {}, 'publish'],
    ['counts non-Latin capitals too', 'ЭТО ПРОСТО УЖАСНАЯ НОВОСТЬ ДЛЯ ВСЕХ', {}, 'hold'],
    ['respects a higher letter minimum', 'PLN HARUS TANGGUNG JAWAB', { shouting: { minLetters: 40 } }, 'publish'],
  ];
  it.each(rows)('%s', (_name, text, policy, action) => {
    expect(ruleOutcome('shouting', text, policy).action).toBe(action);
  });
});
