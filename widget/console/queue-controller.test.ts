import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../protocol/moderation.ts';
import { FakeConnection } from './fake-moderation-client.ts';
import { QueueController } from './queue-controller.ts';
import { queueItem } from './queue-fixtures.ts';
import { toggleSelected } from './queue-state.ts';
import { settle, TestHost } from './test-host.ts';

const counts = { pending: 2, reported: 1, rejected: 0, approved: 5 };
const ids = (c: QueueController) => c.state.items.map((i) => i.comment.id);

async function open(items: QueueItem[] = [queueItem('c1'), queueItem('c2')], nextCursor: string | null = null) {
  const host = new TestHost();
  const queue = new QueueController(host);
  const connection = new FakeConnection('demo').answer('queue:list', (req) =>
    req.cursor === null
      ? { ok: true, data: { items, nextCursor, counts } }
      : { ok: true, data: { items: [queueItem('c3')], nextCursor: null, counts } },
  );
  queue.attach(connection);
  connection.setStatus({ state: 'connected' });
  await settle();
  return { host, queue, connection };
}

describe('the queues page’s controller', () => {
  it('loads the first page with its counts once connected', async () => {
    const { queue, connection } = await open();
    expect(ids(queue)).toEqual(['c1', 'c2']);
    expect(queue.counts).toEqual(counts);
    expect(connection.sentOf('queue:list')).toEqual([{ queue: 'pending', order: 'newest', cursor: null, limit: 25 }]);
  });

  it('loads more by cursor', async () => {
    const { queue, connection } = await open(undefined, 'next-1');
    await queue.loadMore();
    expect(ids(queue)).toEqual(['c1', 'c2', 'c3']);
    expect(connection.sentOf('queue:list')[1]?.cursor).toBe('next-1');
  });

  it('follows live broadcasts: added, resolved and counts', async () => {
    const { queue, connection } = await open();
    connection.broadcast('queue:added', { queue: 'pending', item: queueItem('c9') });
    connection.broadcast('queue:resolved', { queue: 'pending', id: 'c1', page: '/berita/energi', decision: null });
    connection.broadcast('queue:counts', { ...counts, pending: 7 });
    expect(ids(queue)).toEqual(['c9', 'c2']);
    expect(queue.counts.pending).toBe(7);
  });

  it('asks for the first page again after a reconnect (missed broadcasts are not replayed)', async () => {
    const { connection } = await open();
    connection.setStatus({ state: 'reconnecting' });
    connection.setStatus({ state: 'connected' });
    await settle();
    expect(connection.sentOf('queue:list').length).toBe(2);
  });

  it('drops the answer to an older request once another queue is open', async () => {
    const host = new TestHost();
    const queue = new QueueController(host);
    let release: (() => void) | undefined;
    const connection = new FakeConnection('demo').answer('queue:list', (req) => {
      const answer = { ok: true as const, data: { items: [queueItem(req.queue)], nextCursor: null, counts } };
      return req.queue === 'pending' ? new Promise((resolve) => (release = () => resolve(answer))) : answer;
    });
    connection.status = { state: 'connected' };
    queue.attach(connection);
    queue.show('reported');
    await settle();
    release?.();
    await settle();
    expect(queue.state.queue).toBe('reported');
    expect(ids(queue)).toEqual(['reported']);
  });

  it('decides with the revision shown and drops the item', async () => {
    const { queue, connection } = await open([queueItem('c1', { revision: 4 })]);
    connection.answer('queue:decide', () => ({ ok: true, data: { item: queueItem('c1', { revision: 5 }) } }));
    await queue.decide(queue.state.items[0]!, 'reject', 'Spam');
    expect(connection.sentOf('queue:decide')).toEqual([{ page: '/berita/energi', id: 'c1', revision: 4, action: 'reject', reason: 'Spam' }]);
    expect(ids(queue)).toEqual([]);
    expect(queue.outcome).toEqual({ kind: 'rejected' });
  });

  it('drops an item another moderator decided first, keeping who did it to show', async () => {
    const { queue, connection } = await open();
    const decided = { action: 'approve' as const, by: 'budi@news.example', at: 1, reason: null };
    connection.answer('queue:decide', () => ({ ok: false, error: { code: 'ALREADY_DECIDED', message: 'first', decided } }));
    await queue.decide(queue.state.items[0]!, 'approve');
    expect(ids(queue)).toEqual(['c2']);
    expect(queue.outcome).toEqual({ kind: 'error', error: { code: 'ALREADY_DECIDED', message: 'first', decided } });
  });

  it('keeps the item when a decision fails for another reason (it can be tried again)', async () => {
    const { queue, connection } = await open();
    connection.answer('queue:decide', () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'later' } }));
    await queue.decide(queue.state.items[0]!, 'approve');
    expect(ids(queue)).toEqual(['c1', 'c2']);
  });

  it('decides the selected items together and counts what could not be', async () => {
    const { queue, connection } = await open([queueItem('c1'), queueItem('c2'), queueItem('c3')]);
    queue.setState(toggleSelected(toggleSelected(queue.state, 'c1'), 'c3'));
    connection.answer('queue:decide-many', (req) => ({
      ok: true,
      data: {
        results: req.items.map((ref, n) =>
          n === 0
            ? { id: ref.id, ok: true as const, item: queueItem(ref.id) }
            : { id: ref.id, ok: false as const, code: 'ALREADY_DECIDED', message: 'x' },
        ),
      },
    }));
    await queue.decideSelected('approve');
    expect(connection.sentOf('queue:decide-many')[0]?.items.map((r) => r.id)).toEqual(['c1', 'c3']);
    expect(ids(queue)).toEqual(['c2']);
    expect(queue.outcome).toEqual({ kind: 'bulk', done: 1, notDone: 1 });
    expect(queue.state.selected.size).toBe(0);
  });

  it('bans an author and shows the ban on every item of theirs', async () => {
    const { queue, connection } = await open();
    connection.answer('author:ban', (req) => ({
      ok: true,
      data: { author: { ...queue.state.items[0]!.author, bannedUntil: Number.MAX_SAFE_INTEGER }, rejected: req.rejectPending ? 2 : 0 },
    }));
    await queue.ban('author-1', 'permanent', true, null);
    expect(connection.sentOf('author:ban')).toEqual([{ authorId: 'author-1', duration: 'permanent', rejectPending: true, reason: null }]);
    expect(queue.state.items.every((i) => i.author.bannedUntil === Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(queue.outcome).toEqual({ kind: 'banned', rejected: 2 });
  });

  it('marks an author trusted and back', async () => {
    const { queue, connection } = await open();
    connection.answer('author:trust', (req) => ({ ok: true, data: { ...queue.state.items[0]!.author, trusted: req.trusted } }));
    await queue.setTrusted('author-1', true);
    expect(queue.state.items[0]?.author.trusted).toBe(true);
    await queue.setTrusted('author-1', false);
    expect(queue.outcome).toEqual({ kind: 'untrusted' });
  });

  it('sends the filters and order, and starts over from the first page', async () => {
    const { queue, connection } = await open();
    queue.setOrder('oldest');
    queue.setFilters({ page: '/a', rule: 'links', search: '' });
    await settle();
    expect(connection.sentOf('queue:list').at(-1)).toEqual({ queue: 'pending', order: 'oldest', cursor: null, limit: 25, page: '/a', rule: 'links' });
  });
});
