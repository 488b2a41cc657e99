/**
 * Wires the fan-out catch-up (fanout-catch-up.ts) to the readers' namespace and the Redis
 * fan-out: what the adapter sends is noted per thread room, a room's state is dropped with the
 * room, and each resubscription of the adapter's subscriber runs a catch-up. Thread joins note
 * their snapshot seq through `fanoutCatchUpOf(socket.nsp)`.
 */
import type { Namespace } from 'socket.io';
import type { Logger } from '../logger.ts';
import type { FanoutWatcher } from '../store/redis-fanout.ts';
import type { CommentStore } from '../store/types.ts';
import { createFanoutCatchUp, type FanoutCatchUp } from './fanout-catch-up.ts';
import type { ReaderServer } from './reader-socket.ts';

const attached = new WeakMap<object, FanoutCatchUp>();

/** The catch-up of a namespace, when its server fans out through Redis. */
export function fanoutCatchUpOf(nsp: Namespace | object): FanoutCatchUp | undefined {
  return attached.get(nsp);
}

export function attachFanoutCatchUp(
  io: ReaderServer,
  fanout: { watch(watcher: FanoutWatcher): void },
  deps: { store: Pick<CommentStore, 'readEvents'>; logger: Pick<Logger, 'info' | 'warn'> },
): FanoutCatchUp {
  const nsp = io.of('/');
  const catchUp = createFanoutCatchUp({
    store: deps.store,
    hasLocalSockets: (room) => (nsp.adapter.rooms.get(room)?.size ?? 0) > 0,
    deliverLocally: (room, page, events) => void io.local.to(room).emit('thread:events', { page, events }),
    schedule: (fn, ms) => void setTimeout(fn, ms).unref(),
    onError: (err, room) => deps.logger.warn({ err, room }, 'could not fetch what a thread missed while Redis fan-out was down'),
  });
  nsp.adapter.on('delete-room', (room: unknown) => typeof room === 'string' && catchUp.forget(room));
  fanout.watch({
    sent: (rooms, data) => catchUp.sent(rooms, data),
    resubscribed: () => {
      void catchUp.catchUp().then((sent) => deps.logger.info({ sent }, 'fan-out subscriber back: sent this server’s readers what Redis dropped'));
    },
  });
  attached.set(nsp, catchUp);
  return catchUp;
}
