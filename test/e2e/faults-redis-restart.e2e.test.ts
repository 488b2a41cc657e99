/**
 * Redis restarted under load (SIGTERM, then started again on the same port and folder, AOF with
 * appendfsync always), with two servers on it behind nginx: no comment a server acknowledged is
 * lost, the servers reconnect without a restart of their own, and a reader's widget ends up
 * showing exactly what the store holds. The harness: test/support/faults-harness.ts.
 */
import { describe, expect, it } from 'vitest';
import { CATCH_UP, showsText, useFaultsHarness } from '../support/faults-harness.ts';

const h = useFaultsHarness();

describe('Redis restarted under load, two servers on it behind nginx', () => {
  it(
    'loses no acknowledged comment; the servers reconnect by themselves, fan-out comes back, and the widget resyncs',
    { timeout: 120_000 },
    async () => {
      const pageId = '/redis-dimulai-ulang';
      const reader = await h.readerPage('reader during the Redis restart', 1, pageId);
      // Four posters on each server, with short pauses: broadcasts are in flight to Redis when it goes.
      const posters = await Promise.all([0, 0, 0, 0, 1, 1, 1, 1].map(async (server) => ({ socket: await h.readerOn(server), server })));
      const load = h.startLoad(posters, pageId, 'Saat Redis dimulai ulang', 25);
      // Three restarts a second apart: a fault that strikes only when a command is in flight at the
      // moment Redis goes gets three chances, not one.
      for (let restart = 0; restart < 3; restart += 1) {
        await new Promise((r) => setTimeout(r, 1_000));
        await h.redis.stop();
        await h.redis.start();
      }
      const restartedAt = Date.now();
      // Each server takes posts again on its own: the same processes, none restarted or lost.
      const alive = () => h.servers.servers.map((s) => s.process.exitCode === null && s.process.signalCode === null);
      const postedSince = () => [0, 1].map((s) => load.results.some((r) => r.ok && r.server === s && r.at > restartedAt + 500));
      await expect
        .poll(() => ({ alive: alive(), postedSince: postedSince() }), { timeout: CATCH_UP })
        .toEqual({ alive: [true, true], postedSince: [true, true] });
      await new Promise((r) => setTimeout(r, 1_000));
      const results = await load.stop();
      expect(alive()).toEqual([true, true]);
      expect(posters.every((p) => p.socket.connected)).toBe(true);

      const acked = results.filter((r) => r.ok).map((r) => r.text);
      const truth = (await h.stored(0, pageId)).map((c) => c.text);
      expect(acked.length).toBeGreaterThan(10);
      expect(acked.filter((t) => !truth.includes(t))).toEqual([]);
      // What failed was told so, as the store being unavailable, not left without an answer.
      const failed = results.filter((r) => !r.ok).map((r) => r.code);
      expect(failed).toEqual(failed.map(() => 'UNAVAILABLE'));

      // A comment through the other server after the restart reaches the reader live: fan-out is back too.
      const after = 'Sesudah Redis kembali.';
      expect((await h.create(posters[0]!.socket, pageId, after)).ok).toBe(true);
      // The reader's widget is catching up several hundred comments the restarts interrupted (through
      // its resyncs and re-joins, within its socket's request budget): on this 2-core machine that
      // took 17 s once, beyond the harness's usual 15 s, so this one wait is longer. Slow, not lost.
      await showsText(reader.page, after, 45_000);
      await h.expectShowsStore(reader.page, pageId);
      expect(Object.fromEntries(h.problems)).toEqual({ 'reader during the Redis restart': [] });
    },
  );
});
