import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import type { InputOverrides } from '../fixtures.ts';
import type { RuleId } from '../types.ts';
import { ruleOutcome } from './test-helpers.ts';

const now = 1_700_000_000_000;

// The rules that judge the context, not the text: banned author, closed thread, pre-moderated thread, new author.
describe('context rules', () => {
  const rows: readonly [string, RuleId, PolicyInput, InputOverrides, string][] = [
    ['rejects a banned author', 'banned-author', {}, { now, author: { bannedUntil: now + 3_600_000 } }, 'reject'],
    ['publishes once the ban has expired', 'banned-author', {}, { now, author: { bannedUntil: now - 1 } }, 'publish'],
    ['publishes an author who was never banned', 'banned-author', {}, { now }, 'publish'],
    ['rejects on a closed thread', 'closed-thread', {}, { thread: { closed: true } }, 'reject'],
    ['publishes on an open thread', 'closed-thread', {}, {}, 'publish'],
    ['holds on a pre-moderated thread', 'pre-moderated', {}, { thread: { preModerated: true } }, 'hold'],
    ['lets a trusted author through a pre-moderated thread', 'pre-moderated', {}, { thread: { preModerated: true }, author: { trusted: true } }, 'publish'],
    ['holds a new author while under the threshold', 'new-author', { newAuthor: { holdFirst: 3 } }, { author: { approvedCount: 2 } }, 'hold'],
    ['publishes an author past the threshold', 'new-author', { newAuthor: { holdFirst: 3 } }, { author: { approvedCount: 3 } }, 'publish'],
    ['does not hold new authors by default', 'new-author', {}, { author: { approvedCount: 0 } }, 'publish'],
    ['lets a trusted new author through', 'new-author', { newAuthor: { holdFirst: 3 } }, { author: { approvedCount: 0, trusted: true } }, 'publish'],
    ['holds a profane display name', 'author-name', {}, { authorName: 'Si Goblok' }, 'hold'],
    ['holds a link in the display name', 'author-name', {}, { authorName: 'slot88.vip' }, 'hold'],
    ['publishes an ordinary display name', 'author-name', {}, { authorName: 'Basuki dari Essex' }, 'publish'],
  ];
  it.each(rows)('%s', (_name, rule, policy, o, action) => {
    expect(ruleOutcome(rule, 'Komentar biasa tentang tarif listrik.', policy, o).action).toBe(action);
  });

  it('tells a banned author how long the ban lasts', () => {
    const r = ruleOutcome('banned-author', 'halo semua', {}, { now, author: { bannedUntil: now + 3 * 86_400_000 } });
    expect(r.reasons[0]?.message.en).toContain('3 days');
    expect(r.reasons[0]?.message.id).toContain('3 hari');
  });
});
