/**
 * The readers' Socket.IO namespace, wired: the handshake binds each socket to a site and an
 * author, the packet guard checks every request before its handler, and the thread and
 * comment handlers answer each with a Result.
 */
import { rooms } from '../../protocol/events.ts';
import { registerCommentHandlers } from './comment-handlers.ts';
import { packetGuard } from './packet-guard.ts';
import { readerHandshake } from './reader-handshake.ts';
import type { ReaderDeps, ReaderServer, ReaderSocket } from './reader-socket.ts';
import { registerThreadHandlers } from './thread-handlers.ts';

export type { ReaderDeps, ReaderServer } from './reader-socket.ts';

export function attachReaderNamespace(io: ReaderServer, deps: ReaderDeps): void {
  io.use(readerHandshake(deps));
  io.on('connection', (socket: ReaderSocket) => {
    const { site, authorId } = socket.data;
    // The author's own room: where `comment:status` will reach them on every open page.
    void socket.join(rooms.author(site, authorId));
    socket.use(packetGuard(socket, deps));
    registerThreadHandlers(socket, deps);
    registerCommentHandlers(socket, deps);
  });
}
