import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const NOW = Date.UTC(2025, 2, 11, 12, 0, 0);
const min = 60_000;

describe('relative time', () => {
  it('says "just now" under a minute and for a slightly future time from clock skew', () => {
    expect(formatRelativeTime(NOW - 30_000, NOW, 'en', 'just now')).toBe('just now');
    expect(formatRelativeTime(NOW + 5_000, NOW, 'id', 'baru saja')).toBe('baru saja');
  });

  it('counts minutes, hours and days in English', () => {
    expect(formatRelativeTime(NOW - 5 * min, NOW, 'en', 'just now')).toBe('5 minutes ago');
    expect(formatRelativeTime(NOW - 3 * 60 * min, NOW, 'en', 'just now')).toBe('3 hours ago');
    expect(formatRelativeTime(NOW - 24 * 60 * min, NOW, 'en', 'just now')).toBe('yesterday');
  });

  it('counts minutes and hours in Indonesian', () => {
    expect(formatRelativeTime(NOW - 5 * min, NOW, 'id', 'baru saja')).toBe('5 menit yang lalu');
    expect(formatRelativeTime(NOW - 2 * 60 * min, NOW, 'id', 'baru saja')).toBe('2 jam yang lalu');
  });

  it('moves to weeks, months and years for old comments', () => {
    expect(formatRelativeTime(NOW - 14 * 24 * 60 * min, NOW, 'en', 'x')).toBe('2 weeks ago');
    expect(formatRelativeTime(NOW - 400 * 24 * 60 * min, NOW, 'en', 'x')).toBe('last year');
  });
});
