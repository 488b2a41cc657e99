/**
 * bench:flood — what a flooder costs a well-behaved reader. A real server (child process, the
 * embedded store) holds a thread of a few thousand comments; a reader on its own address
 * joins and posts at a steady pace and we record each request's latency (p50/p99), first
 * alone, then beside each flooder of bench/flood-attacker.ts (one socket calling thread:join
 * as fast as it can; 1,000 sockets tried from one address; both at once), with the limits on
 * (the defaults) and off. The flooder runs in a process of its own, but on the same CPUs:
 * its CPU time is printed beside the server's. Figures only: nothing here passes or fails.
 *
 * Usage: npm run bench:flood [-- --seconds 15 --comments 3000]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../protocol/errors.ts';
import type { ClientToServerEvents, CommentCreated, ServerToClientEvents, ThreadSnapshot } from '../protocol/events.ts';
import { createEmbeddedStore } from '../server/store/embedded-store.ts';
import { startChildServer, type ChildServer } from '../test/support/child-server.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const ROOT = resolve(import.meta.dirname, '..');
const PAGE = '/flood/large-thread';
const READER_ADDRESS = '198.51.100.1';
/** The reader's pace: one request every 100 ms, joins and posts in turn. */
const READER_INTERVAL_MS = 100;

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? Number.NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const SECONDS = arg('seconds', 15);
const COMMENTS = arg('comments', 3_000);

const LIMITS_ON: Record<string, string> = {};
const LIMITS_OFF: Record<string, string> = { MAX_SOCKETS_PER_ADDRESS: '100000', SOCKET_REQUESTS_PER_SECOND: '10000', SOCKET_REQUEST_BURST: '100000' };

type FloodMode = 'joins' | 'sockets' | 'both';
interface Phase {
  name: string;
  limits: Record<string, string>;
  flooder: FloodMode | null;
}
const PHASES: Phase[] = [
  { name: 'reader alone', limits: LIMITS_ON, flooder: null },
  { name: 'join flooder, limits on', limits: LIMITS_ON, flooder: 'joins' },
  { name: 'join flooder, limits off', limits: LIMITS_OFF, flooder: 'joins' },
  { name: '1,000-socket flooder, limits on', limits: LIMITS_ON, flooder: 'sockets' },
  { name: '1,000-socket flooder, limits off', limits: LIMITS_OFF, flooder: 'sockets' },
  { name: 'both flooders, limits on', limits: LIMITS_ON, flooder: 'both' },
  { name: 'both flooders, limits off', limits: LIMITS_OFF, flooder: 'both' },
];

/** Comment text of a busy article's length (~4 KB), so a page of 20 is ~80 KB of JSON. */
const BODY = 'Hilirisasi mineral kritis butuh kepastian regulasi dan investasi hijau. '.repeat(55);

/** A few thousand comments on one thread. */
async function seed(dataDir: string): Promise<void> {
  const store = await createEmbeddedStore({ dataDir, fsync: false });
  const started = Date.now();
  for (let i = 0; i < COMMENTS; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, COMMENTS - i) }, (_, j) =>
        store.createComment(
          {
            id: randomBytes(12).toString('base64url'),
            site: 'demo',
            page: PAGE,
            parentId: null,
            rootId: null,
            depth: 0,
            replyTo: null,
            authorId: `seed-${(i + j) % 97}`,
            authorName: `Pembaca ${(i + j) % 97}`,
            authorKind: 'anonymous',
            avatarUrl: null,
            text: `${i + j}: ${BODY}`,
            status: 'published',
            createdAt: started - (COMMENTS - i - j) * 1000,
            editedAt: null,
            likes: 0,
            replyCount: 0,
            moderation: { action: 'publish', reasons: [] },
          },
          randomBytes(12).toString('base64url'),
        ),
      ),
    );
  }
  await store.close();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** CPU seconds (user + system) the process has used, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface ReaderFigures {
  join: number[];
  post: number[];
  failed: number;
}

