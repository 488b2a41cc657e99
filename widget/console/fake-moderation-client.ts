/**
 * An in-memory ModerationClient for the console's unit tests: scripted answers per event,
 * a log of what was sent, and broadcasts and status changes pushed by the test. Not bundled
 * (nothing the console's entry imports reaches it).
 */
import type { Result } from '../../protocol/errors.ts';
import type {
  Empty,
  ModerationAckOf,
  ModerationBroadcastName,
  ModerationBroadcastOf,
  ModerationEventName,
  ModerationRequestOf,
  ModeratorSessionView,
} from '../../protocol/moderation.ts';
import type { ConnectionStatus, ModerationClient, ModerationConnection } from './moderation-client.ts';

/** An answer now, or later (a promise the test settles, to let answers cross). */
type Answerer<E extends ModerationEventName> = (payload: ModerationRequestOf<E>) => Result<ModerationAckOf<E>> | Promise<Result<ModerationAckOf<E>>>;

export interface SentRequest {
  event: ModerationEventName;
  payload: unknown;
}

export class FakeConnection implements ModerationConnection {
  readonly site: string;
  status: ConnectionStatus = { state: 'connecting' };
  readonly sent: SentRequest[] = [];
  closed = false;
  readonly #answers = new Map<ModerationEventName, (payload: never) => Result<unknown> | Promise<Result<unknown>>>();
  readonly #listeners = new Map<ModerationBroadcastName, Set<(payload: never) => void>>();
  readonly #statusHandlers = new Set<(status: ConnectionStatus) => void>();

  constructor(site: string) {
    this.site = site;
  }

  /** Scripts the answer to every later request of this event. */
  answer<E extends ModerationEventName>(event: E, answerer: Answerer<E>): this {
    this.#answers.set(event, answerer);
    return this;
  }

  request<E extends ModerationEventName>(event: E, payload: ModerationRequestOf<E>): Promise<Result<ModerationAckOf<E>>> {
    this.sent.push({ event, payload });
    const answerer = this.#answers.get(event) as Answerer<E> | undefined;
    if (!answerer) return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: `no answer scripted for ${event}` } });
    return Promise.resolve(answerer(payload));
  }

  on<E extends ModerationBroadcastName>(event: E, handler: (payload: ModerationBroadcastOf<E>) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(handler);
    this.#listeners.set(event, set);
    return () => void set.delete(handler);
  }

  onStatus(handler: (status: ConnectionStatus) => void): () => void {
    this.#statusHandlers.add(handler);
    return () => void this.#statusHandlers.delete(handler);
  }

  close(): void {
    this.closed = true;
  }

  /** What the server would broadcast to this console. */
  broadcast<E extends ModerationBroadcastName>(event: E, payload: ModerationBroadcastOf<E>): void {
    for (const handler of this.#listeners.get(event) ?? []) (handler as (p: ModerationBroadcastOf<E>) => void)(payload);
  }

  setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const handler of this.#statusHandlers) handler(status);
  }

  /** The requests of one event sent so far, their payloads in order. */
  sentOf<E extends ModerationEventName>(event: E): ModerationRequestOf<E>[] {
    return this.sent.filter((r) => r.event === event).map((r) => r.payload as ModerationRequestOf<E>);
  }
}

export class FakeModerationClient implements ModerationClient {
  session: Result<ModeratorSessionView> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Not signed in.' } };
  signInAnswer: (email: string, password: string) => Result<ModeratorSessionView> = () => ({
    ok: false,
    error: { code: 'SIGN_IN_FAILED', message: 'No.' },
  });
  signedOut = 0;
  readonly connections: FakeConnection[] = [];
  /** Set up each new connection (script its answers) before the console uses it. */
  prepare: (connection: FakeConnection) => void = () => {};

  getSession(): Promise<Result<ModeratorSessionView>> {
    return Promise.resolve(this.session);
  }

  signIn(email: string, password: string): Promise<Result<ModeratorSessionView>> {
    const answer = this.signInAnswer(email, password);
    if (answer.ok) this.session = answer;
    return Promise.resolve(answer);
  }

  signOut(): Promise<Result<Empty>> {
    this.signedOut += 1;
    this.session = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Signed out.' } };
    return Promise.resolve({ ok: true, data: {} });
  }

  connect(site: string): FakeConnection {
    const connection = new FakeConnection(site);
    this.prepare(connection);
    this.connections.push(connection);
    return connection;
  }

  get latest(): FakeConnection | undefined {
    return this.connections.at(-1);
  }
}
