/**
 * A Socket.IO v4 client for embed.js, in place of socket.io-client: one WebSocket to the main
 * namespace, the handshake's `auth`, events in, emits with an ack and a timeout out. Hand-written
 * although we prefer libraries, because socket.io-client, engine.io-client and their parser
 * were 11 KB gzip of a 30 KB budget (decision 0203). The API is the subset of socket.io-client's
 * that thread-controller.ts uses, with the same names and meanings, so going back is one import.
 *
 * Left out on purpose: HTTP long-polling and upgrades, binary (ignored, wire-packets.ts), other
 * namespaces, connection state recovery, emits without an ack, acks to the server, and
 * reconnection: the widget runs its own (reconnect-schedule.ts) and calls `connect()` again.
 *
 * Behaviour kept from socket.io-client, which the controller relies on:
 * - `io()` starts connecting at once; `connect()` on a socket that is connected or connecting
 *   does nothing; `auth` is asked on every attempt, once the server has opened the session.
 * - An attempt that fails (the WebSocket cannot open, the server refuses with CONNECT_ERROR, no
 *   answer within `timeout`) emits `connect_error`; a refusal's error carries the server's
 *   `data`. A connection that ends (the server closes it or sends DISCONNECT, pings stop coming,
 *   an unreadable frame, the browser going offline) emits `disconnect` with socket.io-client's
 *   reason.
 * - An emit while not connected waits and goes out on the next connection, before `connect` is
 *   emitted; its timeout runs all the while. When a connection ends, every emit sent on it and
 *   not answered gets its ack called with an error at once rather than at its timeout.
 * - The server pings (Engine.IO 4): each ping is answered, and a ping missing for longer than the
 *   server's `pingInterval` + `pingTimeout` ends the connection ("ping timeout"), also found on
 *   the next emit should a sleeping tab have held the timer back.
 *
 * Unlike socket.io-client, `timeout` covers the whole attempt up to the server's CONNECT, not
 * only the WebSocket's opening, so a server that opens and never answers fails the attempt too;
 * and an attempt that had not connected yet always ends in `connect_error`, never `disconnect`.
 *
 * socket-client.test.ts runs all of this against a real socket.io server, so an upgrade that
 * changes the protocol fails a test rather than the widget.
 */
import { decodeFrame, DISCONNECT, encodeConnect, encodeEvent, PONG, type SocketPacket } from './wire-packets.ts';

/** Event listeners by name: every value is a function (the `ServerToClientEvents` shape). */
export type EventsMap<T> = { [K in keyof T]: (...args: never[]) => void };

/** The error a failed attempt emits; `data` is what the server's middleware attached to its refusal. */
export type ConnectError = Error & { data?: unknown };

/** Events the client emits itself, never taken from the wire. */
export interface ReservedEvents {
  connect: () => void;
  disconnect: (reason: string) => void;
  connect_error: (err: ConnectError) => void;
}

/** A request event's arguments as `timeout().emit` takes them: the ack gets an error (or null) first. */
export type TimedArgs<F> = F extends (...args: [...infer A, (...answer: infer R) => void]) => void
  ? [...A, (err: Error | null, ...answer: { [I in keyof R]: R[I] | undefined }) => void]
  : never;

/** What the WebSocket constructor has to be: the browser's; tests pass the `ws` package's. */
export type WebSocketLike = new (url: string) => WebSocket;

