/**
 * The live thread end to end over real sockets: a real server on port 0, real
 * socket.io-clients, run once per store.
 */
import { describe, expect, it } from 'vitest';
import type { CommentCreatedEvent } from '../../protocol/events.ts';
import { connectReader, nextEvent, request, type ReaderOptions, type ReaderSocket } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings, OTHER_ALLOWED_ORIGIN } from '../support/test-app.ts';
import { useThreadFixture } from '../support/thread-fixture.ts';

const PAGE = '/2025/03/11/kemenperin-unido/';
let keyCounter = 0;
const newKey = () => `itkey-${Date.now().toString(36)}-${(keyCounter += 1)}`;

function post(socket: ReaderSocket, text: string, extra: Record<string, unknown> = {}) {
  return request(socket, 'comment:create', { page: PAGE, text, authorName: 'Sari', key: newKey(), ...extra });
}

describe.each(STORE_KINDS)('live thread on the %s store', (kind) => {
  const fx = useThreadFixture(kind);
  const reader = (options: ReaderOptions = {}) => fx.reader(options);
  const joined = (options: ReaderOptions = {}) => fx.joined(PAGE, options);

  it('shows an empty thread to the first reader', async () => {
    const { snapshot } = await joined();
    expect(snapshot).toMatchObject({ page: PAGE, comments: [], nextCursor: null, count: 0, seq: 0, mine: [] });
    expect(snapshot.viewer.authorId).toMatch(/^a_/);
  });

  it('delivers a comment posted by one reader to another reader of the thread', async () => {
    const a = await joined();
    const b = await joined();
    const received = nextEvent(b.socket, 'comment:created');
    const ack = await post(a.socket, 'Semoga kerja sama ini membuka lapangan kerja baru.');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.comment).toMatchObject({ status: 'published', authorName: 'Sari', authorId: a.snapshot.viewer.authorId });
    expect(ack.data.reasons).toEqual([]);
    const event = await received;
    expect(event).toMatchObject({ type: 'comment:created', page: PAGE, seq: 1, count: 1 });
    expect(event.comment).toEqual(ack.data.comment);
  });

  it('delivers posts that become public together in order, exactly once, batched or not', async () => {
    await fx.restart({ moderation: { demo: moderationSettings({ velocity: { enabled: false } }) } });
    const a = await joined();
    const b = await joined();
    const seen: number[] = [];
    b.socket.on('comment:created', (e) => seen.push(e.seq));
    b.socket.on('thread:events', (batch) => seen.push(...batch.events.map((e) => e.seq)));
    await Promise.all(Array.from({ length: 12 }, (_, i) => post(a.socket, `serentak ${i}`)));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('does not deliver a comment to readers of another thread', async () => {
    const a = await joined();
    const other = await reader();
    await request(other, 'thread:join', { page: '/another-article' });
    let leaked = false;
    other.on('comment:created', () => {
      leaked = true;
    });
    await post(a.socket, 'Hanya untuk artikel ini.');
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);
  });

  it('holds a profane comment: its author sees it awaiting review, no other reader ever does', async () => {
    const a = await joined();
    const b = await joined();
    let leaked = false;
    b.socket.on('comment:created', () => {
      leaked = true;
    });
    const ack = await post(a.socket, 'you are a fucking idiot');
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    // An insult aimed at the reader is its own reason now (issue 10), beside the profanity.
    expect(ack.ok && ack.data.reasons.map((r) => r.rule)).toEqual(['profanity', 'personal-attack']);
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);

    const again = await joined({ token: a.snapshot.viewer.token });
    expect(again.snapshot.viewer.authorId).toBe(a.snapshot.viewer.authorId);
    expect(again.snapshot.mine.map((c) => c.comment.text)).toEqual(['you are a fucking idiot']);
    expect(again.snapshot.mine[0]?.reasons.map((r) => r.rule)).toEqual(['profanity', 'personal-attack']);
    expect(again.snapshot.comments).toEqual([]);
    const stranger = await joined();
    expect(stranger.snapshot.mine).toEqual([]);
    expect(stranger.snapshot.count).toBe(0);
  });

  it('answers a retried create with the first comment and broadcasts it once', async () => {
    const a = await joined();
    const b = await joined();
    const events: CommentCreatedEvent[] = [];
    b.socket.on('comment:created', (e) => events.push(e));
    const payload = { page: PAGE, text: 'Sekali saja, walau dikirim dua kali.', authorName: 'Sari', key: newKey() };
    const [first, second] = await Promise.all([request(a.socket, 'comment:create', payload), request(a.socket, 'comment:create', payload)]);
    const third = await request(a.socket, 'comment:create', payload);
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    expect(second.data.comment.id).toBe(first.data.comment.id);
    expect(third.data.comment.id).toBe(first.data.comment.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(events).toHaveLength(1);
    const fresh = await joined();
    expect(fresh.snapshot.count).toBe(1);
  });

  it('sends a reconnecting reader exactly what it missed, in order', async () => {
    const a = await joined();
    const b = await joined({ token: (await joined()).snapshot.viewer.token });
    await post(a.socket, 'pertama');
    const lastSeen = 1;
    b.socket.disconnect();
    await post(a.socket, 'kedua');
    await post(a.socket, 'ketiga');
    const back = await reader({ token: b.snapshot.viewer.token });
    const resync = await request(back, 'thread:resync', { page: PAGE, afterSeq: lastSeen });
    expect(resync.ok).toBe(true);
    if (!resync.ok) return;
    expect(resync.data.reset).toBe(false);
    expect(resync.data.seq).toBe(3);
    expect(resync.data.events.map((e) => [e.seq, e.type === 'comment:created' ? e.comment.text : e.type])).toEqual([
      [2, 'kedua'],
      [3, 'ketiga'],
    ]);
    // Resync also re-joins the room: the next comment arrives live.
    const live = nextEvent(back, 'comment:created');
    await post(a.socket, 'keempat');
    expect((await live).seq).toBe(4);
  });

  it('asks a reader to re-join when it claims a sequence from the future', async () => {
    const a = await joined();
    await post(a.socket, 'satu');
    const resync = await request(a.socket, 'thread:resync', { page: PAGE, afterSeq: 99 });
    expect(resync.ok && resync.data).toEqual({ events: [], seq: 1, reset: true });
  });

  it('pages older comments with thread:more', async () => {
    await fx.restart({ moderation: { demo: moderationSettings({ velocity: { enabled: false } }) } });
    const a = await joined();
    for (let i = 1; i <= 23; i += 1) await post(a.socket, `komentar ${i}`);
    const fresh = await joined();
    expect(fresh.snapshot.comments).toHaveLength(20);
    expect(fresh.snapshot.comments[0]?.text).toBe('komentar 23');
    expect(fresh.snapshot.count).toBe(23);
    const cursor = fresh.snapshot.nextCursor;
    expect(cursor).not.toBeNull();
    const more = await request(fresh.socket, 'thread:more', { page: PAGE, cursor: cursor ?? '' });
    expect(more.ok && more.data.comments.map((c) => c.text)).toEqual(['komentar 3', 'komentar 2', 'komentar 1']);
    expect(more.ok && more.data.nextCursor).toBeNull();
  });

  it('threads a reply under a published comment and refuses one to a comment that does not exist', async () => {
    const a = await joined();
    const parent = await post(a.socket, 'Induk');
    if (!parent.ok) throw new Error('post failed');
    const reply = await post(a.socket, 'Balasan', { parentId: parent.data.comment.id });
    expect(reply.ok && reply.data.comment.parentId).toBe(parent.data.comment.id);
    const orphan = await post(a.socket, 'Balasan', { parentId: 'doesnotexist1' });
    expect(!orphan.ok && orphan.error).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
  });

  it('keeps the same author across connections with its token and ignores a forged one', async () => {
    const first = await joined();
    const again = await joined({ token: first.snapshot.viewer.token });
    expect(again.snapshot.viewer.authorId).toBe(first.snapshot.viewer.authorId);
    const forged = await joined({ token: `${first.snapshot.viewer.token.slice(0, -2)}xx` });
    expect(forged.snapshot.viewer.authorId).not.toBe(first.snapshot.viewer.authorId);
  });

  it('works from a second origin the site registry allows', async () => {
    const { snapshot } = await joined({ origin: OTHER_ALLOWED_ORIGIN });
    expect(snapshot.count).toBe(0);
  });

  it.each([
    ['an origin the site does not allow', { origin: 'https://evil.example' }, 'ORIGIN_NOT_ALLOWED'],
    ['an origin of another site', { origin: 'https://other.example' }, 'ORIGIN_NOT_ALLOWED'],
    ['an unknown site', { site: 'nope' }, 'UNKNOWN_SITE'],
    ['a malformed site id', { site: 'Not A Site!' }, 'INVALID_INPUT'],
  ])('refuses a socket from %s with a clear code', async (_label, options, code) => {
    const error = await connectReader(fx.server.url, options).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ data: { code, message: expect.stringMatching(/.{10,}/) } });
  });

  it('serves the first page over HTTP and refuses a foreign origin', async () => {
    const a = await joined();
    await post(a.socket, 'Lewat HTTP juga terlihat.');
    const res = await fetch(`${fx.server.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; data: { comments: { text: string }[]; count: number } };
    expect(body.data.count).toBe(1);
    expect(body.data.comments[0]?.text).toBe('Lewat HTTP juga terlihat.');
    expect(body.data.comments[0]).not.toHaveProperty('moderation');

    const foreign = await fetch(`${fx.server.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('ORIGIN_NOT_ALLOWED');

    const allowed = await fetch(`${fx.server.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}`, {
      headers: { origin: OTHER_ALLOWED_ORIGIN },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(OTHER_ALLOWED_ORIGIN);
  });

  it.each([
    ['/api/v1/threads/nope/page', 404, 'UNKNOWN_SITE'],
    ['/api/v1/threads/BAD%20SITE/page', 400, 'INVALID_INPUT'],
    [`/api/v1/threads/demo/${encodeURIComponent('has space')}`, 400, 'INVALID_INPUT'],
    [`/api/v1/threads/demo/${encodeURIComponent(PAGE)}?cursor=abc`, 400, 'INVALID_INPUT'],
    ['/api/v1/nothing-here', 404, 'NOT_FOUND'],
  ])('answers GET %s with %i %s', async (path, status, code) => {
    const res = await fetch(`${fx.server.url}${path}`);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('tells a reader who posts too fast from one address when to try again, and stores nothing', async () => {
    await fx.restart({ postsPerMinute: 2 });
    const a = await joined();
    expect((await post(a.socket, 'satu')).ok).toBe(true);
    expect((await post(a.socket, 'dua')).ok).toBe(true);
    const third = await post(a.socket, 'tiga');
    expect(!third.ok && third.error.code).toBe('RATE_LIMITED');
    expect(!third.ok && third.error.retryAfterMs).toBeGreaterThan(0);
    expect(!third.ok && third.error.message).toMatch(/try again in \d+ s/);
    const fresh = await joined();
    expect(fresh.snapshot.count).toBe(2);
  });

  it('reports its health and store', async () => {
    const res = await fetch(`${fx.server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true, store: kind });
  });
});
