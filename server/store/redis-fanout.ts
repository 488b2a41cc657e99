/**
 * Live fan-out between servers through Redis: Socket.IO's Redis adapter, so a broadcast
 * reaches readers connected to any server on the same Redis. On one Redis, the classic adapter
 * (PUBLISH/SUBSCRIBE). On a Redis Cluster, the sharded adapter (Redis 7's SPUBLISH/SSUBSCRIBE):
 * classic pub/sub on a cluster sends every message to every node, while a sharded channel lives
 * on the node of its slot, and with one channel per room ("dynamic") a thread's events go only
 * to the servers that have a reader of that thread (decision 0022).
 */
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { closeWithin, REDIS_CLOSE_MS } from './close-within.ts';
import { createRedisConnection, type RedisTarget } from './redis-connection.ts';

export interface RedisFanout {
  /** For `io.adapter(…)`. */
  adapter: ReturnType<typeof createAdapter> | ReturnType<typeof createShardedAdapter>;
  /**
   * Told what goes through the adapter, so a server can fetch from the store what Redis dropped
   * (server/realtime/fanout-catch-up.ts). On one Redis only: the sharded adapter is not watched yet.
   */
  watch(watcher: FanoutWatcher): void;
  close(): Promise<void>;
}

export interface FanoutWatcher {
  /** A broadcast (`data`: its [name, …args]) sent to this server's sockets in `rooms`, from here or from another server. */
  sent(rooms: readonly string[], data: unknown): void;
  /** The subscriber is subscribed again after losing its connection: what was published meanwhile never reached it. */
  resubscribed(): void;
}

export async function connectRedisFanout(target: RedisTarget, onError: (err: Error, which: 'pub' | 'sub') => void): Promise<RedisFanout> {
  const pub = createRedisConnection(target);
  const sub = pub.duplicate();
  pub.on('error', (err: Error) => onError(err, 'pub'));
  sub.on('error', (err: Error) => onError(err, 'sub'));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    await Promise.allSettled([pub.close(), sub.close()]);
    throw err;
  }
  const watchers: FanoutWatcher[] = [];
  if (target.clusterUrls === undefined) {
    catchCommandFailures(pub, ['publish'], (err) => onError(err, 'pub'));
    catchCommandFailures(sub, ['subscribe', 'pSubscribe', 'unsubscribe', 'pUnsubscribe'], (err) => onError(err, 'sub'));
    watchResubscriptions(sub, () => watchers.forEach((w) => w.resubscribed()));
  }
  const classic = createAdapter(pub, sub);
  return {
    adapter:
      target.clusterUrls === undefined
        ? // Socket.IO calls it with `new`: a function, not an arrow, returning the adapter.
          function watchedAdapter(nsp: unknown) {
            return watchBroadcasts(classic(nsp), watchers);
          }
        : createShardedAdapter(pub, sub, { subscriptionMode: 'dynamic' }),
    watch(watcher) {
      watchers.push(watcher);
    },
    async close() {
      await Promise.allSettled([closeWithin(pub, REDIS_CLOSE_MS), closeWithin(sub, REDIS_CLOSE_MS)]);
    },
  };
}

/**
 * The classic adapter does not wait for its PUBLISH (the sharded one catches its own): one in
 * flight when the connection drops (Redis restarted, failed over) rejects with nobody listening,
 * and Node ends the process on an unhandled rejection. Told as a pub error instead. The broadcast
 * is lost to the other servers' subscribers, which lost Redis too: each fetches what its readers
 * missed from the store once subscribed again (server/realtime/fanout-catch-up.ts).
 */
function catchCommandFailures(client: object, commands: readonly string[], onError: (err: Error) => void): void {
  // Subscriptions too: the adapter does not wait for a SUBSCRIBE either (a room created while Redis
  // is away, or one pending when a close gives up and drops the connection, rejects the same way).
  const methods = client as Record<string, unknown>;
  for (const name of commands) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    const call = (original as (...args: unknown[]) => Promise<unknown>).bind(client);
    Object.defineProperty(client, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) =>
        call(...args).catch((err: unknown) => {
          onError(err instanceof Error ? err : new Error(String(err)));
          return 0;
        }),
    });
  }
}

/** node-redis emits 'ready' once connected and subscribed again (its resubscribe is part of the handshake). */
function watchResubscriptions(sub: { on(event: 'ready' | 'end' | 'error', listener: () => void): unknown }, resubscribed: () => void): void {
  let lost = false;
  const lose = () => (lost = true);
  sub.on('end', lose);
  sub.on('error', lose);
  sub.on('ready', () => {
    if (!lost) return;
    lost = false;
    resubscribed();
  });
}

type ClassicAdapter = ReturnType<ReturnType<typeof createAdapter>>;
interface Packet {
  data?: unknown;
}
interface Parser {
  encode(msg: unknown): unknown;
  decode(msg: unknown): unknown;
}

/**
 * Tells the watchers of every broadcast the adapter sends to sockets: its own (`broadcast`,
 * which Socket.IO calls for every emit to rooms, local-only included) and those from Redis,
 * seen as the adapter decodes them (its `parser`, an option the adapter documents), so no
 * message is decoded twice. Messages of other shapes (the adapter's requests) are ignored.
 */
function watchBroadcasts(adapter: ClassicAdapter, watchers: readonly FanoutWatcher[]): ClassicAdapter {
  const tell = (rooms: unknown, packet: Packet | undefined) => {
    if (watchers.length === 0 || packet === undefined || typeof packet !== 'object' || packet === null) return;
    const list = rooms instanceof Set ? [...(rooms as Set<unknown>)] : Array.isArray(rooms) ? rooms : [];
    const names = list.filter((r): r is string => typeof r === 'string');
    if (names.length > 0) for (const w of watchers) w.sent(names, packet.data);
  };
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    broadcast(packet, opts);
    tell(opts.rooms, packet as Packet);
  };
  const parser: Parser = adapter.parser;
  Object.defineProperty(adapter, 'parser', {
    configurable: true,
    value: {
      encode: (msg: unknown) => parser.encode(msg),
      decode: (msg: unknown) => {
        const decoded = parser.decode(msg);
        // [uid, packet, opts] is a broadcast; our own come back too and are told twice, which is harmless.
        if (Array.isArray(decoded) && decoded.length === 3) {
          const [, packet, opts] = decoded as [unknown, Packet | undefined, { rooms?: unknown } | undefined];
          tell(opts?.rooms, packet);
        }
        return decoded;
      },
    } satisfies Parser,
  });
  return adapter;
}
