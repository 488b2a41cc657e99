/**
 * A Vite plugin that leaves HTTP long-polling and WebTransport out of the moderation console's
 * bundle (vite.console.config.ts). embed.js no longer needs it: it has its own WebSocket-only
 * Socket.IO client and no socket.io-client at all (widget/transport, decision 0203).
 *
 * The console connects with `transports: ['websocket']` only (the server needs no sticky
 * sessions that way), yet engine.io-client's Socket imports one map of all three transports,
 * so the two it never runs were bundled anyway (about 1.4 KB gzip). The plugin serves that
 * map's module as one naming only the WebSocket transport. The XHR polling module was bundled
 * even so: engine.io-client's index re-exports it, and it probes `new XMLHttpRequest()` at
 * load, which the bundler must keep as a side effect; the plugin declares that module free of
 * side effects, so nothing used means nothing bundled (0.75 KB gzip less).
 *
 * Should engine.io-client move the file, nothing matches and the bundle is merely bigger again
 * (the build prints its size, and websocket-only.test.ts fails first); should the map's exports
 * change, the build fails on the missing import.
 */
import type { Plugin } from 'vite';

/** The module, as engine.io-client 6.x lays it out, that maps transport names to classes. */
export const TRANSPORTS_MODULE = '/engine.io-client/build/esm/transports/index.js';

/** The XHR polling transport, which only its probe kept in the bundle. */
export const POLLING_XHR_MODULE = '/engine.io-client/build/esm/transports/polling-xhr.js';

/** Its replacement: `websocket.node.js` is what engine.io-client imports too; its `browser` field maps it to the browser WebSocket. */
export const WEBSOCKET_ONLY = 'import { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS };\n';

export function websocketOnly(): Plugin {
  return {
    name: 'rembuk-websocket-only',
    load(id) {
      return id.replaceAll('\\', '/').endsWith(TRANSPORTS_MODULE) ? WEBSOCKET_ONLY : null;
    },
    transform(code, id) {
      return id.replaceAll('\\', '/').endsWith(POLLING_XHR_MODULE) ? { code, map: null, moduleSideEffects: false } : null;
    },
  };
}
