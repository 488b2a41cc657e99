/**
 * What Redis pub/sub drops, fetched from the store. A broadcast published while this server's
 * adapter subscriber is away (Redis restarted, the connection cut) never reaches it, and its
 * readers would learn of it only at the next event's seq gap — never, if no other event comes.
 * So the server keeps, per thread room it has readers in, the newest seq that room has been
 * sent (or its readers' snapshot seq); when the subscriber is subscribed again it reads each
 * room's events after that from the store and sends them to its own sockets only, in seq order.
 * Widgets drop the events they already have, so sending one twice is harmless
 * (docs/decisions/0024-fanout-catch-up-after-redis-outage.md).
 */
import { rooms, type ThreadEvent } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { CommentStore } from '../store/types.ts';

/** Thread events that go out under their own name; several go out as one `thread:events`. */
const LONE_EVENTS: ReadonlySet<unknown> = new Set(['comment:created', 'comment:deleted', 'comment:updated', 'comment:liked']);
/** A thread that missed more than this many pages is left to its readers' resync (which answers `reset`). */
const MAX_PAGES = 10;

export interface FanoutCatchUpDeps {
  store: Pick<CommentStore, 'readEvents'>;
  /** Whether this server has sockets in the room now. */
  hasLocalSockets(room: string): boolean;
  /** Sends the events to this server's sockets in the room only, never through Redis again. */
  deliverLocally(room: string, page: string, events: ThreadEvent[]): void;
  /** Runs `fn` after `ms` (a store read that failed is tried again: Redis may be back for pub/sub before the store's client is). */
  schedule(fn: () => void, ms: number): void;
  onError(err: unknown, room: string): void;
  /** Between tries of a failed read, and how many tries. */
  retryMs?: number;
  tries?: number;
}

export interface FanoutCatchUp {
  /** A broadcast (`data` is its [name, payload]) went to these rooms' sockets on this server. */
  sent(rooms: Iterable<string>, data: unknown): void;
  /** A reader joined the room with a snapshot (or resync) up to `seq`: the starting point when nothing was sent since. */
  joined(site: string, page: string, seq: number): void;
  /** The room has no sockets here any more. */
  forget(room: string): void;
  /** Fetches and sends what each followed room missed; resolves with how many events were sent. */
  catchUp(): Promise<number>;
}

interface Followed {
  site: string;
  page: string;
  seq: number;
}

export function createFanoutCatchUp(deps: FanoutCatchUpDeps): FanoutCatchUp {
  const followed = new Map<string, Followed>();
  const retryMs = deps.retryMs ?? 250;
  const tries = deps.tries ?? 40;

  function note(room: string, page: string, seq: number): void {
    const entry = followed.get(room);
    if (entry) entry.seq = Math.max(entry.seq, seq);
    else {
      const site = siteOf(room, page);
      if (site !== null) followed.set(room, { site, page, seq });
    }
  }

  /** Reads and sends one room's missed events, page by page; rejects when the store does. */
  async function catchUpRoom(room: string, entry: Followed): Promise<number> {
    let afterSeq = entry.seq;
    let sent = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const log = await deps.store.readEvents(entry.site, entry.page, afterSeq, LIMITS.resyncMax);
      const events = log.events.filter((e) => e.seq > afterSeq);
      if (events.length > 0 && deps.hasLocalSockets(room)) {
        deps.deliverLocally(room, entry.page, events);
        sent += events.length;
      }
      afterSeq = events.at(-1)?.seq ?? afterSeq;
      entry.seq = Math.max(entry.seq, afterSeq);
      // A trimmed log leaves a gap the readers see at once (their resync answers `reset`).
      if (!log.complete || afterSeq >= log.seq || events.length === 0) break;
    }
    return sent;
  }

  async function withRetries(room: string, entry: Followed): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await catchUpRoom(room, entry);
      } catch (err) {
        if (attempt >= tries || !deps.hasLocalSockets(room)) {
          deps.onError(err, room);
          return 0;
        }
        await new Promise<void>((resolve) => deps.schedule(resolve, retryMs));
      }
    }
  }

  let running: Promise<number> | null = null;
  let again = false;

  async function runAll(): Promise<number> {
    let sent = 0;
    do {
      again = false;
      const due = [...followed].filter(([room]) => deps.hasLocalSockets(room));
      const counts = await Promise.all(due.map(([room, entry]) => withRetries(room, entry)));
      sent += counts.reduce((a, b) => a + b, 0);
    } while (again);
    return sent;
  }

  return {
    sent(to, data) {
      const event = threadEventOf(data);
      if (event === null) return;
      for (const room of to) if (room.startsWith('thread:')) note(room, event.page, event.seq);
    },
    joined(site, page, seq) {
      const room = rooms.thread(site, page);
      if (!followed.has(room)) followed.set(room, { site, page, seq });
    },
    forget(room) {
      followed.delete(room);
    },
    catchUp() {
      // A second loss while one catch-up runs: run once more after it, from where it got to.
      if (running) {
        again = true;
        return running;
      }
      running = runAll().finally(() => (running = null));
      return running;
    },
  };
}

/** The page and newest seq of a thread broadcast's [name, payload], or null for any other broadcast. */
function threadEventOf(data: unknown): { page: string; seq: number } | null {
  if (!Array.isArray(data)) return null;
  const [name, payload] = data as [unknown, unknown];
  if (typeof payload !== 'object' || payload === null) return null;
  const { page, seq, events } = payload as { page?: unknown; seq?: unknown; events?: unknown };
  if (typeof page !== 'string') return null;
  if (LONE_EVENTS.has(name)) return typeof seq === 'number' ? { page, seq } : null;
  if (name !== 'thread:events' || !Array.isArray(events)) return null;
  const seqs = events
    .map((e: unknown) => (typeof e === 'object' && e !== null ? (e as { seq?: unknown }).seq : undefined))
    .filter((s) => typeof s === 'number');
  return seqs.length > 0 ? { page, seq: Math.max(...seqs) } : null;
}

/** The site of a thread room whose page is `page`, or null when the room is not that thread's. */
function siteOf(room: string, page: string): string | null {
  const prefix = rooms.thread('', '').slice(0, -1);
  if (!room.startsWith(prefix) || !room.endsWith(`:${page}`)) return null;
  const site = room.slice(prefix.length, room.length - page.length - 1);
  return rooms.thread(site, page) === room ? site : null;
}
