import { describe, expect, it } from 'vitest';
import { alreadyDecidedText, consoleErrorText, consoleMessages, pickLang, waitText } from './console-i18n.ts';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

describe('the console’s language', () => {
  it.each([
    [null, ['en-US', 'id'], 'en'],
    [null, ['fr', 'id-ID'], 'id'],
    [null, ['fr', 'de'], 'id'],
    [null, [], 'id'],
    ['en', ['id'], 'en'],
    ['id', ['en-GB'], 'id'],
    ['xx', ['en'], 'en'],
  ] as const)('picked %s with browser %j speaks %s', (picked, browser, lang) => {
    expect(pickLang(picked, browser)).toBe(lang);
  });

  it('says who decided first, how and when, in each language', () => {
    const decided = { action: 'approve' as const, by: 'ana@news.example', at: NOW - 5 * 60_000, reason: null };
    expect(alreadyDecidedText('en', decided, NOW)).toBe('Already decided by ana@news.example: approved 5 minutes ago.');
    expect(alreadyDecidedText('id', { ...decided, action: 'reject' }, NOW)).toBe(
      'Sudah diputuskan oleh ana@news.example: ditolak 5 menit yang lalu.',
    );
    expect(consoleErrorText('en', { code: 'ALREADY_DECIDED', message: 'x', decided: { ...decided, at: NOW } }, NOW)).toBe(
      'Already decided by ana@news.example: approved just now.',
    );
  });

  it('shows a sign-in rate limit with its wait', () => {
    expect(consoleErrorText('en', { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 61_500 }, NOW)).toBe(
      'Too many sign-in attempts. Try again in 1 minute 2 seconds.',
    );
    expect(waitText(45, 'id')).toBe('45 detik');
  });

  it('falls back to the server’s message for a code it does not word itself', () => {
    expect(consoleErrorText('id', { code: 'INVALID_INPUT', message: 'policy.rules: unknown key' }, NOW)).toBe('policy.rules: unknown key');
    expect(consoleErrorText('id', { code: 'FORBIDDEN', message: 'x' }, NOW)).toBe(consoleMessages('id').errors.byCode.FORBIDDEN);
  });

  it('has the same report reasons, queues and rejection presets in both languages', () => {
    const [en, id] = [consoleMessages('en'), consoleMessages('id')];
    expect(Object.keys(id.queues)).toEqual(Object.keys(en.queues));
    expect(id.rejectDialog.presets.length).toBe(en.rejectDialog.presets.length);
  });
});
