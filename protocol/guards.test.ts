import { describe, expect, it } from 'vitest';
import { publicComment } from './comment-fixtures.ts';
import { ackGuards, broadcastGuards, isConnectErrorData } from './guards.ts';

const comment = publicComment('c1', 1, { page: '/a', authorId: 'a1', authorName: 'Ani', text: 'halo', status: 'published' });
const reply = { ...comment, id: 'c2', parentId: 'c1', rootId: 'c1', depth: 1, replyTo: 'Ani', authorKind: 'sso', avatarUrl: 'https://x.id/a.png' };
const viewer = { authorId: 'a1', token: 't', kind: 'anonymous', name: null, avatarUrl: null, ssoError: null };
const snapshot = {
  page: '/a',
  sort: 'newest',
  comments: [comment],
  replies: [reply],
  liked: ['c2'],
  nextCursor: null,
  count: 2,
  seq: 1,
  mine: [],
  closed: false,
  editWindowMinutes: 15,
  viewer,
};
const event = { type: 'comment:created', page: '/a', seq: 1, comment, count: 1 };
const deleted = { type: 'comment:deleted', page: '/a', seq: 2, id: 'c1', count: 0 };

describe('guards of what the server sends', () => {
  it('accepts every well-formed ack and broadcast', () => {
    expect(ackGuards['thread:join']({ ok: true, data: snapshot })).toBe(true);
    expect(ackGuards['thread:more']({ ok: true, data: { comments: [], replies: [], liked: [], nextCursor: '3' } })).toBe(true);
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

  it('accepts the answers and events of replies, likes, edits and deletes', () => {
    const mine = [{ comment: { ...comment, status: 'pending' }, reasons: [{ rule: 'links', message: { en: 'x', id: 'y' } }] }];
    const ssoError = { code: 'SSO_INVALID', message: 'expired' };
    expect(ackGuards['thread:join']({ ok: true, data: { ...snapshot, mine, viewer: { ...viewer, ssoError } } })).toBe(true);
    expect(ackGuards['thread:join']({ ok: true, data: { ...snapshot, viewer: { ...viewer, kind: 'moderator', name: 'Mod' } } })).toBe(true);
    expect(ackGuards['thread:replies']({ ok: true, data: { rootId: 'c1', replies: [reply], liked: [], nextCursor: 'x:1' } })).toBe(true);
    expect(ackGuards['comment:edit']({ ok: true, data: { comment: { ...comment, editedAt: 5 }, reasons: [] } })).toBe(true);
    expect(ackGuards['comment:delete']({ ok: true, data: {} })).toBe(true);
    expect(ackGuards['comment:react']({ ok: true, data: { likes: 3, liked: true } })).toBe(true);
    const updated = { type: 'comment:updated', page: '/a', seq: 3, comment: { ...comment, editedAt: 5 }, count: 1 };
    const liked = { type: 'comment:liked', page: '/a', seq: 4, id: 'c1', likes: 1 };
    expect(broadcastGuards['comment:updated'](updated)).toBe(true);
    expect(broadcastGuards['comment:liked'](liked)).toBe(true);
    expect(broadcastGuards['thread:events']({ page: '/a', events: [updated, liked, deleted] })).toBe(true);
  });

  it.each([
    ['a snapshot without its sort', 'thread:join', { ok: true, data: { ...snapshot, sort: undefined } }],
    ['a snapshot with an unknown sort', 'thread:join', { ok: true, data: { ...snapshot, sort: 'best' } }],
    ['a snapshot without closed', 'thread:join', { ok: true, data: { ...snapshot, closed: undefined } }],
    ['a viewer of an unknown kind', 'thread:join', { ok: true, data: { ...snapshot, viewer: { ...viewer, kind: 'admin' } } }],
    ['an ssoError that is not a wire error', 'thread:join', { ok: true, data: { ...snapshot, viewer: { ...viewer, ssoError: 'bad' } } }],
    ['a pending comment of mine without reasons', 'thread:join', { ok: true, data: { ...snapshot, mine: [comment] } }],
    ['a reply without its depth', 'thread:join', { ok: true, data: { ...snapshot, replies: [{ ...reply, depth: undefined }] } }],
    ['liked ids that are numbers', 'thread:more', { ok: true, data: { comments: [], replies: [], liked: [1], nextCursor: null } }],
    ['a react answer without liked', 'comment:react', { ok: true, data: { likes: 1 } }],
  ] as const)('refuses %s', (_what, event, value) => {
    expect(ackGuards[event](value)).toBe(false);
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
    ['a snapshot without its viewer', 'thread:join', { ok: true, data: { ...snapshot, viewer: undefined } }],
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
    expect(broadcastGuards['comment:liked']({ type: 'comment:liked', page: '/a', seq: 4, id: 'c1' })).toBe(false);
    expect(broadcastGuards['comment:updated']({ type: 'comment:updated', page: '/a', seq: 3, id: 'c1', count: 1 })).toBe(false);
  });

  it('reads a refused handshake’s data', () => {
    expect(isConnectErrorData({ code: 'ORIGIN_NOT_ALLOWED', message: 'no' })).toBe(true);
    expect(isConnectErrorData({ code: 'RATE_LIMITED', message: 'wait', retryAfterMs: 'soon' })).toBe(false);
    expect(isConnectErrorData(undefined)).toBe(false);
  });
});
