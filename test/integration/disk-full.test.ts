/**
 * The real server, as a child process, on a filesystem of a few megabytes that the test
 * mounts (tmpfs; mounting needs root, which CI has). It posts until the disk is full, frees
 * space, posts again, restarts, and finds exactly the acknowledged comments: every one, none
 * twice, seqs gap-free.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, unlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentCreated } from '../../protocol/events.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';

const PAGE = '/disk-full';
const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('the embedded store on a full disk (tmpfs, as root)', () => {
  let mount = '';
  let sitesFile = '';
  const servers: ChildServer[] = [];

  beforeAll(() => {
    mount = mkdtempSync(join(tmpdir(), 'rembuk-tinyfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mount]);
    // Per-author velocity and duplicate rules would hold a fast poster; this test is about the disk.
    const configDir = mkdtempSync(join(tmpdir(), 'rembuk-tinyfs-conf-'));
    sitesFile = join(configDir, 'sites.json');
    writeFileSync(
      sitesFile,
      JSON.stringify({ sites: [{ id: 'demo', name: 'Disk full', origins: [], moderation: { velocity: { enabled: false }, duplicate: { enabled: false } } }] }),
    );
  });

  afterAll(async () => {
    for (const s of servers) await s.cleanup();
    if (mount) {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });

  it('refuses posts while full, says so in /healthz, posts again once space is back, and keeps exactly what it acknowledged', async () => {
    const dataDir = join(mount, 'data');
    mkdirSync(dataDir);
    const env = { SITES_FILE: sitesFile, RATE_LIMIT_POSTS_PER_MINUTE: '0' };
    const server = await startChildServer({ dataDir, env });
    servers.push(server);
    const socket = await connectReader(server.url);
    const acked: string[] = [];
    let n = 0;
    const post = async (s: ReaderSocket) => {
      n += 1;
      const result = await request<CommentCreated>(s, 'comment:create', {
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

    // Fill what is left of the filesystem with one file we can delete later.
    const fillerPath = join(mount, 'filler');
    const filler = openSync(fillerPath, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(filler, chunk);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    closeSync(filler);

    // Posts succeed while the WAL still has room in pages it owns; then the disk is full.
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
    expect(await health.json()).toMatchObject({ ok: false, store: 'embedded', reason: expect.stringMatching(/disk holding DATA_DIR is full/) });
    // Still full: still refused, nothing half-written.
    expect((await post(socket)).ok).toBe(false);

    unlinkSync(fillerPath);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await post(socket)).ok).toBe(true);
    socket.disconnect();

    server.process.kill('SIGKILL');
    await server.stop();
    const again = await startChildServer({ dataDir, env });
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
  }, 120_000);
});
