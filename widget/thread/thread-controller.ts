/**
 * The reactive controller that owns one Socket.IO connection for one `<rembuk-thread>`:
 * opened in hostConnected, closed in hostDisconnected. It turns socket traffic into calls on
 * the pure thread state (thread-state.ts) and asks the host to re-render after each change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from '../transport/socket-client.ts';
import type { PublicComment } from '../../protocol/comment.ts';
import type { Result, WireError } from '../../protocol/errors.ts';
import type {
  AckOf,
  ClientEventName,
  ClientToServerEvents,
  CommentStatusChange,
  ConnectErrorData,
  ModerationNotice,
  RequestOf,
  ServerToClientEvents,
  ThreadEvent,
  ThreadSort,
  Viewer,
} from '../../protocol/events.ts';
import { ackGuards, broadcastGuards, isConnectErrorData } from '../../protocol/guards.ts';
import { storageKeys, type KeyValueStore } from '../storage.ts';
import { dropped, enqueue, settle, takeDue, timedOut, type Outbox, type PostRequest } from './outbox.ts';
import { createReconnectSchedule, isPermanentRefusal, type ReconnectSchedule } from './reconnect-schedule.ts';
import type { ThreadConfig } from './thread-config.ts';
import {
  addOwnComment,
  appendOlder,
  applyResync,
  applyOwnDecision,
  applySnapshot,
  appendReplies,
  arrivedSince,
  beginRejoin,
  createThreadState,
  needsRejoin,
  needsResync,
  receiveEvent,
  dropOwn,
  setLikes,
  type ThreadState,
} from './thread-state.ts';

/**
 * `connecting`: never connected yet; `connected`; `reconnecting`: lost after having been
 * connected; `unreachable`: trying for a while now without reaching the server (still
 * trying); `refused`: the server turned the handshake down for good (see `refusal`).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unreachable' | 'refused';

/** A request whose answer never came (timeout or dropped connection): it may or may not have happened. */
export interface LostRequest {
  ok: false;
  lost: true;
  error: WireError;
}
export type RequestOutcome<T> = Result<T> | LostRequest;

export interface ThreadControllerOptions {
  config: () => ThreadConfig | null;
  storage: KeyValueStore;
  /** Milliseconds to wait for an ack before treating a request as lost. */
  ackTimeoutMs?: number;
  /** The reconnect schedule's jitter (tests make it fixed). */
  random?: () => number;
  /**
   * Calls `now` whenever trying again at once makes sense; returns its unsubscribe. By default
   * when the page becomes visible or the browser goes online: the reader is back, or the
   * network is, and waiting out a long backoff would only keep them looking at old news.
   */
  wake?: (now: () => void) => () => void;
}

function onPageWake(now: () => void): () => void {
  const visible = () => {
    if (document.visibilityState === 'visible') now();
  };
  document.addEventListener('visibilitychange', visible);
  addEventListener('online', now);
  return () => {
    document.removeEventListener('visibilitychange', visible);
    removeEventListener('online', now);
  };
}

/** Between tries of a request answered with a passing failure while connected (a join, a resync). */
const RETRY_DELAY_MS = 3_000;
const POST_ATTEMPTS = 3;

type ReaderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** An answer as it arrives: unchecked until `ackGuards` has looked at it. */
type RawAck = (err: Error | null, result: unknown) => void;

/**
 * One emit per request event. Socket.IO's typed `emit` cannot be called with an event name
 * that is a type parameter, so each event gets its own call, checked by the compiler; the
 * mapped type makes a new request event without one a compile error.
 */
const emitters: { [E in ClientEventName]: (socket: ReaderSocket, ms: number, payload: RequestOf<E>, ack: RawAck) => void } = {
  'thread:join': (s, ms, p, ack) => s.timeout(ms).emit('thread:join', p, ack),
  'thread:leave': (s, ms, p, ack) => s.timeout(ms).emit('thread:leave', p, ack),
  'thread:more': (s, ms, p, ack) => s.timeout(ms).emit('thread:more', p, ack),
  'thread:resync': (s, ms, p, ack) => s.timeout(ms).emit('thread:resync', p, ack),
  'comment:create': (s, ms, p, ack) => s.timeout(ms).emit('comment:create', p, ack),
  'comment:report': (s, ms, p, ack) => s.timeout(ms).emit('comment:report', p, ack),
  'thread:replies': (s, ms, p, ack) => s.timeout(ms).emit('thread:replies', p, ack),
  'comment:edit': (s, ms, p, ack) => s.timeout(ms).emit('comment:edit', p, ack),
  'comment:delete': (s, ms, p, ack) => s.timeout(ms).emit('comment:delete', p, ack),
  'comment:react': (s, ms, p, ack) => s.timeout(ms).emit('comment:react', p, ack),
};

