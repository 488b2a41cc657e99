/**
 * Issue 9's reader features end to end over real sockets, on both stores (decision 0021):
 * replies, likes, sorts, edits, deletes, verified identities, reserved names and closed threads.
 */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import { addTestModerator } from '../support/moderators.ts';
import { signIn } from '../support/moderator-client.ts';
import { nextEvent, request, type ReaderSocket } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';
import { useThreadFixture } from '../support/thread-fixture.ts';

const PAGE = '/2025/04/balasan-dan-suka/';
const SSO_SECRET = 'c2l0ZS1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXMtLS0';
let keyCounter = 0;
const newKey = () => `rlkey-${Date.now().toString(36)}-${(keyCounter += 1)}`;
const MIN = 60_000;
/** The test's clock: edits are judged against it, so a test can move past the window. */
let offset = 0;
const clock = () => Date.now() + offset;

async function post(socket: ReaderSocket, text: string, extra: { parentId?: string; authorName?: string } = {}) {
  const ack = await request(socket, 'comment:create', { page: PAGE, text, authorName: 'Sari', key: newKey(), ...extra });
  if (!ack.ok) throw new Error(`post refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data.comment;
}

function ssoToken(claims: { sub: string; name: string; avatar?: string }, secret = SSO_SECRET) {
  return new SignJWT({ name: claims.name, ...(claims.avatar ? { avatar: claims.avatar } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setAudience('demo')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

describe.each(STORE_KINDS)('replies, likes and edits on the %s store', (kind) => {
  const fx = useThreadFixture(kind, {
    clock,
    moderation: { demo: moderationSettings({ velocity: { enabled: false }, duplicate: { enabled: false } }) },
    siteSettings: { demo: { ssoSecret: SSO_SECRET, reservedNames: ['Redaksi Koran'] } },
  });
  const joined = (options: Parameters<typeof fx.joined>[1] = {}) => fx.joined(PAGE, options);

  it('delivers a reply live in its conversation, counts it, and pages and resyncs it', async () => {
    offset = 0;
    const a = await joined();
    const b = await joined();
    const first = nextEvent(b.socket, 'comment:created');
    const top = await post(a.socket, 'Komentar pertama tentang hilirisasi.');
    await first;
    const live = nextEvent(b.socket, 'comment:created');
    const reply = await post(b.socket, 'Saya setuju dengan Sari.', { authorName: 'Budi', parentId: top.id });
    expect(reply).toMatchObject({ parentId: top.id, rootId: top.id, depth: 1, replyTo: 'Sari', likes: 0, replyCount: 0, editedAt: null });
    expect(await live).toMatchObject({ type: 'comment:created', seq: 2, count: 2, comment: { id: reply.id, rootId: top.id } });
    const deeper = await post(a.socket, 'Terima kasih, Budi.', { parentId: reply.id });
    expect(deeper).toMatchObject({ rootId: top.id, depth: 2, replyTo: 'Budi' });

    const fresh = await joined();
    expect(fresh.snapshot.count).toBe(3);
    expect(fresh.snapshot.comments.map((c) => [c.id, c.replyCount])).toEqual([[top.id, 2]]);
    expect(fresh.snapshot.replies.map((c) => c.id)).toEqual([reply.id, deeper.id]);

    const resync = await request(b.socket, 'thread:resync', { page: PAGE, afterSeq: 1 });
    expect(resync.ok && resync.data.events.map((e) => (e.type === 'comment:created' ? e.comment.id : e.type))).toEqual([reply.id, deeper.id]);

    const more = await request(a.socket, 'thread:replies', { page: PAGE, rootId: top.id, skip: 1 });
    expect(more.ok && more.data.replies.map((c) => c.id)).toEqual([deeper.id]);
  });

  it('pages a long conversation: the page carries its first replies, thread:replies the rest after them, then by cursor', async () => {
    const a = await joined();
    const top = await post(a.socket, 'Percakapan panjang dimulai.');
    const total = 2 * LIMITS.repliesPerRoot + 3;
    const replies: string[] = [];
    for (let i = 0; i < total; i++) replies.push((await post(a.socket, `Balasan ke-${i}.`, { parentId: top.id })).id);
    const { snapshot } = await joined();
    expect(snapshot.comments[0]?.replyCount).toBe(total);
    expect(snapshot.replies.map((r) => r.id)).toEqual(replies.slice(0, LIMITS.repliesPerRoot));
    const second = await request(a.socket, 'thread:replies', { page: PAGE, rootId: top.id, skip: snapshot.replies.length });
    if (!second.ok || second.data.nextCursor === null) throw new Error('no second page of replies');
    expect(second.data.replies.map((r) => r.id)).toEqual(replies.slice(LIMITS.repliesPerRoot, 2 * LIMITS.repliesPerRoot));
    const third = await request(a.socket, 'thread:replies', { page: PAGE, rootId: top.id, cursor: second.data.nextCursor });
    expect(third.ok && third.data.replies.map((r) => r.id)).toEqual(replies.slice(2 * LIMITS.repliesPerRoot));
    expect(third.ok && third.data.nextCursor).toBeNull();
  });

  it('refuses a reply to a comment that awaits review, saying so, and one to a comment that does not exist', async () => {
    const a = await joined();
    const held = await request(a.socket, 'comment:create', { page: PAGE, text: 'you are a fucking idiot', authorName: 'Sari', key: newKey() });
    expect(held.ok && held.data.comment.status).toBe('pending');
    if (!held.ok) return;
    const toHeld = await request(a.socket, 'comment:create', {
      page: PAGE,
      text: 'balasan',
      authorName: 'Sari',
      key: newKey(),
      parentId: held.data.comment.id,
    });
    expect(toHeld).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'parentId', message: expect.stringMatching(/awaits review/) } });
    const toNothing = await request(a.socket, 'comment:create', {
      page: PAGE,
      text: 'balasan',
      authorName: 'Sari',
      key: newKey(),
      parentId: 'nothing-here-123',
    });
    expect(toNothing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'parentId', message: expect.stringMatching(/does not exist/) } });
  });

  it('toggles a like live, once per identity, and a join and a resync show it', async () => {
    const a = await joined();
    const b = await joined();
    const comment = await post(a.socket, 'Suka ini kalau setuju.');
    const live = nextEvent(a.socket, 'comment:liked');
    expect(await request(b.socket, 'comment:react', { page: PAGE, id: comment.id, like: true })).toEqual({
      ok: true,
      data: { likes: 1, liked: true },
    });
    expect(await live).toMatchObject({ type: 'comment:liked', id: comment.id, likes: 1, seq: 2 });
    // Repeating is harmless and changes nothing.
    expect(await request(b.socket, 'comment:react', { page: PAGE, id: comment.id, like: true })).toEqual({
      ok: true,
      data: { likes: 1, liked: true },
    });
    const again = await joined({ token: b.snapshot.viewer.token });
    expect(again.snapshot.liked).toEqual([comment.id]);
    expect(again.snapshot.comments[0]?.likes).toBe(1);
    expect((await joined()).snapshot.liked).toEqual([]);

    expect(await request(b.socket, 'comment:react', { page: PAGE, id: comment.id, like: false })).toEqual({
      ok: true,
      data: { likes: 0, liked: false },
    });
    const resync = await request(a.socket, 'thread:resync', { page: PAGE, afterSeq: 1 });
    expect(resync.ok && resync.data.events.map((e) => (e.type === 'comment:liked' ? e.likes : e.type))).toEqual([1, 0]);
    const missing = await request(b.socket, 'comment:react', { page: PAGE, id: 'nothing-here-123', like: true });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('joins in the sort asked for, and refuses a cursor of another sort', async () => {
    const a = await joined();
    const b = await joined();
    const posted = [];
    for (let i = 0; i < LIMITS.pageSize + 2; i++) posted.push(await post(a.socket, `Komentar nomor ${i} tentang nikel.`));
    const liked = posted[3];
    if (!liked) throw new Error('no comment to like');
    await request(b.socket, 'comment:react', { page: PAGE, id: liked.id, like: true });

    const oldest = await request(b.socket, 'thread:join', { page: PAGE, sort: 'oldest' });
    expect(oldest.ok && oldest.data.sort).toBe('oldest');
    expect(oldest.ok && oldest.data.comments.map((c) => c.id)).toEqual(posted.slice(0, LIMITS.pageSize).map((c) => c.id));
    const newest = await request(b.socket, 'thread:join', { page: PAGE });
    expect(newest.ok && newest.data.comments[0]?.id).toBe(posted.at(-1)?.id);
    const byLikes = await request(b.socket, 'thread:join', { page: PAGE, sort: 'likes' });
    expect(byLikes.ok && byLikes.data.comments.map((c) => c.id).slice(0, 2)).toEqual([liked.id, posted.at(-1)?.id]);

    if (!oldest.ok || oldest.data.nextCursor === null) throw new Error('no cursor');
    const next = await request(b.socket, 'thread:more', { page: PAGE, sort: 'oldest', cursor: oldest.data.nextCursor });
    expect(next.ok && next.data.comments.map((c) => c.id)).toEqual(posted.slice(LIMITS.pageSize).map((c) => c.id));
    const wrong = await request(b.socket, 'thread:more', { page: PAGE, sort: 'likes', cursor: oldest.data.nextCursor });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'cursor' } });

    const http = await fetch(`${fx.server.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}?sort=oldest`);
    const body = (await http.json()) as { ok: boolean; data: { sort: string; comments: { id: string }[]; liked: string[] } };
    expect(body.data.sort).toBe('oldest');
    expect(body.data.comments[0]?.id).toBe(posted[0]?.id);
    expect(body.data.liked).toEqual([]);
    expect((await fetch(`${fx.server.url}/api/v1/threads/demo/${encodeURIComponent(PAGE)}?sort=best`)).status).toBe(400);
  });

  it('sends an edit live, holds an edit the rules hold, and refuses one after the window or by another reader', async () => {
    offset = 0;
    const a = await joined();
    const b = await joined();
    const comment = await post(a.socket, 'Tulisan dengan salah ketik.');
    const updated = nextEvent(b.socket, 'comment:updated');
    const edit = await request(a.socket, 'comment:edit', { page: PAGE, id: comment.id, text: 'Tulisan tanpa salah ketik.' });
    expect(edit.ok && edit.data.comment).toMatchObject({ id: comment.id, text: 'Tulisan tanpa salah ketik.', status: 'published' });
    expect(edit.ok && edit.data.comment.editedAt).toEqual(expect.any(Number));
    expect(await updated).toMatchObject({ type: 'comment:updated', count: 1, comment: { id: comment.id, text: 'Tulisan tanpa salah ketik.' } });

    const other = await request(b.socket, 'comment:edit', { page: PAGE, id: comment.id, text: 'Bukan punyaku.' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const left = nextEvent(b.socket, 'comment:deleted');
    const held = await request(a.socket, 'comment:edit', { page: PAGE, id: comment.id, text: 'you are a fucking idiot' });
    expect(held.ok && held.data.comment.status).toBe('pending');
    expect(held.ok && held.data.reasons.map((r) => r.rule)).toContain('profanity');
    expect(await left).toMatchObject({ type: 'comment:deleted', id: comment.id, count: 0 });
    const back = await joined({ token: a.snapshot.viewer.token });
    expect(back.snapshot.mine.map((m) => m.comment.id)).toEqual([comment.id]);
    expect(back.snapshot.comments).toEqual([]);

    // Edited clean, the held comment is published again.
    const created = nextEvent(b.socket, 'comment:created');
    const clean = await request(a.socket, 'comment:edit', { page: PAGE, id: comment.id, text: 'Maaf, saya tarik kata-kata tadi.' });
    expect(clean.ok && clean.data.comment.status).toBe('published');
    expect((await created).comment.id).toBe(comment.id);

    offset = (LIMITS.editWindowMinutesDefault + 1) * MIN;
    const late = await request(a.socket, 'comment:edit', { page: PAGE, id: comment.id, text: 'Terlambat.' });
    expect(late).toMatchObject({ ok: false, error: { code: 'EDIT_WINDOW_CLOSED' } });
    offset = 0;
  });

  it('deletes a comment live, leaving a tombstone while a reply hangs under it', async () => {
    const a = await joined();
    const b = await joined();
    const top = await post(a.socket, 'Akan saya hapus nanti.');
    const reply = await post(b.socket, 'Balasan yang tetap ada.', { authorName: 'Budi', parentId: top.id });
    expect(await request(b.socket, 'comment:delete', { page: PAGE, id: top.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const gone = nextEvent(b.socket, 'comment:deleted');
    expect(await request(a.socket, 'comment:delete', { page: PAGE, id: top.id })).toEqual({ ok: true, data: {} });
    expect(await gone).toMatchObject({ type: 'comment:deleted', id: top.id, count: 1 });
    const fresh = await joined();
    expect(fresh.snapshot.comments).toEqual([expect.objectContaining({ id: top.id, status: 'deleted', text: '', authorName: '' })]);
    expect(fresh.snapshot.replies.map((c) => c.id)).toEqual([reply.id]);
    expect(fresh.snapshot.count).toBe(1);
    const stored = await fx.opened.store.getComment('demo', PAGE, top.id);
    expect(stored?.text).toBe('');
  });

  it('joins and posts as the SSO identity the page’s token proves, and continues anonymous when the token is refused', async () => {
    const sso = await joined({ sso: await ssoToken({ sub: 'user-77', name: 'Ani Verified', avatar: 'https://koran.id/a/77.png' }) });
    expect(sso.snapshot.viewer).toMatchObject({
      authorId: 'sso:user-77',
      kind: 'sso',
      name: 'Ani Verified',
      avatarUrl: 'https://koran.id/a/77.png',
      ssoError: null,
    });
    const observer = await joined();
    const live = nextEvent(observer.socket, 'comment:created');
    const ack = await request(sso.socket, 'comment:create', { page: PAGE, text: 'Dari akun terverifikasi.', key: newKey() });
    expect(ack.ok && ack.data.comment).toMatchObject({
      authorId: 'sso:user-77',
      authorKind: 'sso',
      authorName: 'Ani Verified',
      avatarUrl: 'https://koran.id/a/77.png',
    });
    expect((await live).comment).toMatchObject({ authorKind: 'sso', authorName: 'Ani Verified' });

    const forged = await joined({ sso: await ssoToken({ sub: 'user-77', name: 'Ani' }, 'YW5vdGhlci1zaXRlcy1zZWNyZXQtb2YtMzItYnl0ZXMtLS0') });
    expect(forged.snapshot.viewer).toMatchObject({ kind: 'anonymous', name: null, ssoError: { code: 'SSO_INVALID' } });
    expect(forged.snapshot.viewer.authorId).toMatch(/^a_/);
    const huge = await joined({ sso: 'x'.repeat(LIMITS.ssoTokenMax + 1) });
    expect(huge.snapshot.viewer).toMatchObject({ kind: 'anonymous', ssoError: { code: 'SSO_INVALID', message: expect.stringMatching(/longer/) } });
    const nameless = await request(forged.socket, 'comment:create', { page: PAGE, text: 'Tanpa nama.', key: newKey() });
    expect(nameless).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'authorName', reason: 'missing' } });
  });

  it('joins and posts as a signed-in moderator of the site, and keeps their name from anonymous readers', async () => {
    await addTestModerator(fx.opened.store, Date.now(), { name: 'Dewi Redaksi' });
    const cookie = await signIn(fx.server.url);
    const mod = await joined({ headers: { cookie } });
    expect(mod.snapshot.viewer).toMatchObject({ authorId: 'mod:mod-dewi', kind: 'moderator', name: 'Dewi Redaksi' });
    const ack = await request(mod.socket, 'comment:create', { page: PAGE, text: 'Catatan dari redaksi.', authorName: 'Siapa Saja', key: newKey() });
    expect(ack.ok && ack.data.comment).toMatchObject({ authorId: 'mod:mod-dewi', authorKind: 'moderator', authorName: 'Dewi Redaksi' });

    const reader = await joined();
    for (const name of ['dewi redaksi', 'DEWI  REDAKSI', 'Déwi Redaksi', 'redaksi koran']) {
      const refused = await request(reader.socket, 'comment:create', { page: PAGE, text: 'Menyamar.', authorName: name, key: newKey() });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NAME_RESERVED', field: 'authorName' } });
    }
    expect((await request(reader.socket, 'comment:create', { page: PAGE, text: 'Nama sendiri.', authorName: 'Dewi', key: newKey() })).ok).toBe(true);
  });
});

describe.each(STORE_KINDS)('a closed thread on the %s store', (kind) => {
  const fx = useThreadFixture(kind, {
    moderation: { demo: moderationSettings({}, { closedPages: [PAGE] }) },
    siteSettings: { demo: { closedPages: [PAGE], editWindowMinutes: 5 } },
  });

  it('says so in the snapshot and refuses a new comment with THREAD_CLOSED', async () => {
    const { socket, snapshot } = await fx.joined(PAGE);
    expect(snapshot).toMatchObject({ closed: true, editWindowMinutes: 5 });
    const refused = await request(socket, 'comment:create', { page: PAGE, text: 'Masih bisa?', authorName: 'Sari', key: newKey() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'THREAD_CLOSED' } });
    const open = await fx.joined('/another-article/');
    expect(open.snapshot.closed).toBe(false);
  });
});
