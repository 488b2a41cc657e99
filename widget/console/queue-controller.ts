/**
 * The reactive controller behind the queues page: it loads pages of the open queue, follows
 * the live broadcasts (added, resolved, counts) into the pure queue state (queue-state.ts),
 * and makes the decisions, each naming the revision shown. What happened last is kept as an
 * `Outcome` value for the page to word in the moderator's language.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WireError } from '../../protocol/errors.ts';
import type { AuthorSummary, BanDuration, ModerationQueue, QueueCounts, QueueItem } from '../../protocol/moderation.ts';
import type { ModerationConnection } from './moderation-client.ts';
import {
  appendPage,
  applyAdded,
  applyFirstPage,
  applyResolved,
  createQueueState,
  failFirstPage,
  listRequest,
  refOf,
  removeItem,
  selectedRefs,
  updateAuthor,
  type QueueFilters,
  type QueueOrder,
  type QueueState,
} from './queue-state.ts';

/** What the last action came to, for the status line. */
export type QueueOutcome =
  | { kind: 'approved' | 'rejected' | 'unbanned' | 'trusted' | 'untrusted' }
  | { kind: 'banned'; rejected: number }
  | { kind: 'bulk'; done: number; notDone: number }
  | { kind: 'error'; error: WireError };

const NO_COUNTS: QueueCounts = { pending: 0, reported: 0, rejected: 0, approved: 0 };

export class QueueController implements ReactiveController {
  state: QueueState = createQueueState('pending');
  counts: QueueCounts = NO_COUNTS;
  loadingMore = false;
  busy = false;
  outcome: QueueOutcome | null = null;
  /** Why the first page could not be loaded. */
  loadError: WireError | null = null;

  readonly #host: ReactiveControllerHost;
  #connection: ModerationConnection | null = null;
  #unsubscribe: (() => void)[] = [];
  /** Bumped by every first-page load: an answer to an older one (another queue, other filters) is dropped. */
  #generation = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.attach(null);
  }

  /** Follows this connection (null: none); loads the first page whenever it (re)connects. */
  attach(connection: ModerationConnection | null): void {
    if (connection === this.#connection) return;
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.#connection = connection;
    this.state = createQueueState(this.state.queue, this.state.order, this.state.filters);
    this.counts = NO_COUNTS;
    if (!connection) return;
    this.#unsubscribe = [
      connection.on('queue:added', (event) => this.#update(applyAdded(this.state, event))),
      connection.on('queue:resolved', (event) => this.#update(applyResolved(this.state, event))),
      connection.on('queue:counts', (counts) => {
        this.counts = counts;
        this.#host.requestUpdate();
      }),
      // Broadcasts missed while disconnected are not replayed: the first page is asked again.
      connection.onStatus((status) => {
        if (status.state === 'connected') void this.reload();
      }),
    ];
    if (connection.status.state === 'connected') void this.reload();
  }

  async reload(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const generation = ++this.#generation;
    const request = listRequest(this.state, null);
    const result = await connection.request('queue:list', request);
    if (generation !== this.#generation) return;
    if (result.ok) {
      this.counts = result.data.counts;
      this.loadError = null;
      this.#update(applyFirstPage(this.state, result.data));
    } else {
      this.loadError = result.error;
      this.#update(failFirstPage(this.state));
    }
  }

  show(queue: ModerationQueue): void {
    if (queue === this.state.queue) return;
    this.#restart(createQueueState(queue, this.state.order, this.state.filters));
  }

  setOrder(order: QueueOrder): void {
    if (order !== this.state.order) this.#restart(createQueueState(this.state.queue, order, this.state.filters));
  }

  setFilters(filters: QueueFilters): void {
    this.#restart(createQueueState(this.state.queue, this.state.order, filters));
  }

  async loadMore(): Promise<void> {
    const connection = this.#connection;
    const cursor = this.state.nextCursor;
    if (!connection || cursor === null || this.loadingMore) return;
    const generation = this.#generation;
    this.loadingMore = true;
    this.#host.requestUpdate();
    const result = await connection.request('queue:list', listRequest(this.state, cursor));
    this.loadingMore = false;
    if (generation !== this.#generation) return;
    if (result.ok) {
      this.counts = result.data.counts;
      this.#update(appendPage(this.state, result.data));
    } else this.#say({ kind: 'error', error: result.error });
  }

  /** One decision on one item, naming the revision shown. An ALREADY_DECIDED or NOT_FOUND item goes too: it is not this queue's any more. */
  async decide(item: QueueItem, action: 'approve' | 'reject', reason: string | null = null): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const result = await connection.request('queue:decide', { ...refOf(item), action, reason });
    if (result.ok || result.error.code === 'ALREADY_DECIDED' || result.error.code === 'NOT_FOUND') {
      this.state = removeItem(this.state, item.comment.id);
    }
    this.#say(result.ok ? { kind: action === 'approve' ? 'approved' : 'rejected' } : { kind: 'error', error: result.error });
  }

  /** The selected items together; each that could not be decided leaves the list as well. */
  async decideSelected(action: 'approve' | 'reject', reason: string | null = null): Promise<void> {
    const connection = this.#connection;
    const items = selectedRefs(this.state);
    if (!connection || items.length === 0 || this.busy) return;
    this.busy = true;
    this.#host.requestUpdate();
    const result = await connection.request('queue:decide-many', { items, action, reason });
    this.busy = false;
    if (!result.ok) return this.#say({ kind: 'error', error: result.error });
    let state = this.state;
    for (const outcome of result.data.results) {
      if (outcome.ok || outcome.code === 'ALREADY_DECIDED' || outcome.code === 'NOT_FOUND') state = removeItem(state, outcome.id);
    }
    this.state = state;
    const done = result.data.results.filter((r) => r.ok).length;
    this.#say({ kind: 'bulk', done, notDone: result.data.results.length - done });
  }

  async ban(authorId: string, duration: BanDuration, rejectPending: boolean, reason: string | null): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const result = await connection.request('author:ban', { authorId, duration, rejectPending, reason });
    if (!result.ok) return this.#say({ kind: 'error', error: result.error });
    this.state = updateAuthor(this.state, result.data.author);
    this.#say({ kind: 'banned', rejected: result.data.rejected });
  }

  async unban(authorId: string): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.#author(await connection.request('author:unban', { authorId }), 'unbanned');
  }

  async setTrusted(authorId: string, trusted: boolean): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.#author(await connection.request('author:trust', { authorId, trusted }), trusted ? 'trusted' : 'untrusted');
  }

  /** The page moves focus and selection itself (pure functions on `state`), then hands the new state here. */
  setState(state: QueueState): void {
    this.#update(state);
  }

  #author(result: { ok: true; data: AuthorSummary } | { ok: false; error: WireError }, kind: 'unbanned' | 'trusted' | 'untrusted'): void {
    if (!result.ok) return this.#say({ kind: 'error', error: result.error });
    this.state = updateAuthor(this.state, result.data);
    this.#say({ kind });
  }

  #restart(state: QueueState): void {
    this.state = state;
    this.outcome = null;
    this.#host.requestUpdate();
    void this.reload();
  }

  #say(outcome: QueueOutcome): void {
    this.outcome = outcome;
    this.#host.requestUpdate();
  }

  #update(state: QueueState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
