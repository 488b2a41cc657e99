import { describe, expect, it } from 'vitest';
import type { CommentCreatedEvent, ThreadEvent } from '../../protocol/events.ts';
import type { ReaderServer } from './reader-socket.ts';
import { createThreadBroadcaster } from './thread-broadcaster.ts';

/** Records what would be emitted to which room; the real io is exercised by the integration tests. */
function fakeIo() {
  const sent: { room: string; event: string; payload: unknown }[] = [];
  const io = { to: (room: string) => ({ emit: (event: string, payload: unknown) => sent.push({ room, event, payload }) }) };
  return { io: io as unknown as ReaderServer, sent };
}

const event = (page: string, seq: number): CommentCreatedEvent => ({
  type: 'comment:created',
  page,
  seq,
  count: seq,
  comment: {
    id: `c${seq}`,
    page,
    parentId: null,
    rootId: null,
    depth: 0,
    replyTo: null,
    authorId: 'a',
    authorName: 'A',
    authorKind: 'anonymous',
    avatarUrl: null,
    text: 't',
    status: 'published',
    createdAt: 1,
    editedAt: null,
    likes: 0,
    replyCount: 0,
  },
});

describe('thread broadcaster', () => {
  it('sends a lone event as comment:created once the turn ends', () => {
    const { io, sent } = fakeIo();
    let run: (() => void) | undefined;
    const b = createThreadBroadcaster(io, (fn) => (run = fn));
    b.publish('demo', event('/a', 1));
    expect(sent).toEqual([]);
    run?.();
    expect(sent).toEqual([{ room: 'thread:demo:/a', event: 'comment:created', payload: event('/a', 1) }]);
  });

  it('coalesces one turn’s events per thread into one frame, sorted by seq', () => {
    const { io, sent } = fakeIo();
    const runs: (() => void)[] = [];
    const b = createThreadBroadcaster(io, (fn) => runs.push(fn));
    b.publish('demo', event('/a', 3));
    b.publish('demo', event('/b', 1));
    b.publish('demo', event('/a', 2));
    expect(runs).toHaveLength(1);
    runs[0]?.();
    expect(sent).toEqual([
      { room: 'thread:demo:/a', event: 'thread:events', payload: { page: '/a', events: [event('/a', 2), event('/a', 3)] } },
      { room: 'thread:demo:/b', event: 'comment:created', payload: event('/b', 1) },
    ]);
  });

  it('starts a new batch after a flush', () => {
    const { io, sent } = fakeIo();
    const runs: (() => void)[] = [];
    const b = createThreadBroadcaster(io, (fn) => runs.push(fn));
    b.publish('demo', event('/a', 1));
    runs[0]?.();
    b.publish('demo', event('/a', 2));
    runs[1]?.();
    expect(sent.map((s) => s.event)).toEqual(['comment:created', 'comment:created']);
  });

  it('sends a lone like, edit or deletion under its own name', () => {
    const { io, sent } = fakeIo();
    const runs: (() => void)[] = [];
    const b = createThreadBroadcaster(io, (fn) => runs.push(fn));
    const created = event('/a', 1);
    const liked: ThreadEvent = { type: 'comment:liked', page: '/a', seq: 2, id: 'c1', likes: 1 };
    const updated: ThreadEvent = { type: 'comment:updated', page: '/b', seq: 1, comment: created.comment, count: 1 };
    const deleted: ThreadEvent = { type: 'comment:deleted', page: '/c', seq: 1, id: 'c1', count: 0 };
    b.publish('demo', liked);
    b.publish('demo', updated);
    b.publish('demo', deleted);
    runs[0]?.();
    expect(sent.map((s) => [s.room, s.event])).toEqual([
      ['thread:demo:/a', 'comment:liked'],
      ['thread:demo:/b', 'comment:updated'],
      ['thread:demo:/c', 'comment:deleted'],
    ]);
  });
});
