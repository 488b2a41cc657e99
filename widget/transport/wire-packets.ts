/**
 * The text frames of Socket.IO v4 over one WebSocket: an Engine.IO protocol 4 packet per frame,
 * and inside its `message` packets a Socket.IO protocol 5 packet. Pure: frames in, values out,
 * so every case is tested without a socket (wire-packets.test.ts) and the client
 * (socket-client.ts) only moves them.
 *
 * Only what the widget needs is understood: JSON, the main namespace `/`. Binary (a binary
 * WebSocket frame, a BINARY_EVENT or BINARY_ACK) and other namespaces decode as `ignored`: our
 * server sends neither to a reader, and dropping them costs less than understanding them.
 * Anything else unreadable is `null`, a protocol error the client answers by closing, as
 * socket.io-client does with its "parse error".
 *
 * Layout (https://socket.io/docs/v4/engine-io-protocol/, /socket-io-protocol/): Engine.IO
 * `0` open + JSON handshake, `1` close, `2` ping, `3` pong, `4` message + data, `5` upgrade,
 * `6` noop. Socket.IO, after the `4`: a type digit (`0` CONNECT, `1` DISCONNECT, `2` EVENT,
 * `3` ACK, `4` CONNECT_ERROR, `5` BINARY_EVENT, `6` BINARY_ACK), for a binary type the
 * attachment count and `-`, a namespace and `,` unless it is `/`, an ack id's digits, then JSON.
 */

/** What an Engine.IO frame means to the client. */
export type EnginePacket =
  | { type: 'open'; pingInterval: number; pingTimeout: number }
  | { type: 'ping' }
  | { type: 'close' }
  | { type: 'message'; packet: SocketPacket }
  | { type: 'ignored' };

/** What a Socket.IO packet from the server means to the client. */
export type SocketPacket =
  | { type: 'connect' }
  | { type: 'connect_error'; message: string; data: unknown }
  | { type: 'event'; args: [string, ...unknown[]] }
  | { type: 'ack'; id: number; args: unknown[] }
  | { type: 'disconnect' }
  | { type: 'ignored' };

// The client's frames, whole: Engine.IO's type first, for a message the Socket.IO packet after it.

/** The client's answer to a ping (in protocol 4 the server pings, the client answers). */
export const PONG = '3';

/** A DISCONNECT from the main namespace: a client that goes says so before it closes. */
export const DISCONNECT = '41';

/** The CONNECT packet to the main namespace, with the handshake's `auth` (socket.handshake.auth on the server). */
export function encodeConnect(auth: object | undefined): string {
  return auth === undefined ? '40' : `40${JSON.stringify(auth)}`;
}

/** An EVENT asking for an ack: `["name", ...args]`, with the ack id the answer will carry. */
export function encodeEvent(id: number, args: readonly [string, ...unknown[]]): string {
  return `42${id}${JSON.stringify(args)}`;
}

/** Decodes one WebSocket frame; `null` is a frame no Socket.IO v4 server sends. */
export function decodeFrame(frame: unknown): EnginePacket | null {
  if (typeof frame !== 'string') return { type: 'ignored' };
  switch (frame.charAt(0)) {
    case '0': {
      const handshake = parse(frame.slice(1));
      if (!isObject(handshake)) return null;
      const { pingInterval, pingTimeout } = handshake;
      return typeof pingInterval === 'number' && typeof pingTimeout === 'number' ? { type: 'open', pingInterval, pingTimeout } : null;
    }
    case '1':
      return { type: 'close' };
    case '2':
      return { type: 'ping' };
    case '4': {
      const packet = decodePacket(frame.slice(1));
      return packet && { type: 'message', packet };
    }
    case '3':
    case '5':
    case '6':
      return { type: 'ignored' };
    default:
      return null;
  }
}

/** Decodes the Socket.IO packet a `message` carries. */
export function decodePacket(text: string): SocketPacket | null {
  const type = text.charAt(0);
  // A binary packet's attachments follow in binary frames, which are ignored too.
  if (type === '5' || type === '6' || text.charAt(1) === '/') return { type: 'ignored' };
  const digits = /^\d*/.exec(text.slice(1))?.[0] ?? '';
  const rest = text.slice(1 + digits.length);
  const payload = rest === '' ? undefined : parse(rest);
  if (payload === INVALID) return null;
  const id = digits === '' ? null : Number(digits);
  switch (type) {
    case '0':
      // The server's CONNECT carries the socket id; a v2 server's carries none.
      return isObject(payload) && typeof payload['sid'] === 'string' ? { type: 'connect' } : null;
    case '1':
      return { type: 'disconnect' };
    case '2':
      // An event the server wants acked is still delivered; the widget asks for no such answer, so none is sent.
      return Array.isArray(payload) && typeof payload[0] === 'string' ? { type: 'event', args: payload as [string, ...unknown[]] } : null;
    case '3':
      return Array.isArray(payload) && id !== null ? { type: 'ack', id, args: payload } : null;
    case '4':
      // socket.io 4 sends { message, data }; its parser also accepts a bare message.
      if (typeof payload === 'string') return { type: 'connect_error', message: payload, data: undefined };
      return isObject(payload) && typeof payload['message'] === 'string'
        ? { type: 'connect_error', message: payload['message'], data: payload['data'] }
        : null;
    default:
      return null;
  }
}

const INVALID = Symbol('invalid JSON');

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
