/**
 * Sends thread events to their rooms, coalescing the events of one event-loop turn per room.
 * A burst of posts finishing together (a journal group commit, pipelined Redis replies) then
 * costs each reader one frame instead of one per post — the broadcast, not the store, is what
 * a busy server spends its time on (docs/decisions/0300-fanout-benchmark.md). A lone event
 * still goes out under its own name (`comment:created`, `comment:deleted`, `comment:updated`, `comment:liked`); several go out as one
 * `thread:events`, in seq order.
 */
import { rooms, type ThreadEvent } from '../../protocol/events.ts';
import type { ReaderServer, ThreadBroadcaster } from './reader-socket.ts';

export type { ThreadBroadcaster } from './reader-socket.ts';

export function createThreadBroadcaster(io: ReaderServer, schedule: (fn: () => void) => void = (fn) => setImmediate(fn)): ThreadBroadcaster {
  let queued = new Map<string, { page: string; events: ThreadEvent[] }>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = queued;
    queued = new Map();
    for (const [room, { page, events }] of batch) {
      const [only] = events;
      if (events.length === 1 && only) {
        emitOne(io.to(room), only);
      } else {
        events.sort((a, b) => a.seq - b.seq);
        io.to(room).emit('thread:events', { page, events });
      }
    }
  }

  /** A lone event under its own name; the switch is total, so a new event type does not compile until it is sent. */
  function emitOne(to: ReturnType<ReaderServer['to']>, event: ThreadEvent): void {
    switch (event.type) {
      case 'comment:created':
        return void to.emit('comment:created', event);
      case 'comment:deleted':
        return void to.emit('comment:deleted', event);
      case 'comment:updated':
        return void to.emit('comment:updated', event);
      case 'comment:liked':
        return void to.emit('comment:liked', event);
    }
  }

  return {
    publish(site, event) {
      const room = rooms.thread(site, event.page);
      const entry = queued.get(room);
      if (entry) entry.events.push(event);
      else queued.set(room, { page: event.page, events: [event] });
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
  };
}