/** The well-behaved reader: its own address, one request at a time, paced. */
async function runReader(url: string, ms: number): Promise<ReaderFigures> {
  const socket: Client = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { site: 'demo' },
    extraHeaders: { origin: url, 'x-forwarded-for': READER_ADDRESS },
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  const figures: ReaderFigures = { join: [], post: [], failed: 0 };
  const timed = <T>(send: (ack: (r: Result<T>) => void) => void): Promise<{ ms: number; ok: boolean }> =>
    new Promise((done) => {
      const started = performance.now();
      const timer = setTimeout(() => done({ ms: Number.NaN, ok: false }), 10_000);
      send((r) => {
        clearTimeout(timer);
        done({ ms: performance.now() - started, ok: r.ok });
      });
    });
  const stopAt = Date.now() + ms;
  for (let i = 0; Date.now() < stopAt; i += 1) {
    const tick = Date.now();
    const outcome =
      i % 2 === 0
        ? await timed<ThreadSnapshot>((ack) => socket.emit('thread:join', { page: PAGE }, ack))
        : await timed<CommentCreated>((ack) =>
            // As long as the seeded ones, so the thread's first page stays as heavy as it was.
            socket.emit(
              'comment:create',
              {
                page: PAGE,
                text: `Tertib ${i} ${randomBytes(4).toString('hex')}: ${BODY}`,
                authorName: 'Tertib',
                key: randomBytes(12).toString('base64url'),
              },
              ack,
            ),
          );
    if (outcome.ok) (i % 2 === 0 ? figures.join : figures.post).push(outcome.ms);
    else figures.failed += 1;
    await new Promise((r) => setTimeout(r, Math.max(0, READER_INTERVAL_MS - (Date.now() - tick))));
  }
  socket.disconnect();
  return figures;
}

interface FlooderStats {
  joinsServed: number;
  joinsRefused: number;
  joinBytes: number;
  joinSockets: number;
  socketsOpened: number;
  socketsRefused: number;
  socketsDropped: number;
  cpuSeconds: number;
}

function startFlooder(url: string, seconds: number, mode: FloodMode): Promise<FlooderStats> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/flood-attacker.ts'), url, PAGE, String(seconds), mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.once('exit', () => {
      try {
        done(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as FlooderStats);
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const int = (v: number) => Math.round(v).toLocaleString('en-US');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rembuk-flood-'));
  const sitesFile = join(dataDir, 'sites.json');
  // The reader posts ten times a minute and more: pacing rules would refuse it, not the flood.
  writeFileSync(
    sitesFile,
    JSON.stringify({
      sites: [{ id: 'demo', name: 'Flood bench', origins: [], moderation: { velocity: { enabled: false }, duplicate: { enabled: false } } }],
    }),
  );
  process.stdout.write(`bench:flood — ${cpus().length} CPUs, Node ${process.version}; thread of ${int(COMMENTS)} comments; ${SECONDS} s per phase\n`);
  await seed(dataDir);
  const rows: string[][] = [['phase', 'join p50', 'join p99', 'post p50', 'post p99', 'reader ok', 'failed', 'server CPU']];
  const floods: string[][] = [
    ['phase', 'joins served', 'joins refused', 'MB to flooder', 'join sockets', 'sockets opened', 'handshakes refused', 'flooder CPU'],
  ];
  for (const phase of PHASES) {
    let server: ChildServer | null = null;
    try {
      server = await startChildServer({
        dataDir,
        env: {
          SITES_FILE: sitesFile,
          TRUST_PROXY: 'loopback',
          LOG_LEVEL: 'info',
          JOURNAL_FSYNC: 'false',
          RATE_LIMIT_POSTS_PER_MINUTE: '100000',
          ...phase.limits,
        },
      });
      const pid = server.process.pid ?? 0;
      const warmupMs = phase.flooder ? 1_500 : 500;
      const floodSeconds = SECONDS + warmupMs / 1000 + 1;
      const flooder = phase.flooder ? startFlooder(server.url, floodSeconds, phase.flooder) : null;
      await new Promise((r) => setTimeout(r, warmupMs));
      const cpuBefore = cpuSeconds(pid);
      const started = performance.now();
      const figures = await runReader(server.url, SECONDS * 1000);
      const cpu = (cpuSeconds(pid) - cpuBefore) / ((performance.now() - started) / 1000);
      const joins = [...figures.join].sort((a, b) => a - b);
      const posts = [...figures.post].sort((a, b) => a - b);
      rows.push([
        phase.name,
        ms(percentile(joins, 50)),
        ms(percentile(joins, 99)),
        ms(percentile(posts, 50)),
        ms(percentile(posts, 99)),
        int(joins.length + posts.length),
        int(figures.failed),
        `${Math.round(cpu * 100)}%`,
      ]);
      const stats = flooder ? await flooder : null;
      if (stats) {
        floods.push([
          phase.name,
          int(stats.joinsServed),
          int(stats.joinsRefused),
          (stats.joinBytes / 1e6).toFixed(0),
          int(stats.joinSockets),
          int(stats.socketsOpened),
          int(stats.socketsRefused),
          `${Math.round((stats.cpuSeconds / floodSeconds) * 100)}%`,
        ]);
      }
    } finally {
      await server?.stop();
    }
  }
  process.stdout.write(
    `\nwell-behaved reader (ms per request, ${1000 / READER_INTERVAL_MS} requests/s, joins and posts in turn; CPU: share of one core)\n${table(rows)}\n`,
  );
  process.stdout.write(`\nflooder (whole run of each phase, warm-up included)\n${table(floods)}\n`);
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:flood failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