const SORTS: Record<ThreadSort, true> = { newest: true, oldest: true, likes: true };
/** The sort remembered on this device, or newest. */
export function storedSort(storage: KeyValueStore): ThreadSort {
  const s = storage.get(storageKeys.sort);
  return s !== null && Object.hasOwn(SORTS, s) ? (s as ThreadSort) : 'newest';
}

export class ThreadController implements ReactiveController {
  thread: ThreadState | null = null;
  connection: ConnectionState = 'connecting';
  /** Why the server refused the handshake, when `connection` is `refused`. */
  refusal: ConnectErrorData | null = null;
  /** Why the thread could not be loaded (the join failed for a reason other than the handshake). */
  loadError: WireError | null = null;
  loadingMore = false;
  moreError: WireError | null = null;
  /** The viewer's author id, once a snapshot has told us. */
  authorId: string | null = null;
  /** Who the viewer is (anonymous, or verified with a name), once a snapshot has told us. */
  viewer: Viewer | null = null;
  /** The site's edit window (minutes after posting; 0: never), from the snapshot. */
  editWindowMinutes = 0;
  /** Top-level comments whose next replies are being fetched. */
  readonly loadingReplies = new Set<string>();
  /**
   * Why the viewer's own comments were held, by comment id, from the create acks of this
   * visit (a snapshot does not repeat them).
   */
  readonly reasons = new Map<string, readonly ModerationNotice[]>();
  /**
   * The viewer's held comments a moderator rejected during this visit, oldest decision first,
   * until the reader dismisses the notice (they left the thread at once; this is how they learn why).
   */
  declined: readonly PublicComment[] = [];
  /** Successful connections so far: an error shown before the latest one is about a lost connection. */
  connections = 0;
  /** True once the snapshot says so, or the server answered a post with THREAD_CLOSED: no new comments here. */
  closed = false;
  /** The comments of others the last live event or resync brought, newest first, for the announcement. */
  arrivals: readonly PublicComment[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #options: ThreadControllerOptions;
  #socket: ReaderSocket | null = null;
  #config: ThreadConfig | null = null;
  #everConnected = false;
  #resyncInFlight = false;
  /** Bumped on every join and on close, so a late answer to an abandoned request is dropped. */
  #generation = 0;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #retry: ReturnType<typeof setTimeout> | undefined;
  /** Woken while an attempt was under way: if that attempt fails, the next one goes at once. */
  #wokenMidAttempt = false;
  #schedule: ReconnectSchedule;
  #unwake: (() => void) | null = null;
  /** Posts not answered yet, and who waits for each answer. */
  #outbox: Outbox = [];
  readonly #waiting = new Map<string, (outcome: RequestOutcome<AckOf<'comment:create'>>) => void>();

  constructor(host: ReactiveControllerHost, options: ThreadControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#schedule = createReconnectSchedule(options.random);
    host.addController(this);
  }

  hostConnected(): void {
    this.#unwake = (this.#options.wake ?? onPageWake)(() => this.#wake());
    this.#open();
  }

  hostDisconnected(): void {
    this.#unwake?.();
    this.#unwake = null;
    this.#close();
  }

  /** True while a post waits for the connection to come back. */
  get queued(): boolean {
    return this.#outbox.length > 0 && this.connection !== 'connected';
  }

  /** Starts over, e.g. after the element's site or page changed. */
  restart(): void {
    this.#close();
    this.#open();
  }

  get ackTimeoutMs(): number {
    return this.#options.ackTimeoutMs ?? 10_000;
  }

  #open(): void {
    const config = this.#options.config();
    this.#config = config;
    this.refusal = null;
    this.loadError = null;
    this.moreError = null;
    this.closed = false;
    // Who the viewer is may change with the connection (the page signed them in or out).
    this.viewer = null;
    this.#everConnected = false;
    if (!config) {
      this.connection = 'refused';
      this.refusal = { code: 'UNKNOWN_SITE', message: 'No site id: add data-site="…" to the embed script tag.' };
      this.#host.requestUpdate();
      return;
    }
    this.thread = createThreadState(config.page, storedSort(this.#options.storage));
    this.connection = 'connecting';
    this.#schedule = createReconnectSchedule(this.#options.random);
    this.#outage();
    const socket: ReaderSocket = io(config.server, {
      transports: ['websocket'],
      // Ours, not Socket.IO's: it cannot tell a permanent refusal from a passing one, stop
      // for good, or be woken early (see reconnect-schedule.ts).
      reconnection: false,
      // An attempt that hangs counts as failed, so the schedule goes on.
      timeout: 10_000,
      // A function, so every reconnect presents the token issued since the first handshake.
      auth: (cb) => {
        const token = this.#options.storage.get(storageKeys.token(config.site));
        cb({ site: config.site, ...(token ? { token } : {}), ...(config.sso ? { sso: config.sso } : {}) });
      },
    });
    this.#socket = socket;
    socket.on('connect', () => this.#onConnect());
    socket.on('disconnect', () => {
      // Answers to requests sent on the old connection will never come: stop waiting for them.
      this.#generation++;
      this.#resyncInFlight = false;
      this.loadingMore = false;
      this.connection = 'reconnecting';
      this.#outage();
      this.#retryLater();
      this.#host.requestUpdate();
    });
    socket.on('connect_error', (err) => this.#onConnectError(err));
    // Listeners take `unknown`: nothing from the wire is trusted before its guard has passed.
    socket.on('comment:created', (event: unknown) => this.#onEvents(broadcastGuards['comment:created'](event) ? [event] : null));
    // Events that became public together arrive as one frame, in seq order.
    socket.on('comment:deleted', (event: unknown) => this.#onEvents(broadcastGuards['comment:deleted'](event) ? [event] : null));
    socket.on('comment:updated', (event: unknown) => this.#onEvents(broadcastGuards['comment:updated'](event) ? [event] : null));
    socket.on('comment:liked', (event: unknown) => this.#onEvents(broadcastGuards['comment:liked'](event) ? [event] : null));
    socket.on('thread:events', (batch: unknown) => this.#onEvents(broadcastGuards['thread:events'](batch) ? batch.events : null));
    // Not a thread event (no seq): a malformed one is dropped, and the comment:created or the
    // next join tells the same story for a published comment; only a rejection's notice is lost.
    socket.on('comment:status', (change: unknown) => {
      if (broadcastGuards['comment:status'](change)) this.#onStatus(change);
    });
    this.#host.requestUpdate();
  }

  #close(): void {
    this.#generation++;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
    this.#resyncInFlight = false;
  }

  #later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, ms);
    this.#timers.add(t);
  }

  #onConnectError(err: Error): void {
    const sent = 'data' in err ? err.data : undefined;
    if (isConnectErrorData(sent) && isPermanentRefusal(sent.code)) {
      this.connection = 'refused';
      this.refusal = sent;
    } else {
      // The server is down, unreachable, starting, or named a limit: try again later, not
      // sooner than the wait it named.
      if (this.connection !== 'unreachable') this.connection = this.#everConnected ? 'reconnecting' : 'connecting';
      this.#retryLater(isConnectErrorData(sent) ? sent.retryAfterMs : undefined);
    }
    this.#host.requestUpdate();
  }

  /** An outage began (or goes on): the reader is told once it has lasted a while. */
  #outage(): void {
    this.#schedule.lost();
    this.#later(() => {
      if (this.#schedule.untilUnreachable() > 0 || this.connection === 'connected' || this.connection === 'refused') return;
      this.connection = 'unreachable';
      this.#host.requestUpdate();
    }, this.#schedule.untilUnreachable());
  }

  #retryLater(atLeastMs?: number): void {
    clearTimeout(this.#retry);
    const wait = this.#schedule.failed(atLeastMs);
    // A wake during the failed attempt asked for a try now, unless the server named a wait.
    const now = this.#wokenMidAttempt && atLeastMs === undefined;
    this.#wokenMidAttempt = false;
    this.#retry = setTimeout(() => this.#attempt(), now ? 0 : wait);
  }

  #attempt(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#socket?.connect();
  }

  /**
   * Tries at once if a retry is waiting; mid-attempt, remembers the wake for when that attempt
   * fails (never while connected or refused).
   */
  #wake(): void {
    if (this.#retry !== undefined) this.#attempt();
    else if (this.connection !== 'connected' && this.connection !== 'refused') this.#wokenMidAttempt = true;
  }

  #onConnect(): void {
    const first = !this.#everConnected;
    this.#everConnected = true;
    this.connection = 'connected';
    this.#wokenMidAttempt = false;
    this.connections++;
    this.#schedule.connected();
    // What failed on the lost connection is no longer news; a rejoin or resync sets it again if need be.
    this.loadError = null;
    this.moreError = null;
    this.#flush();
    this.#host.requestUpdate();
    if (first || !this.thread || this.thread.phase === 'joining') void this.#join();
    else void this.#resync();
  }

  /**
   * Applies live events; `null` is a frame that failed its guard. What it carried is unknown,
   * so it is treated as a gap: a resync fetches whatever was missed, checked again on the way.
   */
  #onEvents(events: readonly ThreadEvent[] | null): void {
    if (!this.thread) return;
    if (events === null) {
      if (this.thread.phase === 'ready') void this.#resync();
      return;
    }
    const before = this.thread;
    for (const event of events) this.thread = receiveEvent(this.thread, event);
    this.#arrived(before);
    this.#repair();
    this.#host.requestUpdate();
  }

  #arrived(before: ThreadState): void {
    if (!this.thread) return;
    const arrived = arrivedSince(before, this.thread, this.authorId);
    if (arrived.length > 0) this.arrivals = arrived;
  }

  #onStatus(change: CommentStatusChange): void {
    if (!this.thread) return;
    const { thread, rejected } = applyOwnDecision(this.thread, change);
    if (thread === this.thread) return;
    this.thread = thread;
    // Why it was held is past: published, it is an ordinary comment; rejected, it is gone.
    this.reasons.delete(change.id);
    if (rejected) this.declined = [...this.declined, rejected];
    this.#host.requestUpdate();
  }

