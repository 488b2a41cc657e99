import { describe, expect, it } from 'vitest';
import { isWithinEditWindow } from './edit-window.ts';

const MIN = 60_000;

describe('the edit window', () => {
  it('counts from the comment’s creation, to the minute, and is shut at 0', () => {
    expect(isWithinEditWindow(15, 0, 15 * MIN)).toBe(true);
    expect(isWithinEditWindow(15, 0, 15 * MIN + 1)).toBe(false);
    expect(isWithinEditWindow(60, 0, 59 * MIN)).toBe(true);
    expect(isWithinEditWindow(0, 0, 0)).toBe(false);
  });
});
