/**
 * The flooder for bench:flood, run as its own process so its work does not slow the
 * measured reader: one socket calling thread:join as fast as the server answers (and
 * reconnecting whenever it is dropped), and many sockets opened from one address (each
 * refused or dropped one tried again at once). Prints one JSON summary line when it stops.
 *
 * Usage: node --import tsx bench/flood-attacker.ts <server url> <page> <seconds> <joins|sockets|both>
 */
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../protocol/errors.ts';
import type { ClientToServerEvents, ServerToClientEvents, ThreadSnapshot } from '../protocol/events.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const [url = '', page = '/', secondsArg = '10', mode = 'both'] = process.argv.slice(2);
const stopAt = Date.now() + Number(secondsArg) * 1000;
/** Joins kept in flight on the join flooder's socket. */
const IN_FLIGHT = 64;
/** Sockets the socket flooder tries to hold open at once. */
const SOCKETS = 1_000;
const JOIN_FLOODER = '203.0.113.66';
const SOCKET_FLOODER = '203.0.113.67';

const stats = {
  joinsServed: 0,
  joinsRefused: 0,
  joinBytes: 0,
  joinSockets: 0,
  socketsOpened: 0,
  socketsRefused: 0,
  socketsDropped: 0,
  cpuSeconds: 0,
};
const live = new Set<Client>();

function connect(address: string): Client {
  const socket: Client = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { site: 'demo' },
    extraHeaders: { origin: url, 'x-forwarded-for': address },
  });
  live.add(socket);
  socket.on('disconnect', () => live.delete(socket));
  return socket;
}

const running = () => Date.now() < stopAt;

/** One socket, IN_FLIGHT joins outstanding, a new one sent as each answer comes back. */
function floodJoins(): void {
  if (!running()) return;
  stats.joinSockets += 1;
  const socket = connect(JOIN_FLOODER);
  const send = () => {
    if (!running() || !socket.connected) return;
    socket.emit('thread:join', { page }, (result: Result<ThreadSnapshot>) => {
      if (result.ok) {
        stats.joinsServed += 1;
        stats.joinBytes += Buffer.byteLength(JSON.stringify(result.data));
      } else stats.joinsRefused += 1;
      send();
    });
  };
  socket.once('connect', () => {
    for (let i = 0; i < IN_FLIGHT; i += 1) send();
  });
  // Dropped or refused: a flooder comes straight back.
  socket.once('disconnect', () => setTimeout(floodJoins, 10));
  socket.once('connect_error', () => {
    live.delete(socket);
    setTimeout(floodJoins, 10);
  });
}

/** Keeps trying to hold SOCKETS sockets open from one address, each joined to the thread once. */
function floodSockets(): void {
  const open = () => {
    if (!running()) return;
    const socket = connect(SOCKET_FLOODER);
    socket.once('connect', () => {
      stats.socketsOpened += 1;
      socket.emit('thread:join', { page }, () => undefined);
    });
    socket.once('connect_error', () => {
      stats.socketsRefused += 1;
      live.delete(socket);
      setTimeout(open, 50);
    });
    socket.once('disconnect', () => {
      stats.socketsDropped += 1;
      setTimeout(open, 50);
    });
  };
  for (let i = 0; i < SOCKETS; i += 1) open();
}

if (mode !== 'sockets') floodJoins();
if (mode !== 'joins') floodSockets();
setTimeout(() => {
  for (const socket of live) socket.disconnect();
  const cpu = process.cpuUsage();
  stats.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${JSON.stringify(stats)}\n`);
  setTimeout(() => process.exit(0), 200).unref();
}, stopAt - Date.now());