  /** The reader has read the notice about a rejected comment of theirs. */
  dismissDeclined(id: string): void {
    this.declined = this.declined.filter((c) => c.id !== id);
    this.#host.requestUpdate();
  }

  /**
   * Reports a comment to the moderators. Not queued while disconnected (unlike a post, nothing
   * the reader wrote is at stake): the answer is at once a LostRequest they can retry, and a
   * retry is harmless, since a reader's second report of a comment answers `first: false`.
   */
  report(input: Omit<RequestOf<'comment:report'>, 'page'>): Promise<RequestOutcome<AckOf<'comment:report'>>> {
    const page = this.thread?.page;
    if (!page || !this.#socket?.connected) {
      return Promise.resolve({ ok: false, lost: true, error: { code: 'UNAVAILABLE', message: 'Not connected.' } });
    }
    return this.#request('comment:report', { ...input, page });
  }

  /** After any change: a gap asks for a resync, an overflow or reset for a fresh join. */
  #repair(): void {
    if (!this.thread || !this.#socket?.connected) return;
    if (needsRejoin(this.thread)) {
      this.thread = beginRejoin(this.thread);
      void this.#join();
    } else if (needsResync(this.thread)) {
      void this.#resync();
    }
  }

  async #join(): Promise<void> {
    const config = this.#config;
    if (!config) return;
    const generation = ++this.#generation;
    this.#resyncInFlight = false;
    const outcome = await this.#request('thread:join', { page: config.page, sort: this.thread?.sort ?? 'newest' });
    if (generation !== this.#generation || !this.thread) return;
    if (outcome.ok) {
      const snapshot = outcome.data;
      this.loadError = null;
      this.authorId = snapshot.viewer.authorId;
      this.viewer = snapshot.viewer;
      this.closed = snapshot.closed;
      this.editWindowMinutes = snapshot.editWindowMinutes;
      // After a reload the snapshot says again why the viewer's comments wait.
      for (const { comment, reasons } of snapshot.mine) if (reasons.length > 0) this.reasons.set(comment.id, reasons);
      this.#options.storage.set(storageKeys.token(config.site), snapshot.viewer.token);
      this.loadingReplies.clear();
      this.thread = applySnapshot(this.thread, snapshot);
      this.#repair();
    } else {
      this.loadError = outcome.error;
      if (outcome.error.code === 'THREAD_CLOSED') this.closed = true;
      // A lost or passing failure is retried (a rate limit after the wait it named); a bad
      // page id will not fix itself.
      const limitedFor = 'lost' in outcome || outcome.error.code !== 'RATE_LIMITED' ? null : (outcome.error.retryAfterMs ?? RETRY_DELAY_MS);
      if (limitedFor !== null || 'lost' in outcome || outcome.error.code === 'UNAVAILABLE' || outcome.error.code === 'INTERNAL') {
        this.#later(() => {
          if (generation === this.#generation && this.#socket?.connected) void this.#join();
        }, limitedFor ?? RETRY_DELAY_MS);
      }
    }
    this.#host.requestUpdate();
  }

  async #resync(): Promise<void> {
    const thread = this.thread;
    if (!thread || this.#resyncInFlight) return;
    this.#resyncInFlight = true;
    const generation = this.#generation;
    const outcome = await this.#request('thread:resync', { page: thread.page, afterSeq: thread.seq });
    if (generation !== this.#generation || !this.thread) return;
    this.#resyncInFlight = false;
    if (outcome.ok) {
      const before = this.thread;
      this.thread = applyResync(this.thread, outcome.data);
      this.#arrived(before);
      this.#repair();
    } else if (this.#socket?.connected) {
      // Until a resync succeeds after a reconnect we are not back in the thread's room.
      this.#later(() => {
        if (generation === this.#generation) void this.#resync();
      }, RETRY_DELAY_MS);
    }
    this.#host.requestUpdate();
  }

  /** Fetches the next older page, if any. */
  async loadMore(): Promise<void> {
    const thread = this.thread;
    if (!thread?.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = null;
    this.#host.requestUpdate();
    const generation = this.#generation;
    const outcome = await this.#request('thread:more', { page: thread.page, cursor: thread.nextCursor, sort: thread.sort });
    if (generation !== this.#generation || !this.thread) return;
    this.loadingMore = false;
    if (outcome.ok) this.thread = appendOlder(this.thread, outcome.data);
    else this.moreError = outcome.error;
    this.#host.requestUpdate();
  }

  /** Shows the thread in another order: remembered on the device, and a fresh join (the live events go on meanwhile). */
  setSort(sort: ThreadSort): void {
    this.#options.storage.set(storageKeys.sort, sort);
    if (!this.thread || this.thread.sort === sort) return;
    this.thread = { ...beginRejoin(this.thread), sort };
    this.moreError = null;
    this.#host.requestUpdate();
    if (this.#socket?.connected) void this.#join();
  }

  /** Fetches the next replies of a top-level comment beyond those its page carried. */
  async loadReplies(rootId: string): Promise<void> {
    const thread = this.thread;
    if (!thread || this.loadingReplies.has(rootId)) return;
    const cursor = thread.replyCursors.get(rootId);
    if (cursor === null) return;
    this.loadingReplies.add(rootId);
    this.#host.requestUpdate();
    const generation = this.#generation;
    const request =
      cursor === undefined ? { page: thread.page, rootId, skip: thread.carried.get(rootId) ?? 0 } : { page: thread.page, rootId, cursor };
    const outcome = await this.#request('thread:replies', request);
    if (generation !== this.#generation || !this.thread) return;
    this.loadingReplies.delete(rootId);
    if (outcome.ok) this.thread = appendReplies(this.thread, outcome.data);
    else this.moreError = outcome.error;
    this.#host.requestUpdate();
  }

  /** Likes a comment or takes the like back; the answer's count is shown at once (the broadcast then changes nothing). */
  async react(id: string, like: boolean): Promise<RequestOutcome<AckOf<'comment:react'>>> {
    const outcome = await this.#connected('comment:react', { id, like });
    if (outcome.ok && this.thread) {
      this.thread = setLikes(this.thread, id, outcome.data.likes, outcome.data.liked);
      this.#host.requestUpdate();
    }
    return outcome;
  }

  /**
   * Edits one of the viewer's comments. The answer is the comment as it now is: published
   * (its comment:updated follows), or held again, with why (its comment:deleted takes the
   * public version away; the viewer keeps seeing theirs, awaiting review).
   */
  async edit(id: string, text: string): Promise<RequestOutcome<AckOf<'comment:edit'>>> {
    const outcome = await this.#connected('comment:edit', { id, text });
    if (outcome.ok && this.thread) {
      const { comment, reasons } = outcome.data;
      if (reasons.length > 0) this.reasons.set(comment.id, reasons);
      else this.reasons.delete(comment.id);
      if (comment.status === 'rejected') {
        // Gone from the thread: the reader is told as when a moderator declines a held comment.
        this.thread = dropOwn(this.thread, id);
        this.declined = [...this.declined, comment];
      } else this.thread = addOwnComment(this.thread, comment);
      this.#host.requestUpdate();
    }
    return outcome;
  }

  /** Deletes one of the viewer's comments: gone from this view at once (a tombstone while replies hang under it). */
  async remove(id: string): Promise<RequestOutcome<AckOf<'comment:delete'>>> {
    const outcome = await this.#connected('comment:delete', { id });
    if (outcome.ok && this.thread) {
      this.thread = dropOwn(this.thread, id);
      this.reasons.delete(id);
      this.#host.requestUpdate();
    }
    return outcome;
  }

  /** A request about this thread that is not queued while disconnected: the reader sees at once that it did not go. */
  #connected<E extends 'comment:react' | 'comment:edit' | 'comment:delete'>(
    event: E,
    input: Omit<RequestOf<E>, 'page'>,
  ): Promise<RequestOutcome<AckOf<E>>> {
    const page = this.thread?.page;
    if (!page || !this.#socket?.connected) {
      return Promise.resolve({ ok: false, lost: true, error: { code: 'UNAVAILABLE', message: 'Not connected.' } });
    }
    return this.#request(event, { ...input, page });
  }

  /**
   * Posts a comment. It waits in the outbox while there is no connection and goes out once
   * there is; a lost answer is retried with the same idempotency key (the server returns the
   * first result rather than storing a second comment). After a few answers that did not come
   * although connected the loss is reported, and the caller keeps the key for the reader's retry.
   */
  post(input: Omit<RequestOf<'comment:create'>, 'page'>): Promise<RequestOutcome<AckOf<'comment:create'>>> {
    const config = this.#config;
    if (!config) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_SITE', message: 'No site.' } });
    const request = { ...input, page: config.page };
    return new Promise((resolve) => {
      this.#waiting.set(request.key, resolve);
      this.#outbox = enqueue(this.#outbox, request);
      this.#flush();
      this.#host.requestUpdate();
    });
  }

  /** Sends every waiting post, if connected. */
  #flush(): void {
    if (!this.#socket?.connected) return;
    const { due, outbox } = takeDue(this.#outbox);
    this.#outbox = outbox;
    for (const request of due) void this.#send(request);
  }

  async #send(request: PostRequest): Promise<void> {
    const outcome = await this.#request('comment:create', request);
    const { key } = request;
    if ('lost' in outcome) {
      if (!this.#socket?.connected) {
        // Dropped on the way: it goes out again, with its key, on the next connection.
        this.#outbox = dropped(this.#outbox, key);
        this.#host.requestUpdate();
        return;
      }
      const next = timedOut(this.#outbox, key, POST_ATTEMPTS);
      this.#outbox = next.outbox;
      if (!next.gaveUp) return this.#flush();
    } else {
      this.#outbox = settle(this.#outbox, key);
      if (!outcome.ok && outcome.error.code === 'THREAD_CLOSED') this.closed = true;
    }
    if (outcome.ok && this.thread) {
      const { comment, reasons } = outcome.data;
      if (reasons.length > 0) this.reasons.set(comment.id, reasons);
      // A rejected comment is an answer, not an error, but it has no place in the thread.
      if (comment.status !== 'rejected') this.thread = addOwnComment(this.thread, comment);
    }
    this.#waiting.get(key)?.(outcome);
    this.#waiting.delete(key);
    this.#host.requestUpdate();
  }

  /**
   * One request with an ack, keyed by event name so the answer's type follows from it; a
   * timeout or an answer that fails its guard becomes a LostRequest.
   */
  #request<E extends ClientEventName>(event: E, payload: RequestOf<E>): Promise<RequestOutcome<AckOf<E>>> {
    const socket = this.#socket;
    const lost = (message: string): LostRequest => ({ ok: false, lost: true, error: { code: 'UNAVAILABLE', message } });
    if (!socket) return Promise.resolve(lost('Not connected.'));
    return new Promise((resolve) => {
      emitters[event](socket, this.ackTimeoutMs, payload, (err, result) => {
        if (err) resolve(lost('No answer from the server.'));
        else if (!ackGuards[event](result)) resolve(lost('The server answered with something unexpected.'));
        else resolve(result);
      });
    });
  }
}
