/**
 * For tests that run the widget's transport in Node: Node 20 has no global WebSocket (not
 * without --experimental-websocket), so the `ws` package, which socket.io's server depends on
 * already, stands in for the browser's. Importing this module also installs it as the global
 * where there is none, for code that takes the browser's (thread-controller.ts). Tests only:
 * embed.js never imports it and uses the browser's WebSocket.
 */
import { WebSocket } from 'ws';
import type { WebSocketLike } from './socket-client.ts';

export const NodeWebSocket = WebSocket as unknown as WebSocketLike;

if (typeof globalThis.WebSocket === 'undefined') Object.assign(globalThis, { WebSocket: NodeWebSocket });
