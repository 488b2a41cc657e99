import { describe, expect, it } from 'vitest';
import type { AuthorContext } from '../types.ts';
import { ruleOutcome } from './test-helpers.ts';

const now = 1_700_000_000_000;

describe('banned-author rule', () => {
  const rows: readonly [string, Partial<AuthorContext>, string][] = [
    ['rejects a banned author', { bannedUntil: now + 3_600_000 }, 'reject'],
    ['publishes once the ban has expired', { bannedUntil: now - 1 }, 'publish'],
    ['publishes an author who was never banned', {}, 'publish'],
  ];
  it.each(rows)('%s', (_name, author, action) => {
    expect(ruleOutcome('banned-author', 'Komentar biasa tentang tarif listrik.', {}, { now, author }).action).toBe(action);
  });

  const messages: readonly [string, number, string, string][] = [
    ['tells a banned author how long the ban lasts', 3 * 86_400_000, 'for another 3 days', 'selama 3 hari lagi'],
    [
      'tells an author banned for years that the ban is permanent',
      10 * 365 * 86_400_000,
      'You are banned from commenting on this site.',
      'Anda dilarang berkomentar di situs ini.',
    ],
  ];
  it.each(messages)('%s', (_name, bannedFor, en, id) => {
    const r = ruleOutcome('banned-author', 'halo semua', {}, { now, author: { bannedUntil: now + bannedFor } });
    expect(r.reasons[0]?.message.en).toContain(en);
    expect(r.reasons[0]?.message.id).toContain(id);
  });
});
