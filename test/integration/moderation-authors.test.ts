/**
 * A moderator's hold on authors, on a real server over both stores: a ban (rejecting what of
 * theirs awaits review) stops their next post, an unban lifts it, trust skips the new-author
 * hold, the history lists their comments, and every action lands in the audit log and its
 * JSON-lines export.
 */
import { describe, expect, it } from 'vitest';
import { MODERATION_HTTP, type AuditEntry } from '../../protocol/moderation.ts';
import { useModerationFixture } from '../support/moderation-fixture.ts';
import { moderateOk } from '../support/moderator-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';

const PAGE = '/2025/03/penulis/';
const DAY_MS = 86_400_000;

describe.each(STORE_KINDS)('moderating authors on the %s store', (kind) => {
  const fx = useModerationFixture(kind, {
    moderation: { demo: moderationSettings({ newAuthor: { holdFirst: 1 }, duplicate: { enabled: false }, velocity: { enabled: false } }) },
  });

  it('bans an author, rejecting their pending comments, refuses their next post with AUTHOR_BANNED, and lets them post after an unban', async () => {
    const dewi = await fx.console();
    const author = await fx.watching(PAGE);
    const bystander = await fx.watching(PAGE);
    const ids: string[] = [];
    for (const text of ['Beli obat murah di toko kami.', 'Diskon besar hari ini saja.']) {
      const ack = await author.post(text, 'Promo');
      if (!ack.ok) throw new Error(ack.error.message);
      expect(ack.data.comment.status).toBe('pending');
      ids.push(ack.data.comment.id);
    }
    const other = await bystander.post('Saya juga baru pertama komentar.', 'Tono');
    if (!other.ok) throw new Error(other.error.message);
    await dewi.events.until('queue:counts', (c) => c.pending === 3);

    const before = Date.now();
    const banned = await moderateOk(dewi.socket, 'author:ban', {
      authorId: author.authorId,
      duration: '1d',
      rejectPending: true,
      reason: 'Spam',
    });
    expect(banned.rejected).toBe(2);
    expect(banned.author).toMatchObject({ authorId: author.authorId, rejectedCount: 2 });
    expect(banned.author.bannedUntil).toBeGreaterThanOrEqual(before + DAY_MS);
    expect(banned.author.bannedUntil).toBeLessThanOrEqual(Date.now() + DAY_MS);
    for (const id of ids) expect((await fx.opened.store.getComment('demo', PAGE, id))?.status).toBe('rejected');
    // The bystander's comment is not theirs: still pending.
    expect((await fx.opened.store.getComment('demo', PAGE, other.data.comment.id))?.status).toBe('pending');
    for (const id of ids) await dewi.events.until('queue:resolved', (e) => e.id === id && e.queue === 'pending');
    await dewi.events.until('queue:counts', (c) => c.pending === 1 && c.rejected === 2);
    for (const id of ids) expect(await author.events.until('comment:status', (s) => s.id === id)).toMatchObject({ status: 'rejected' });

    const refused = await author.post('Saya mau komentar lagi.', 'Promo');
    expect(!refused.ok && refused.error.code).toBe('AUTHOR_BANNED');

    const unbanned = await moderateOk(dewi.socket, 'author:unban', { authorId: author.authorId });
    expect(unbanned.bannedUntil).toBeNull();
    const again = await author.post('Maaf, saya tidak akan promosi lagi.', 'Promo');
    expect(again.ok && again.data.comment.status).toBe('pending');

    const permanent = await moderateOk(dewi.socket, 'author:ban', { authorId: author.authorId, duration: 'permanent', rejectPending: false });
    expect(permanent.rejected).toBe(0);
    expect(permanent.author.bannedUntil).toBe(Number.MAX_SAFE_INTEGER);
    expect(again.ok && (await fx.opened.store.getComment('demo', PAGE, again.data.comment.id))?.status).toBe('pending');
  });

  it('lets a trusted new author skip the new-author hold', async () => {
    const dewi = await fx.console();
    const newcomer = await fx.watching(PAGE);
    const held = await newcomer.post('Komentar pertama saya di sini.', 'Ayu');
    expect(held.ok && held.data.comment.status).toBe('pending');

    const trusted = await moderateOk(dewi.socket, 'author:trust', { authorId: newcomer.authorId, trusted: true });
    expect(trusted).toMatchObject({ authorId: newcomer.authorId, trusted: true, approvedCount: 0 });
    const next = await newcomer.post('Komentar kedua, langsung tampil.', 'Ayu');
    expect(next.ok && next.data.comment.status).toBe('published');

    // Their published comment counts now; taking the trust back only clears the mark.
    expect(await moderateOk(dewi.socket, 'author:trust', { authorId: newcomer.authorId, trusted: false })).toMatchObject({
      trusted: false,
      approvedCount: 1,
    });
  });

  it('lists an author’s comments on the site, every status, newest first', async () => {
    const dewi = await fx.console();
    const author = await fx.watching(PAGE);
    const elsewhere = await fx.watching('/2025/03/lain/');
    const first = await author.post('Pertama: ditahan lalu ditolak.', 'Rudi');
    if (!first.ok) throw new Error(first.error.message);
    const held = await dewi.events.until('queue:added', (e) => e.item.comment.id === first.data.comment.id);
    await moderateOk(dewi.socket, 'queue:decide', { page: PAGE, id: first.data.comment.id, revision: held.item.revision, action: 'reject' });
    const second = await author.post('Kedua: masih menunggu.', 'Rudi Baru');
    if (!second.ok) throw new Error(second.error.message);
    // Someone else's comment on another page is not in Rudi's history.
    expect((await elsewhere.post('Komentar orang lain.', 'Lain')).ok).toBe(true);

    const history = await moderateOk(dewi.socket, 'author:history', { authorId: author.authorId });
    expect(history.author).toMatchObject({ authorId: author.authorId, name: 'Rudi Baru', rejectedCount: 1, approvedCount: 0 });
    expect(history.author.firstSeen).toBe(first.data.comment.createdAt);
    expect(history.recent.map((i) => [i.comment.id, i.comment.status])).toEqual([
      [second.data.comment.id, 'pending'],
      [first.data.comment.id, 'rejected'],
    ]);
    expect(history.recent[1]?.decision).toMatchObject({ action: 'reject', by: 'dewi@example.com' });
  });

  it('writes every author action and decision to the audit log and exports it as JSON lines, newest first', async () => {
    const dewi = await fx.console();
    const author = await fx.watching(PAGE);
    const ack = await author.post('Komentar yang akan ditolak bersama larangan.', 'Joko');
    if (!ack.ok) throw new Error(ack.error.message);
    await dewi.events.until('queue:added', (e) => e.item.comment.id === ack.data.comment.id);
    await moderateOk(dewi.socket, 'author:ban', { authorId: author.authorId, duration: '7d', rejectPending: true, reason: 'Kasar' });
    await moderateOk(dewi.socket, 'author:unban', { authorId: author.authorId });
    await moderateOk(dewi.socket, 'author:trust', { authorId: author.authorId, trusted: true });

    const listed = await moderateOk(dewi.socket, 'audit:list', { cursor: null });
    expect(listed.entries.map((e) => e.action)).toEqual(['trust', 'unban', 'ban', 'reject']);
    const [trust, unban, ban, reject] = listed.entries;
    for (const entry of listed.entries) expect(entry).toMatchObject({ site: 'demo', moderatorId: 'mod-dewi', moderatorEmail: 'dewi@example.com' });
    expect(reject).toMatchObject({
      target: { commentId: ack.data.comment.id, page: PAGE, authorId: author.authorId },
      before: 'pending',
      after: 'rejected',
      reason: 'Kasar',
    });
    expect(ban).toMatchObject({ target: { authorId: author.authorId }, reason: 'Kasar', before: 'not banned' });
    expect(ban?.after).toMatch(/^banned until /);
    expect(unban).toMatchObject({ before: ban?.after, after: 'not banned' });
    expect(trust).toMatchObject({ before: 'not banned', after: 'not banned, trusted' });

    const paged = await moderateOk(dewi.socket, 'audit:list', { cursor: null, limit: 3 });
    expect(paged.entries.map((e) => e.id)).toEqual(listed.entries.slice(0, 3).map((e) => e.id));
    const rest = await moderateOk(dewi.socket, 'audit:list', { cursor: paged.nextCursor, limit: 3 });
    expect(rest.entries.map((e) => e.id)).toEqual(listed.entries.slice(3).map((e) => e.id));
    expect(rest.nextCursor).toBeNull();

    const res = await fetch(`${fx.server.url}${MODERATION_HTTP.auditExport}?site=demo`, { headers: { cookie: dewi.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rembuk-audit-demo.jsonl"');
    const body = await res.text();
    expect(body.endsWith('\n')).toBe(true);
    const lines = body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEntry);
    expect(lines).toEqual(listed.entries);
  });
});
