/**
 * The real server, as a child process, on a disk that runs out: a tmpfs of a few megabytes
 * that the test mounts (when root), and a file-size limit lowered on the running server with
 * prlimit (anyone). It posts until writes fail, frees space, posts again, restarts, and finds
 * exactly the acknowledged comments: every one, none twice, seqs gap-free.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';

const PAGE = '/disk-full';

/** A place for DATA_DIR that can be made to refuse writes, and then to take them again. */
interface TinyDisk {
  dataDir: string;
  fill(server: ChildServer): void;
  free(server: ChildServer): void;
  /** What /healthz should name as the cause. */
  reason: RegExp;
  cleanup(): void;
}

function tmpfsDisk(): TinyDisk {
  const mount = mkdtempSync(join(tmpdir(), 'rembuk-tinyfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mount]);
  const dataDir = join(mount, 'data');
  mkdirSync(dataDir);
  const fillerPath = join(mount, 'filler');
  return {
    dataDir,
    reason: /the disk holding DATA_DIR is full \(SQLITE_FULL/,
    fill() {
      // What is left of the filesystem goes into one file we can delete later.
      const fd = openSync(fillerPath, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(fillerPath);
    },
    cleanup() {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    },
  };
}

/** No root needed: the server's own file-size limit is lowered to what its files hold now. */
function fileSizeLimitDisk(): TinyDisk {
  const dataDir = mkdtempSync(join(tmpdir(), 'rembuk-fsize-'));
  const setLimit = (pid: number | undefined, limit: string) => execFileSync('prlimit', [`--pid=${pid}`, `--fsize=${limit}:`]);
  return {
    dataDir,
    reason: /the disk reported an I\/O error \(SQLITE_IOERR|the disk holding DATA_DIR is full/,
    fill(server) {
      const largest = Math.max(...readdirSync(dataDir).map((name) => statSync(join(dataDir, name)).size));
      setLimit(server.process.pid, String(largest));
    },
    free(server) {
      setLimit(server.process.pid, 'unlimited');
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;
const disks: [name: string, make: () => TinyDisk, available: boolean][] = [
  ['a full tmpfs', tmpfsDisk, canMount],
  ['a file-size limit', fileSizeLimitDisk, hasPrlimit],
];

describe.each(disks)('the embedded store on %s', (_name, makeDisk, available) => {
  const servers: ChildServer[] = [];
  let disk: TinyDisk | null = null;
  let confDir: string | null = null;

  afterAll(async () => {
    for (const s of servers) await s.cleanup();
    disk?.cleanup();
    if (confDir) rmSync(confDir, { recursive: true, force: true });
  });

  it.skipIf(!available)(
    'refuses posts while writes fail, says why in /healthz, posts again once space is back, and keeps exactly what it acknowledged',
    async () => {
      disk = makeDisk();
      // Per-author velocity and duplicate rules would hold a fast poster; this test is about the disk.
      confDir = mkdtempSync(join(tmpdir(), 'rembuk-disk-conf-'));
      const sitesFile = join(confDir, 'sites.json');
      writeFileSync(
        sitesFile,
        JSON.stringify({
          sites: [{ id: 'demo', name: 'Disk full', origins: [], moderation: { velocity: { enabled: false }, duplicate: { enabled: false } } }],
        }),
      );
      const env = { SITES_FILE: sitesFile, RATE_LIMIT_POSTS_PER_MINUTE: '0' };
      const server = await startChildServer({ dataDir: disk.dataDir, env });
      servers.push(server);
      const socket = await connectReader(server.url);
      const acked: string[] = [];
      let n = 0;
      const post = async (s: ReaderSocket) => {
        n += 1;
        const result = await request(s, 'comment:create', {
          page: PAGE,
          text: `Komentar nomor ${n}: hilirisasi nikel butuh standar lingkungan yang jelas, pengawasan tambang, dan data terbuka untuk warga sekitar smelter.`,
          authorName: 'Dewi',
          key: `disk-full-key-${n}`,
        });
        if (result.ok) {
          expect(result.data.comment.status).toBe('published');
          acked.push(result.data.comment.id);
        }
        return result;
      };
      for (let i = 0; i < 5; i += 1) expect((await post(socket)).ok).toBe(true);

      disk.fill(server);
      // Posts may still fit in pages the write-ahead log already owns; then writes fail.
      let refused: Awaited<ReturnType<typeof post>> | null = null;
      for (let i = 0; i < 400 && !refused; i += 1) {
        const result = await post(socket);
        if (!result.ok) refused = result;
      }
      expect(refused).not.toBeNull();
      expect(refused?.ok === false && refused.error.code).toBe('UNAVAILABLE');
      expect(refused?.ok === false && refused.error.message).toMatch(/temporarily unavailable/);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, store: 'embedded', reason: expect.stringMatching(disk.reason) });
      // Still full: still refused, nothing half-written.
      expect((await post(socket)).ok).toBe(false);

      disk.free(server);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await post(socket)).ok).toBe(true);
      socket.disconnect();

      server.process.kill('SIGKILL');
      await server.stop();
      const again = await startChildServer({ dataDir: disk.dataDir, env });
      servers.push(again);
      const seen: string[] = [];
      let cursor: string | null = null;
      let count = -1;
      let seq = -1;
      do {
        const query: string = cursor === null ? '' : `?cursor=${cursor}`;
        const res = await fetch(`${again.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}${query}`);
        const body = (await res.json()) as { data: { comments: { id: string }[]; nextCursor: string | null; count: number; seq: number } };
        seen.push(...body.data.comments.map((c) => c.id));
        cursor = body.data.nextCursor;
        count = body.data.count;
        seq = body.data.seq;
      } while (cursor !== null);
      expect(acked.length).toBeGreaterThanOrEqual(10);
      expect([...seen].reverse()).toEqual(acked);
      expect(count).toBe(acked.length);
      expect(seq).toBe(acked.length);
    },
    120_000,
  );
});
