import { describe, expect, it } from 'vitest';
import { publicComment } from './comment-fixtures.ts';
import { isModerationConnectErrorData, moderationAckGuards, moderationBroadcastGuards, sessionResultGuards } from './moderation-guards.ts';

const comment = publicComment('c1', 1, { page: '/a', authorId: 'a1', authorName: 'Ani', text: 'halo', status: 'pending' });
const author = { authorId: 'a1', name: 'Ani', firstSeen: 1, approvedCount: 2, rejectedCount: 0, bannedUntil: null, trusted: false };
const reason = { rule: 'suspect-words', action: 'hold', message: { en: 'x', id: 'y' }, spans: [{ start: 0, end: 2 }] };
const item = {
  comment,
  reasons: [reason],
  reports: [{ reason: 'spam', note: null, at: 2 }],
  parent: null,
  pageUrl: 'https://example.test/a',
  author,
  decision: null,
  revision: 3,
};
const counts = { pending: 1, reported: 0, rejected: 0, approved: 0 };
const ok = (data: unknown) => ({ ok: true, data });

describe('guards of what the moderation namespace sends', () => {
  it('accepts a well-formed answer to every request', () => {
    const answers = {
      'queue:list': { items: [item], nextCursor: null, counts },
      'queue:decide': { item },
      'queue:decide-many': {
        results: [
          { id: 'c1', ok: true, item },
          { id: 'c2', ok: false, code: 'NOT_FOUND', message: 'gone' },
        ],
      },
      'author:ban': { author: { ...author, bannedUntil: Number.MAX_SAFE_INTEGER }, rejected: 2 },
      'author:unban': author,
      'author:trust': { ...author, trusted: true },
      'author:history': { author, recent: [item] },
      'audit:list': {
        entries: [
          {
            id: 'e1',
            at: 1,
            site: 'demo',
            moderatorId: 'm1',
            moderatorEmail: 'm@x.test',
            action: 'approve',
            target: { commentId: 'c1', page: '/a', authorId: 'a1' },
            reason: null,
            before: 'pending',
            after: 'published',
          },
          {
            id: 'e2',
            at: 2,
            site: 'demo',
            moderatorId: 'm1',
            moderatorEmail: 'm@x.test',
            action: 'policy',
            target: { policy: true },
            reason: null,
            before: '1',
            after: '2',
          },
        ],
        nextCursor: 'n',
      },
      'policy:get': { policy: { rules: {} }, updatedAt: null, updatedBy: null },
      'policy:dry-run': { examined: 10, changed: 1, examples: [{ comment, before: 'publish', after: 'hold', reasons: [reason] }] },
      'policy:save': { policy: {}, updatedAt: 5, updatedBy: 'm@x.test' },
      'overview:get': {
        days: [{ day: '2026-12-01', published: 3, held: 1, rejected: 0, approvedByModerator: 1, rejectedByModerator: 0 }],
        topRules: [{ rule: 'links', count: 4 }],
      },
    } as const;
    for (const [event, data] of Object.entries(answers)) {
      expect(moderationAckGuards[event as keyof typeof answers](ok(data)), event).toBe(true);
    }
    expect(Object.keys(answers).sort()).toEqual(Object.keys(moderationAckGuards).sort());
  });

  it('accepts ALREADY_DECIDED with who decided, and refuses a malformed decided', () => {
    const decided = { action: 'approve', by: 'm@x.test', at: 5, reason: null };
    expect(moderationAckGuards['queue:decide']({ ok: false, error: { code: 'ALREADY_DECIDED', message: 'x', decided } })).toBe(true);
    expect(
      moderationAckGuards['queue:decide']({ ok: false, error: { code: 'ALREADY_DECIDED', message: 'x', decided: { ...decided, action: 'ban' } } }),
    ).toBe(false);
  });

  it.each([
    ['an item without its revision', 'queue:decide', ok({ item: { ...item, revision: undefined } })],
    ['a span that is not a number pair', 'queue:decide', ok({ item: { ...item, reasons: [{ ...reason, spans: [{ start: '0', end: 2 }] }] } })],
    ['counts missing the reported queue', 'queue:list', ok({ items: [], nextCursor: null, counts: { pending: 1, rejected: 0, approved: 0 } })],
    ['a policy view without its policy', 'policy:get', ok({ updatedAt: null, updatedBy: null })],
    ['an audit target of another shape', 'audit:list', ok({ entries: [{ target: { page: '/a' } }], nextCursor: null })],
    ['a bulk outcome that is neither', 'queue:decide-many', ok({ results: [{ id: 'c1', ok: false, item }] })],
    ['a proxy error page', 'overview:get', '<html>502</html>'],
  ] as const)('refuses an answer with %s', (_what, event, value) => {
    expect(moderationAckGuards[event](value)).toBe(false);
  });

  it('checks every broadcast', () => {
    expect(moderationBroadcastGuards['queue:added']({ queue: 'pending', item })).toBe(true);
    expect(moderationBroadcastGuards['queue:added']({ queue: 'held', item })).toBe(false);
    expect(moderationBroadcastGuards['queue:resolved']({ queue: 'pending', id: 'c1', page: '/a', decision: null })).toBe(true);
    expect(moderationBroadcastGuards['queue:resolved']({ queue: 'pending', id: 'c1', page: '/a' })).toBe(false);
    expect(moderationBroadcastGuards['queue:counts'](counts)).toBe(true);
    expect(moderationBroadcastGuards['queue:counts']({ ...counts, pending: '1' })).toBe(false);
    expect(moderationBroadcastGuards['session:ended']({})).toBe(true);
  });

  it('reads the session answers and a refused handshake', () => {
    const view = { email: 'm@x.test', role: 'moderator', sites: [{ id: 'demo', name: 'Demo' }], expiresAt: 9 };
    expect(sessionResultGuards.get(ok(view))).toBe(true);
    expect(sessionResultGuards.post(ok({ ...view, sites: ['demo'] }))).toBe(false);
    expect(sessionResultGuards.post({ ok: false, error: { code: 'RATE_LIMITED', message: 'wait', retryAfterMs: 3000 } })).toBe(true);
    expect(sessionResultGuards.delete(ok({}))).toBe(true);
    expect(isModerationConnectErrorData({ code: 'UNAUTHENTICATED', message: 'sign in' })).toBe(true);
    expect(isModerationConnectErrorData({ code: 'SOMETHING', message: 'x' })).toBe(false);
  });
});