export interface SocketOptions {
  /** The only transport there is; accepted so a socket.io-client call reads the same. */
  transports?: readonly ['websocket'];
  /** There is none to turn on: the caller reconnects by calling `connect()`. */
  reconnection?: false;
  /** Milliseconds an attempt may take up to the server's CONNECT (socket.io-client's default, 20 s). */
  timeout?: number;
  /** Called on every attempt; what it passes on is the handshake's `auth`. */
  auth?: (send: (data: object) => void) => void;
  WebSocket?: WebSocketLike;
  now?: () => number;
  /**
   * Where the browser says it went offline: the window by default. A WebSocket may take a long
   * while to notice a network that is gone, so the connection ends at once, as
   * engine.io-client's does (and, like it, not for a server on `localhost`, which stays reachable).
   */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

type Listener = (...args: never[]) => void;
type Timer = ReturnType<typeof setTimeout>;

interface Pending {
  frame: string;
  ack: (err: Error | null, ...answer: unknown[]) => void;
  timer: Timer;
  /** On the current connection; false while it waits for one. */
  sent: boolean;
}

/** Opens a socket to the main namespace of the Socket.IO server at `server` (its origin). */
export function io<L extends EventsMap<L>, E extends EventsMap<E>>(server: string, options: SocketOptions = {}): Socket<L, E> {
  return new Socket<L, E>(server, options).connect();
}

/** The WebSocket address of a Socket.IO server: its origin, the default path, Engine.IO 4. */
export function socketUrl(server: string): string {
  const url = new URL('/socket.io/?EIO=4&transport=websocket', server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export class Socket<L extends EventsMap<L>, E extends EventsMap<E>> {
  connected = false;

  readonly #url: string;
  readonly #options: SocketOptions;
  readonly #now: () => number;
  readonly #network: SocketOptions['network'];
  #ws: WebSocket | null = null;
  readonly #listeners = new Map<string, Listener[]>();
  /** Emits waiting for their ack (or for a connection), oldest first, by ack id. */
  readonly #pending = new Map<number, Pending>();
  #ids = 0;
  #connectTimer: Timer | undefined;
  #pingTimer: Timer | undefined;
  #pingWindow = 0;
  /** When the connection counts as dead unless a ping comes first. */
  #deadline = Infinity;

  constructor(server: string, options: SocketOptions) {
    this.#url = socketUrl(server);
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const local = new URL(server).hostname === 'localhost';
    this.#network = local ? undefined : (options.network ?? (typeof addEventListener === 'function' ? globalThis : undefined));
  }

  connect(): this {
    if (this.#ws) return this;
    const ws = new (this.#options.WebSocket ?? WebSocket)(this.#url);
    this.#ws = ws;
    ws.onmessage = (message: MessageEvent<unknown>) => {
      if (ws === this.#ws) this.#onFrame(ws, message.data);
    };
    // An error is always followed by a close, which says all there is to say; the handler is
    // there because Node's `ws` (the tests' WebSocket) throws an error nobody listens to.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (ws === this.#ws) this.#end(this.connected ? 'transport close' : 'websocket error');
    };
    this.#connectTimer = setTimeout(() => this.#end('timeout'), this.#options.timeout ?? 20_000);
    this.#network?.addEventListener('offline', this.#offline);
    return this;
  }

  readonly #offline = () => this.#end('transport close');

  disconnect(): this {
    if (this.connected) this.#ws?.send(DISCONNECT);
    this.#end('io client disconnect', undefined, true);
    return this;
  }

  on<Ev extends keyof ReservedEvents>(event: Ev, listener: ReservedEvents[Ev]): this;
  on<Ev extends keyof L & string>(event: Ev, listener: L[Ev]): this;
  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  removeAllListeners(): this {
    this.#listeners.clear();
    return this;
  }

  /** Emits whose ack is called with an error unless the server answers within `ms`. */
  timeout(ms: number): { emit<Ev extends keyof E & string>(event: Ev, ...args: TimedArgs<E[Ev]>): void } {
    return {
      emit: (event, ...args) => {
        const ack = args.pop() as Pending['ack'];
        const id = this.#ids++;
        const pending: Pending = {
          frame: encodeEvent(id, [event, ...args]),
          ack,
          sent: false,
          timer: setTimeout(() => {
            this.#pending.delete(id);
            ack(new Error('operation has timed out'));
          }, ms),
        };
        this.#pending.set(id, pending);
        if (this.connected && this.#now() > this.#deadline) this.#end('ping timeout');
        if (this.connected) this.#send(pending);
      },
    };
  }

  #emit(event: string, args: readonly unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (...a: readonly unknown[]) => void)(...args);
  }

  #send(pending: Pending): void {
    pending.sent = true;
    this.#ws?.send(pending.frame);
  }

  #onFrame(ws: WebSocket, frame: unknown): void {
    const packet = decodeFrame(frame);
    if (packet === null) return this.#end('parse error');
    switch (packet.type) {
      case 'open':
        this.#pingWindow = packet.pingInterval + packet.pingTimeout;
        this.#onPing();
        // Asked now, so a token stored since the last attempt goes with this one.
        if (this.#options.auth) {
          this.#options.auth((data) => {
            if (ws === this.#ws) ws.send(encodeConnect(data));
          });
        } else ws.send(encodeConnect(undefined));
        return;
      case 'ping':
        ws.send(PONG);
        return this.#onPing();
      case 'close':
        return this.#end('transport close');
      case 'message':
        return this.#onPacket(packet.packet);
      case 'ignored':
        return;
    }
  }

  #onPing(): void {
    clearTimeout(this.#pingTimer);
    this.#deadline = this.#now() + this.#pingWindow;
    this.#pingTimer = setTimeout(() => this.#end('ping timeout'), this.#pingWindow);
  }

  #onPacket(packet: SocketPacket): void {
    switch (packet.type) {
      case 'connect':
        if (this.connected) return;
        clearTimeout(this.#connectTimer);
        this.connected = true;
        for (const pending of this.#pending.values()) this.#send(pending);
        return this.#emit('connect', []);
      case 'connect_error':
        return this.#end(packet.message, packet.data);
      case 'event':
        if (this.connected && !RESERVED.has(packet.args[0])) this.#emit(packet.args[0], packet.args.slice(1));
        return;
      case 'ack': {
        const pending = this.#pending.get(packet.id);
        if (!pending?.sent) return;
        this.#pending.delete(packet.id);
        clearTimeout(pending.timer);
        return pending.ack(null, ...packet.args);
      }
      case 'disconnect':
        return this.#end('io server disconnect');
      case 'ignored':
        return;
    }
  }

  /**
   * Ends the connection or the attempt: `disconnect` if it was connected (the acks it owed are
   * failed), else `connect_error` with the reason as message and the server's data, unless `quiet`.
   */
  #end(reason: string, data?: unknown, quiet = false): void {
    const ws = this.#ws;
    if (!ws) return;
    // Its handlers stay: they ignore a WebSocket that is no longer the current one.
    this.#ws = null;
    ws.close();
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#pingTimer);
    this.#network?.removeEventListener('offline', this.#offline);
    this.#deadline = Infinity;
    if (this.connected) {
      this.connected = false;
      for (const [id, pending] of this.#pending) {
        if (!pending.sent) continue;
        this.#pending.delete(id);
        clearTimeout(pending.timer);
        pending.ack(new Error('socket has been disconnected'));
      }
      this.#emit('disconnect', [reason]);
    } else if (!quiet) {
      this.#emit('connect_error', [Object.assign(new Error(reason), data === undefined ? {} : { data })]);
    }
  }
}

/** A server cannot make the client emit these: they say what happened to the connection. */
const RESERVED: ReadonlySet<string> = new Set<keyof ReservedEvents>(['connect', 'disconnect', 'connect_error']);
