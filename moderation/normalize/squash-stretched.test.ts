import { describe, expect, it } from 'vitest';
import { collapseDoubles, squashStretched } from './squash-stretched.ts';
import { checkStep } from './test-helpers.ts';

checkStep('squashStretched', squashStretched, [
  ['fuuuck', 'fuuck', [0, 5, 0, 6]],
  ['anjiiing', 'anjiing'],
  ['gobloookkk', 'goblookk', [6, 8, 7, 10]],
  ['asssss', 'ass'],
  ['good book', 'good book'],
  ['!!!!!', '!!!!!'],
]);

describe('collapseDoubles', () => {
  it.each([
    ['fuuck', 'fuck'],
    ['anjiing', 'anjing'],
    ['goblookk', 'goblok'],
    ['ass', 'as'],
    ['word', 'word'],
  ])('collapses %j to %j', (input, expected) => {
    expect(collapseDoubles(input)).toBe(expected);
  });
});
