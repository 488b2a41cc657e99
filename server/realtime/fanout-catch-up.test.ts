import { describe, expect, it } from 'vitest';
import type { ThreadEvent } from '../../protocol/events.ts';
import type { ThreadEvents } from '../store/types.ts';
import { createFanoutCatchUp, type FanoutCatchUpDeps } from './fanout-catch-up.ts';

const liked = (page: string, seq: number): ThreadEvent => ({ type: 'comment:liked', page, seq, id: `c${seq}`, likes: seq });

/** A store holding `log` per thread ("site page"), readers in `local` rooms, and what was sent where. */
function setup(log: Record<string, ThreadEvent[]>, local: string[], failures = 0) {
  const sent: { room: string; page: string; seqs: number[] }[] = [];
  const reads: { thread: string; afterSeq: number }[] = [];
  const errors: unknown[] = [];
  let failing = failures;
  const deps: FanoutCatchUpDeps = {
    store: {
      readEvents(site, page, afterSeq, limit): Promise<ThreadEvents> {
        reads.push({ thread: `${site} ${page}`, afterSeq });
        if (failing-- > 0) return Promise.reject(new Error('Redis is loading'));
        const all = log[`${site} ${page}`] ?? [];
        return Promise.resolve({ events: all.filter((e) => e.seq > afterSeq).slice(0, limit), seq: all.at(-1)?.seq ?? 0, complete: true });
      },
    },
    hasLocalSockets: (room) => local.includes(room),
    deliverLocally: (room, page, events) => sent.push({ room, page, seqs: events.map((e) => e.seq) }),
    schedule: (fn) => queueMicrotask(fn),
    onError: (err) => errors.push(err),
    retryMs: 0,
    tries: 3,
  };
  return { catchUp: createFanoutCatchUp(deps), sent, reads, errors };
}

describe('fan-out catch-up', () => {
  it('sends each followed room the events after the newest seq it was sent, in order, to this server’s sockets only', async () => {
    const log = { 'demo /a': [1, 2, 3, 4].map((s) => liked('/a', s)), 'demo /b': [1, 2].map((s) => liked('/b', s)) };
    const { catchUp, sent, reads } = setup(log, ['thread:demo:/a', 'thread:demo:/b']);
    catchUp.sent(['thread:demo:/a'], ['comment:liked', liked('/a', 2)]);
    catchUp.sent(['thread:demo:/b'], ['thread:events', { page: '/b', events: [liked('/b', 1), liked('/b', 2)] }]);
    expect(await catchUp.catchUp()).toBe(2);
    expect(reads).toEqual([
      { thread: 'demo /a', afterSeq: 2 },
      { thread: 'demo /b', afterSeq: 2 },
    ]);
    expect(sent).toEqual([{ room: 'thread:demo:/a', page: '/a', seqs: [3, 4] }]);
    // Caught up: a second catch-up finds nothing new.
    expect(await catchUp.catchUp()).toBe(0);
  });

  it('starts from the join’s snapshot when nothing was sent to the room since, and never goes back', async () => {
    const log = { 'demo /a': [1, 2, 3].map((s) => liked('/a', s)) };
    const { catchUp, sent } = setup(log, ['thread:demo:/a']);
    catchUp.joined('demo', '/a', 1);
    catchUp.sent(['thread:demo:/a'], ['comment:liked', liked('/a', 2)]);
    catchUp.joined('demo', '/a', 0);
    await catchUp.catchUp();
    expect(sent).toEqual([{ room: 'thread:demo:/a', page: '/a', seqs: [3] }]);
  });

  it('skips rooms without sockets here, forgotten rooms and broadcasts that are not thread events', async () => {
    const log = { 'demo /a': [liked('/a', 1)], 'demo /b': [liked('/b', 1)], 'demo /c': [liked('/c', 1)] };
    const { catchUp, sent, reads } = setup(log, ['thread:demo:/a', 'thread:demo:/c']);
    catchUp.joined('demo', '/a', 0);
    catchUp.joined('demo', '/b', 0);
    catchUp.forget('thread:demo:/a');
    catchUp.sent(['author:demo:x'], ['comment:liked', liked('/c', 1)]);
    catchUp.sent(['thread:demo:/c'], ['comment:status', { page: '/c', seq: 1 }]);
    catchUp.sent(['thread:other:/c'], ['comment:liked', liked('/x', 1)]);
    expect(await catchUp.catchUp()).toBe(0);
    expect(reads).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('tries a failed read again (Redis back for pub/sub before the store’s connection is) and gives up after its tries', async () => {
    const log = { 'demo /a': [liked('/a', 1)] };
    const recovered = setup(log, ['thread:demo:/a'], 2);
    recovered.catchUp.joined('demo', '/a', 0);
    expect(await recovered.catchUp.catchUp()).toBe(1);
    expect(recovered.reads).toHaveLength(3);
    expect(recovered.errors).toEqual([]);

    const down = setup(log, ['thread:demo:/a'], 5);
    down.catchUp.joined('demo', '/a', 0);
    expect(await down.catchUp.catchUp()).toBe(0);
    expect(down.reads).toHaveLength(3);
    expect(down.errors).toHaveLength(1);
  });

  it('reads a long outage’s events page by page', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => liked('/a', i + 1));
    const { catchUp, sent } = setup({ 'demo /a': many }, ['thread:demo:/a']);
    catchUp.joined('demo', '/a', 0);
    expect(await catchUp.catchUp()).toBe(1_200);
    expect(sent.map((s) => [s.seqs[0], s.seqs.at(-1)])).toEqual([
      [1, 500],
      [501, 1_000],
      [1_001, 1_200],
    ]);
  });
});
