/**
 * /metrics and request ids on the real server process (server/main.ts: the store timed where
 * it is opened, the token from METRICS_TOKEN): the scrape is refused without the token, and its
 * counters and histograms move with a post; every answer and every request's log lines carry an id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { connectReader, request, requestRaw } from '../support/reader-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { openStore } from '../support/stores.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

/** The value of one series in a text exposition (0 when it is not there yet). */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('metrics and request ids (server process)', () => {
  let server: ChildServer;
  const scrape = async (authorization = `Bearer ${TOKEN}`) => fetch(`${server.url}/metrics`, { headers: { authorization } });

  beforeAll(async () => {
    server = await startChildServer({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await server.stop();
    await server.cleanup();
  });

  it('refuses /metrics without the token, or with another', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
  });

  it('shows a post in the comment counters, the store and moderation histograms and the connections', async () => {
    const before = await (await scrape()).text();
    const socket = await connectReader(server.url);
    try {
      const posted = await request(socket, 'comment:create', {
        page: '/metrics-test',
        text: 'Terima kasih atas artikelnya.',
        authorName: 'Dewi',
        key: 'metrics-1',
      });
      expect(posted.ok).toBe(true);
      // No text: refused with INVALID_INPUT, nothing stored.
      const refused = await requestRaw(socket, 'comment:create', { page: '/metrics-test', authorName: 'Dewi', key: 'metrics-2' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

      const response = await scrape();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const after = await response.text();
      const moved = (series: string) => sample(after, series) - sample(before, series);
      expect(moved('rembuk_comments_total{outcome="published",code=""}')).toBe(1);
      expect(moved('rembuk_comments_total{outcome="refused",code="INVALID_INPUT"}')).toBe(1);
      expect(moved('rembuk_store_operation_duration_seconds_count{operation="createComment",outcome="ok"}')).toBe(1);
      expect(moved('rembuk_store_operation_duration_seconds_count{operation="getAuthorHistory",outcome="ok"}')).toBe(1);
      expect(moved('rembuk_moderation_duration_seconds_count')).toBe(1);
      expect(sample(after, 'rembuk_connections{kind="reader"}')).toBe(1);
      expect(sample(after, 'rembuk_connections{kind="console"}')).toBe(0);
      // prom-client's defaults: event-loop lag and the process's own figures.
      expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
      expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      socket.disconnect();
    }
  });

  it("answers with the proxy's X-Request-Id when it is sane, and a new one otherwise", async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': '7f0c2a9e4b1d4c55a3f1e2d3c4b5a697' } });
    expect(kept.headers.get('x-request-id')).toBe('7f0c2a9e4b1d4c55a3f1e2d3c4b5a697');
    const replaced = await fetch(`${server.url}/nothing-here`, { headers: { 'x-request-id': 'not an id; at all' } });
    expect(replaced.status).toBe(404);
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
  });

  it("writes a socket request's id, event and site on the lines logged for it", async () => {
    const socket = await connectReader(server.url);
    try {
      const posted = await request(socket, 'comment:create', {
        page: '/metrics-test',
        text: 'Satu lagi, dengan id.',
        authorName: 'Dewi',
        key: 'metrics-3',
      });
      expect(posted.ok).toBe(true);
      const id = posted.ok ? posted.data.comment.id : '';
      const deadline = Date.now() + 5_000;
      const lineOf = () => server.logs.find((l) => l['msg'] === 'comment created' && l['id'] === id);
      while (!lineOf() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(lineOf()).toMatchObject({ event: 'comment:create', site: 'demo', reqId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    } finally {
      socket.disconnect();
    }
  });
});

describe('metrics (in process)', () => {
  it('serves no /metrics at all without METRICS_TOKEN', async () => {
    const opened = await openStore('embedded');
    const app = await startTestApp(opened.store);
    try {
      const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(404);
    } finally {
      await app.close();
      await opened.dispose();
    }
  });
});
