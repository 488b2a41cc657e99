import { describe, expect, it } from 'vitest';
import { policyOf } from '../rules/test-helpers.ts';
import { checkLines, diffLines, parseLine } from './check.ts';

const lines = [
  JSON.stringify('Tarif listrik naik lagi.'),
  JSON.stringify({ text: 'Dasar goblok.' }),
  JSON.stringify({ text: 'Pejabat korup semua.', context: { thread: { closed: false } } }),
  '',
];

describe('moderation CLI', () => {
  it('prints one verdict per input line', () => {
    const { out, failed } = checkLines(lines, policyOf(), true);
    expect(failed).toBe(false);
    expect(out.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(['publish', 'hold', 'publish']);
  });

  it('shows only the verdicts a policy change would change', () => {
    const out = diffLines(lines, policyOf(), policyOf({ words: { banned: ['korup'] } }));
    expect(out[0]).toContain('publish → reject');
    expect(out.at(-1)).toBe('1 of 3 verdicts change.');
  });

  it.each([
    ['not json', 'line 1: not JSON'],
    ['{"txt":"x"}', 'line 1: expected a JSON string or an object with a "text" string'],
  ])('explains a bad input line %j', (line, error) => {
    expect(parseLine(line, 1)).toEqual({ error });
  });
});
