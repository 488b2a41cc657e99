/**
 * Alerts for held and reported comments, end to end: a real server posts a signed JSON alert to
 * a real local HTTP receiver, retries it after 5xx answers, and never makes the author's ack wait.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../server/alerts/alert-payload.ts';
import { createSiteAlerts } from '../../server/alerts/site-alerts.ts';
import { createWebhookDispatcher, type WebhookDispatcher } from '../../server/alerts/webhook-dispatcher.ts';
import { silentLogger } from '../../server/logger.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { openStore, STORE_KINDS, type OpenedStore, type StoreKind } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SECRET = 'test-webhook-secret-of-32-or-more-chars';
const PAGE = '/alerts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP receiver on port 0; `answer` decides each response (it may also never answer). */
async function startReceiver(answer: (n: number, res: ServerResponse) => void) {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const w of waiters.splice(0)) w();
      answer(received.length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Resolves once `count` requests have arrived, or rejects after `timeoutMs`. */
    async until(count: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`the receiver got ${received.length} of ${count} requests within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The receiver's check, written out with node:crypto as a site owner would. */
function validSignature(r: Received): boolean {
  const timestamp = String(r.headers['x-rembuk-timestamp']);
  const given = Buffer.from(String(r.headers['x-rembuk-signature']));
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${r.body}`).digest('hex')}`);
  return Math.abs(Date.now() - Number(timestamp)) < 60_000 && given.length === expected.length && timingSafeEqual(given, expected);
}

/** A real server on a `kind` store whose site `demo` alerts `url`, through a dispatcher on real timers. */
async function startAlertingApp(kind: StoreKind, url: string, options: { baseDelayMs?: number; timeoutMs?: number } = {}) {
  const opened = await openStore(kind);
  const dispatcher = createWebhookDispatcher({
    fetch: globalThis.fetch,
    clock: Date.now,
    schedule: (delayMs, run) => {
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    },
    logger: silentLogger(),
    ...options,
  });
  const alerts = createSiteAlerts({ dispatcher, webhooks: new Map([['demo', { url, secret: SECRET }]]) });
  const server = await startTestApp(opened.store, { alerts });
  return { opened, dispatcher, server };
}

describe('alerts for held comments', () => {
  let opened: OpenedStore | undefined;
  let server: TestApp | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await dispatcher?.close(100);
    await server?.close();
    await opened?.dispose();
    for (const c of cleanups.splice(0)) await c();
  });

  async function serverAlerting(url: string, options: { baseDelayMs?: number; timeoutMs?: number } = {}) {
    ({ opened, dispatcher, server } = await startAlertingApp('embedded', url, options));
    const socket = await connectReader(server.url);
    cleanups.push(() => {
      socket.disconnect();
      return Promise.resolve();
    });
    const joined = await request(socket, 'thread:join', { page: PAGE });
    expect(joined.ok).toBe(true);
    return socket;
  }

  const post = (socket: Awaited<ReturnType<typeof serverAlerting>>, text: string) =>
    request(socket, 'comment:create', { page: PAGE, text, authorName: 'Wati', key: `k-${Math.random().toString(36).slice(2)}` });

  it('posts one signed alert with the held comment to the site’s webhook', async () => {
    const receiver = await startReceiver((_, res) => res.writeHead(204).end());
    cleanups.push(receiver.close);
    const socket = await serverAlerting(receiver.url);

    const published = await post(socket, 'Artikel yang bagus, terima kasih.');
    expect(published.ok && published.data.comment.status).toBe('published');
    const ack = await post(socket, 'Pejabatnya dasar goblok semua');
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    if (!ack.ok) return;

    await receiver.until(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    if (!delivery) return;
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(validSignature(delivery)).toBe(true);
    const alert = JSON.parse(delivery.body) as AlertPayload;
    expect(alert).toMatchObject({
      event: 'comment.held',
      site: 'demo',
      page: PAGE,
      comment: { id: ack.data.comment.id, authorName: 'Wati', text: 'Pejabatnya dasar goblok semua' },
    });
    expect(alert.reasons.map((r) => r.rule)).toContain('profanity');
    expect(alert.text).toContain('Wati');
    expect(alert.text).toContain(PAGE);
    expect(alert.text).toContain('Pejabatnya dasar goblok semua');
  });

  it('tries again after 500 answers and delivers on the third try', async () => {
    const receiver = await startReceiver((n, res) => res.writeHead(n <= 2 ? 500 : 200).end());
    cleanups.push(receiver.close);
    const socket = await serverAlerting(receiver.url, { baseDelayMs: 20 });

    const ack = await post(socket, 'Dasar goblok!');
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    await receiver.until(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.every(validSignature)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(dispatcher?.stats()).toMatchObject({ delivered: 1, failed: 0 });
  });

  it('acks the author while the receiver has not answered', async () => {
    const hanging: ServerResponse[] = [];
    const receiver = await startReceiver((_, res) => hanging.push(res));
    cleanups.push(async () => {
      for (const res of hanging) res.destroy();
      await receiver.close();
    });
    const socket = await serverAlerting(receiver.url, { timeoutMs: 30_000 });

    const started = Date.now();
    const ack = await post(socket, 'Dasar goblok!');
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    expect(Date.now() - started).toBeLessThan(2_000);
    await receiver.until(1);
    expect(hanging).toHaveLength(1);
    expect(hanging[0]?.headersSent).toBe(false);
    expect(dispatcher?.stats()).toMatchObject({ inFlight: 1, delivered: 0 });
  });
});

describe.each(STORE_KINDS)('alerts for reported comments (%s store)', (kind: StoreKind) => {
  let opened: OpenedStore | undefined;
  let server: TestApp | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  const sockets: ReaderSocket[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await dispatcher?.close(100);
    await server?.close();
    await opened?.dispose();
    for (const c of cleanups.splice(0)) await c();
  });

  async function readersOf(url: string, count: number): Promise<ReaderSocket[]> {
    ({ opened, dispatcher, server } = await startAlertingApp(kind, url));
    for (let i = 0; i < count; i += 1) {
      const socket = await connectReader(server.url);
      sockets.push(socket);
      expect((await request(socket, 'thread:join', { page: PAGE })).ok).toBe(true);
    }
    return sockets;
  }

  it('posts a signed comment.reported alert with a Slack text when a reader first reports a comment, and another when reports hide it', async () => {
    const receiver = await startReceiver((_, res) => res.writeHead(204).end());
    cleanups.push(receiver.close);
    const [author, first, second, third] = await readersOf(receiver.url, 4);
    if (!author || !first || !second || !third) return;
    const ack = await request(author, 'comment:create', {
      page: PAGE,
      text: 'Mampir ke warung saya di pasar ya kak',
      authorName: 'Wati',
      key: 'report-alert-1',
    });
    expect(ack.ok && ack.data.comment.status).toBe('published');
    if (!ack.ok) return;
    const report = (socket: ReaderSocket, reason: 'spam' | 'abuse', note?: string) =>
      request(socket, 'comment:report', { page: PAGE, id: ack.data.comment.id, reason, ...(note ? { note } : {}) });

    expect(await report(first, 'spam', 'Iklan <b>pulsa</b>')).toEqual({ ok: true, data: { first: true } });
    await receiver.until(1);
    const [delivery] = receiver.received;
    if (!delivery) return;
    expect(validSignature(delivery)).toBe(true);
    const alert = JSON.parse(delivery.body) as AlertPayload;
    expect(alert).toMatchObject({
      event: 'comment.reported',
      site: 'demo',
      page: PAGE,
      comment: { id: ack.data.comment.id, authorName: 'Wati', text: 'Mampir ke warung saya di pasar ya kak' },
      reports: [{ reason: 'spam', note: 'Iklan <b>pulsa</b>' }],
      hidden: false,
    });
    expect(alert.text).toBe(`Comment reported on demo ${PAGE} by Wati: 1 reader (spam) “Mampir ke warung saya di pasar ya kak”`);

    // A repeat and a second reader raise nothing: the channel hears of a comment, not of every reader.
    expect((await report(first, 'abuse')).ok).toBe(true);
    expect((await report(second, 'abuse')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(1);

    expect((await report(third, 'spam')).ok).toBe(true);
    await receiver.until(2);
    const hidden = JSON.parse(receiver.received[1]?.body ?? '{}') as AlertPayload;
    expect(hidden).toMatchObject({ event: 'comment.reported', hidden: true });
    expect(hidden.reports).toHaveLength(3);
    expect(hidden.text).toMatch(/^Comment hidden after reports on demo \/alerts by Wati: 3 readers \((spam, abuse|abuse, spam)\)/);
    expect(receiver.received.every(validSignature)).toBe(true);
  });
});
