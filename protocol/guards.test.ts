import { describe, expect, it } from 'vitest';
import { ackGuards, broadcastGuards, isConnectErrorData } from './guards.ts';

const comment = { id: 'c1', page: '/a', parentId: null, authorId: 'a1', authorName: 'Ani', text: 'halo', status: 'published', createdAt: 1 };
const event = { type: 'comment:created', page: '/a', seq: 1, comment, count: 1 };
const deleted = { type: 'comment:deleted', page: '/a', seq: 2, id: 'c1', count: 0 };

describe('guards of what the server sends', () => {
  it('accepts every well-formed ack and broadcast', () => {
    const snapshot = { page: '/a', comments: [comment], nextCursor: null, count: 1, seq: 1, mine: [], viewer: { authorId: 'a1', token: 't' } };
    expect(ackGuards['thread:join']({ ok: true, data: snapshot })).toBe(true);
    expect(ackGuards['thread:more']({ ok: true, data: { comments: [], nextCursor: '3' } })).toBe(true);
    expect(ackGuards['thread:resync']({ ok: true, data: { events: [event], seq: 1, reset: false } })).toBe(true);
    expect(ackGuards['comment:create']({ ok: true, data: { comment, reasons: [{ rule: 'links', message: { en: 'x', id: 'y' } }] } })).toBe(true);
    expect(ackGuards['thread:leave']({ ok: true, data: {} })).toBe(true);
    expect(broadcastGuards['comment:created'](event)).toBe(true);
    expect(broadcastGuards['thread:events']({ page: '/a', events: [event] })).toBe(true);
    expect(ackGuards['comment:report']({ ok: true, data: { first: false } })).toBe(true);
    expect(broadcastGuards['comment:deleted'](deleted)).toBe(true);
    expect(broadcastGuards['comment:status']({ id: 'c1', page: '/a', status: 'published' })).toBe(true);
    expect(broadcastGuards['comment:status']({ id: 'c1', page: '/a', status: 'rejected' })).toBe(true);
  });

  it('accepts both kinds of thread event in a batch and in a resync', () => {
    expect(broadcastGuards['thread:events']({ page: '/a', events: [event, deleted] })).toBe(true);
    expect(ackGuards['thread:resync']({ ok: true, data: { events: [deleted, event], seq: 2, reset: false } })).toBe(true);
  });

  it('reads who decided first from an ALREADY_DECIDED answer, and refuses a malformed one', () => {
    const decided = { action: 'reject', by: 'mod@contoh.id', at: 5, reason: null };
    expect(ackGuards['comment:report']({ ok: false, error: { code: 'ALREADY_DECIDED', message: 'x', decided } })).toBe(true);
    expect(ackGuards['comment:report']({ ok: false, error: { code: 'ALREADY_DECIDED', message: 'x', decided: { ...decided, action: 'ban' } } })).toBe(
      false,
    );
  });

  it('accepts an error answer with a known code, and refuses an unknown code', () => {
    expect(ackGuards['thread:join']({ ok: false, error: { code: 'RATE_LIMITED', message: 'wait', retryAfterMs: 100 } })).toBe(true);
    expect(ackGuards['thread:join']({ ok: false, error: { code: 'INVALID_INPUT', message: 'x', field: 'page', reason: 'invalid' } })).toBe(true);
    expect(ackGuards['thread:join']({ ok: false, error: { code: 'NOPE', message: 'x' } })).toBe(false);
    expect(ackGuards['thread:join']({ ok: false, error: { code: 'INVALID_INPUT', message: 'x', reason: 'sideways' } })).toBe(false);
  });

  it.each([
    ['no ok field', 'thread:more', { data: {} }],
    ['a snapshot without its viewer', 'thread:join', { ok: true, data: { page: '/a', comments: [], nextCursor: null, count: 0, seq: 0, mine: [] } }],
    ['a comment whose text is not a string', 'thread:more', { ok: true, data: { comments: [{ ...comment, text: 5 }], nextCursor: null } }],
    ['a comment with an unknown status', 'thread:more', { ok: true, data: { comments: [{ ...comment, status: 'hidden' }], nextCursor: null } }],
    ['a proxy error page', 'thread:join', '<html>502 Bad Gateway</html>'],
    ['a report answer without first', 'comment:report', { ok: true, data: {} }],
    ['a report answer whose first is a string', 'comment:report', { ok: true, data: { first: 'yes' } }],
  ] as const)('refuses an ack with %s', (_what, event, value) => {
    expect(ackGuards[event](value)).toBe(false);
  });

  it('refuses a broadcast of the wrong shape', () => {
    expect(broadcastGuards['comment:created']({ ...event, seq: '1' })).toBe(false);
    expect(broadcastGuards['thread:events']({ page: '/a', events: [{ ...event, type: 'other' }] })).toBe(false);
    expect(broadcastGuards['thread:events']({ page: '/a', events: [{ ...deleted, id: undefined }] })).toBe(false);
    // A deletion is not a creation: each type's guard checks its own fields.
    expect(broadcastGuards['comment:created'](deleted)).toBe(false);
    expect(broadcastGuards['comment:deleted']({ ...deleted, count: '0' })).toBe(false);
    expect(broadcastGuards['comment:status']({ id: 'c1', page: '/a', status: 'pending' })).toBe(false);
    expect(broadcastGuards['comment:status']({ id: 'c1', status: 'published' })).toBe(false);
  });

  it('reads a refused handshake’s data', () => {
    expect(isConnectErrorData({ code: 'ORIGIN_NOT_ALLOWED', message: 'no' })).toBe(true);
    expect(isConnectErrorData({ code: 'RATE_LIMITED', message: 'wait', retryAfterMs: 'soon' })).toBe(false);
    expect(isConnectErrorData(undefined)).toBe(false);
  });
});
